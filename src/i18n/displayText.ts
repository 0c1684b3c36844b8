/**
 * Text from a scenario, a link or a file is shown as written, never as it asks to be shown.
 *
 * Bidi: an explicit override in a name (`\u202Egnp.exe`) would make it read "exe.png", and a
 * right-to-left name would pull the punctuation around it into its own direction. `isolate`
 * shows every explicit bidi formatting character as a visible `‹U+202E›` and wraps text that
 * has right-to-left characters or controls in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE,
 * which works in HTML, SVG <text>, attributes, document.title and exported files alike (SVG has
 * no <bdi>). Plain left-to-right text comes back unchanged, so the UI's own text and the tests
 * that read it are not touched.
 *
 * Length: an unbroken run of 10,000 characters is shortened in the middle (`shortenRuns`), so
 * both ends of a name stay visible; the full text goes in a tooltip.
 */

/** ALM, LRM, RLM, the embeddings and overrides (LRE RLE PDF LRO RLO) and the isolates (LRI RLI FSI PDI). */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const BIDI_ONE = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/;
/** Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, …, their presentation forms). */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDFFF]/;
const FSI = '\u2068';
const PDI = '\u2069';

const hex = (c: string) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/**
 * Explicit bidi controls made visible (`‹U+202E›`), so they cannot reorder what is shown.
 * Balanced FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE pairs stay: they reorder nothing
 * outside themselves, and they are what `isolate` adds, so text already isolated (a translated
 * message with names in it) can be passed through again.
 */
export function showBidiControls(s: string): string {
  if (!BIDI_CONTROL.test(s)) return s;
  const cps = [...s];
  const keep = new Set<number>();
  const open: number[] = [];
  cps.forEach((c, i) => {
    if (c === FSI) open.push(i);
    else if (c === PDI && open.length) {
      keep.add(open.pop()!);
      keep.add(i);
    }
  });
  return cps.map((c, i) => (!keep.has(i) && BIDI_ONE.test(c) ? `‹U+${hex(c)}›` : c)).join('');
}

/** `s` safe to show inside other text: controls visible, and isolated if it has any right-to-left part. */
export function isolate(s: string): string {
  const visible = showBidiControls(s);
  return visible !== s || RTL.test(s) ? `${FSI}${visible}${PDI}` : s;
}

/** Longest unbroken run shown in full; longer ones keep their start and end around "…". */
export const MAX_RUN = 64;

/**
 * Every whitespace-free run longer than `max` characters shortened in the middle. Counts
 * code points, so a surrogate pair is never split.
 */
export function shortenRuns(s: string, max = MAX_RUN): string {
  return s.replace(/\S+/gu, (run) => {
    const cps = [...run];
    if (cps.length <= max) return run;
    const keep = Math.floor((max - 1) / 2);
    return `${cps.slice(0, keep).join('')}…${cps.slice(cps.length - keep).join('')}`;
  });
}

/** A message for display: runs shortened, then isolated; `full` for its tooltip when it was shortened. */
export function displayMessage(s: string): { text: string; full: string | undefined } {
  const short = shortenRuns(s);
  return { text: isolate(short), full: short === s ? undefined : showBidiControls(s) };
}
