/**
 * The LVS recordings of the VM kernel (conformance/lvs/, `npm run -s test:lvs`) replayed
 * against the engine, as part of the unit suite: no root, no VM. Each step must agree on
 * ok, which real server served each connection, every neighbour table, each director's
 * connection table and the ARP frames (vm/lvsCompare.ts).
 */
import { describe, expect, test } from 'vitest';
import { describeDiff } from './compare.ts';
import { loadRecordings, OPEN_DIR, replay } from './vm/lvsReplay.ts';

const recs = loadRecordings();
const open = loadRecordings(OPEN_DIR);

test('at least 30 LVS scenarios are recorded on a kernel with IPVS', () => {
  expect(recs.length + open.length).toBeGreaterThanOrEqual(30);
  for (const r of [...recs, ...open]) expect(r.record.versions.kernel).toMatch(/^\d+\.\d+\.\d+-\d+-amd64$/);
});

describe('the engine agrees with the VM kernel on every step of the recorded LVS scenarios', () => {
  for (const r of recs) {
    test(r.name, () => {
      const c = replay(r);
      const diffs = c.differing.flatMap((d) => d.diffs.map((x) => `step ${d.step.i}: ${describeDiff(x as never, 'engine')}`));
      expect(diffs).toEqual([]);
      expect(c.total).toBe(r.record.runs[0]!.steps!.length);
    });
  }
});

describe('open differences (conformance/README.md) still differ: when one agrees, move it to conformance/lvs/', () => {
  for (const r of open) test(r.name, () => expect(replay(r).differing.length).toBeGreaterThan(0));
});
