/**
 * The store with a streaming simulator, chunk by chunk as the worker delivers them (the
 * real engine, cut by simulateInChunks, appended by TraceStream, handed over when the test
 * says so): playback starts on the first steps, keeps playing when it catches up with the
 * computation, and the position is the user's when the run ends; the final result is
 * byte-identical to simulate(). Cancel and the work budget keep what was computed.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type WorkBudget } from '../../engine/index.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { createAppStore } from '../../store/createAppStore.ts';
import { failureOf, type Simulator } from '../../store/simulator.ts';
import { TraceStream } from '../../store/traceStream.ts';
import { loadScenario } from '../../scenario/load.ts';
import { plain } from './plain.ts';
import { simulateInChunks } from './chunks.ts';

/** 6 hosts, 30 pings: enough steps for a dozen chunks. */
function lan(): ScenarioV1 {
  const hosts: ScenarioV1['hosts'] = {};
  for (let i = 1; i <= 6; i++) hosts[`H${i}`] = { interfaces: { eth0: { addresses: [`10.0.0.${i}/24`] } } };
  const actions: ScenarioV1['actions'] = [];
  for (let k = 0; k < 30; k++) actions.push({ type: 'ping', host: `H${(k % 6) + 1}`, to: `10.0.0.${((k + 2) % 6) + 1}`, count: 2, interval: 0.2 });
  return { version: 2, title: 'lan', hosts, segments: { lan: Object.keys(hosts).map((h) => `${h}.eth0`) }, actions };
}

/** Streams each run in chunks of `steps` steps; next() hands over one chunk (as one animation frame would). */
function streaming(budget?: WorkBudget) {
  const queue: (() => boolean)[] = [];
  const sim: Simulator = {
    run(input, on) {
      let cancelled = false;
      const trace = new TraceStream(input.seed);
      const chunks = simulateInChunks(input, { chunkMs: Infinity, maxEvents: 40, now: () => 0, budget });
      const pump = (): boolean => {
        if (cancelled) return false;
        try {
          const r = chunks.next();
          if (r.done) return false;
          trace.append(structuredClone({ steps: r.value.steps, part: r.value.part }));
          const { sim: s, timeline } = trace.snapshot();
          if (r.value.last) on.done(s, timeline);
          else {
            on.partial?.(s, timeline);
            queue.push(pump);
          }
        } catch (e) {
          on.partial?.(trace.snapshot().sim, trace.snapshot().timeline);
          on.fail(failureOf(e));
        }
        return true;
      };
      queue.push(pump);
      return { cancel: () => void (cancelled = true) };
    },
    inspect(_input, _step, done) {
      done(null);
    },
  };
  return { sim, next: () => queue.shift()?.() ?? false };
}

describe('the store with a streamed simulation', () => {
  it('plays the first steps while the rest computes, waits at the computed end, keeps the position at the end; the result is simulate()’s', () => {
    const scenario = lan();
    const s = streaming();
    const store = createAppStore({ scenario, simulator: s.sim, animate: true });
    const st = () => store.getState();
    expect(st()).toMatchObject({ simStatus: 'running', sim: null, simPartial: false });
    s.next();
    expect(st()).toMatchObject({ simStatus: 'running', simPartial: true });
    // (Snapshots share the growing arrays: their lengths are read now.)
    const first = { steps: st().sim!.steps.length, events: st().sim!.events.length };
    expect(first.steps).toBeGreaterThan(1);
    expect(first.steps).toBeLessThan(31);
    // Play what has arrived, to its end and past it: playback waits there, still playing.
    st().play();
    st().advance(st().timeline.duration + 5_000);
    expect(st()).toMatchObject({ playing: true, cursor: first.events });
    const atEnd = st().vtime;
    expect(atEnd).toBe(st().timeline.duration);
    // More steps arrive: playback goes on from where it waited.
    s.next();
    expect(st().sim!.steps.length).toBeGreaterThan(first.steps);
    st().advance(1_000);
    expect(st().vtime).toBeGreaterThan(atEnd);
    expect(st().playing).toBe(true);
    // Scrubbing stays within what has arrived.
    st().seek(1e12);
    expect(st().vtime).toBe(st().timeline.duration);
    st().pause();
    const pos = { vtime: st().vtime, cursor: st().cursor };
    while (s.next());
    // The end of the run: the whole outcome, the user's position kept.
    expect(st()).toMatchObject({ simStatus: 'idle', simPartial: false, simError: null, ...pos });
    expect(plain(st().sim!)).toBe(plain(simulate(loadScenarioEngine(scenario))));
  });

  it('playback that reaches the end after the run finished stops there', () => {
    const s = streaming();
    const store = createAppStore({ scenario: lan(), simulator: s.sim, animate: false });
    const st = () => store.getState();
    s.next();
    st().play();
    while (s.next());
    for (let k = 0; k < 10_000 && st().playing; k++) st().advance(1_000);
    expect(st().playing).toBe(false);
    expect(st().cursor).toBe(st().sim!.events.length);
  });

  it('Cancel keeps the steps computed so far, playable, and says the run was cancelled', () => {
    const s = streaming();
    const store = createAppStore({ scenario: lan(), simulator: s.sim });
    const st = () => store.getState();
    s.next();
    s.next();
    const partial = st().sim!;
    const events = partial.events.length;
    st().cancelSim();
    expect(s.next()).toBe(false);
    expect(st()).toMatchObject({ simStatus: 'idle', simPartial: true, simError: { kind: 'cancelled' } });
    expect(st().sim).toBe(partial);
    st().finish();
    expect(st().cursor).toBe(events);
    expect(partial.events.length).toBe(events);
    // An edit runs it again, from the start.
    st().dispatch({ type: 'setSysctl', host: 'H1', key: 'net.ipv4.conf.eth0.arp_ignore', value: 1 });
    while (s.next());
    expect(st()).toMatchObject({ simStatus: 'idle', simPartial: false, simError: null });
    expect(st().sim!.steps.length).toBe(31);
  });

  it('the work budget stops the run with its message and keeps the steps before it', () => {
    const s = streaming({ deliveries: 150, events: Infinity, neighRows: Infinity });
    const store = createAppStore({ scenario: lan(), simulator: s.sim });
    const st = () => store.getState();
    while (s.next());
    expect(st()).toMatchObject({ simStatus: 'idle', simPartial: true, simError: { kind: 'budget', budget: { limit: 'deliveries', max: 150 } } });
    expect(st().sim!.steps.length).toBeGreaterThan(1);
    expect(st().sim!.steps.length).toBeLessThan(31);
  });
});

function loadScenarioEngine(doc: ScenarioV1) {
  const r = loadScenario(doc);
  if (!r.ok) throw new Error('invalid');
  return r.engine;
}
