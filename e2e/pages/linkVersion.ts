/**
 * The "#s=N." marker of a share link is the format version of the scenario inside it
 * (src/scenario/codec/url.ts refuses a link whose marker and document disagree): a test that
 * builds a link by hand gives it its document's version — 1 when the document names none.
 */
export function linkVersion(doc: unknown): number {
  if (typeof doc === 'string') {
    const m = /"version"\s*:\s*(\d+)/.exec(doc);
    return m ? Number(m[1]) : 1;
  }
  const v = (doc as { version?: unknown } | null)?.version;
  return typeof v === 'number' ? v : 1;
}
