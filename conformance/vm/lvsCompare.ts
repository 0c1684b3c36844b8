/**
 * What "agrees with the kernel" means for an LVS step: everything compare.ts compares
 * (every neighbour table, the ARP frames as a multiset, ping/arping ok) and
 *   ok           for connect: every connection served, on both sides;
 *   connections  per connection, in order: its result and the real server that served it
 *                (the name the answer carried);
 *   ipvs         each director's connection table as a multiset of
 *                "PROTO STATE virtual destination" (the client's port is random on the
 *                kernel, and the time left depends on when the table was read).
 */
import { canonNeigh, compareStep, multisetDiff, type StepDiff } from '../compare.ts';
import type { StepRecord } from '../record.ts';
import type { StepResult } from '../../src/engine/index.ts';

export type LvsAspect = 'connections' | 'ipvs';
export interface LvsDiff { aspect: StepDiff['aspect'] | LvsAspect | 'ok'; host?: string; kernel: unknown; other: unknown }

export function canonConnections(list: { i: number; result: string; server: string | null }[] | undefined): string[] {
  return (list ?? []).map((c) => `#${c.i} ${c.result}${c.result === 'served' ? ` by ${c.server}` : ''}`);
}

export function canonIpvs(rows: { proto: string; state: string; virtual: string; destination: string }[] | undefined): string[] {
  return (rows ?? []).map((r) => `${r.proto} ${r.state} ${r.virtual} ${r.destination}`).sort();
}

export function compareLvsStep(k: StepRecord, s: StepResult | undefined): LvsDiff[] {
  const diffs: LvsDiff[] = compareStep(k, s ? { ...s, neigh: s.neigh as never } : undefined);
  if (!s) return diffs;
  if (k.type === 'connect') {
    if (k.ok !== s.ok) diffs.push({ aspect: 'ok', kernel: k.ok, other: s.ok });
    const a = canonConnections(k.connections);
    const b = canonConnections(s.connections ?? []);
    if (a.join('|') !== b.join('|')) diffs.push({ aspect: 'connections', kernel: a, other: b });
  }
  const directors = new Set([...Object.keys(k.ipvs ?? {}), ...Object.keys(s.ipvs ?? {})]);
  for (const d of directors) {
    const { onlyA, onlyB } = multisetDiff(canonIpvs(k.ipvs?.[d]), canonIpvs(s.ipvs?.[d]?.conns));
    if (onlyA.length || onlyB.length) diffs.push({ aspect: 'ipvs', host: d, kernel: onlyA, other: onlyB });
  }
  return diffs;
}

export { canonNeigh };
