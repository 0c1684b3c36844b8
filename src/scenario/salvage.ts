/**
 * Loading what is valid: a scenario with a bad part (an action naming an interface its host
 * does not have, a broken address, a route to nowhere) keeps everything else. The bad parts
 * are left out one by one — the smallest part that holds each problem: an action, an
 * address, a route, a static neighbour, a sysctl, a segment member, a layout entry, a field
 * of an interface or host; a whole interface or host only when that is where the problem
 * is — and each is listed with the reason the validation gave. Leaving a host out can make
 * other parts wrong (the actions that name it): the next round lists those, with their
 * reason. Nothing here throws; it fails (like loadScenario) when the document has no usable
 * shape at all (not an object, a newer version, no hosts object).
 */
import { formatPath, issue, type ScenarioIssue } from './issues.ts';
import { loadScenario, parseScenarioText, type LoadResult } from './load.ts';
import { migrate } from './migrations/index.ts';

type Part = string | number;

export interface LeftOut {
  /** Where the part was, in the document as it was stored (`actions[3]`, `hosts.A.routes[1]`). */
  path: string;
  /** Why: the problem the validation reported, with its own path. */
  reason: ScenarioIssue;
}

export type SalvageResult =
  | (Extract<LoadResult, { ok: true }> & { leftOut: LeftOut[] })
  | Extract<LoadResult, { ok: false }>;

/** Rounds of "validate, leave out what is named" (each leaves out at least one part). */
const MAX_ROUNDS = 64;

/** `hosts.A.interfaces.eth0.mac`, `actions[3].iface`, `hosts.A.sysctls["net.ipv4.ip_forward"]` → parts. */
export function parsePath(path: string): Part[] | null {
  const out: Part[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '.') i++;
    if (path[i] === '[') {
      if (path[i + 1] === '"') {
        // A JSON string up to the matching quote (escapes skipped), then "]".
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
        try {
          out.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
        } catch {
          return null;
        }
        if (path[j + 1] !== ']') return null;
        i = j + 2;
      } else {
        const m = /^\[(\d+)\]/.exec(path.slice(i));
        if (!m) return null;
        out.push(Number(m[1]));
        i += m[0].length;
      }
      continue;
    }
    const m = /^[\p{L}\p{N}_-]+/u.exec(path.slice(i));
    if (!m) return null;
    out.push(m[0]);
    i += m[0].length;
  }
  return out;
}

/** Lists keyed by where they are in the document: lists of a host, actions, segment members. */
const isList = (p: Part[]) =>
  (p.length === 1 && p[0] === 'actions') ||
  (p.length === 2 && p[0] === 'segments') ||
  (p.length === 3 && p[0] === 'hosts' && (p[2] === 'routes' || p[2] === 'neigh')) ||
  (p.length === 5 && p[0] === 'hosts' && p[2] === 'interfaces' && p[4] === 'addresses');

/** Objects that only hold the parts below them: never a part of their own, except when they are the problem. */
const CONTAINERS = new Set(['hosts', 'interfaces', 'sysctls', 'segments', 'layout']);

/** Not a part that can be left out: the document, its hosts object, its version. */
const whole = (p: Part[]) => p.length === 0 || (p.length === 1 && (p[0] === 'hosts' || p[0] === 'version'));

/**
 * The smallest removable part that holds a problem at `path`: an element of a list (an
 * action, an address, a route…), else the field or entry the path names (a sysctl, an
 * interface's MAC, a layout entry). Null for the document itself, its hosts, its version.
 */
function unitOf(path: Part[]): Part[] | null {
  for (let n = 1; n <= path.length; n++) {
    const prefix = path.slice(0, n);
    if (isList(prefix.slice(0, -1)) && typeof prefix[n - 1] === 'number') return prefix;
  }
  return whole(path) ? null : path;
}

/** The part that holds `unit` (a field → its interface, an interface → its host); null at the top. */
function parentUnit(unit: Part[]): Part[] | null {
  let p = unit.slice(0, -1);
  while (p.length > 1 && typeof p[p.length - 1] === 'string' && CONTAINERS.has(p[p.length - 1] as string)) p = p.slice(0, -1);
  return whole(p) ? null : p;
}

const keyOf = (p: Part[]) => JSON.stringify(p);

type Json = Record<string, unknown> | unknown[];

function containerAt(doc: Json, path: Part[]): Json | null {
  let v: unknown = doc;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return null;
    v = (v as Record<string, unknown>)[p as string];
  }
  return typeof v === 'object' && v !== null ? (v as Json) : null;
}

/** Loads `input`, leaving out the parts that do not validate (listed in `leftOut`). */
export function loadWhatIsValid(input: unknown): SalvageResult {
  const first = loadScenario(input);
  if (first.ok) return { ...first, leftOut: [] };
  const m = migrate(input);
  if (!m.ok) return first;
  const doc = structuredClone(m.doc) as Record<string, unknown>;
  // Where each element of a shortened list was in the stored document.
  const origin = new Map<string, number[]>();
  const originalPath = (unit: Part[]): Part[] => {
    const out: Part[] = [];
    for (let n = 0; n < unit.length; n++) {
      const p = unit[n];
      const idx = typeof p === 'number' ? origin.get(keyOf(unit.slice(0, n))) : undefined;
      out.push(idx && typeof p === 'number' ? (idx[p] ?? p) : p);
    }
    return out;
  };
  const leftOut: LeftOut[] = [];
  const removed = new Set<string>();
  let r: LoadResult = first;
  for (let round = 0; round < MAX_ROUNDS && !r.ok; round++) {
    const units = new Map<string, { unit: Part[]; reason: ScenarioIssue }>();
    for (const is of r.issues) {
      const path = parsePath(is.path);
      let unit = path ? unitOf(path) : null;
      // Left out already and still a problem (a required field): leave out what holds it.
      while (unit && removed.has(keyOf(originalPath(unit)))) unit = parentUnit(unit);
      if (!unit) return r;
      if (![...units.values()].some((u) => keyOf(unit!.slice(0, u.unit.length)) === keyOf(u.unit))) units.set(keyOf(unit), { unit, reason: is });
    }
    // Lists: remove from the highest index down, so the other indexes stay right.
    const ordered = [...units.values()].sort((a, b) => {
      const x = a.unit[a.unit.length - 1];
      const y = b.unit[b.unit.length - 1];
      return typeof x === 'number' && typeof y === 'number' ? y - x : 0;
    });
    const shortened = new Map<string, { list: unknown[]; drop: Set<number> }>();
    for (const { unit, reason } of ordered) {
      const at = containerAt(doc, unit.slice(0, -1));
      const last = unit[unit.length - 1];
      if (!at) return r;
      const orig = originalPath(unit);
      leftOut.push({ path: formatPath(orig), reason });
      removed.add(keyOf(orig));
      if (Array.isArray(at) && typeof last === 'number') {
        const k = keyOf(unit.slice(0, -1));
        const s = shortened.get(k) ?? { list: at, drop: new Set<number>() };
        s.drop.add(last);
        shortened.set(k, s);
      } else {
        delete (at as Record<string, unknown>)[last as string];
      }
    }
    for (const [k, { list, drop }] of shortened) {
      const before = origin.get(k) ?? list.map((_, i) => i);
      origin.set(k, before.filter((_, i) => !drop.has(i)));
      const kept = list.filter((_, i) => !drop.has(i));
      list.length = 0;
      list.push(...kept);
    }
    r = loadScenario(doc);
  }
  if (!r.ok) return { ok: false, issues: [...r.issues, issue([], 'invalid', 'too many problems to leave out one by one')] };
  return { ...r, leftOut };
}

/** A file's text, loaded as loadWhatIsValid does: text that is not JSON (or repeats a key) is refused whole. */
export function loadWhatIsValidText(text: string): SalvageResult {
  const p = parseScenarioText(text);
  return p.ok ? loadWhatIsValid(p.doc) : p;
}
