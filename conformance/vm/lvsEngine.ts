/**
 * The engine's side of an LVS scenario (format v2): the document becomes the engine's
 * input and is simulated in this process (the engine is pure and fast: no root, no VM).
 */
import { normalizeScenario } from '../../src/scenario/normalize.ts';
import type { ScenarioV1 as FormatV1 } from '../../src/scenario/types.ts';
import { simulate, type ConnectAction, type EngineScenario, type IpvsServiceSpec, type ListenSpec, type SimResult } from '../../src/engine/index.ts';
import type { ScenarioV1 } from '../scenario.ts';
import type { IpvsServiceV2, ListenV2 } from './lvsKernel.ts';

/**
 * Version 2 = version 1 + host `listen`/`ipvs` + the `connect` action (the lead's brief,
 * mirrored by src/engine/input.ts): the v1 part is normalized as v1, the rest is added
 * with the format's defaults.
 */
export function engineInput(doc: ScenarioV1): EngineScenario {
  const hosts: Record<string, unknown> = {};
  for (const [name, h] of Object.entries(doc.hosts)) {
    const { listen: _l, ipvs: _i, ...rest } = h as Record<string, unknown>;
    hosts[name] = rest;
  }
  const actions = doc.actions ?? [];
  const v1 = { ...doc, version: 1, hosts, actions: actions.map((a) => (a.type === 'connect' ? { type: 'snapshot' } : a)) } as unknown as FormatV1;
  const scn = normalizeScenario(v1);
  actions.forEach((a, i) => {
    if (a.type !== 'connect') return;
    const c: ConnectAction = { type: 'connect', host: String(a.host), to: String(a.to), proto: (a.proto as 'tcp' | 'udp' | undefined) ?? 'tcp' };
    for (const k of ['count', 'interval', 'timeout', 'settle'] as const) if (typeof a[k] === 'number') c[k] = a[k];
    scn.actions[i] = c;
  });
  for (const h of scn.hosts) {
    const src = doc.hosts[h.name] as { listen?: ListenV2[]; ipvs?: IpvsServiceV2[] };
    if (src.listen) h.listen = src.listen.map((l): ListenSpec => ({ proto: l.proto ?? 'tcp', port: l.port, ...(l.addr ? { addr: l.addr } : {}) }));
    if (src.ipvs) {
      h.ipvs = src.ipvs.map((s): IpvsServiceSpec => ({
        proto: s.proto ?? 'tcp', vip: s.vip, port: s.port, scheduler: (s.scheduler ?? 'wlc') as IpvsServiceSpec['scheduler'],
        ...(s.persistent !== undefined ? { persistent: s.persistent } : {}),
        ...(s.netmask ? { netmask: s.netmask } : {}),
        dests: s.dests.map((d) => ({ ip: d.ip, ...(d.port ? { port: d.port } : {}), weight: d.weight ?? 1, method: d.method ?? 'dr' })),
      }));
    }
  }
  return scn;
}

export function simulateLvs(doc: ScenarioV1): SimResult {
  return simulate(engineInput(doc));
}
