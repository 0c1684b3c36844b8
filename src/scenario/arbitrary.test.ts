import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from './arbitrary.ts';
import { formatIssue, loadScenario } from './load.ts';
import { ACTION_TYPES } from './schema.ts';
import type { ScenarioV1 } from './types.ts';

describe('scenarioArbitrary', () => {
  it('generates only valid scenarios', () => {
    fc.assert(fc.property(scenarioArbitrary({ annotations: true }), (s) => {
      const r = loadScenario(s);
      if (!r.ok) throw new Error(`${JSON.stringify(s)}\n${r.issues.map(formatIssue).join('\n')}`);
    }), { seed: 3, numRuns: 1000 });
  });

  it('generates realistic variety', () => {
    const samples = fc.sample(scenarioArbitrary(), { seed: 4, numRuns: 500 });
    const types = new Set<string>();
    const hostCounts = new Set<number>();
    const ifaceCounts = new Set<number>();
    let stringRoutes = 0, objectRoutes = 0, gateways = 0, metrics = 0, sharedSegments = 0, perIfaceSysctls = 0, allSysctls = 0, vips = 0;
    for (const s of samples) {
      for (const a of s.actions ?? []) types.add(a.type);
      hostCounts.add(Object.keys(s.hosts).length);
      for (const h of Object.values(s.hosts)) {
        ifaceCounts.add(Object.keys(h.interfaces ?? {}).filter((i) => i !== 'lo').length);
        for (const r of h.routes ?? []) {
          if (typeof r === 'string') stringRoutes++;
          else objectRoutes++;
          if (typeof r === 'string' ? r.includes(' via ') : r.via) gateways++;
          if (typeof r === 'string' ? r.includes(' metric ') : r.metric !== undefined) metrics++;
        }
        for (const k of Object.keys(h.sysctls ?? {})) {
          if (/\.(all|default)\./.test(k)) allSysctls++;
          else if (/\.eth\d\./.test(k)) perIfaceSysctls++;
        }
        if (h.interfaces?.lo) vips++;
      }
      for (const members of Object.values(s.segments ?? {})) {
        if (new Set(members.map((m) => m.split('.')[0])).size >= 2) sharedSegments++;
      }
    }
    expect([...types].sort()).toEqual([...ACTION_TYPES].sort());
    expect([...hostCounts].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...ifaceCounts].sort()).toEqual([1, 2, 3]);
    for (const [name, n] of Object.entries({ stringRoutes, objectRoutes, gateways, metrics, sharedSegments, perIfaceSysctls, allSysctls, vips })) {
      expect(n, name).toBeGreaterThan(25);
    }
  });

  it('is deterministic for a seed', () => {
    const a = fc.sample(scenarioArbitrary(), { seed: 5, numRuns: 20 });
    const b = fc.sample(scenarioArbitrary(), { seed: 5, numRuns: 20 });
    expect(a).toEqual(b);
  });

  it('honours its options', () => {
    const samples: ScenarioV1[] = fc.sample(scenarioArbitrary({ minHosts: 2, maxHosts: 2, maxActions: 0, presentation: false }), { seed: 6, numRuns: 50 });
    for (const s of samples) {
      expect(Object.keys(s.hosts)).toHaveLength(2);
      expect(s.actions).toBeUndefined();
      expect(s.title ?? s.layout ?? s.seed).toBeUndefined();
    }
  });
});
