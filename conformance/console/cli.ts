/**
 * npm run conformance -- --console [--record] [--ci]
 *
 * The console against the real tools: every case of cases.ts built in network namespaces
 * (root), its lines run with iproute2, procps sysctl and net-tools, and the console's text
 * for the same lines compared after normalise.ts. Prints each differing command (kernel and
 * console one under the other), then `console: K/N commands print identically`.
 * --record writes the kernel's transcripts to conformance/console/transcripts.json (what
 * the replay test, conformance/console/replay.test.ts, compares the console with, without
 * root). --ci: `skipped (why)` and exit 0 where namespaces cannot be made; a last line
 * `conformance-console-summary: {…}`. Exit 1 when a command outside KNOWN_DIFFERENCES differs.
 */
import { writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { join, resolve } from 'node:path';
import { installCleanupHandlers } from '../cleanup.ts';
import { run } from '../exec.ts';
import { preflight } from '../preflight.ts';
import { CASES } from './cases.ts';
import { compareTranscripts, consoleCase, describeVerdict } from './compare.ts';
import { KNOWN_DIFFERENCES } from './differences.ts';
import { recordCase, type Transcript } from './live.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const TRANSCRIPTS = join(ROOT, 'conformance', 'console', 'transcripts.json');

export interface TranscriptFile {
  versions: Record<string, string>;
  recorded: string;
  transcripts: Transcript[];
}

async function versions(): Promise<Record<string, string>> {
  const first = async (argv: string[]) => ((await run(argv, 5000)).stdout.trim().split('\n')[0] ?? '');
  return { kernel: release(), iproute2: await first(['ip', '-V']), procps: await first(['sysctl', '--version']), 'net-tools': await first(['arp', '-V']) };
}

export async function consoleMain(argv: string[]): Promise<void> {
  const ci = argv.includes('--ci');
  // net-tools (arp, route, ifconfig) is not part of the harness's preflight.
  const noNetTools = (await run(['arp', '-V'], 5000)).code === null ? 'missing tools: arp (net-tools)' : null;
  const why = (await preflight()) ?? noNetTools;
  if (why) {
    console.log(`conformance --console: skipped (${why})`);
    if (!ci) process.exitCode = 2;
    return;
  }
  installCleanupHandlers((m) => console.error(m));
  const t0 = Date.now();
  const kernel: Transcript[] = [];
  for (const c of CASES) kernel.push(await recordCase(ROOT, c));
  let same = 0;
  let total = 0;
  let unexpected = 0;
  for (const [i, c] of CASES.entries()) {
    for (const v of compareTranscripts(kernel[i]!, await consoleCase(ROOT, c))) {
      total++;
      if (v.same) {
        same++;
        continue;
      }
      const known = KNOWN_DIFFERENCES.find((k) => k.case === v.case && k.cmd === v.cmd);
      if (!known) unexpected++;
      console.log(describeVerdict(v));
      if (known) console.log(`  (known: ${known.reason})`);
    }
  }
  if (argv.includes('--record')) {
    const file: TranscriptFile = { versions: await versions(), recorded: new Date().toISOString().slice(0, 10), transcripts: kernel };
    writeFileSync(TRANSCRIPTS, `${JSON.stringify(file, null, 1)}\n`);
    console.log(`conformance --console: kernel transcripts written to ${TRANSCRIPTS}`);
  }
  const seconds = Math.round((Date.now() - t0) / 100) / 10;
  console.log(`conformance --console: ${CASES.length} cases in ${seconds} s (kernel ${release()})`);
  console.log(`console: ${same}/${total} commands print identically`);
  if (ci) console.log(`conformance-console-summary: ${JSON.stringify({ cases: CASES.length, commands: total, identical: same, unexpected, seconds })}`);
  process.exitCode = unexpected === 0 ? 0 : 1;
}
