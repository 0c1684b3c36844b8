/**
 * What an edit changed in the outcome: compares two simulations step by step (each step's
 * result and each host's neighbour table at the step's end). Reported once per cache entry
 * and per step result, at the first step where it differs.
 */
import type { EngineScenario } from '../../engine/index.ts';
import type { NudState, SimResult } from '../../engine/index.ts';

export interface CacheSide {
  lladdr: string | null;
  state: NudState;
}

export type OutcomeChange =
  | { kind: 'cache'; step: number; host: string; dev: string; ip: string; before: CacheSide | null; after: CacheSide | null }
  | { kind: 'result'; step: number; before: boolean | null; after: boolean | null };

export function compareOutcomes(before: SimResult, after: SimResult): OutcomeChange[] {
  const out: OutcomeChange[] = [];
  const seen = new Set<string>();
  const n = Math.min(before.steps.length, after.steps.length);
  for (let i = 0; i < n; i++) {
    const a = before.steps[i];
    const b = after.steps[i];
    if (a.type !== b.type) break;
    if (a.ok !== b.ok) out.push({ kind: 'result', step: i, before: a.ok, after: b.ok });
    const hosts = new Set([...Object.keys(a.neigh), ...Object.keys(b.neigh)]);
    for (const host of hosts) {
      const ra = new Map((a.neigh[host] ?? []).map((r) => [`${r.dev} ${r.ip}`, r]));
      const rb = new Map((b.neigh[host] ?? []).map((r) => [`${r.dev} ${r.ip}`, r]));
      for (const k of new Set([...ra.keys(), ...rb.keys()])) {
        const x = ra.get(k);
        const y = rb.get(k);
        if (x && y && x.lladdr === y.lladdr && x.state === y.state) continue;
        const id = `${host} ${k}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const r = (y ?? x)!;
        out.push({
          kind: 'cache', step: i, host, dev: r.dev, ip: r.ip,
          before: x ? { lladdr: x.lladdr, state: x.state } : null,
          after: y ? { lladdr: y.lladdr, state: y.state } : null,
        });
      }
    }
  }
  return out;
}

/** MAC → "host.dev", to name the interface a cached MAC belongs to. */
export function macOwners(engine: EngineScenario): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of engine.hosts) for (const i of h.interfaces) if (i.name !== 'lo') out[i.mac] = `${h.name}.${i.name}`;
  return out;
}
