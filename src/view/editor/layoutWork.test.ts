import { describe, expect, it } from 'vitest';
import { dataCentre } from '../../examples/dataCentre.ts';
import { loadScenario } from '../../scenario/load.ts';
import { forceLayout, LAYOUT_TICKS } from './forceLayout.ts';
import type { LayoutReply, LayoutRequest } from './layoutProtocol.ts';
import { layoutWork } from './layoutWork.ts';

// A data centre as the Gallery's, smaller (the full one takes seconds per layout).
const loaded = loadScenario(dataCentre({ realServers: 60, segments: 3 }));
if (!loaded.ok) throw new Error('the data centre is not valid');
const scenario = loaded.scenario;
const pos = scenario.layout!;
const size = { D: { w: 260, h: 120 }, lan0: { w: 300, h: 34 } };

/** The worker's replies to `req`, sent as postMessage sends it (a structured clone); a clock 40 ms a tick. */
function replies(req: LayoutRequest): LayoutReply[] {
  const out: LayoutReply[] = [];
  let t = 0;
  layoutWork(structuredClone(req), (m) => out.push(structuredClone(m)), () => (t += 40));
  return out;
}

describe('layoutWork (the layout worker)', () => {
  it('answers with exactly the edit forceLayout makes of the same input', () => {
    const out = replies({ scenario, pos, size });
    const last = out[out.length - 1];
    expect(last.kind).toBe('done');
    if (last.kind !== 'done') return;
    expect(last.op).toEqual(forceLayout(scenario, pos, size));
    expect(last.op?.type === 'batch' && last.op.ops.length).toBe(Object.keys(scenario.hosts).length + Object.keys(scenario.segments!).length);
  });

  it('reports the ticks done as it goes, at most every PROGRESS_MS, the first at once', () => {
    const out = replies({ scenario, pos, size });
    const progress = out.filter((m) => m.kind === 'progress');
    expect(progress[0]).toEqual({ kind: 'progress', done: 1, total: LAYOUT_TICKS });
    // A tick every 40 ms of the test's clock, a report at most every 100 ms: every third tick.
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: Math.ceil(LAYOUT_TICKS / 3) }, (_, i) => 1 + 3 * i));
    expect(out.filter((m) => m.kind !== 'progress')).toHaveLength(1);
  });

  it('answers null for fewer than two nodes, and an error for a scenario it cannot read', () => {
    expect(replies({ scenario: { version: 2, hosts: { A: {} } }, pos: {}, size: {} }).at(-1)).toEqual({ kind: 'done', op: null });
    const bad = replies({ scenario: { version: 2, hosts: { A: {}, B: {} }, segments: { s: null as unknown as string[] } }, pos: {}, size: {} });
    expect(bad.at(-1)?.kind).toBe('error');
  });
});
