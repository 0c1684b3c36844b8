/**
 * Scenarios on which the engine once disagreed with the live kernel (found by the
 * conformance runner on generated topologies), with the kernel's record of each: the
 * engine must now agree on every step. conformance/regressions/README.md says what the
 * kernel does in each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareStep, describeDiff, type StepLike } from '../conformance/compare.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { simulate } from '../src/engine/index.ts';

const dir = join(import.meta.dirname, '..', 'conformance', 'regressions');
const names = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.kernel.json')).sort();

describe('regressions found against the live kernel', () => {
  it('has regression cases', () => expect(names.length).toBeGreaterThan(0));
  for (const f of names) {
    it(f.replace('.json', ''), () => {
      const loaded = loadScenario(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
      const rec = JSON.parse(readFileSync(join(dir, f.replace('.json', '.kernel.json')), 'utf8')) as { runs: { steps: (StepLike & { desc?: string })[] }[] };
      const res = simulate(loaded.engine);
      const got = new Map(res.steps.map((s) => [s.i, s as unknown as StepLike]));
      const failures: string[] = [];
      for (const run of rec.runs) {
        for (const k of run.steps) {
          const d = compareStep(k, got.get(k.i));
          if (d.length) failures.push(`step ${k.i} (${k.desc ?? k.type}): ${d.map((x) => describeDiff(x)).join(' | ')}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
