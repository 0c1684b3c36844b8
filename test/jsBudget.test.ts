/** The first-load budget check (config/jsBudget.ts) on fake builds: what counts, and failing above the budget. */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET_GZIP, checkBudget, htmlScripts, initialFiles, type Manifest } from '../config/jsBudget.ts';

const manifest: Manifest = {
  _main: { file: 'assets/main.js', imports: ['_shared', '_runtime'], dynamicImports: ['src/Console.tsx'] },
  _shared: { file: 'assets/shared.js', imports: ['_runtime'] },
  _runtime: { file: 'assets/runtime.js' },
  _css: { file: 'assets/main.css' },
  'src/Console.tsx': { file: 'assets/Console.js', imports: ['_shared', '_xterm'] },
  _xterm: { file: 'assets/xterm.js' },
};
const html = `<html><head>
<script type="module" crossorigin src="/assets/main.js"></script>
<link rel="stylesheet" href="/assets/main.css"><link rel="icon" href="/favicon.svg">
</head></html>`;
const sizes: Record<string, number> = { 'assets/main.js': 120_000, 'assets/shared.js': 60_000, 'assets/runtime.js': 1_000, 'assets/Console.js': 90_000, 'assets/xterm.js': 80_000 };

describe('first-load JavaScript budget', () => {
  it('reads module scripts and modulepreload links, not styles or icons', () => {
    expect(htmlScripts(`${html}<link rel="modulepreload" crossorigin href="/assets/shared.js">`)).toEqual(['assets/main.js', 'assets/shared.js']);
  });

  it('counts the page’s scripts and their static imports, not what import() loads', () => {
    expect(initialFiles(manifest, html).sort()).toEqual(['assets/main.js', 'assets/runtime.js', 'assets/shared.js']);
  });

  it('passes at the budget and fails one byte above it', () => {
    const [at] = checkBudget([{ page: 'index.html', html }], manifest, (f) => sizes[f], 181_000);
    expect(at).toMatchObject({ total: 181_000, over: false });
    expect(at.files.map((f) => f.file)).toEqual(['assets/main.js', 'assets/shared.js', 'assets/runtime.js']);
    const [above] = checkBudget([{ page: 'index.html', html }], manifest, (f) => sizes[f], 180_999);
    expect(above.over).toBe(true);
  });

  it('fails a build whose first load pulls a big chunk in statically (200 kB budget)', () => {
    const eager: Manifest = { ...manifest, _main: { ...manifest._main, imports: ['_shared', '_runtime', 'src/Console.tsx'] } };
    const [page] = checkBudget([{ page: 'index.html', html }], eager, (f) => sizes[f]);
    expect(page.total).toBe(351_000);
    expect(page.over).toBe(BUDGET_GZIP < 351_000);
    expect(page.over).toBe(true);
  });

  it('refuses a page that loads a file the manifest does not know', () => {
    expect(() => initialFiles(manifest, '<script type="module" src="/assets/other.js"></script>')).toThrow(/does not list/);
  });
});

/**
 * The gate itself: scripts/js-budget.ts (what `npm run build` runs after `vite build`) on a
 * fake dist/ whose pages load random, incompressible JavaScript of a chosen size.
 */
describe('npm run build fails above the budget', () => {
  const runOn = (entryBytes: number) => {
    const dist = mkdtempSync(join(tmpdir(), 'arplab-budget-'));
    try {
      mkdirSync(join(dist, '.vite'));
      mkdirSync(join(dist, 'assets'));
      const m: Manifest = { 'index.html': { file: 'assets/main.js', dynamicImports: ['src/Lazy.tsx'] }, 'src/Lazy.tsx': { file: 'assets/lazy.js' } };
      writeFileSync(join(dist, '.vite/manifest.json'), JSON.stringify(m));
      // A comment of random base64 does not compress below ~75 %: the gzipped size is known to within a few kB.
      const js = (n: number) => `/*${randomBytes(n).toString('base64')}*/`;
      writeFileSync(join(dist, 'assets/main.js'), js(entryBytes));
      writeFileSync(join(dist, 'assets/lazy.js'), js(300_000));
      const page = '<script type="module" crossorigin src="/assets/main.js"></script>';
      writeFileSync(join(dist, 'index.html'), page);
      writeFileSync(join(dist, 'embed.html'), page);
      return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/js-budget.ts', dist], { encoding: 'utf8', timeout: 60_000 });
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  };

  it('exits 1 and says so when a page loads more than 200 kB gzipped first', () => {
    const r = runOn(Math.ceil(BUDGET_GZIP * 1.05));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/first load of index\.html: 2\d\d\.\d\d kB .* — OVER BUDGET/);
    expect(r.stderr).toMatch(/over budget/);
  });

  it('exits 0 under the budget, whatever import() loads later', () => {
    const r = runOn(Math.floor(BUDGET_GZIP * 0.9));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/OVER BUDGET/);
    expect(r.stdout).toMatch(/assets\/lazy\.js/);
  });
});
