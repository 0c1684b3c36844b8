/**
 * The Chinese characters the UI can show: every CJK character in the app's sources (the zh
 * string table, gallery summaries, the language picker's "简体中文", …). Scanning the sources
 * rather than one table means a zh string added anywhere is covered by the next `npm run fonts`,
 * and the font test fails until it is.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Characters a Latin-only machine has no glyph for: CJK symbols and punctuation, kana,
 * ideographs (unified, extension A, compatibility), CJK compatibility forms and fullwidth forms.
 */
const CJK = /[\u2E80-\u2FDF\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/gu;

/** Files that end up in the app (tests and fixtures are not shown to users). */
function appFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== '__fixtures__') out.push(...appFiles(p));
    } else if (/\.(ts|tsx|json|css|html)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** Sorted, unique CJK characters used in `root`'s src/ and index.html, with one file that uses each. */
export function uiCjkChars(root: string): Map<string, string> {
  const where = new Map<string, string>();
  for (const f of [...appFiles(join(root, 'src')), join(root, 'index.html')]) {
    for (const c of readFileSync(f, 'utf8').match(CJK) ?? []) if (!where.has(c)) where.set(c, relative(root, f));
  }
  return new Map([...where].sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!));
}

/** CSS unicode-range for a set of code points, in ranges (U+4E00-4E03,U+4E07). */
export function unicodeRange(codePoints: readonly number[]): string {
  const cps = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < cps.length; ) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j] + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    parts.push(i === j ? `U+${hex(cps[i])}` : `U+${hex(cps[i])}-${hex(cps[j])}`);
    i = j + 1;
  }
  return parts.join(',');
}
