/**
 * The view part of a share link: where the playback stands, what is selected, and (if the
 * sender chose to) the language and theme. It travels after the scenario in the same
 * fragment, `#s=1.<scenario>&v=1&at=42&host=A&lang=zh&theme=dark&speed=2`, so the scenario
 * part stays exactly the `#s=2.…` codec of src/scenario and links without a view still work.
 *
 * `v` is the view format version. Every value is checked: a bad or unknown one is dropped
 * with a warning, never applied, and never stops the scenario from loading.
 */
import { SPEEDS } from '../../store/slices/playback.ts';
import type { Lang, Theme } from '../../store/types.ts';

/** Version of the view parameters this code writes and reads. */
export const VIEW_VERSION = 1;

/** What a link may say about the view (every field optional). */
export interface LinkView {
  /** Number of trace events applied (the timeline's "event N of M"). */
  at?: number;
  /** Selected host. */
  host?: string;
  lang?: Lang;
  theme?: Theme;
  /** Playback speed factor. */
  speed?: number;
}

export type ViewWarning =
  | { code: 'viewTooNew'; version: number }
  | { code: 'viewBadVersion'; value: string }
  | { code: 'viewBadValue'; key: string; value: string };

export interface ViewParse {
  /** null: the link has no view part (no `v=`). */
  view: LinkView | null;
  warnings: ViewWarning[];
}

const LANG_VALUES: readonly Lang[] = ['en', 'zh'];
const THEME_VALUES: readonly Theme[] = ['light', 'dark'];
/** A link may only ask for a speed the timeline offers. */
const VIEW_SPEEDS: readonly number[] = SPEEDS;
/** Largest event index a link may name; the trace decides the real bound when applied. */
export const MAX_AT = 10_000_000;
/** Host names in scenarios are short identifiers; anything longer is not one. */
const MAX_HOST_CHARS = 64;
/** A value longer than this is shown shortened in warnings. */
const SHOW_CHARS = 24;

const hasControlChar = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const shorten = (s: string) => (s.length > SHOW_CHARS ? `${s.slice(0, SHOW_CHARS)}…` : s);

function decode(v: string): string | null {
  try {
    return decodeURIComponent(v);
  } catch {
    return null;
  }
}

/** `&v=1&at=…`: the view parameters to append after `#s=2.…`; '' for an empty view. */
export function encodeViewParams(view: LinkView | null | undefined): string {
  if (!view) return '';
  const parts: string[] = [];
  if (view.at !== undefined && Number.isInteger(view.at) && view.at >= 0 && view.at <= MAX_AT) parts.push(`at=${view.at}`);
  if (view.host !== undefined && view.host !== '' && view.host.length <= MAX_HOST_CHARS) parts.push(`host=${encodeURIComponent(view.host)}`);
  if (view.lang && LANG_VALUES.includes(view.lang)) parts.push(`lang=${view.lang}`);
  if (view.theme && THEME_VALUES.includes(view.theme)) parts.push(`theme=${view.theme}`);
  if (view.speed !== undefined && VIEW_SPEEDS.includes(view.speed)) parts.push(`speed=${view.speed}`);
  return parts.length ? `&v=${VIEW_VERSION}&${parts.join('&')}` : '';
}

/** The fragment's `key=value` pairs (first occurrence wins), from a URL, a fragment or a bare list. */
function fragmentParams(input: string): Map<string, string> {
  const hash = input.indexOf('#');
  const fragment = hash >= 0 ? input.slice(hash + 1) : input;
  const out = new Map<string, string>();
  for (const part of fragment.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    if (!out.has(key)) out.set(key, part.slice(eq + 1));
  }
  return out;
}

/** Reads and checks the view parameters of a link. Never throws. */
export function parseViewParams(input: string): ViewParse {
  const warnings: ViewWarning[] = [];
  if (typeof input !== 'string') return { view: null, warnings };
  const p = fragmentParams(input);
  const version = p.get('v');
  if (version === undefined) return { view: null, warnings };
  if (!/^[1-9]\d{0,5}$/.test(version)) return { view: null, warnings: [{ code: 'viewBadVersion', value: shorten(decode(version) ?? version) }] };
  if (Number(version) > VIEW_VERSION) return { view: null, warnings: [{ code: 'viewTooNew', version: Number(version) }] };

  const view: LinkView = {};
  const bad = (key: string, value: string) => warnings.push({ code: 'viewBadValue', key, value: shorten(decode(value) ?? value) });

  const at = p.get('at');
  if (at !== undefined) {
    if (/^\d{1,8}$/.test(at) && Number(at) <= MAX_AT) view.at = Number(at);
    else bad('at', at);
  }
  const host = p.get('host');
  if (host !== undefined) {
    const name = decode(host);
    // Host names are plain identifiers in the format; control characters never are.
    if (name !== null && name !== '' && name.length <= MAX_HOST_CHARS && !hasControlChar(name)) view.host = name;
    else bad('host', host);
  }
  const lang = p.get('lang');
  if (lang !== undefined) {
    if ((LANG_VALUES as readonly string[]).includes(lang)) view.lang = lang as Lang;
    else bad('lang', lang);
  }
  const theme = p.get('theme');
  if (theme !== undefined) {
    if ((THEME_VALUES as readonly string[]).includes(theme)) view.theme = theme as Theme;
    else bad('theme', theme);
  }
  const speed = p.get('speed');
  if (speed !== undefined) {
    const n = /^\d{1,3}(\.\d{1,3})?$/.test(speed) ? Number(speed) : NaN;
    if (VIEW_SPEEDS.includes(n)) view.speed = n;
    else bad('speed', speed);
  }
  return { view, warnings };
}
