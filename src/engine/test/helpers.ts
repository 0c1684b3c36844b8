/** Small scenario builders for engine tests (format v1 in, engine result out). */
import { normalizeScenario } from '../../scenario/normalize.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { simulate } from '../sim/run.ts';
import type { SimResult } from '../trace.ts';

export function run(s: ScenarioV1): SimResult {
  return simulate(normalizeScenario(s));
}

/** "from op spa tpa" of every ARP frame of a step. */
export function arpLines(r: SimResult, step: number): string[] {
  return r.steps[step].frames.map((f) => `${f.from} ${f.op} ${f.spa}>${f.tpa}`);
}

export function neighOf(r: SimResult, step: number, host: string): string[] {
  return r.steps[step].neigh[host].map((n) => `${n.ip} ${n.dev} ${n.lladdr ?? '-'} ${n.state}`).sort();
}

/** A on one LAN with B: A eth0 .10/24 (+ extras), B eth0 .99/24. */
export function lanAB(extra: Partial<ScenarioV1['hosts'][string]> = {}, actions: ScenarioV1['actions'] = []): ScenarioV1 {
  return {
    version: 2,
    hosts: {
      A: { interfaces: { eth0: { mac: '02:00:00:00:0a:00', addresses: ['192.168.100.10/24'] } }, ...extra },
      B: { interfaces: { eth0: { mac: '02:00:00:00:0b:00', addresses: ['192.168.100.99/24'] } } },
    },
    segments: { lan: ['A.eth0', 'B.eth0'] },
    actions,
  };
}
