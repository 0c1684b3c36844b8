/**
 * Edits checked by the scenario's own validation before they are committed: the op is
 * applied to a copy, the copy is loaded with `loadScenario` (schema + cross-references:
 * addresses, prefixes, MACs, duplicate names and MACs, gateways, segments…), and if that
 * reports problems the scenario did not have before, the edit is refused and the problems
 * are returned for the form to show. Nothing is written; the form keeps what was typed.
 */
import { loadScenario, type ScenarioIssue } from '../scenario/load.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import { applyOp } from './apply.ts';
import { opAffectsSimulation, type ScenarioOp } from './op.ts';

export type CheckResult =
  | { ok: true; next: ScenarioV1 }
  | { ok: false; issues: ScenarioIssue[] };

const key = (i: ScenarioIssue) => `${i.path}\u0000${i.message}`;
const known = new WeakMap<ScenarioV1, ReadonlySet<string>>();

/** The issues a scenario has (cached per scenario object; empty when it is valid). */
function issuesOf(s: ScenarioV1): ReadonlySet<string> {
  let k = known.get(s);
  if (!k) {
    const r = loadScenario(s);
    k = new Set(r.ok ? [] : r.issues.map(key));
    known.set(s, k);
  }
  return k;
}

/** Applies `op` to `s` if the result has no new validation problem. */
export function checkOp(s: ScenarioV1, op: ScenarioOp): CheckResult {
  let next: ScenarioV1;
  try {
    next = applyOp(s, op);
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: e instanceof Error ? e.message : String(e) }] };
  }
  if (next === s || !opAffectsSimulation(op)) return { ok: true, next };
  const r = loadScenario(next);
  if (r.ok) {
    known.set(next, new Set());
    return { ok: true, next };
  }
  const before = issuesOf(s);
  const fresh = r.issues.filter((i) => !before.has(key(i)));
  return fresh.length ? { ok: false, issues: fresh } : { ok: true, next };
}
