/**
 * Share links: the scenario travels in the URL fragment (never sent to a server) as
 * `#s=<format version>.<base64url(raw deflate(canonical JSON))>`.
 *
 * Decoding is parse → inflate (capped) → JSON.parse → loadScenario (migrate, validate,
 * normalise). It never throws; every rejection says what is wrong in words a user can act on.
 * `decodeShareLink` returns nothing partial; `openShareLink`, what the app uses to open a
 * link, loads what is valid (salvage.ts) and returns the parts it left out and the link's
 * scenario text as it was, so that nothing is dropped silently.
 */
import { deflateSync, strToU8 } from 'fflate';
import type { EngineScenario } from '../../engine/index.ts';
import { formatIssue, issueOf, type ScenarioIssue } from '../issues.ts';
import { duplicateKeyIssue, loadScenario } from '../load.ts';
import { loadWhatIsValid, type LeftOut } from '../salvage.ts';
import { messages, msg, type MessageId, type Problem } from '../messages.ts';
import { CURRENT_VERSION } from '../migrations/index.ts';
import { serializeScenario } from '../serialize.ts';
import type { ScenarioV1 } from '../types.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { readSharePayload, SHARE_PARAM } from './fragment.ts';
import { inflateCapped } from './inflate.ts';

export { readSharePayload, SHARE_PARAM } from './fragment.ts';
/** Largest unpacked scenario a link may carry (bytes of JSON). */
export const MAX_INFLATED_BYTES = 1024 * 1024;
/** Longest link data accepted (characters); browsers cap URLs around 2 MB anyway. */
export const MAX_LINK_CHARS = 2 * 1024 * 1024;

export type ShareLinkResult =
  | { ok: true; scenario: ScenarioV1; engine: EngineScenario }
  | {
    ok: false;
    /** One sentence for the user. */
    message: string;
    /** Id of that sentence (messages.ts). */
    code: MessageId;
    /** Its arguments, for wording it in another language. */
    args?: readonly unknown[];
    /** Every problem; for an invalid scenario, each field's issue. */
    issues: ScenarioIssue[];
  };

type Failure = Extract<ShareLinkResult, { ok: false }>;

/** `1.<data>`: the value of the `s` parameter. */
export function encodeSharePayload(s: ScenarioV1): string {
  const bytes = deflateSync(strToU8(serializeScenario(s)), { level: 9, mem: 8 });
  return `${CURRENT_VERSION}.${toBase64Url(bytes)}`;
}

/** `#s=2.<data>` (the format version, 2): the fragment to put after the page address. */
export function encodeShareFragment(s: ScenarioV1): string {
  return `#${SHARE_PARAM}=${encodeSharePayload(s)}`;
}

/** The page address with the scenario's fragment (any previous fragment replaced). */
export function buildShareUrl(pageUrl: string, s: ScenarioV1): string {
  const hash = pageUrl.indexOf('#');
  return `${hash < 0 ? pageUrl : pageUrl.slice(0, hash)}${encodeShareFragment(s)}`;
}

const reject = (p: Problem): Failure => ({
  ok: false, code: p.code, message: p.message, ...(p.args ? { args: p.args } : {}), issues: [issueOf([], p)],
});

/** A link's scenario document before validation, and its JSON text as it was in the link. */
type Decoded = { ok: true; doc: unknown; json: string } | Failure;

const guard = <T>(f: () => T | Failure): T | Failure => {
  try {
    return f();
  } catch (e) {
    return reject(msg('internal', e instanceof Error ? e.message : String(e)));
  }
};

/** Decodes a link, fragment or payload into a validated scenario. Never throws. */
export function decodeShareLink(input: string): ShareLinkResult {
  return guard(() => {
    const d = decodeDocument(input);
    if (!d.ok) return d;
    const loaded = loadScenario(d.doc);
    return loaded.ok ? loaded : { ok: false, ...invalidLink(loaded.issues) };
  });
}

/** A link opened as the app opens it: what is valid, the parts left out (and why), and the scenario's text as it was in the link. */
export type OpenedLink =
  | { ok: true; scenario: ScenarioV1; engine: EngineScenario; leftOut: LeftOut[]; original: string }
  | Failure;

/** Decodes a link and loads what is valid in it (salvage.ts). Never throws. */
export function openShareLink(input: string): OpenedLink {
  return guard(() => {
    const d = decodeDocument(input);
    if (!d.ok) return d;
    const loaded = loadWhatIsValid(d.doc);
    return loaded.ok ? { ...loaded, original: d.json } : { ok: false, ...invalidLink(loaded.issues) };
  });
}

/** The rejection of a link whose scenario does not validate: the first three issues in the sentence, all in `issues`. */
function invalidLink(issues: ScenarioIssue[]) {
  const first = issues.slice(0, 3).map(formatIssue).join('; ');
  return { code: 'linkInvalid' as const, message: messages.linkInvalid(issues.length, first), args: [issues.length, first], issues };
}

function decodeDocument(input: string): Decoded {
  if (typeof input !== 'string') return reject(msg('linkNoScenario'));
  if (input.length > MAX_LINK_CHARS + 4096) return reject(msg('linkTooLong', input.length, MAX_LINK_CHARS));
  let payload = readSharePayload(input);
  if (payload === null) return reject(msg('linkNoScenario'));
  if (payload.includes('%')) {
    try {
      payload = decodeURIComponent(payload);
    } catch {
      // left as is: the base64 check below names the bad character
    }
  }
  payload = payload.replace(/\s+/g, '');
  const dot = payload.indexOf('.');
  if (dot < 0) return payload === '' ? reject(msg('linkEmpty')) : reject(msg('linkBadVersion', payload.slice(0, 10)));
  const versionText = payload.slice(0, dot);
  if (!/^[1-9]\d{0,5}$/.test(versionText)) return reject(msg('linkBadVersion', versionText));
  const version = Number(versionText);
  if (version > CURRENT_VERSION) return reject(msg('linkTooNew', version, CURRENT_VERSION));
  const data = payload.slice(dot + 1);
  if (data === '') return reject(msg('linkEmpty'));
  if (data.length > MAX_LINK_CHARS) return reject(msg('linkTooLong', data.length, MAX_LINK_CHARS));

  const b64 = fromBase64Url(data);
  if (!b64.ok) {
    return b64.reason === 'char'
      ? reject(msg('linkBadBase64', b64.char, dot + 1 + b64.position))
      : reject(msg('linkBadLength'));
  }
  const inflated = inflateCapped(b64.bytes, MAX_INFLATED_BYTES);
  if (!inflated.ok) {
    if (inflated.reason === 'truncated') return reject(msg('linkTruncated'));
    if (inflated.reason === 'too-large') return reject(msg('linkTooLarge', MAX_INFLATED_BYTES));
    return reject(msg('linkNotDeflate', inflated.detail));
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return reject(msg('linkNotText'));
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    return reject(msg('linkNotJson', e instanceof Error ? e.message : String(e)));
  }
  const dup = duplicateKeyIssue(json);
  if (dup) return { ok: false, ...invalidLink([dup]) };
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
    const v = (doc as Record<string, unknown>).version;
    if (v !== undefined && v !== version) return reject(msg('linkVersionMismatch', version, v));
    if (v === undefined && version !== 1) doc = { ...doc, version };
  }
  return { ok: true, doc, json };
}
