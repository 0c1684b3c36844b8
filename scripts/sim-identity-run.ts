/**
 * Helper of scripts/sim-identity.mjs: runs scripts/sim.ts of the tree it lives in on every
 * file and mode given, in one process (one tsx start instead of hundreds), and writes each
 * output — stdout, stderr and the exit code — to OUT_DIR/<n>.out.
 * usage: tsx scripts/sim-identity-run.ts OUT_DIR JOBS.json   (JOBS: [[file, ...args], …])
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [outDir, jobsFile] = process.argv.slice(2);
const jobs = JSON.parse(readFileSync(jobsFile, 'utf8')) as string[][];
const sim = join(import.meta.dirname, 'sim.ts');

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const realExit = process.exit;
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);
for (const [n, job] of jobs.entries()) {
  const chunks: string[] = [];
  const capture = (s: string | Uint8Array) => (chunks.push(typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), true);
  process.argv = [process.argv[0], sim, ...job];
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  process.exit = ((code?: number) => {
    throw new Exit(code ?? 0);
  }) as typeof process.exit;
  let code = 0;
  try {
    await import(`${sim}?job=${n}`);
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    code = e.code;
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
    process.exit = realExit;
  }
  writeFileSync(join(outDir, `${n}.out`), `exit ${code}\n${chunks.join('')}`);
}
