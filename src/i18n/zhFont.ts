/**
 * The Chinese UI font (a subset of Noto Sans SC built by `npm run fonts`), fetched only when
 * 简体中文 is chosen: the CSS is a separate chunk that declares the face, and the face's file
 * comes with it. Machines with a CJK font of their own use that one (it comes earlier in
 * --sans); a machine with none would otherwise show boxes.
 *
 * The UI switches to Chinese only once the face is ready: Chromium keeps the missing-glyph
 * boxes of text it laid out before an @font-face rule arrived (seen on buttons and headings
 * until something forced a relayout), so the face must exist before the first Chinese text.
 */
const FAMILY = 'ARP Lab SC';
/** Never hold the language switch longer than this for the font (a broken file, a slow disk). */
const WAIT_MS = 3000;

let loading: Promise<void> | null = null;

export function loadZhFont(): Promise<void> {
  loading ??= (async () => {
    await import('./zhFont.css');
    await document.fonts.load(`16px '${FAMILY}'`, '中文');
  })().catch(() => undefined);
  return Promise.race([loading, new Promise<void>((r) => setTimeout(r, WAIT_MS))]);
}
