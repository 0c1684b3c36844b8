/**
 * The compact trace (sim/traceLog.ts) reads back exactly what the engine recorded: in
 * order, across chunk boundaries, after a structured clone (the worker posts it to the
 * page), and with Array's `at`/`slice` semantics that readers rely on.
 */
import { describe, expect, it } from 'vitest';
import { simulate, Simulation } from '../sim/run.ts';
import { reviveTraceLog, TraceLog } from '../sim/traceLog.ts';
import type { EngineScenario, HostSpec } from '../input.ts';
import type { TraceEvent } from '../trace.ts';

/** One segment: a gateway and `n` hosts that each ping it once (every broadcast reaches every host). */
function segment(n: number): EngineScenario {
  const hex = (i: number) => i.toString(16).padStart(2, '0');
  const host = (name: string, mac: string, cidr: string): HostSpec => ({
    name, interfaces: [{ name: 'eth0', mac, addresses: [{ cidr, scope: 'global', noprefixroute: false }], up: true }], routes: [], sysctls: [], neigh: [],
  });
  const hosts = [host('gw', '02:ff:00:00:00:01', '10.0.0.1/16')];
  for (let i = 1; i <= n; i++) hosts.push(host(`h${i}`, `02:00:00:00:${hex(i >> 8)}:${hex(i & 255)}`, `10.0.${i >> 8}.${(i & 255) + 2}/16`));
  return {
    seed: 7, hosts, segments: [{ name: 'lan', ports: hosts.map((h) => ({ host: h.name, dev: 'eth0' })) }],
    actions: hosts.slice(1).map((h) => ({ type: 'ping' as const, host: h.name, to: '10.0.0.1', count: 1 })),
  };
}

describe('TraceLog', () => {
  const sim = new Simulation(segment(150));
  while (sim.step());
  const log = sim.result().events as TraceLog;
  const all = [...log];

  it('holds a run of several chunks, every delivery and decision in the engine order', () => {
    expect(log).toBeInstanceOf(TraceLog);
    // 150 broadcasts to 150 other ports, a decision each, and the rest: three 16,384-row chunks.
    expect(log.length).toBeGreaterThan(2 * 16_384);
    expect(all).toHaveLength(log.length);
    const sent = new Set<number>();
    let t = 0;
    let rx = 0;
    for (const e of all) {
      expect(e.t).toBeGreaterThanOrEqual(t);
      t = e.t;
      if (e.kind === 'tx') sent.add(e.frame.id);
      if (e.kind === 'rx') {
        rx++;
        // A delivery names a frame sent before it, the port it reached and the segment.
        expect(sent.has(e.frameId)).toBe(true);
        expect(e).toEqual({ kind: 'rx', t: e.t, frameId: e.frameId, host: e.host, dev: 'eth0', segment: 'lan' });
      }
    }
    // One rx event per delivery the world made; each ping's broadcast alone reaches 150 ports.
    expect(rx).toBe(sim.world.deliveries);
    expect(rx).toBeGreaterThan(150 * 150);
    // About the first broadcast: the sender's choice of source, the gateway's reply, and
    // each other host's "not for us" (the data that 149 decisions share, read back per host).
    const about = (id: number) => all.filter((e): e is Extract<TraceEvent, { kind: 'decision' }> => e.kind === 'decision' && e.frameId === id);
    const first = all.find((e) => e.kind === 'tx' && e.frameKind === 'arp-request');
    const ds = about(first!.kind === 'tx' ? first!.frame.id : -1);
    const line = (d: (typeof ds)[number]) => `${d.host} ${d.rule} ${d.verdict} ${d.reason} ${d.also ?? '-'}`;
    expect(ds.filter((d) => d.rule !== 'arp_process.route').map(line)).toEqual(['h1 arp_announce choose src_local -', 'gw arp_reply reply any_local no_check']);
    const others = ds.filter((d) => d.rule === 'arp_process.route');
    expect(new Set(others.map((d) => line({ ...d, host: '*' })))).toEqual(new Set(['* arp_process.route ignore not_local_no_forward request_never_creates']));
    expect(new Set(others.map((d) => d.host)).size).toBe(149);
    expect(others.every((d) => d.settings.length === 1 && d.settings[0].name === 'forwarding' && d.params.tip === '10.0.0.1')).toBe(true);
  });

  it('reads like an array: at and slice take negative and missing bounds as Array does', () => {
    const n = log.length;
    for (const i of [0, 1, 16_383, 16_384, 32_768, n - 1, -1, -1.5, -n, n, -n - 1, 2.5, NaN]) expect(log.at(i)).toEqual(all.at(i));
    const cuts: [number | undefined, number | undefined][] = [[undefined, undefined], [5, 9], [16_380, 16_390], [-3, undefined], [n - 2, n + 5], [10, 5], [-n - 4, 2], [0, -n + 3]];
    for (const [a, b] of cuts) expect(log.slice(a, b)).toEqual(all.slice(a, b));
  });

  it('survives a structured clone as data and reads the same after reviveTraceLog', () => {
    const copy = structuredClone(log) as unknown as TraceLog;
    expect(copy).not.toBeInstanceOf(TraceLog);
    const revived = reviveTraceLog(copy);
    expect(revived).toBeInstanceOf(TraceLog);
    expect(revived.length).toBe(log.length);
    expect(JSON.stringify([...revived])).toBe(JSON.stringify(all));
    // A plain array (events received in parts, fixtures) is left as it is.
    expect(reviveTraceLog(all)).toBe(all);
  });

  it('visits the events kept as objects in a range, with their indices, skipping deliveries and decisions', () => {
    const seen: [number, TraceEvent][] = [];
    log.forEachObject(16_000, 40_000, (e, i) => seen.push([i, e]));
    const want = all.map((e, i) => [i, e] as [number, TraceEvent]).filter(([i, e]) => i >= 16_000 && i < 40_000 && e.kind !== 'rx' && e.kind !== 'decision');
    expect(want.length).toBeGreaterThan(0);
    expect(seen).toEqual(want);
    const tail: number[] = [];
    log.forEachObject(log.length - 50, log.length + 10, (_e, i) => tail.push(i));
    expect(tail.every((i) => i >= log.length - 50 && i < log.length)).toBe(true);
  });

  it('prints each delivery and decision with the fields in the order the engine wrote them', () => {
    const rx = all.find((e) => e.kind === 'rx')!;
    expect(Object.keys(rx)).toEqual(['kind', 't', 'frameId', 'host', 'dev', 'segment']);
    const d = all.find((e) => e.kind === 'decision')!;
    expect(Object.keys(d)).toEqual(['kind', 't', 'frameId', 'host', 'dev', 'rule', 'verdict', 'reason', 'settings', 'params', 'also']);
  });

  it('records nothing of deliveries and decisions with the trace off', () => {
    const off = simulate(segment(20), { trace: false }).events;
    expect([...off].some((e) => e.kind === 'rx' || e.kind === 'decision')).toBe(false);
  });
});
