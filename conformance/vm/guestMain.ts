/**
 * The job inside the VM (bundled into job/guest.mjs by runVm.ts): records every scenario
 * of job/batch.json on the guest's kernel with the same namespace recorder as on the host
 * (recorder.ts), one after another, and writes out/NAME.json (one RunRecord each) as soon
 * as each is done, so a boot cut short by its deadline still returns what finished.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { recordRun } from '../recorder.ts';
import { installCleanupHandlers } from '../cleanup.ts';
import { toolVersions } from '../versions.ts';
import type { ScenarioV1 } from '../scenario.ts';

export interface BatchRun {
  /** Output file name (without .json); unique in the batch. */
  key: string;
  scenario: ScenarioV1;
  rp: number | null;
  annotated?: ScenarioV1['actions'];
}

const JOB = '/tmp/job';
const OUT = '/tmp/out';

async function main(): Promise<void> {
  installCleanupHandlers((m) => process.stderr.write(`${m}\n`));
  const batch = JSON.parse(readFileSync(`${JOB}/batch.json`, 'utf8')) as { runs: BatchRun[] };
  writeFileSync(`${OUT}/versions.json`, JSON.stringify(await toolVersions()));
  for (const [n, r] of batch.runs.entries()) {
    const t = performance.now();
    const rec = await recordRun(r.scenario, { rp: r.rp, annotated: r.annotated });
    writeFileSync(`${OUT}/${r.key}.json`, JSON.stringify(rec));
    const s = ((performance.now() - t) / 1000).toFixed(1);
    process.stderr.write(`guest: ${n + 1}/${batch.runs.length} ${r.key}: ${rec.error ? `failed: ${rec.error}` : `${rec.steps?.length ?? 0} steps`} (${s} s)\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`guest: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
