/**
 * Edits checked by the scenario's own validation before they are committed: the op is
 * applied to a copy, the copy is loaded once with `loadScenario` (schema + cross-references:
 * addresses, prefixes, MACs, duplicate names and MACs, gateways, segments…), and if that
 * reports problems the scenario did not have before, the edit is refused and the problems
 * are returned for the form to show. Nothing is written; the form keeps what was typed.
 *
 * An accepted result carries that load (`loaded`: the engine input of `next`, or its old
 * problems), so whoever commits `next` simulates it without validating it again.
 */
import { loadScenario, type LoadResult, type ScenarioIssue } from '../scenario/load.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import { applyOp } from './apply.ts';
import { lockIssues, type Locks } from './locks.ts';
import { opAffectsSimulation, type ScenarioOp } from './op.ts';

export type CheckResult =
  /** `loaded` is null when the engine sees nothing new (`next` is `s`, or only the layout moved). */
  | { ok: true; next: ScenarioV1; loaded: LoadResult | null }
  | { ok: false; issues: ScenarioIssue[] };

export type Loader = (json: unknown) => LoadResult;

const key = (i: ScenarioIssue) => `${i.path}\u0000${i.message}`;
const known = new WeakMap<ScenarioV1, ReadonlySet<string>>();

/** The issues a scenario has (cached per scenario object; empty when it is valid). */
function issuesOf(s: ScenarioV1, load: Loader): ReadonlySet<string> {
  let k = known.get(s);
  if (!k) {
    const r = load(s);
    k = new Set(r.ok ? [] : r.issues.map(key));
    known.set(s, k);
  }
  return k;
}

/**
 * Applies `op` to `s` if the result has no new validation problem (loading it once) and
 * changes no locked setting (`locks`: knobs a lesson or a trainer locked, ops/locks.ts).
 */
export function checkOp(s: ScenarioV1, op: ScenarioOp, load: Loader = loadScenario, locks: Locks = []): CheckResult {
  let next: ScenarioV1;
  try {
    next = applyOp(s, op);
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: e instanceof Error ? e.message : String(e) }] };
  }
  const locked = lockIssues(s, next, locks);
  if (locked.length) return { ok: false, issues: locked };
  if (next === s || !opAffectsSimulation(op)) return { ok: true, next, loaded: null };
  const r = load(next);
  known.set(next, new Set(r.ok ? [] : r.issues.map(key)));
  if (r.ok) return { ok: true, next, loaded: r };
  const before = issuesOf(s, load);
  const fresh = r.issues.filter((i) => !before.has(key(i)));
  return fresh.length ? { ok: false, issues: fresh } : { ok: true, next, loaded: r };
}

/** One line for a refused edit (the toolbar's alert). */
export function issuesText(issues: readonly ScenarioIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}
