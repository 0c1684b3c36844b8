import { describe, expect, it } from 'vitest';
import type { BridgedFrame } from './capture.ts';
import { MacNames, type StepRecord } from './record.ts';
import { assignFrames } from './recorder.ts';

const frame = (sec: number, fromVeth: string, op: 'request' | 'reply', to: string[]): BridgedFrame => ({
  tsNs: BigInt(Math.round(sec * 1e6)) * 1000n,
  fromVeth,
  eth_src: '02:00:00:00:01:00', eth_dst: op === 'request' ? 'ff:ff:ff:ff:ff:ff' : '02:00:00:00:02:00', op,
  sha: '02:00:00:00:01:00', spa: '10.0.0.1', tha: '00:00:00:00:00:00', tpa: op === 'request' ? '10.0.0.2' : '10.0.0.1',
  deliveredTo: to.map((veth, seq) => ({ veth, seq, tsNs: BigInt(Math.round(sec * 1e6)) * 1000n + 100n })),
});

describe('assignFrames', () => {
  it('gives each step what was captured between the previous table read and its own', () => {
    const steps: StepRecord[] = [0, 1, 2].map((i) => ({ i, neigh: {}, frames: [] }));
    const names = new MacNames({ '02:00:00:00:01:00': 'A.eth0', '02:00:00:00:02:00': 'B.eth0' }, [{ host: 'A', dev: 'eth0', mac: '02:00:00:00:aa:01' }]);
    const t0 = 1000;
    const boundaries = [1000.001, 1001.2, 1003.5];
    const frames = [frame(1000.5, 'p0', 'request', ['p1']), frame(1001.25, 'p1', 'reply', ['p0']), frame(1004, 'p0', 'request', [])];
    assignFrames(steps, boundaries, frames, t0, (v) => ({ p0: 'A.eth0', p1: 'B.eth0' })[v] ?? v, names);
    expect(steps[0]!.frames).toEqual([]);
    expect(steps[1]!.frames).toHaveLength(1);
    expect(steps[1]!.frames[0]).toMatchObject({
      t: 0.5, from: 'A.eth0', to_name: 'broadcast', delivered_to: ['B.eth0'], delivered_seq: { 'B.eth0': 0 },
      summary: 'A.eth0 > bcast: who-has 10.0.0.2 tell 10.0.0.1',
    });
    expect(steps[2]!.frames.map((f) => f.from)).toEqual(['B.eth0']);
    // After the last table was read: in no step.
    expect(steps.flatMap((s) => s.frames)).toHaveLength(2);
  });

  it('names MACs a link action sets as Host.dev~xx:yy', () => {
    const names = new MacNames({}, [{ host: 'A', dev: 'eth0', mac: '02:00:00:00:AA:01' }]);
    expect(names.owner('02:00:00:00:aa:01')).toBe('A.eth0~aa:01');
    expect(names.owner('02:00:00:00:bb:01')).toBeNull();
    expect(names.name('02:00:00:00:bb:01')).toBe('02:00:00:00:bb:01');
  });
});
