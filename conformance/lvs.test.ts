/**
 * The LVS recordings of the VM kernel (conformance/lvs/, `npm run -s test:lvs`) replayed
 * against the engine, as part of the unit suite: no root, no VM. Each step must agree on
 * ok, which real server served each connection, every neighbour table, each director's
 * connection table and the ARP frames (vm/lvsCompare.ts).
 */
import { describe, expect, test } from 'vitest';
import { describeDiff } from './compare.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { generateLvsScenarios } from './vm/lvsGenerate.ts';
import { engineInput, simulateScenario } from './vm/lvsEngine.ts';
import { loadRecordings, OPEN_DIR, replay } from './vm/lvsReplay.ts';

const recs = loadRecordings();
const open = loadRecordings(OPEN_DIR);

test('at least 30 LVS scenarios are recorded on a kernel with IPVS', () => {
  expect(recs.length + open.length).toBeGreaterThanOrEqual(30);
  for (const r of [...recs, ...open]) expect(r.record.versions.kernel).toMatch(/^\d+\.\d+\.\d+-\d+-amd64$/);
});

test('the VM compares what the app runs: every recorded and every generated LVS scenario loads through loadScenario', () => {
  const docs = [...recs, ...open].map((r) => r.scenario as unknown).concat(generateLvsScenarios(120, 1).map((g) => g.scenario));
  for (const doc of docs) {
    const loaded = loadScenario(doc);
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
    expect(engineInput(doc)).toEqual(loaded.ok && loaded.engine);
  }
  // A document the app refuses is refused here too, not simulated through a side door.
  const bad = { ...(recs[0]!.scenario as object), actions: [{ type: 'connect', host: 'C1', to: '10.0.0.100' }] };
  expect(() => engineInput(bad)).toThrow(/not a valid scenario/);
});

test('the paced generator: in NAT over TCP every real server that serves a step serves it again within 5 s (no DELAY race with the guest\'s speed)', () => {
  let checked = 0;
  for (const g of [...generateLvsScenarios(120, 1), ...generateLvsScenarios(120, 2026)]) {
    if (!/-nat-.*-tcp-/.test(g.name)) continue;
    for (const st of simulateScenario(g.scenario).steps) {
      if (st.type !== 'connect') continue;
      const per = new Map<string, number>();
      for (const c of st.connections ?? []) if (c.server) per.set(c.server, (per.get(c.server) ?? 0) + 1);
      for (const [rs, n] of per) expect(n, `${g.name} step ${st.i} ${rs}`).toBeGreaterThanOrEqual(2);
      // Connections one a second, at most three real servers: the second is at most 3 s after the first.
      expect(per.size).toBeLessThanOrEqual(3);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(20);
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

// Recordings the engine disagrees on are kept in conformance/lvs/open/ while they are being
// explained (none today): they must still differ, or be moved to conformance/lvs/.
if (open.length > 0) {
  describe('open differences (conformance/README.md) still differ: when one agrees, move it to conformance/lvs/', () => {
    for (const r of open) test(r.name, () => expect(replay(r).differing.length).toBeGreaterThan(0));
  });
}
