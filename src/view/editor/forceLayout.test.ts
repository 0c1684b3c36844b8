import { describe, expect, it } from 'vitest';
import twoNic from '../../examples/twoNic.json';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { applyOp } from '../../ops/apply.ts';
import { forceLayout } from './forceLayout.ts';

const base = twoNic as ScenarioV1;
const pos = { A: { x: 0, y: 0 }, B: { x: 0, y: 0 }, lan: { x: 0, y: 0 }, net172: { x: 0, y: 0 } };

describe('forceLayout', () => {
  it('is deterministic and one edit (a batch of moveNode ops)', () => {
    const a = forceLayout(base, pos);
    const b = forceLayout(structuredClone(base), structuredClone(pos));
    expect(a).toEqual(b);
    expect(a?.type).toBe('batch');
    if (a?.type !== 'batch') return;
    expect(a.ops.map((o) => o.type)).toEqual(['moveNode', 'moveNode', 'moveNode', 'moveNode']);
  });

  it('separates nodes that start on top of each other and keeps linked ones closer', () => {
    const op = forceLayout(base, pos);
    const s = applyOp(base, op!);
    const p = s.layout!;
    const d = (a: string, b: string) => Math.hypot(p[a].x - p[b].x, p[a].y - p[b].y);
    expect(d('A', 'B')).toBeGreaterThan(150);
    expect(d('A', 'lan')).toBeLessThan(d('B', 'net172'));
    for (const v of Object.values(p)) expect(Number.isInteger(v.x) && Number.isInteger(v.y)).toBe(true);
  });

  it('does nothing for fewer than two nodes', () => {
    expect(forceLayout({ hosts: { A: {} } }, {})).toBeNull();
  });
});
