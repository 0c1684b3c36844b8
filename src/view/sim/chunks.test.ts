/**
 * The streamed simulation is the simulation: every chunk cut (by event count, inside a step
 * or not, or by work time), each chunk posted as the worker posts it (the trace log's columns
 * transferred, the rest copied) and appended on the other side, gives a result byte-identical to simulate() and the timeline buildTimeline()
 * gives. Every snapshot on the way is the finished result cut after a step. A run stopped by
 * the work budget delivers the steps before it, then its BudgetError.
 */
import { describe, expect, it } from 'vitest';
import { BudgetError, simulate, type EngineScenario } from '../../engine/index.ts';
import { GALLERY } from '../../examples/gallery/index.ts';
import twoNic from '../../examples/twoNic.json';
import { loadScenario } from '../../scenario/load.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { buildTimeline } from '../../store/derive/timeline.ts';
import { TraceStream } from '../../store/traceStream.ts';
import { plain } from './plain.ts';
import { simulateInChunks, type ChunkOptions } from './chunks.ts';
import { partBuffers } from '../../engine/tables.ts';

const engineOf = (doc: unknown): EngineScenario => {
  const r = loadScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.engine;
};

/** 12 hosts on one switch, 60 actions: gratuitous ARP, pings and arpings that overlap steps. */
function busyLan(): ScenarioV1 {
  const hosts: ScenarioV1['hosts'] = {};
  const members: string[] = [];
  for (let i = 1; i <= 12; i++) {
    hosts[`H${i}`] = { interfaces: { eth0: { addresses: [`10.0.0.${i}/24`] } } };
    members.push(`H${i}.eth0`);
  }
  const actions: ScenarioV1['actions'] = [];
  for (let k = 0; k < 60; k++) {
    const i = (k % 12) + 1;
    const j = ((k * 5) % 12) + 1;
    if (k % 3 === 0) actions.push({ type: 'arping', host: `H${i}`, iface: 'eth0', target: `10.0.0.${i}`, U: true, count: 2 });
    else if (k % 3 === 1) actions.push({ type: 'ping', host: `H${i}`, to: `10.0.0.${j === i ? (j % 12) + 1 : j}`, count: 3, interval: 0.2 });
    else actions.push({ type: 'arping', host: `H${i}`, iface: 'eth0', target: `10.0.0.${j === i ? (j % 12) + 1 : j}`, count: 2 });
  }
  return { version: 2, title: 'busy LAN', hosts, segments: { lan: members }, actions };
}

/** Streams `input` the way the worker and the page do; checks every snapshot against `full`. */
function stream(input: EngineScenario, opts: Partial<ChunkOptions>, full?: ReturnType<typeof simulate>) {
  const trace = new TraceStream(input.seed);
  let chunks = 0;
  let last = false;
  for (const c of simulateInChunks(input, { chunkMs: Infinity, maxEvents: Infinity, now: () => 0, ...opts })) {
    // As the worker posts it: the columns transferred (gone from this side), the rest copied —
    // a later change in the engine must not matter.
    expect(c.part.kinds.length).toBeLessThanOrEqual(opts.maxEvents ?? Infinity);
    trace.append(structuredClone({ steps: c.steps, part: c.part }, { transfer: partBuffers(c.part) }));
    expect(c.part.kinds.length).toBe(0);
    chunks++;
    last = c.last;
    if (full) {
      const { sim } = trace.snapshot();
      const n = sim.steps.length;
      // A snapshot is the finished result cut after its last whole step (none yet: nothing to read).
      expect(sim.events.length).toBe(n ? full.steps[n - 1].events[1] : 0);
      if (n && !c.last) expect(JSON.stringify(sim.steps[n - 1])).toBe(JSON.stringify(full.steps[n - 1]));
    }
  }
  return { trace, chunks, last };
}

const cases: [string, EngineScenario][] = [
  ['the two-NIC example', engineOf(twoNic)],
  ['a busy LAN (60 actions)', engineOf(busyLan())],
  ...GALLERY.filter((e) => e.id.includes('lvs') || e.id === 'arp-flux' || e.id === 'dad').map((e): [string, EngineScenario] => [e.id, engineOf(e.scenario)]),
];

describe('the simulation streamed in chunks', () => {
  it.each(cases)('%s: byte-identical to simulate(), timeline identical to buildTimeline(), whatever the chunk size', (_name, input) => {
    const full = simulate(input);
    const fullJson = plain(full);
    const fullTimeline = JSON.stringify(buildTimeline(full));
    for (const maxEvents of [1, 37, 500, Infinity]) {
      const { trace, chunks, last } = stream(input, { maxEvents }, full);
      expect(last).toBe(true);
      // A chunk per event (steps are cut), then the closing one, empty.
      if (maxEvents === 1) expect(chunks).toBe(full.events.length + 1);
      if (maxEvents === Infinity) expect(chunks).toBe(1);
      const { sim, timeline } = trace.snapshot();
      expect(plain(sim)).toBe(fullJson);
      expect(JSON.stringify(timeline)).toBe(fullTimeline);
    }
  });

  it.each(cases)('%s: read into the timeline a slice at a time (as animation frames do), every snapshot the cut result and its timeline, the end identical', (_name, input) => {
    const full = simulate(input);
    for (const maxEvents of [37, Infinity]) {
      const trace = new TraceStream(input.seed);
      let slices = 0;
      let grew = 0;
      for (const c of simulateInChunks(input, { chunkMs: Infinity, maxEvents, now: () => 0 })) {
        trace.receive(structuredClone({ steps: c.steps, part: c.part }, { transfer: partBuffers(c.part) }));
        // Out of time at every look at the clock: one slice of rows per call.
        while (!trace.built) {
          slices++;
          if (!trace.build(() => true)) continue;
          grew++;
          const { sim, timeline } = trace.snapshot();
          const n = sim.steps.length;
          const cut = { ...full, steps: full.steps.slice(0, n), events: full.events.slice(0, full.steps[n - 1].events[1]) };
          expect(plain(sim)).toBe(plain(cut));
          expect(JSON.stringify(timeline)).toBe(JSON.stringify(buildTimeline(cut)));
        }
      }
      // More slices than chunks (a chunk is read over several), and steps shown on the way.
      expect(slices).toBeGreaterThan(full.events.length / 100);
      expect(grew).toBeGreaterThan(1);
      const { sim, timeline } = trace.snapshot();
      expect(plain(sim)).toBe(plain(full));
      expect(JSON.stringify(timeline)).toBe(JSON.stringify(buildTimeline(full)));
    }
  });

  it('cuts chunks by work time: a chunk closes once chunkMs has passed', () => {
    const input = engineOf(busyLan());
    let t = 0;
    // Every reading of the clock is 5 ms of "work" later (one reading per step, one to open a
    // chunk): a 30 ms chunk closes after 6 steps (the first also holds the setup, step 0).
    const full = simulate(input);
    const sizes: number[] = [];
    const trace = new TraceStream(input.seed);
    for (const c of simulateInChunks(input, { chunkMs: 30, maxEvents: Infinity, now: () => (t += 5) })) {
      sizes.push(c.steps.length);
      trace.append(structuredClone({ steps: c.steps, part: c.part }));
    }
    expect(sizes[0]).toBe(7);
    expect(sizes.slice(1, -2)).toEqual(sizes.slice(1, -2).map(() => 6));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(full.steps.length);
    expect(plain(trace.snapshot().sim)).toBe(plain(full));
  });

  it('appending costs the chunk, not the trace: snapshots share the growing arrays', () => {
    const input = engineOf(busyLan());
    const trace = new TraceStream(input.seed);
    const seen: ReturnType<TraceStream['snapshot']>[] = [];
    for (const c of simulateInChunks(input, { chunkMs: Infinity, maxEvents: 200, now: () => 0 })) {
      trace.append(c);
      seen.push(trace.snapshot());
    }
    expect(seen.length).toBeGreaterThan(3);
    const [a, b] = [seen[0], seen[seen.length - 1]];
    expect(a.sim).not.toBe(b.sim);
    expect(a.sim.events).toBe(b.sim.events);
    expect(a.timeline.vt).toBe(b.timeline.vt);
    expect(a.timeline.flights).toBe(b.timeline.flights);
    // Step marks: a new array per snapshot (the timeline bar redraws them).
    expect(a.timeline.stepSpans).not.toBe(b.timeline.stepSpans);
  });

  it('the work budget: the steps computed before it arrive, then the BudgetError; they match the full run cut there', () => {
    const input = engineOf(busyLan());
    const full = simulate(input);
    const budget = full.events.length - 100;
    const trace = new TraceStream(input.seed);
    let err: unknown = null;
    try {
      for (const c of simulateInChunks(input, { chunkMs: Infinity, maxEvents: 300, now: () => 0, budget: { deliveries: Infinity, events: budget, neighRows: Infinity } })) trace.append(structuredClone(c));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BudgetError);
    const { sim } = trace.snapshot();
    expect(sim.steps.length).toBeGreaterThan(1);
    expect(sim.steps.length).toBeLessThan(full.steps.length);
    expect(JSON.stringify(sim.steps)).toBe(JSON.stringify(full.steps.slice(0, sim.steps.length)));
    expect(JSON.stringify(sim.events.slice())).toBe(JSON.stringify(full.events.slice(0, sim.events.length)));
  });
});
