import { defineConfig } from '@playwright/test';

// Debian's Chromium (apt install chromium): Playwright cannot download its own browser here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4317);
// The README's path (`npm start`: the Vite dev server, React StrictMode) on its own port.
const devPort = Number(process.env.E2E_DEV_PORT ?? port + 1000);
// Specs that walk every dialog and panel; they also run against the dev server.
const readmePath = /readme-path\.spec\.ts/;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PW_JSON ? [['json', { outputFile: process.env.PW_JSON }], ['list']] : [['list']],
  use: {
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    viewport: { width: 1400, height: 900 },
  },
  projects: [
    // The built app (vite build + vite preview), as deployed: every spec.
    { name: 'built', use: { baseURL: `http://127.0.0.1:${port}` } },
    // `npm start`: the dev server with StrictMode's double effects and HMR.
    { name: 'dev', testMatch: readmePath, use: { baseURL: `http://127.0.0.1:${devPort}` } },
  ],
  webServer: [
    {
      command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // What `npm start` runs (package.json), on another port.
      command: `npx vite --host 127.0.0.1 --port ${devPort} --strictPort`,
      url: `http://127.0.0.1:${devPort}`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
