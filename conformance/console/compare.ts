/**
 * The console's side of the check and the comparison: the same lines typed into the
 * console (src/commands through MemoryBackend, as `npm run -s console` runs them) at the
 * case's cursor, then both texts normalised (normalise.ts) and compared line for line, with
 * the exit status. A command prints identically when text and status are equal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryBackend } from '../../src/commands/memoryBackend.ts';
import { runLine } from '../../src/commands/session.ts';
import type { ScenarioV1 } from '../../src/scenario/types.ts';
import type { ConsoleCase } from './cases.ts';
import type { Transcript, TranscriptLine } from './live.ts';
import { normalise } from './normalise.ts';

export async function consoleCase(root: string, c: ConsoleCase): Promise<Transcript> {
  const sc = JSON.parse(readFileSync(join(root, c.scenario), 'utf8')) as ScenarioV1;
  const b = new MemoryBackend(sc, c.host, c.at);
  const lines: TranscriptLine[] = [];
  for (const cmd of c.lines) {
    const r = await runLine(b, cmd);
    lines.push({ cmd, out: r.out.map((l) => `${l}\n`).join(''), rc: r.rc });
  }
  return { name: c.name, lines };
}

export interface LineVerdict {
  case: string;
  cmd: string;
  same: boolean;
  kernel: { out: string; rc: number };
  console: { out: string; rc: number };
}

export function compareTranscripts(kernel: Transcript, mine: Transcript): LineVerdict[] {
  return kernel.lines.map((k, i) => {
    const m = mine.lines[i]!;
    if (m.cmd !== k.cmd) throw new Error(`${kernel.name}: line ${i + 1} is "${k.cmd}" in the record, "${m.cmd}" in the case`);
    const kn = normalise(k.cmd, k.out);
    const mn = normalise(m.cmd, m.out);
    return { case: kernel.name, cmd: k.cmd, same: kn === mn && k.rc === m.rc, kernel: { out: kn, rc: k.rc }, console: { out: mn, rc: m.rc } };
  });
}

/** A differing command, kernel and console one under the other. */
export function describeVerdict(v: LineVerdict): string {
  const block = (who: string, x: { out: string; rc: number }) => [`  ${who} (exit ${x.rc}):`, ...x.out.replace(/\n$/, '').split('\n').map((l) => `    |${l}`)];
  return [`DIFF ${v.case}: ${v.cmd}`, ...block('kernel ', v.kernel), ...block('console', v.console)].join('\n');
}
