/**
 * Links and embed code for a scenario. The scenario part is src/scenario's codec
 * (`#s=1.<base64url(deflate(JSON))>`); the view part (viewParams.ts) follows it in the
 * same fragment. Everything after `#` stays in the browser: nothing is sent to a server.
 */
import type { OpenedLink } from '../../scenario/codec/url.ts';
import { readSharePayload } from '../../scenario/codec/fragment.ts';
import { model } from '../../store/lazyModel.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { encodeViewParams, parseViewParams, type LinkView, type ViewParse } from './viewParams.ts';

/**
 * Longest link that browsers, chat tools and mail clients reliably carry. Longer links
 * still open here, but the share dialog warns and offers a file instead.
 */
export const LINK_WARN_CHARS = 8000;

/**
 * The embeddable page, next to the app's page. It is a page of its own (not a query on the
 * app's) because a static server can only send different headers per path: the app refuses
 * to be framed by other sites, the embed page allows it (config/security.ts).
 */
export const EMBED_PAGE = 'embed.html';

/** The directory the app is served from (`https://host/arp/`), whichever of its pages `href` is. */
function appDir(href: string): string {
  const u = new URL(href);
  return `${u.origin}${u.pathname.replace(/[^/]*\.html$/, '')}`;
}

/** The app's address without query (options such as ?lang= are per reader) or fragment. */
export function pageBase(href: string): string {
  return appDir(href);
}

/** The full share link: page address, scenario, then the view (if any). */
export function shareUrl(href: string, scenario: ScenarioV1, view?: LinkView | null): string {
  return `${pageBase(href)}${model().encodeShareFragment(scenario)}${encodeViewParams(view)}`;
}

/** The embed address: the embed page and the same fragment. */
export function embedUrl(href: string, scenario: ScenarioV1, view?: LinkView | null): string {
  return `${appDir(href)}${EMBED_PAGE}${model().encodeShareFragment(scenario)}${encodeViewParams(view)}`;
}

/** The full app for an embed's address: same query and fragment, on the app's page. */
export function fullAppUrl(href: string): string {
  const u = new URL(href);
  u.searchParams.delete('embed');
  return `${appDir(href)}${u.search}${u.hash}`;
}

/** `&`, `<`, `>`, `"` and `'` as HTML entities, for an attribute value in double quotes. */
export function escapeAttribute(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export const EMBED_MIN = 200;
export const EMBED_MAX = 4000;

/** A whole number of pixels within the embed limits (fallback for anything else). */
export function clampEmbedSize(n: number, fallback: number): number {
  return Number.isFinite(n) ? Math.min(EMBED_MAX, Math.max(EMBED_MIN, Math.round(n))) : fallback;
}

/** The `<iframe>` snippet for a blog post or slide. The title comes from the scenario: escaped. */
export function embedSnippet(src: string, width: number, height: number, title: string): string {
  const w = clampEmbedSize(width, 800);
  const h = clampEmbedSize(height, 500);
  return `<iframe src="${escapeAttribute(src)}" width="${w}" height="${h}" title="${escapeAttribute(title)}" loading="lazy" style="border:0"></iframe>`;
}

/** What a page address says: nothing to load, or a decoded link (ok, ok without some parts, or not) with its view. */
export type LocationLink =
  | { kind: 'none' }
  | { kind: 'link'; result: OpenedLink; view: ViewParse };

/**
 * Reads the scenario and view from a page address or fragment, loading what is valid; `opened`
 * is the scenario part when it was opened already (off the page's thread: openLink.ts). Never throws.
 */
export function readLocationLink(hrefOrHash: string, opened: OpenedLink | null = null): LocationLink {
  if (readSharePayload(hrefOrHash) === null) return { kind: 'none' };
  return { kind: 'link', result: opened ?? model().openShareLink(hrefOrHash), view: parseViewParams(hrefOrHash) };
}

/** Is this URL in embed mode (the embed page, or `?embed=1` on the app's page as older snippets had)? */
export function isEmbedUrl(href: string): boolean {
  try {
    const u = new URL(href);
    return u.pathname.endsWith(`/${EMBED_PAGE}`) || u.searchParams.get('embed') === '1';
  } catch {
    return false;
  }
}
