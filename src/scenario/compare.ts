/**
 * Comparison of scenarios by meaning, for lesson goals and "has this changed" checks: two
 * scenarios compare equal when the engine would get the same input (defaults filled in,
 * route strings parsed, MACs lower-cased; annotations, title, notes and layout ignored).
 * Deliberately separate from serialize.ts (storage), whose output keeps what the user wrote.
 */
import { normalizeScenario } from './normalize.ts';
import type { ScenarioV1 } from './types.ts';

/** JSON with object keys sorted (arrays keep their order). */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableStringify(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** A string that is equal for two valid scenarios exactly when they simulate the same. */
export function normalizeForCompare(s: ScenarioV1): string {
  return stableStringify(normalizeScenario(s));
}

export function sameScenario(a: ScenarioV1, b: ScenarioV1): boolean {
  return normalizeForCompare(a) === normalizeForCompare(b);
}
