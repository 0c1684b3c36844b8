/**
 * unknown JSON → migrated → validated scenario v1 → engine input. Errors name the field and
 * say why. Nothing here throws, whatever the input: every failure is a list of issues.
 */
import type { EngineScenario } from '../engine/index.ts';
import { issue, issueOf, type ScenarioIssue } from './issues.ts';
import { errorMap, fromZod } from './zodIssues.ts';
import { findDuplicateKey, findJsonSyntaxError } from './jsonSyntax.ts';
import { MAX_TEXT_CHARS } from './limits.ts';
import { msg } from './messages.ts';
import { migrate } from './migrations/index.ts';
import { normalizeScenario } from './normalize.ts';
import { ANNOTATION_FIELDS, asScenarioV1, scenarioSchema } from './schema.ts';
import type { ScenarioV1 } from './types.ts';

export type { ScenarioIssue } from './issues.ts';
export { formatIssue } from './issues.ts';

export type LoadResult =
  | { ok: true; scenario: ScenarioV1; engine: EngineScenario }
  | { ok: false; issues: ScenarioIssue[] };

export { MAX_TEXT_CHARS } from './limits.ts';

const internal = (e: unknown): { ok: false; issues: ScenarioIssue[] } => ({
  ok: false,
  issues: [issueOf([], msg('internal', e instanceof Error ? `${e.name}: ${e.message}` : String(e)))],
});

/**
 * JSON.parse keeps a "__proto__" key as an ordinary field, but zod drops it without a word
 * (it would otherwise set a prototype). Report it instead of losing a host silently.
 */
function protoKeyPath(doc: unknown): (string | number)[] | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: doc, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop() as { v: unknown; path: (string | number)[] };
    if (typeof v !== 'object' || v === null || path.length > 6) continue;
    if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
      continue;
    }
    if (Object.hasOwn(v, '__proto__')) return [...path, '__proto__'];
    for (const [k, x] of Object.entries(v)) {
      if (!(ANNOTATION_FIELDS as readonly string[]).includes(k)) stack.push({ v: x, path: [...path, k] });
    }
  }
  return null;
}

/** Loads done already, by the scenario they produced (reuseLoad). */
const reused = new WeakMap<object, Extract<LoadResult, { ok: true }>>();

/**
 * Hands over a load done elsewhere by this same code (the open worker: src/view/share/
 * openOffThread.ts): loading `r.scenario` again returns `r` at once instead of validating a
 * heavy scenario twice. The scenario must not be changed afterwards — the store never
 * changes one (every edit makes a new object, which is validated).
 */
export function reuseLoad(r: Extract<LoadResult, { ok: true }>): void {
  reused.set(r.scenario, r);
}

/** Validates a parsed document (any value) and normalises it for the engine. */
export function loadScenario(input: unknown): LoadResult {
  const done = typeof input === 'object' && input !== null ? reused.get(input) : undefined;
  if (done) return done;
  try {
    const m = migrate(input);
    if (!m.ok) return { ok: false, issues: m.issues };
    const proto = protoKeyPath(m.doc);
    if (proto) return { ok: false, issues: [issueOf(proto, msg('reservedName'))] };
    const r = scenarioSchema.safeParse(m.doc, { error: errorMap });
    if (!r.success) {
      const issues = fromZod(r.error);
      return { ok: false, issues: issues.length ? issues : [issue([], 'invalid', 'the scenario is not valid')] };
    }
    const scenario = asScenarioV1(r.data);
    return { ok: true, scenario, engine: normalizeScenario(scenario) };
  } catch (e) {
    return internal(e);
  }
}

/** Parses JSON text (a file, a paste) and loads it; syntax errors come with line and column. */
export function loadScenarioText(text: string): LoadResult {
  const p = parseScenarioText(text);
  return p.ok ? loadScenario(p.doc) : p;
}

/**
 * JSON text → the parsed document, or why it is not one: too large, empty, a syntax error
 * (with line and column), a key repeated in one object (JSON.parse would keep only the last).
 * Never throws.
 */
export function parseScenarioText(text: string): { ok: true; doc: unknown } | { ok: false; issues: ScenarioIssue[] } {
  try {
    if (typeof text !== 'string') return { ok: false, issues: [issueOf([], msg('wrongType', 'JSON text', text))] };
    if (text.length > MAX_TEXT_CHARS) {
      return { ok: false, issues: [issueOf([], msg('fileTooLarge', text.length, MAX_TEXT_CHARS))] };
    }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === '') return { ok: false, issues: [issueOf([], msg('fileEmpty'))] };
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch (e) {
      let where: ReturnType<typeof findJsonSyntaxError> = null;
      try {
        where = findJsonSyntaxError(body);
      } catch {
        where = null;
      }
      const p = where
        ? msg('jsonSyntax', where.line, where.column, where.message)
        : { code: 'jsonSyntax' as const, message: `JSON syntax error: ${e instanceof Error ? e.message : String(e)}` };
      return { ok: false, issues: [issueOf([], p)] };
    }
    const dup = duplicateKeyIssue(body);
    if (dup) return { ok: false, issues: [dup] };
    return { ok: true, doc };
  } catch (e) {
    return internal(e);
  }
}

/** A key repeated in one object (JSON.parse would keep only the last), as an issue; or null. */
export function duplicateKeyIssue(text: string): ScenarioIssue | null {
  const d = findDuplicateKey(text);
  return d ? issueOf([...d.path, d.key], msg('duplicateKey', d.key, d.line, d.firstLine)) : null;
}
