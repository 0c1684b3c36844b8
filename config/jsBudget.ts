/**
 * The first-load budget (issue 15): what a page loads before its first screen — its entry
 * chunk and every chunk that one imports statically, transitively (the `<script>` and
 * `<link rel="modulepreload">` tags Vite writes) — must stay at or under BUDGET_GZIP bytes of
 * JavaScript, gzipped. Chunks reached only through `import()` (React.lazy panels: console,
 * lessons, LVS views, dialogs…) load when first used and do not count.
 * `npm run build` runs scripts/js-budget.ts after `vite build`: it prints every chunk's
 * gzipped size and fails above the budget.
 */

/** 200 kB of JavaScript, gzipped, per page's first load. */
export const BUDGET_GZIP = 200 * 1000;

/** The part of Vite's build manifest (`build.manifest`) this reads. */
export interface ManifestChunk {
  file: string;
  /** Keys of chunks imported statically (loaded with this one). */
  imports?: string[];
  /** Keys of chunks imported with import() (loaded on demand). */
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The JavaScript a page's HTML names: module scripts and modulepreload links (paths without the leading "/"). */
export function htmlScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const tag = m[0];
    if (m[1] === 'link' && !/\brel="modulepreload"/.test(tag)) continue;
    const url = /\b(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    if (url && !/^[a-z]+:/i.test(url)) out.push(url.replace(/^\//, ''));
  }
  return out;
}

/**
 * The JavaScript files a page loads before anything runs: the files its HTML names and,
 * transitively, every chunk those import statically (Vite's manifest, keyed by chunk; the
 * HTML may name only the entry and leave its imports to the browser).
 */
export function initialFiles(manifest: Manifest, html: string): string[] {
  const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
  const byKey = (key: string) => {
    const c = manifest[key];
    if (!c) throw new Error(`build manifest: no chunk ${key}`);
    return c;
  };
  const seen = new Set<string>();
  const visit = (chunk: ManifestChunk) => {
    if (seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(byKey(k));
  };
  for (const file of htmlScripts(html)) {
    const chunk = byFile.get(file);
    if (!chunk) throw new Error(`build manifest: the page loads ${file}, which the manifest does not list`);
    visit(chunk);
  }
  return [...seen].filter((f) => f.endsWith('.js'));
}

export interface PageBudget {
  page: string;
  /** Initial files with their gzipped sizes, biggest first. */
  files: { file: string; gzip: number }[];
  total: number;
  over: boolean;
}

/** Each page's first load against the budget; `gzipOf` gives a file's gzipped size. */
export function checkBudget(pages: { page: string; html: string }[], manifest: Manifest, gzipOf: (file: string) => number, budget = BUDGET_GZIP): PageBudget[] {
  return pages.map(({ page, html }) => {
    const files = initialFiles(manifest, html)
      .map((file) => ({ file, gzip: gzipOf(file) }))
      .sort((a, b) => b.gzip - a.gzip);
    const total = files.reduce((s, f) => s + f.gzip, 0);
    return { page, files, total, over: total > budget };
  });
}

export const kB = (n: number) => `${(n / 1000).toFixed(2)} kB`;
