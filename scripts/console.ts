/**
 * npm run -s console -- FILE.json --host NAME [--at STEP] [--start]
 * Reads command lines on standard input and prints exactly what the host's terminal in the
 * app prints for them (src/commands: one session, two backends), at the playback cursor
 * after step STEP (default: the end). Changes are typed at the cursor (inserted after its
 * step), or with --start applied to the setup. Exit status: the last command's.
 * --config: standard input is a config to paste (a real-server script, a sysctl.conf, or
 * `ip addr`/`ip route`/`ip neigh` output), applied to the host's setup; every line is
 * printed with its mark (applied, no-effect and why, refused, not-understood, skipped).
 * Exit status 0, or 1 when a line was refused or not understood.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { MemoryBackend } from '../src/commands/memoryBackend.ts';
import { pasteConfig } from '../src/commands/pasteConfig.ts';
import { runLine } from '../src/commands/session.ts';
import { loadScenarioText } from '../src/scenario/load.ts';

function fail(msg: string): never {
  process.stderr.write(`console: ${msg}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const file = args.find((a, i) => !a.startsWith('--') && !['--host', '--at'].includes(args[i - 1]));
const host = opt('--host');
if (!file || !host) fail('usage: npm run -s console -- FILE.json --host NAME [--at STEP] [--start | --config]');
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`cannot read ${file}: ${(e as Error).message}`);
}
const loaded = loadScenarioText(text);
if (!loaded.ok) fail(`${file} is not a valid scenario:\n${loaded.issues.map((i) => `  ${i.path || '(top level)'}: ${i.message}`).join('\n')}`);
if (!Object.hasOwn(loaded.scenario.hosts, host)) fail(`no host "${host}" in ${file} (hosts: ${Object.keys(loaded.scenario.hosts).join(', ')})`);
const atText = opt('--at');
const at = atText === undefined ? undefined : Number(atText);
if (at !== undefined && !(Number.isInteger(at) && at >= 0)) fail(`--at takes a step number (0 = after setup), not "${atText}"`);
const backend = new MemoryBackend(loaded.scenario, host, at);
const mode = args.includes('--start') ? 'start' : 'cursor';

if (args.includes('--config')) {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const marks = await pasteConfig(backend, Buffer.concat(chunks).toString('utf8'));
  for (const m of marks) {
    const how = m.command ? ` [as: ${m.command}]` : '';
    process.stdout.write(`${String(m.line).padStart(3)} ${m.status.padEnd(14)} ${m.text.trim()}${how}${m.why ? `\n${m.why.split('\n').map((l) => `    ${l}`).join('\n')}` : ''}\n`);
  }
  process.exit(marks.some((m) => m.status === 'refused' || m.status === 'not-understood') ? 1 : 0);
}

let rc = 0;
const rl = createInterface({ input: process.stdin, terminal: false });
for await (const line of rl) {
  const r = await runLine(backend, line, mode);
  if (r.out.length) process.stdout.write(`${r.out.join('\n')}\n`);
  if (line.trim() !== '' && !/^\s*#/.test(line)) rc = r.rc;
}
process.exitCode = rc;
