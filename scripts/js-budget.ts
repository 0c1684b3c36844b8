/**
 * Run by `npm run build` after `vite build`: prints every JavaScript chunk's gzipped size,
 * marks what each page loads first, and exits 1 when a page's first load is over the budget
 * (config/jsBudget.ts), so the build fails. usage: tsx scripts/js-budget.ts [DIST_DIR]
 * (`npm run check:budget` runs it on an existing dist/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGET_GZIP, checkBudget, kB, type Manifest } from '../config/jsBudget.ts';

const dist = process.argv[2] ?? 'dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
const sizes = new Map<string, number>();
const gzipOf = (file: string) => {
  let n = sizes.get(file);
  if (n === undefined) sizes.set(file, (n = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length));
  return n;
};
const pages = checkBudget(
  ['index.html', 'embed.html'].map((page) => ({ page, html: readFileSync(join(dist, page), 'utf8') })),
  manifest,
  gzipOf,
);
const initial = new Set(pages.flatMap((p) => p.files.map((f) => f.file)));

console.log('JavaScript chunks, gzipped (* = loaded before the first screen):');
const all = [...new Set(Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js')))];
for (const f of all.sort((a, b) => gzipOf(b) - gzipOf(a))) console.log(`  ${initial.has(f) ? '*' : ' '} ${kB(gzipOf(f)).padStart(10)}  ${f}`);
for (const p of pages) {
  console.log(`first load of ${p.page}: ${kB(p.total)} of JavaScript gzipped (${p.files.length} chunks; budget ${kB(BUDGET_GZIP)})${p.over ? ' — OVER BUDGET' : ''}`);
}
if (pages.some((p) => p.over)) {
  console.error('js-budget: the first load is over budget. Load what the first screen does not need with import() / React.lazy (see README, "First load").');
  process.exit(1);
}
