/**
 * The Chinese UI font covers every CJK character the UI uses: reads the shipped woff2's own
 * character map (harfbuzz) and its @font-face unicode-range. Fails when a zh string gains a
 * character the subset lacks — run `npm run fonts` to rebuild it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert } from 'fontverter';
import { Blob, Face } from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { uiCjkChars, unicodeRange } from '../scripts/fonts/chars.ts';

const root = join(import.meta.dirname, '..');
const woff2 = readFileSync(join(root, 'src/assets/fonts/arplab-sc-400.woff2'));
const css = readFileSync(join(root, 'src/i18n/zhFont.css'), 'utf8');
const used = uiCjkChars(root);

describe('Chinese UI font subset', () => {
  it('has a glyph for every CJK character the UI uses', async () => {
    const face = new Face(new Blob(await convert(woff2, 'sfnt')));
    const covered = new Set(face.collectUnicodes());
    const missing = [...used].filter(([c]) => !covered.has(c.codePointAt(0)!)).map(([c, file]) => `${c} (${file})`);
    expect(missing, 'characters missing from the subset: run `npm run fonts`').toEqual([]);
    expect(used.size).toBeGreaterThan(300); // the scan found the zh table, not nothing
  });

  it("declares every UI character in its unicode-range (else the browser would not use it for them)", () => {
    const range = /unicode-range:\s*([^;]+);/.exec(css)?.[1].trim() ?? '';
    const declared = (cp: number) =>
      range.split(',').some((part) => {
        const [a, b = a] = part.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h, 16));
        return cp >= a && cp <= b;
      });
    const missing = [...used].filter(([c]) => !declared(c.codePointAt(0)!)).map(([c, file]) => `${c} (${file})`);
    expect(missing, 'characters missing from the unicode-range: run `npm run fonts`').toEqual([]);
  });

  it('stays small', () => {
    expect(woff2.length).toBeLessThan(150_000);
  });

  it('unicodeRange writes runs as ranges', () => {
    expect(unicodeRange([0x4e01, 0x4e00, 0x4e02, 0x4e10, 0x4e00])).toBe('U+4E00-4E02,U+4E10');
  });
});
