/**
 * The engine against the real kernel: every step of every recorded run (17 scenarios ×
 * rp_filter 1/0/2, kernel 6.18) must agree as the oracle defines it — ok, every
 * neighbour table as a set of "ip dev lladdr STATE", the ARP frames as a multiset.
 * The recordings are the project's own copy (test/oracle/results); the scenarios are
 * conformance/scenarios/article. No step is excluded and no comparison is loosened.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareStep, describeDiff, type StepLike } from '../conformance/compare.ts';
import { applyRecordedRpFilter } from '../conformance/scenario.ts';
import type { ScenarioV1 as ConfScenario } from '../conformance/scenario.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { simulate } from '../src/engine/index.ts';

const root = join(import.meta.dirname, '..');
const scenarioDir = join(root, 'conformance/scenarios/article');
const resultDir = join(root, 'test/oracle/results');

interface Recording {
  runs: { rp_filter: number; error?: string; steps?: (StepLike & { desc?: string })[] }[];
}

const files = readdirSync(resultDir).filter((f) => f.endsWith('.json')).sort();
let total = 0;

describe('engine agrees with the kernel recordings', () => {
  for (const f of files) {
    const sc = JSON.parse(readFileSync(join(scenarioDir, f), 'utf8')) as ConfScenario;
    const rec = JSON.parse(readFileSync(join(resultDir, f), 'utf8')) as Recording;
    for (const run of rec.runs) {
      if (!run.steps) continue;
      const steps = run.steps;
      total += steps.length;
      it(`${f.replace('.json', '')} rp_filter=${run.rp_filter}: ${steps.length} steps`, () => {
        const loaded = loadScenario(applyRecordedRpFilter(sc, run.rp_filter));
        if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
        const res = simulate(loaded.engine);
        const byIndex = new Map(res.steps.map((s) => [s.i, s as unknown as StepLike]));
        const failures: string[] = [];
        for (const k of steps) {
          const diffs = compareStep(k, byIndex.get(k.i));
          if (diffs.length) failures.push(`step ${k.i} (${k.desc ?? k.type}): ${diffs.map((d) => describeDiff(d)).join(' | ')}`);
        }
        expect(failures).toEqual([]);
      });
    }
  }
  it('covers all 699 recorded steps', () => {
    expect(files.length).toBe(17);
    expect(total).toBe(699);
  });
});
