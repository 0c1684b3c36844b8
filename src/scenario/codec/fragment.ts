/**
 * Where a link keeps its scenario: the `s` parameter of the address fragment. Apart from the
 * codec (url.ts) so that the page can tell whether it was opened with a link without loading
 * the validation (README "First load").
 */

/** The fragment parameter that holds a scenario. */
export const SHARE_PARAM = 's';

/**
 * The `s` parameter of a link, a fragment ("#s=…", "s=…") or a whole URL; null if there is
 * none (a page address without a scenario).
 */
export function readSharePayload(input: string): string | null {
  const text = input.trim();
  const hash = text.indexOf('#');
  const fragment = hash >= 0 ? text.slice(hash + 1) : text;
  for (const part of fragment.split('&')) {
    if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1);
  }
  return null;
}
