import { describe, expect, it } from 'vitest';
import { canonFrames, canonNeigh, compareRun, compareStep, describeDiff, multisetDiff, sideBySide, type StepLike } from './compare.ts';

const A = '02:00:00:00:0a:00';
const B = '02:00:00:00:0b:00';
const req = { from: 'A.eth0', op: 'request', eth_dst: 'ff:ff:ff:ff:ff:ff', sha: A, spa: '10.0.0.1', tha: '00:00:00:00:00:00', tpa: '10.0.0.2' };
const rep = { from: 'B.eth0', op: 'reply', eth_dst: A, sha: B, spa: '10.0.0.2', tha: A, tpa: '10.0.0.1' };

const kernel: StepLike = {
  i: 1,
  type: 'ping',
  ok: true,
  neigh: {
    A: [{ ip: '10.0.0.2', dev: 'eth0', lladdr: B, state: 'REACHABLE' }],
    B: [{ ip: '10.0.0.1', dev: 'eth0', lladdr: A, state: 'DELAY' }, { ip: '10.0.0.255', dev: 'eth0', lladdr: 'ff:ff:ff:ff:ff:ff', state: 'NOARP' }],
  },
  frames: [{ ...req, t: 0.01 } as typeof req, rep],
};

describe('compareStep (the oracle definition)', () => {
  it('agrees with an identical step', () => {
    expect(compareStep(kernel, structuredClone(kernel))).toEqual([]);
  });

  it('ignores frame order and times, NOARP entries, table order and state case', () => {
    const sim: StepLike = {
      i: 1, type: 'ping', ok: true,
      neigh: { B: [{ ip: '10.0.0.1', dev: 'eth0', lladdr: A, state: 'delay' }], A: [{ ip: '10.0.0.2', dev: 'eth0', lladdr: B, state: 'REACHABLE' }] },
      frames: [rep, { ...req, t: 7 } as typeof req],
    };
    expect(compareStep(kernel, sim)).toEqual([]);
  });

  it('compares ok only for ping/arping and only where the kernel said true or false', () => {
    expect(compareStep(kernel, { ...structuredClone(kernel), ok: false })).toEqual([{ aspect: 'ok', kernel: true, other: false }]);
    expect(compareStep({ ...kernel, ok: null }, { ...structuredClone(kernel), ok: false })).toEqual([]);
    expect(compareStep({ ...kernel, type: 'arping', ok: false }, { ...structuredClone(kernel), ok: null })).toHaveLength(1);
    expect(compareStep({ ...kernel, type: 'flush', ok: true }, { ...structuredClone(kernel), ok: false })).toEqual([]);
  });

  it('compares tables as sets of "ip dev lladdr STATE" per host', () => {
    const sim = structuredClone(kernel);
    sim.neigh!.A = [{ ip: '10.0.0.2', dev: 'eth0', lladdr: B, state: 'STALE' }];
    const d = compareStep(kernel, sim);
    expect(d).toEqual([{ aspect: 'neigh', host: 'A', kernel: [`10.0.0.2 eth0 ${B} REACHABLE`], other: [`10.0.0.2 eth0 ${B} STALE`] }]);
  });

  it('treats a host missing on one side as an empty table', () => {
    const sim = structuredClone(kernel);
    delete sim.neigh!.B;
    expect(compareStep(kernel, sim).map((d) => [d.aspect, d.host])).toEqual([['neigh', 'B']]);
    const empty: StepLike = { ...structuredClone(kernel), neigh: { ...kernel.neigh, C: [] } };
    expect(compareStep(kernel, empty)).toEqual([]);
  });

  it('spells a missing lladdr as null', () => {
    expect(canonNeigh({ A: [{ ip: '10.0.0.9', dev: 'eth0', lladdr: null, state: 'incomplete' }] })).toEqual({ A: ['10.0.0.9 eth0 null INCOMPLETE'] });
  });

  it('compares frames as a multiset of "from op eth_dst sha spa tha tpa"', () => {
    const twice = { ...structuredClone(kernel), frames: [req, req, rep] };
    const d = compareStep(kernel, twice);
    expect(d).toEqual([{ aspect: 'frames', kernel: [], other: [canonFrames([req])[0]] }]);
    const otherPort = { ...structuredClone(kernel), frames: [{ ...req, from: 'A.eth1' }, rep] };
    expect(compareStep(kernel, otherPort)[0]!.aspect).toBe('frames');
  });

  it('reports a step the other side does not have', () => {
    expect(compareStep(kernel, undefined)).toEqual([{ aspect: 'missing', kernel: 'step 1', other: 'no such step' }]);
  });

  it('honours a skip list', () => {
    const sim = { ...structuredClone(kernel), ok: false, frames: [] };
    expect(compareStep(kernel, sim, new Set(['ok', 'frames'] as const))).toEqual([]);
  });
});

describe('multisetDiff', () => {
  it('keeps multiplicities', () => {
    expect(multisetDiff(['a', 'a', 'b'], ['a', 'c'])).toEqual({ onlyA: ['a', 'b'], onlyB: ['c'] });
  });
});

describe('compareRun and the report', () => {
  it('counts agreeing steps and keeps the first difference', () => {
    const s0: StepLike = { i: 0, neigh: { A: [] }, frames: [] };
    const bad = { ...structuredClone(kernel), ok: false };
    const r = compareRun([s0, kernel], [s0, bad]);
    expect(r.agree).toBe(1);
    expect(r.total).toBe(2);
    expect(r.first?.step.i).toBe(1);
  });

  it('leaves known-unstable aspects out, and a step with all three out uncounted', () => {
    const s0: StepLike = { i: 0, neigh: { A: [] }, frames: [] };
    const bad = { ...structuredClone(kernel), frames: [] };
    const partly = compareRun([s0, kernel], [s0, bad], (i) => new Set(i === 1 ? (['frames'] as const) : []));
    expect(partly).toMatchObject({ agree: 2, total: 2, unstable: 1, first: null });
    const wholly = compareRun([s0, kernel], [s0, { ...bad, ok: false }], (i) => new Set(i === 1 ? (['ok', 'neigh', 'frames'] as const) : []));
    expect(wholly).toMatchObject({ agree: 1, total: 1, unstable: 1 });
  });

  it('describes a difference in one line and side by side', () => {
    const sim = structuredClone(kernel);
    sim.neigh!.A = [{ ip: '10.0.0.2', dev: 'eth0', lladdr: B, state: 'STALE' }];
    const [d] = compareStep(kernel, sim);
    expect(describeDiff(d!)).toBe(`neigh A: kernel [10.0.0.2 eth0 ${B} REACHABLE] vs simulator [10.0.0.2 eth0 ${B} STALE]`);
    const text = sideBySide(d!, 'engine');
    expect(text).toContain('kernel');
    expect(text).toContain('| engine');
    expect(text).toMatch(/REACHABLE\s+\| 10\.0\.0\.2 eth0 \S+ STALE/);
  });
});
