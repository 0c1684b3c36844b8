/**
 * `npm run conformance -- --vm …`: scenarios recorded on the VM's kernel (Debian's, with
 * IPVS and IPIP) in one boot, then compared with the engine (or, for ARP scenarios, with
 * stored records of another kernel: --against).
 *
 *   --vm [FILES|DIRS…]            scenarios as given (LVS v2 or ARP v1)
 *   --vm --lvs N [--seed S]       N generated LVS scenarios (lvsGenerate.ts)
 *   --vm --arp [--rp 1,0,2]       the 17 article scenarios, once per rp_filter value
 *   --record DIR                  keep NAME.json (scenario) + NAME.kernel.json (record)
 *   --against DIR                 ARP: compare with DIR/NAME.json records instead of the engine
 *   --ci                          skip with the reason when the VM cannot boot here
 *   --timeout S                   bound on the boot (default: from the batch)
 *   --verbose                     every differing step
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { compareStep, sideBySide, type StepLike } from '../compare.ts';
import type { RecordFile, RunRecord, StepRecord } from '../record.ts';
import { applyRecordedRpFilter, rpValuesOf, stripAnnotations, type ScenarioV1 } from '../scenario.ts';
import type { BatchRun } from './guestMain.ts';
import { vmPreflight } from './image.ts';
import { compareLvsStep, type LvsDiff } from './lvsCompare.ts';
import { simulateScenario } from './lvsEngine.ts';
import { generateLvsScenarios } from './lvsGenerate.ts';
import { LvsKernel } from './lvsKernel.ts';
import { recordInVm } from './runVm.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ARTICLE_DIR = join(ROOT, 'conformance', 'scenarios', 'article');

interface VmJob { key: string; name: string; scenario: ScenarioV1; effective: ScenarioV1; rp: number | null; lvs: boolean }

function files(inputs: string[]): string[] {
  const out: string[] = [];
  for (const p of inputs) {
    if (statSync(p).isDirectory()) out.push(...readdirSync(p).filter((f) => f.endsWith('.json') && !f.endsWith('.kernel.json')).sort().map((f) => join(p, f)));
    else out.push(p);
  }
  return out;
}

/** Engine steps for a job, LVS or ARP: the document through the app's loader (lvsEngine.ts). */
export function engineSteps(job: { effective: ScenarioV1 }) {
  return simulateScenario(job.effective).steps;
}

export interface JobComparison { agree: number; total: number; differing: { step: StepRecord; diffs: LvsDiff[] }[] }

export function compareJob(kernel: StepRecord[], other: StepLike[] | ReturnType<typeof engineSteps>, lvs: boolean): JobComparison {
  const byI = new Map(other.map((s) => [s.i, s]));
  const res: JobComparison = { agree: 0, total: 0, differing: [] };
  for (const k of kernel) {
    res.total++;
    const s = byI.get(k.i);
    const diffs: LvsDiff[] = lvs ? compareLvsStep(k, s as never) : compareStep(k, s as StepLike | undefined);
    if (diffs.length === 0) res.agree++;
    else res.differing.push({ step: k, diffs });
  }
  return res;
}

export function printDiffs(label: string, c: JobComparison, verbose: boolean, otherName = 'engine'): void {
  const first = c.differing[0];
  if (!first) {
    console.log(`ok   ${label}: ${c.agree}/${c.total} steps agree`);
    return;
  }
  console.log(`FAIL ${label}: ${c.agree}/${c.total} steps agree; first difference at step ${first.step.i} (${first.step.desc ?? first.step.type ?? ''})`);
  for (const d of verbose ? c.differing : [first]) {
    if (verbose) console.log(`  step ${d.step.i} (${d.step.desc ?? d.step.type ?? ''}):`);
    for (const x of d.diffs) console.log(sideBySide(x as never, otherName));
  }
}

export async function vmMain(argv: string[]): Promise<void> {
  const t0 = Date.now();
  let lvsN = 0;
  let seed = 1;
  let arp = false;
  let rp: number[] | null = null;
  let record: string | undefined;
  let against: string | undefined;
  let ci = false;
  let verbose = false;
  let timeoutS = 0;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => argv[++i] ?? (console.error(`conformance: ${a} needs a value`), process.exit(2));
    if (a === '--vm') continue;
    else if (a === '--lvs') lvsN = Number(val());
    else if (a === '--seed') seed = Number(val());
    else if (a === '--arp') arp = true;
    else if (a === '--rp') rp = val().split(',').map(Number);
    else if (a === '--record') record = val();
    else if (a === '--against') against = val();
    else if (a === '--ci') ci = true;
    else if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--timeout') timeoutS = Number(val());
    else if (a.startsWith('-')) {
      console.error(`conformance: --vm: unknown option ${a}`);
      process.exit(2);
    } else inputs.push(a);
  }
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const why = await vmPreflight(log);
  if (why) {
    if (ci) {
      console.log(`conformance --vm: skipped (${why})`);
      return;
    }
    console.error(`conformance --vm: cannot boot the VM here: ${why}`);
    process.exit(2);
  }
  if (ci && lvsN === 0 && inputs.length === 0 && !arp) lvsN = 4;

  const jobs: VmJob[] = [];
  const add = (name: string, sc: ScenarioV1, rps: number[] | null) => {
    const lvs = LvsKernel.needed(sc);
    if (rps === null || lvs) jobs.push({ key: name, name, scenario: sc, effective: stripAnnotations(sc), rp: null, lvs });
    else for (const r of rps) jobs.push({ key: `${name}-rp${r}`, name, scenario: sc, effective: applyRecordedRpFilter(sc, r), rp: r, lvs });
  };
  for (const { name, scenario } of generateLvsScenarios(lvsN, seed)) add(name, scenario, null);
  for (const f of files(arp ? [ARTICLE_DIR, ...inputs] : inputs)) {
    const sc = JSON.parse(readFileSync(f, 'utf8')) as ScenarioV1;
    add(basename(f, '.json'), sc, rp ?? (arp ? rpValuesOf(sc) : null));
  }
  if (jobs.length === 0) {
    console.error('conformance --vm: no scenarios (give FILES/DIRS, --lvs N or --arp)');
    process.exit(2);
  }
  // Measured under emulation: ~35 s to the job, 20–60 s a scenario.
  const bound = timeoutS || 180 + 120 * jobs.length;
  const runs: BatchRun[] = jobs.map((j) => ({ key: j.key, scenario: j.effective, rp: j.rp, annotated: j.scenario.actions }));
  log(`vm: ${jobs.length} run(s) in one boot (bound ${bound} s)`);
  const res = await recordInVm(runs, { timeoutS: bound, log });
  const kernel = res.versions.kernel;

  let agree = 0;
  let total = 0;
  let failures = 0;
  for (const j of jobs) {
    const label = `${j.name}${j.rp === null ? '' : ` rp=${j.rp}`} [${kernel}]`;
    const rec = res.records.get(j.key);
    if (!rec || rec.error || !rec.steps) {
      failures++;
      console.log(`ERROR ${label}: kernel run ${rec ? `failed: ${rec.error ?? 'no steps'}` : 'missing (the boot ended first)'}`);
      continue;
    }
    let other: StepLike[];
    try {
      if (against) {
        const file = JSON.parse(readFileSync(join(against, `${j.name}.json`), 'utf8')) as RecordFile;
        const run = file.runs.find((r) => r.rp_filter === j.rp);
        if (!run?.steps) throw new Error(`no run with rp_filter=${j.rp} in ${against}`);
        other = run.steps;
      } else other = engineSteps(j) as never;
    } catch (e) {
      failures++;
      console.log(`ERROR ${label}: ${(e as Error).message}`);
      continue;
    }
    const c = compareJob(rec.steps, other, j.lvs && !against);
    agree += c.agree;
    total += c.total;
    if (c.differing.length) failures++;
    printDiffs(label, c, verbose, against ? `recorded (${versionsOf(against, j.name)})` : 'engine');
  }
  if (record) writeRecords(record, jobs, res.records, res.versions);
  const secs = (Date.now() - t0) / 1000;
  const done = jobs.filter((j) => res.records.get(j.key)?.steps).length;
  const per = [...res.records.values()].map((r) => r.duration_s ?? 0).filter(Boolean);
  console.log(`vm: kernel ${kernel} (${res.versions.kernel_package}); host ${process.version}; boot to job ${res.startSeconds?.toFixed(1) ?? '?'} s; ` +
    `batch ${res.bootSeconds.toFixed(0)} s for ${done}/${jobs.length} run(s)${per.length ? `, ${(per.reduce((a, b) => a + b, 0) / per.length).toFixed(1)} s a run recorded` : ''}${res.timedOut ? ' (boot cut at its bound)' : ''}; all ${secs.toFixed(0)} s`);
  console.log(`conformance: ${agree}/${total} steps agree`);
  if (ci) console.log(`conformance-vm-summary: ${JSON.stringify({ kernel, runs: jobs.length, recorded: done, steps: total, agree, failures, seconds: Math.round(secs) })}`);
  process.exitCode = failures === 0 && agree === total ? 0 : 1;
}

function versionsOf(dir: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as RecordFile).versions.kernel ?? '?';
  } catch {
    return '?';
  }
}

/** LVS: NAME.json + NAME.kernel.json (as regressions/); ARP: NAME.json records (the oracle's format, one run per rp). */
function writeRecords(dir: string, jobs: VmJob[], records: Map<string, RunRecord>, versions: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  const byName = new Map<string, VmJob[]>();
  for (const j of jobs) byName.set(j.name, [...(byName.get(j.name) ?? []), j]);
  for (const [name, js] of byName) {
    const runs = js.map((j) => records.get(j.key)).filter((r): r is RunRecord => !!r?.steps && !r.error);
    if (runs.length === 0) continue;
    const lvs = js[0]!.lvs;
    const file: RecordFile = { scenario: name, file: `${name}.json`, versions, runs };
    if (lvs) {
      writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(js[0]!.scenario, null, 1)}\n`);
      writeFileSync(join(dir, `${name}.kernel.json`), `${JSON.stringify(file, null, 1)}\n`);
    } else {
      writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(file, null, 1)}\n`);
    }
  }
  console.log(`conformance: records written to ${dir}${existsSync(dir) ? '' : ' (failed)'}`);
}
