/**
 * Differential testing of the engine against the real Linux kernel.
 *
 *   npm run conformance -- [FILES|DIRS…] [--rp 0,1,2] [--record DIR] [--jobs N] [--verbose]
 *   npm run conformance -- --ci [--seed S] [--generated N]
 *   npm run conformance -- --generate N --seed S [--out DIR]
 *   npm run conformance -- [FILES…] --against DIR     kernel now vs recorded kernel runs
 *   npm run conformance -- [FILES…] --replay DIR      recorded kernel runs vs engine (no root)
 *   npm run conformance -- --console [--record] [--ci] the console's text vs the real tools (console/cli.ts)
 *
 * See conformance/README.md. Prints a line per run (agree, or the first difference with
 * kernel and engine side by side), then `conformance: K/N steps agree`; exits non-zero on
 * any disagreement or failure.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, release, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { installCleanupHandlers } from './cleanup.ts';
import { compareRun, compareStep, describeDiff, sideBySide, type Aspect, type RunComparison, type StepLike } from './compare.ts';
import { nowSec } from './exec.ts';
import { ALL_FAMILIES, CLASSIC_FAMILIES, generateScenarios, type Family } from './generate.ts';
import { NEW_FAMILIES } from './genFamilies.ts';
import { preflight } from './preflight.ts';
import type { RecordFile, RunRecord } from './record.ts';
import { recordRun } from './recorder.ts';
import { applyRecordedRpFilter, rpValuesOf, stripAnnotations, type ScenarioV1 } from './scenario.ts';
import { simulate } from './sim.ts';
import { validateScenario } from './validate.ts';
import { toolVersions } from './versions.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ARTICLE_DIR = join(ROOT, 'conformance', 'scenarios', 'article');
/** The kernel's own ARP/FIB selftests, transcribed (conformance/scenarios/selftests/README.md). */
const SELFTESTS_DIR = join(ROOT, 'conformance', 'scenarios', 'selftests');
/** Conf knobs at values outside their documented ones, which the kernel stores and reads by its code's rules. */
const OUT_OF_RANGE_DIR = join(ROOT, 'conformance', 'scenarios', 'out-of-range');

interface Options {
  inputs: string[];
  rp: number[] | null;
  record?: string;
  against?: string;
  replay?: string;
  sim: string;
  noSim: boolean;
  jobs: number;
  verbose: boolean;
  ci: boolean;
  generate?: number;
  generated: number;
  seed: number;
  /** Families of --generate (default: the classic four). */
  families: readonly Family[];
  /** --ci: scenarios of the newer families (links, addresses, neighbour parameters, topologies), and their seed. */
  newGenerated: number;
  newSeed: number;
  out?: string;
  saveFailures?: string;
  timeoutS: number;
  only?: string;
  unstable: string | null;
}

function usage(msg?: string): never {
  if (msg) console.error(`conformance: ${msg}`);
  console.error('usage: npm run conformance -- [FILES|DIRS] [--rp 0,1,2] [--record DIR] [--against DIR | --replay DIR]\n' +
    '         [--sim CMD] [--no-sim] [--jobs N] [--only PREFIX] [--verbose] [--timeout S] [--unstable FILE | --strict]\n' +
    '       npm run conformance -- --ci [--seed S] [--generated N] [--new-seed S] [--new-generated N] [--jobs N]\n' +
    '       npm run conformance -- --generate N [--seed S] [--families F,F…|all] [--out DIR]');
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    inputs: [], rp: null, sim: 'npm run -s sim --', noSim: false, jobs: 1, verbose: false, ci: false,
    generated: 50, seed: 1, families: CLASSIC_FAMILIES, newGenerated: 16, newSeed: 2026, timeoutS: 3600, unstable: join(ROOT, 'conformance', 'unstable.json'),
  };
  const val = (i: number) => {
    const v = argv[i + 1];
    if (v === undefined) usage(`${argv[i]} needs a value`);
    return v;
  };
  const int = (i: number) => {
    const n = Number(val(i));
    if (!Number.isInteger(n) || n < 0) usage(`${argv[i]} needs a whole number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    switch (a) {
      case '--rp':
        o.rp = val(i).split(',').map((x) => {
          const n = Number(x);
          if (![0, 1, 2].includes(n)) usage('--rp takes 0, 1 or 2 (comma-separated for several)');
          return n;
        });
        i++;
        break;
      case '--record': o.record = val(i++); break;
      case '--against': o.against = val(i++); break;
      case '--replay': o.replay = val(i++); break;
      case '--sim': o.sim = val(i++); break;
      case '--no-sim': o.noSim = true; break;
      case '--jobs': o.jobs = Math.max(1, int(i++)); break;
      case '--verbose': case '-v': o.verbose = true; break;
      case '--ci': o.ci = true; break;
      case '--generate': o.generate = int(i++); break;
      case '--generated': o.generated = int(i++); break;
      case '--seed': o.seed = int(i++); break;
      case '--new-generated': o.newGenerated = int(i++); break;
      case '--new-seed': o.newSeed = int(i++); break;
      case '--families': {
        const v = val(i++);
        const fs = v === 'all' ? ALL_FAMILIES : v.split(',');
        const bad = fs.filter((f) => !(ALL_FAMILIES as readonly string[]).includes(f));
        if (bad.length) usage(`unknown famil${bad.length > 1 ? 'ies' : 'y'} ${bad.join(', ')} (known: ${ALL_FAMILIES.join(', ')})`);
        o.families = fs as Family[];
        break;
      }
      case '--out': o.out = val(i++); break;
      case '--save-failures': o.saveFailures = val(i++); break;
      case '--timeout': o.timeoutS = int(i++); break;
      case '--only': o.only = val(i++); break;
      case '--unstable': o.unstable = val(i++); break;
      case '--strict': o.unstable = null; break;
      case '--help': case '-h': usage();
      // falls through (usage exits)
      default:
        if (a.startsWith('-')) usage(`unknown option ${a}`);
        o.inputs.push(a);
    }
  }
  return o;
}

interface Job {
  /** File name without .json: the key of records and regressions. */
  name: string;
  label: string;
  original: ScenarioV1;
  effective: ScenarioV1;
  rp: number | null;
  generated: boolean;
}

function scenarioFiles(inputs: string[]): string[] {
  const out: string[] = [];
  for (const p of inputs) {
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).filter((f) => f.endsWith('.json') && !f.endsWith('.kernel.json')).sort()) out.push(join(p, f));
    } else out.push(p);
  }
  return out;
}

function jobsFor(name: string, sc: ScenarioV1, rps: number[] | null, generated: boolean): Job[] {
  if (rps === null) return [{ name, label: name, original: sc, effective: stripAnnotations(sc), rp: null, generated }];
  return rps.map((rp) =>
    rp < 0
      ? { name, label: `${name} rp_filter=fixed`, original: sc, effective: stripAnnotations(sc), rp: null, generated }
      : { name, label: `${name} rp=${rp}`, original: sc, effective: applyRecordedRpFilter(sc, rp), rp, generated },
  );
}

interface Outcome {
  job: Job;
  kernel?: RunRecord;
  /** The engine's (or stored) steps the kernel was compared with. */
  otherSteps?: StepLike[];
  /** Steps where the kernel itself did different things in repeated recordings, with the evidence. */
  kernelVaried?: { step: number; diffs: string }[];
  kernelError?: string;
  otherError?: string;
  cmp?: RunComparison;
  seconds: number;
}

/** A stored kernel run: DIR/NAME.kernel.json (regressions) or DIR/NAME.json (records, the oracle's results). */
function loadRecord(dir: string, name: string, rp: number | null): RunRecord | string {
  let file: RecordFile | null = null;
  const tried: string[] = [];
  for (const f of [`${name}.kernel.json`, `${name}.json`]) {
    const path = join(dir, f);
    tried.push(path);
    try {
      const doc = JSON.parse(readFileSync(path, 'utf8')) as Partial<RecordFile>;
      if (Array.isArray(doc.runs)) {
        file = doc as RecordFile;
        break;
      }
    } catch {
      /* try the next name */
    }
  }
  if (!file) return `no record (${tried.join(' or ')})`;
  const run = file.runs.find((r) => r.rp_filter === rp) ?? (rp === null && file.runs.length === 1 ? file.runs[0] : undefined);
  if (!run) return `record ${name} has no run with rp_filter=${rp}`;
  if (run.error || !run.steps) return `recorded run failed: ${run.error ?? 'no steps'}`;
  return run;
}

/** Phase 1: the kernel's side of a job (a recording, or a stored record with --replay). */
async function kernelSide(job: Job, o: Options): Promise<Outcome> {
  const t = nowSec();
  const done = (x: Omit<Outcome, 'job' | 'seconds'>): Outcome => ({ job, seconds: nowSec() - t, ...x });
  const problems = validateScenario(job.original);
  if (problems.length) return done({ kernelError: `not a valid scenario: ${problems.slice(0, 3).join('; ')}` });
  if (o.replay) {
    const r = loadRecord(o.replay, job.name, job.rp);
    return typeof r === 'string' ? done({ kernelError: r }) : done({ kernel: r });
  }
  const kernel = await recordRun(job.effective, { rp: job.rp, annotated: job.original.actions });
  if (kernel.error || !kernel.steps) return done({ kernel, kernelError: kernel.error ?? 'no steps' });
  return done({ kernel });
}

/**
 * Phase 2: the other side (engine, or stored records with --against) and the comparison.
 * It runs after every recording is done: the simulator's CPU load must not disturb the
 * kernel's timing in a recording running beside it.
 */
async function otherSide(r: Outcome, o: Options, tmp: string): Promise<Outcome> {
  if (r.kernelError || !r.kernel?.steps || o.noSim) return r;
  const job = r.job;
  let other: StepLike[];
  if (o.against) {
    const a = loadRecord(o.against, job.name, job.rp);
    if (typeof a === 'string') return { ...r, otherError: a };
    other = a.steps!;
  } else {
    const file = join(tmp, `${job.name}${job.rp === null ? '' : `-rp${job.rp}`}.json`);
    writeFileSync(file, JSON.stringify(job.effective, null, 1));
    const s = await simulate(o.sim, file);
    if (!s.ok) return { ...r, otherError: `simulator failed: ${s.error}` };
    other = s.steps;
  }
  const skip = unstableSteps(o.unstable, job);
  return { ...r, otherSteps: other, cmp: compareRun(r.kernel.steps, other, (i) => skip.get(i) ?? new Set()) };
}

/**
 * A run that disagrees is recorded again (up to `extra` times, one at a time). Where the
 * kernel's own recordings differ at a step, the kernel is nondeterministic there (a timer
 * racing a step boundary): the evidence is printed, and the engine agrees at that step if
 * it did what the kernel did in one of the recordings. Steps where every recording agrees
 * are compared as before.
 */
async function confirmDisagreement(r: Outcome, o: Options, extra: number): Promise<Outcome> {
  if (!r.cmp?.first || !r.kernel?.steps || !r.otherSteps || o.replay || o.against) return r;
  const runs: RunRecord[] = [r.kernel];
  for (let n = 0; n < extra; n++) {
    const again = await kernelSide(r.job, o);
    if (!again.kernel?.steps) break;
    runs.push(again.kernel);
    process.stderr.write(`kernel: ${r.job.label}: recorded again (${again.seconds.toFixed(1)} s)\n`);
  }
  if (runs.length === 1) return r;
  const skip = unstableSteps(o.unstable, r.job);
  const byIndex = runs.map((k) => new Map(k.steps!.map((s) => [s.i, s])));
  const varied: { step: number; diffs: string }[] = [];
  for (const k of r.kernel.steps) {
    for (let x = 1; x < runs.length; x++) {
      const d = compareStep(k, byIndex[x]!.get(k.i), skip.get(k.i) ?? new Set());
      if (d.length) {
        varied.push({ step: k.i, diffs: d.map((y) => describeDiff(y, `kernel recording ${x + 1}`)).join(' | ') });
        break;
      }
    }
  }
  // Per step, compare the engine with the recording it agrees with, if any.
  const merged = r.kernel.steps.map((k) => {
    for (const m of byIndex) {
      const alt = m.get(k.i);
      if (alt && compareStep(alt, r.otherSteps!.find((s) => s.i === k.i), skip.get(k.i) ?? new Set()).length === 0) return alt;
    }
    return k;
  });
  return { ...r, kernelVaried: varied, cmp: compareRun(merged, r.otherSteps, (i) => skip.get(i) ?? new Set()) };
}

interface UnstableEntry {
  file: string;
  rp: number | null;
  step: number;
  aspect: Aspect;
}

/** Known-unstable aspects of a job's steps (conform.js's --unstable format). */
function unstableSteps(path: string | null, job: Job): Map<number, Set<Aspect>> {
  const out = new Map<number, Set<Aspect>>();
  if (!path || !existsSync(path)) return out;
  for (const u of JSON.parse(readFileSync(path, 'utf8')) as UnstableEntry[]) {
    if (u.file !== `${job.name}.json` || (u.rp ?? null) !== job.rp) continue;
    if (!out.has(u.step)) out.set(u.step, new Set());
    out.get(u.step)!.add(u.aspect);
  }
  return out;
}

/** Runs work over items with at most `n` at once; results in the items' order. */
async function pool<T, R>(items: T[], n: number, work: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return results;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const t0 = nowSec();

  if (o.generate !== undefined && !o.ci && o.inputs.length === 0 && o.out) {
    const scs = generateScenarios(o.generate, o.seed, o.families);
    mkdirSync(o.out, { recursive: true });
    for (const { name, scenario } of scs) writeFileSync(join(o.out, `${name}.json`), `${JSON.stringify(scenario, null, 1)}\n`);
    console.log(`conformance: wrote ${scs.length} scenarios (seed ${o.seed}) to ${o.out}`);
    return;
  }

  const needKernel = !o.replay;
  if (needKernel) {
    const why = await preflight();
    if (why) {
      if (o.ci) {
        console.log(`conformance: skipped (${why})`);
        return;
      }
      console.error(`conformance: cannot run the kernel side: ${why} (use --replay DIR to compare recorded runs)`);
      process.exit(2);
    }
    installCleanupHandlers((m) => console.error(m));
  }

  const jobs: Job[] = [];
  if (o.ci) {
    for (const f of scenarioFiles([ARTICLE_DIR])) {
      const sc = JSON.parse(readFileSync(f, 'utf8')) as ScenarioV1;
      jobs.push(...jobsFor(basename(f, '.json'), sc, o.rp ?? rpValuesOf(sc), false));
    }
  }
  const generatedCount = o.ci ? (o.generate ?? o.generated) : (o.generate ?? 0);
  for (const { name, scenario } of generateScenarios(generatedCount, o.seed, o.families)) jobs.push(...jobsFor(name, scenario, null, true));
  if (o.ci) {
    // The newer families, the kernel selftests transcribed as fixed scenarios, and the knobs out of range.
    for (const { name, scenario } of generateScenarios(o.newGenerated, o.newSeed, NEW_FAMILIES)) jobs.push(...jobsFor(name, scenario, null, true));
    for (const f of scenarioFiles([SELFTESTS_DIR, OUT_OF_RANGE_DIR])) {
      jobs.push(...jobsFor(basename(f, '.json'), JSON.parse(readFileSync(f, 'utf8')) as ScenarioV1, null, false));
    }
  }
  const inputs = o.inputs.length > 0 || o.ci || generatedCount > 0 ? o.inputs : [ARTICLE_DIR];
  for (const f of scenarioFiles(inputs)) {
    const sc = JSON.parse(readFileSync(f, 'utf8')) as ScenarioV1;
    jobs.push(...jobsFor(basename(f, '.json'), sc, o.rp, false));
  }
  const selected = o.only ? jobs.filter((j) => j.name.startsWith(o.only!)) : jobs;
  if (selected.length === 0) usage('no scenarios to run');

  const tmp = mkdtempSync(join(tmpdir(), 'arplab-conformance-'));
  const versions = needKernel ? await toolVersions() : {};
  const otherName = o.against ? 'recorded' : 'engine';
  let agree = 0;
  let total = 0;
  let failures = 0;
  const byName = new Map<string, RunRecord[]>();
  const genDisagreements: string[] = [];

  const report = (r: Outcome) => {
    const secs = `${r.seconds.toFixed(1)} s`;
    if (r.kernel) {
      const list = byName.get(r.job.name) ?? [];
      list.push(r.kernel);
      byName.set(r.job.name, list);
    }
    if (r.kernelError) {
      failures++;
      console.log(`ERROR ${r.job.label}: kernel run failed: ${r.kernelError}`);
      return;
    }
    if (r.otherError) {
      failures++;
      const n = r.kernel?.steps?.length ?? 0;
      total += n;
      console.log(`ERROR ${r.job.label}: ${r.otherError} (${n} steps not compared)`);
      return;
    }
    if (!r.cmp) {
      console.log(`rec  ${r.job.label}: ${r.kernel?.steps?.length ?? 0} steps recorded (${secs})`);
      return;
    }
    agree += r.cmp.agree;
    total += r.cmp.total;
    for (const v of r.kernelVaried ?? []) console.log(`note ${r.job.label}: the kernel itself varied at step ${v.step} between recordings: ${v.diffs}`);
    const unstableNote = r.cmp.unstable ? `; ${r.cmp.unstable} step(s) with known-unstable aspects left out` : '';
    if (!r.cmp.first) {
      console.log(`ok   ${r.job.label}: ${r.cmp.agree}/${r.cmp.total} steps agree${unstableNote} (${secs})`);
      return;
    }
    failures++;
    const f = r.cmp.first;
    const desc = (f.step as { desc?: string }).desc ?? f.step.type ?? '';
    const line = `FAIL ${r.job.label}: ${r.cmp.agree}/${r.cmp.total} steps agree${unstableNote}; first difference at step ${f.step.i} (${desc})`;
    console.log(line);
    for (const d of f.diffs) console.log(sideBySide(d, otherName));
    if (o.verbose) {
      for (const d of r.cmp.differing.slice(1)) {
        console.log(`  step ${d.step.i} (${(d.step as { desc?: string }).desc ?? d.step.type}):`);
        for (const x of d.diffs) console.log(sideBySide(x, otherName, '      '));
      }
    }
    if (r.job.generated) {
      genDisagreements.push(`${line}\n${f.diffs.map((d) => sideBySide(d, otherName)).join('\n')}`);
      const dir = o.saveFailures ?? (o.ci ? join(ROOT, 'conformance', 'out', 'failures') : undefined);
      if (dir && r.kernel) saveFailure(dir, r.job, r.kernel, versions);
    }
  };

  const deadline = t0 + o.timeoutS;
  // Recordings running side by side disturb each other's timing (process start-up, the
  // rtnl lock taken by namespace set-up and tear-down): one at a time unless asked.
  let notStarted = 0;
  // --ci: two at a time where there are CPUs for it (measured: no timing-induced
  // differences between two full runs at that setting); otherwise --jobs, default 1.
  const parallel = o.ci && !process.argv.includes('--jobs') ? Math.min(2, availableParallelism()) : o.jobs;
  const kernelDone = await pool(selected, parallel, async (j) => {
    if (nowSec() > deadline) {
      notStarted++;
      return { job: j, kernelError: 'not started: the overall time limit was reached', seconds: 0 } as Outcome;
    }
    const r = await kernelSide(j, o);
    if (!o.replay) {
      process.stderr.write(`kernel: ${j.label}: ${r.kernelError ? `failed: ${r.kernelError}` : `${r.kernel?.steps?.length ?? 0} steps`} (${r.seconds.toFixed(1)} s)\n`);
    }
    return r;
  });
  const simJobs = Math.max(1, Math.min(4, availableParallelism()));
  const compared = await pool(kernelDone, simJobs, (r) => otherSide(r, o, tmp));
  // Disagreements are checked against the kernel once more, one recording at a time.
  const outcomes = await pool(compared, 1, (r) => (nowSec() > deadline ? Promise.resolve(r) : confirmDisagreement(r, o, 2)));
  for (const r of outcomes) report(r);
  rmSync(tmp, { recursive: true, force: true });

  if (o.record) {
    mkdirSync(o.record, { recursive: true });
    for (const [name, runs] of byName) {
      const sc = selected.find((j) => j.name === name)!.original;
      const file: RecordFile = {
        scenario: typeof sc.id === 'string' ? sc.id : name,
        ...(sc.title ? { title: sc.title } : {}),
        file: `scenarios/${name}.json`,
        versions,
        runs,
      };
      writeFileSync(join(o.record, `${name}.json`), `${JSON.stringify(file, null, 1)}\n`);
    }
    console.log(`conformance: kernel records written to ${o.record}`);
  }

  const seconds = Math.round(nowSec() - t0);
  if (genDisagreements.length > 0) console.log(`conformance: ${genDisagreements.length} generated scenario(s) disagree`);
  if (notStarted > 0) console.log(`conformance: time limit of ${o.timeoutS} s reached; ${notStarted} run(s) not started`);
  console.log(`conformance: ${selected.length} run(s) of ${new Set(selected.map((j) => j.name)).size} scenario(s) in ${seconds} s` +
    (needKernel ? ` (kernel ${release()})` : ''));
  console.log(`conformance: ${agree}/${total} steps agree`);
  if (o.ci) {
    const scenarios = new Set(selected.map((j) => j.name)).size;
    console.log(`conformance-summary: ${JSON.stringify({ scenarios, runs: selected.length, steps: total, agree, failures, seconds })}`);
  }
  process.exitCode = failures === 0 && agree === total ? 0 : 1;
}

/** A generated scenario the engine disagreed on, with the kernel's record: a future regression test. */
function saveFailure(dir: string, job: Job, kernel: RunRecord, versions: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${job.name}.json`), `${JSON.stringify(job.effective, null, 1)}\n`);
  const rec: RecordFile = { scenario: job.name, file: `${job.name}.json`, versions, runs: [kernel] };
  writeFileSync(join(dir, `${job.name}.kernel.json`), `${JSON.stringify(rec, null, 1)}\n`);
}

(process.argv.includes('--vm') ? import('./vm/cli.ts').then((m) => m.vmMain(process.argv.slice(2)))
  : process.argv.includes('--console') ? import('./console/cli.ts').then((m) => m.consoleMain(process.argv.slice(2)))
  : main()).catch((e: unknown) => {
  console.error(`conformance: ${(e as Error).stack ?? String(e)}`);
  process.exit(2);
});
