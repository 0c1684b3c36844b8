/**
 * `npm run -s test:lvs`: the LVS recordings kept in conformance/lvs/ (each NAME.json, a
 * format-v2 scenario, with NAME.kernel.json, the VM kernel's record) replayed against the
 * engine, without root or a VM. One line per scenario (the first difference side by side),
 * then `lvs: K/N steps agree`. Exit status non-zero on any disagreement.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RecordFile } from '../record.ts';
import type { ScenarioV1 } from '../scenario.ts';
import { compareJob, engineSteps, printDiffs, type JobComparison } from './cli.ts';

export const LVS_DIR = resolve(import.meta.dirname, '..', 'lvs');

export interface Recording { name: string; scenario: ScenarioV1; record: RecordFile }

export function loadRecordings(dir = LVS_DIR): Recording[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.kernel.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.json'.length);
      return {
        name,
        scenario: JSON.parse(readFileSync(join(dir, f), 'utf8')) as ScenarioV1,
        record: JSON.parse(readFileSync(join(dir, `${name}.kernel.json`), 'utf8')) as RecordFile,
      };
    });
}

export function replay(r: Recording): JobComparison {
  const run = r.record.runs[0];
  if (!run?.steps) throw new Error(`${r.name}: the record has no steps (${run?.error ?? 'no run'})`);
  return compareJob(run.steps, engineSteps({ effective: r.scenario, lvs: true }), true);
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const recs = loadRecordings();
  let agree = 0;
  let total = 0;
  const kernels = new Set<string>();
  for (const r of recs) {
    const c = replay(r);
    agree += c.agree;
    total += c.total;
    kernels.add(r.record.versions.kernel ?? '?');
    printDiffs(`${r.name} [${r.record.versions.kernel}]`, c, verbose);
  }
  console.log(`lvs: ${recs.length} recorded scenarios (kernel ${[...kernels].join(', ')})`);
  console.log(`lvs: ${agree}/${total} steps agree`);
  process.exitCode = recs.length > 0 && agree === total ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
