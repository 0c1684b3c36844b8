/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { EMBED_PAGE, securityPlugin } from './config/security.ts';

export default defineConfig({
  plugins: [react(), securityPlugin()],
  // Two pages: the app, and the embeddable diagram (its own page so that servers can let
  // other sites frame it while refusing to let them frame the app).
  // The manifest tells scripts/js-budget.ts which chunks each page loads first (issue 15's budget).
  build: { manifest: true, rolldownOptions: { input: { main: 'index.html', embed: EMBED_PAGE } } },
  server: { host: '127.0.0.1', port: 5173 },
  // The dev server's scan of the pages' imports does not reach workers' imports: d3-force
  // (imported by the layout worker only) would be found at the first Auto-layout, and Vite
  // would reload the page to optimise it.
  optimizeDeps: { include: ['d3-force'] },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts', 'conformance/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setupModel.ts'],
    testTimeout: 60_000,
  },
});
