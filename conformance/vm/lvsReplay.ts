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
import { canonConnections } from './lvsCompare.ts';

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

/**
 * A record may hold several recordings of one scenario (the kernel's own answer varied: a
 * timer-wheel race, conformance/README.md). Steps on which every recording agrees are
 * compared exactly; at a step where they differ, the engine agrees if it did what the
 * kernel did in one of them (the harness's rule, run.ts confirmDisagreement).
 */
export function replay(r: Recording): JobComparison & { varied: number[] } {
  const runs = r.record.runs.filter((x) => x.steps);
  if (runs.length === 0) throw new Error(`${r.name}: the record has no steps (${r.record.runs[0]?.error ?? 'no run'})`);
  const engine = engineSteps({ effective: r.scenario });
  const first = compareJob(runs[0]!.steps!, engine, true);
  if (runs.length === 1) return { ...first, varied: [] };
  const varied: number[] = [];
  const merged = runs[0]!.steps!.map((k) => {
    const alts = runs.map((x) => x.steps!.find((s) => s.i === k.i)).filter((s): s is NonNullable<typeof s> => !!s);
    if (alts.some((a) => compareJob([a], [k] as never, false).differing.length > 0 || canonConnections(a.connections).join('|') !== canonConnections(k.connections).join('|'))) varied.push(k.i);
    return alts.find((a) => compareJob([a], engine, true).differing.length === 0) ?? k;
  });
  return { ...compareJob(merged, engine, true), varied };
}

/**
 * Recordings the engine still disagrees on, while they are being explained (conformance/
 * README.md, "What the open differences turned out to be"; none today): replayed and
 * counted like the others, kept apart only so that `npm test` can hold the rest to full
 * agreement.
 */
export const OPEN_DIR = join(LVS_DIR, 'open');

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const recs = [...loadRecordings(), ...loadRecordings(OPEN_DIR).map((r) => ({ ...r, name: `open/${r.name}` }))];
  let agree = 0;
  let total = 0;
  const kernels = new Set<string>();
  for (const r of recs) {
    const c = replay(r);
    agree += c.agree;
    total += c.total;
    kernels.add(r.record.versions.kernel ?? '?');
    printDiffs(`${r.name} [${r.record.versions.kernel}]`, c, verbose);
    if (c.varied.length) console.log(`note ${r.name}: the kernel itself varied between its ${r.record.runs.length} recordings at step(s) ${c.varied.join(', ')}`);
  }
  console.log(`lvs: ${recs.length} recorded scenarios (kernel ${[...kernels].join(', ')})`);
  console.log(`lvs: ${agree}/${total} steps agree`);
  process.exitCode = recs.length > 0 && agree === total ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
