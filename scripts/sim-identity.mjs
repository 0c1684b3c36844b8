#!/usr/bin/env node
/**
 * node scripts/sim-identity.mjs [REF]
 * Proof that a change to the engine changed no behaviour: runs `npm run -s sim` on every
 * scenario of the repository (conformance/scenarios, the gallery) with the code at REF
 * (default HEAD, exported to a temporary directory) and with the working tree, in three
 * forms — the default output, `--events` (the whole trace, event by event) and `--lang zh`
 * — and fails unless every output is byte-identical. Used for performance work on the
 * trace (issue 9): a faster trace must be the same trace. Each tree runs all its sims in one
 * process (scripts/sim-identity-run.ts), so a check takes a minute, not half an hour.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const ref = process.argv[2] ?? 'HEAD';
const dirs = ['conformance/scenarios', 'src/examples/gallery/scenarios'];
const modes = [[], ['--events'], ['--lang', 'zh']];

function jsonFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsonFiles(p) : f.endsWith('.json') ? [p] : [];
  });
}

/** Runs every job with the sim of tree `cwd` in one process; returns the outputs in job order. */
function simAll(cwd, jobs, work) {
  const out = join(work, `out-${jobs.length}-${cwd === root ? 'now' : 'ref'}`);
  mkdirSync(out);
  writeFileSync(join(out, 'jobs.json'), JSON.stringify(jobs));
  execFileSync('npx', ['tsx', 'scripts/sim-identity-run.ts', out, join(out, 'jobs.json')], { cwd, stdio: 'inherit' });
  return jobs.map((_, n) => readFileSync(join(out, `${n}.out`)));
}

const base = mkdtempSync(join(tmpdir(), 'arplab-sim-identity-'));
try {
  execFileSync('sh', ['-c', `git archive ${ref} | tar -x -C ${base}`], { cwd: root });
  symlinkSync(join(root, 'node_modules'), join(base, 'node_modules'));
  const files = dirs.flatMap((d) => jsonFiles(join(root, d))).map((f) => relative(root, f)).sort();
  const jobs = files.flatMap((f) => modes.map((m) => [join(root, f), ...m]));
  const work = mkdtempSync(join(tmpdir(), 'arplab-sim-identity-out-'));
  let differ = 0;
  try {
    // The reference tree runs its own sim.ts; both get the same absolute scenario paths.
    cpSync(join(root, 'scripts/sim-identity-run.ts'), join(base, 'scripts/sim-identity-run.ts'));
    const a = simAll(base, jobs, work);
    const b = simAll(root, jobs, work);
    jobs.forEach((job, n) => {
      if (!a[n].equals(b[n])) {
        differ++;
        console.log(`DIFFERS ${relative(root, job[0])} ${job.slice(1).join(' ')} (${a[n].length} bytes at ${ref}, ${b[n].length} now)`);
      }
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`${files.length} scenarios × ${modes.length} outputs: ${differ === 0 ? 'all byte-identical' : `${differ} differ`} (${ref} vs working tree)`);
  process.exitCode = differ === 0 ? 0 : 1;
} finally {
  rmSync(base, { recursive: true, force: true });
}
