/**
 * `sysctl` (procps-ng 4) and the /proc/sys/net/ipv4 files behind it (`cat`, `echo N > …`):
 * reads come from the host's conf at the cursor; a write is the `sysctl` action, the same
 * one the command form makes. The lab reads net.ipv4.conf.*.*, net.ipv4.ip_forward and a
 * device's neighbour parameters (net.ipv4.neigh.DEV.*, all but unres_qlen); net.ipv4.neigh.default.*
 * and unres_qlen can be written but not read back yet.
 */
import { KNOB_NAMES } from '../engine/index.ts';
import { getopt } from '../scenario/actions/cmdline.ts';
import { parseProcInt } from '../scenario/procInt.ts';
import type { ActionV1 } from '../scenario/types.ts';
import { err, ok, viewOf, type CommandResult, type ConsoleState } from './state.ts';

const PROC = '/proc/sys/';

/** procps-ng 4.0's Usage(), word for word. */
const USAGE = [
  '',
  'Usage:',
  ' sysctl [options] [variable[=value] ...]',
  '',
  'Options:',
  '  -a, --all            display all variables',
  '  -A                   alias of -a',
  '  -X                   alias of -a',
  '      --deprecated     include deprecated parameters to listing',
  '      --dry-run        Print the key and values but do not write',
  '  -b, --binary         print value without new line',
  '  -e, --ignore         ignore unknown variables errors',
  '  -N, --names          print variable names without values',
  '  -n, --values         print only values of the given variable(s)',
  '  -p, --load[=<file>]  read values from file',
  '  -f                   alias of -p',
  '      --system         read values from all system directories',
  '  -r, --pattern <expression>',
  '                       select setting that match expression',
  '  -q, --quiet          do not echo variable set',
  '  -w, --write          enable writing a value to variable',
  '  -o                   does nothing',
  '  -x                   does nothing',
  '  -d                   alias of -h',
  '',
  ' -h, --help     display this help and exit',
  ' -V, --version  output version information and exit',
  '',
  'For more details see sysctl(8).',
];

/** procps's sysctl -a lists these only with --deprecated. */
const DEPRECATED = new Set(['base_reachable_time', 'retrans_time']);

/** Every key the lab can read on this host, in `sysctl -a`'s order. */
export function sysctlKeys(st: ConsoleState): string[] {
  const v = viewOf(st);
  const scopes = ['all', 'default', ...v.devices.map((d) => d.name)];
  const keys = scopes.flatMap((s) => KNOB_NAMES.map((k) => `net.ipv4.conf.${s}.${k}`));
  keys.push('net.ipv4.ip_forward');
  // The neighbour parameters the engine models, per device; procps -a leaves out the
  // deprecated second/tick spellings (base_reachable_time, retrans_time: its --deprecated).
  for (const d of v.devices) {
    for (const name of Object.keys(d.neighSysctls)) if (!DEPRECATED.has(name)) keys.push(`net.ipv4.neigh.${d.name}.${name}`);
  }
  return keys.sort();
}

/** The value of a key at the cursor, or null when the host has no such file. */
export function readKey(st: ConsoleState, key: string): number | null {
  const v = viewOf(st);
  if (key === 'net.ipv4.ip_forward') return v.ipForward;
  const n = /^net\.ipv4\.neigh\.([^.]+)\.([a-z_]+)$/.exec(key);
  if (n) return v.devices.find((d) => d.name === n[1])?.neighSysctls[n[2]] ?? null;
  const m = /^net\.ipv4\.conf\.([^.]+)\.([a-z_]+)$/.exec(key);
  if (!m) return null;
  const k = v.conf.find((c) => c.knob === m[2]);
  if (!k) return null;
  if (m[1] === 'all') return k.all;
  if (m[1] === 'default') return k.default;
  return k.devices[m[1]]?.value ?? null;
}

const keyOf = (arg: string) => (arg.startsWith(PROC) ? arg.slice(PROC.length) : arg).replaceAll('/', '.');
const pathOf = (key: string) => PROC + key.replaceAll('.', '/');
const noFile = (key: string) => `sysctl: cannot stat ${pathOf(key)}: No such file or directory`;
const isNeighKey = (key: string) => /^net\.ipv4\.neigh\.[^.]+\.[a-z_]+$/.test(key);

const setAction = (st: ConsoleState, set: Record<string, number>): ActionV1 => ({ type: 'sysctl', host: st.host, set }) as ActionV1;

/** procps's default file for `-p` without one; the simulated host has no files under /etc. */
const DEFAULT_PRELOAD = '/etc/sysctl.conf';
const VERSION = 'sysctl from procps-ng 4.0.2';

export function sysctlCommand(st: ConsoleState, argv: string[]): CommandResult {
  // procps 4 prints its usage on stderr and fails when given no word at all.
  if (argv.length < 2) return err(1, ...USAGE);
  // Long options as procps spells them; `--load=FILE` is `-pFILE` (an optional argument).
  const LONG: Record<string, string> = { '--all': '-a', '--values': '-n', '--names': '-N', '--write': '-w', '--quiet': '-q', '--ignore': '-e', '--pattern': '-r', '--load': '-p', '--help': '-h', '--version': '-V' };
  const args = argv.slice(1).map((w) => (w.startsWith('--load=') ? `-p${w.slice('--load='.length)}` : LONG[w] ?? w));
  const g = getopt('sysctl', args, 'bneNwfp::qoxaAXr:Vdh');
  // procps acts on -V, -h and -d as getopt returns them: the first of them ends the command,
  // before any later option is read.
  const first = [...('error' in g ? g.before : g.opts).keys()].find((k) => k === 'V' || k === 'h' || k === 'd');
  if (first === 'V') return ok([VERSION]);
  if (first) return ok(USAGE);
  // getopt's '?' (an unknown option, -r without its expression): glibc's message on stderr,
  // then procps's Usage(stdout), which exits 0.
  if ('error' in g) return ok([g.error, ...USAGE]);
  const o = g.opts;
  const values = o.has('n');
  const names = o.has('N');
  const line = (k: string, v: number) => (values ? String(v) : names ? k : `${k} = ${v}`);
  if (o.has('a') || o.has('A') || o.has('X')) {
    let re: RegExp | null = null;
    const pat = o.get('r');
    if (typeof pat === 'string') {
      try {
        re = new RegExp(pat);
      } catch {
        return err(1, `sysctl: invalid regex "${pat}"`);
      }
    }
    return ok(sysctlKeys(st).filter((k) => !re || re.test(k)).map((k) => line(k, readKey(st, k)!)));
  }
  if (o.has('p') || o.has('f')) {
    // -p/-f/--load: the file given as -pFILE, then every word as a file (even KEY=VALUE);
    // /etc/sysctl.conf only when neither is given. None exists on the simulated host.
    const attached = o.get('p');
    const files = [...(typeof attached === 'string' ? [attached] : []), ...g.args];
    return err(1, ...(files.length ? files : [DEFAULT_PRELOAD]).map((f) => `sysctl: cannot open "${f}": No such file or directory`));
  }
  if (g.args.length === 0) return err(1, 'sysctl: no variables specified', "Try `sysctl --help' for more information.");
  if (names && o.has('q')) return err(1, 'sysctl: options -N and -q cannot coexist', "Try `sysctl --help' for more information.");
  const out: string[] = [];
  const set: Record<string, number> = {};
  let rc = 0;
  for (const arg of g.args) {
    const eq = arg.indexOf('=');
    if (eq > 0) {
      const key = keyOf(arg.slice(0, eq));
      // procps's parse_setting_line strips the value; it writes it with a newline, and
      // prints it as given (`= 0x10`), not as the kernel stored it.
      const text = arg.slice(eq + 1).trim();
      if (readKey(st, key) === null && !isNeighKey(key)) {
        if (!o.has('e')) out.push(noFile(key));
        rc = o.has('e') ? rc : 1;
        continue;
      }
      const v = parseProcInt(`${text}\n`);
      if (v === null) {
        out.push(`sysctl: setting key "${key}": Invalid argument`);
        rc = 1;
        continue;
      }
      set[key] = v;
      if (!o.has('q')) out.push(values ? text : names ? key : `${key} = ${text}`);
      continue;
    }
    if (o.has('w')) {
      // procps 4's parse_setting_line, with the command line as its "file".
      out.push('sysctl: command line(0): invalid syntax, continuing...');
      rc = 1;
      continue;
    }
    const key = keyOf(arg);
    const v = readKey(st, key);
    if (v === null) {
      if (isNeighKey(key)) out.push(`arplab: reading ${key} is not modelled yet (it can be written)`);
      else if (!o.has('e')) out.push(noFile(key));
      rc = 1;
      continue;
    }
    out.push(line(key, v));
  }
  const change = Object.keys(set).length ? { change: { actions: [setAction(st, set)], kind: 'config' as const } } : {};
  return { out, rc, ...change };
}

/** `cat FILE…` of /proc/sys/net/ipv4 files. */
export function catCommand(st: ConsoleState, argv: string[]): CommandResult {
  const out: string[] = [];
  let rc = 0;
  if (argv.length < 2) return err(1, 'arplab: cat reads /proc/sys/net/ipv4/… files here; give one');
  for (const p of argv.slice(1)) {
    const v = p.startsWith(PROC) ? readKey(st, keyOf(p)) : null;
    if (v === null) {
      out.push(`cat: ${p}: No such file or directory`);
      rc = 1;
    } else out.push(String(v));
  }
  return { out, rc };
}

/** `echo ARGS` and `echo N > /proc/sys/net/ipv4/…` (bash's write to a sysctl file). */
export function echoCommand(st: ConsoleState, argv: string[], redirect?: { path: string; append: boolean }): CommandResult {
  let args = argv.slice(1);
  let newline = true;
  while (args[0] === '-n' || args[0] === '-e' || args[0] === '-E') {
    if (args[0] === '-n') newline = false;
    args = args.slice(1);
  }
  const text = args.join(' ');
  if (!redirect) return ok(newline ? [text] : [text]);
  const { path } = redirect;
  if (!path.startsWith(PROC)) return err(1, `bash: ${path}: Read-only file system`);
  const key = keyOf(path);
  if (readKey(st, key) === null && !isNeighKey(key)) return err(1, `bash: ${path}: No such file or directory`);
  // What the kernel's proc_dointvec makes of the line echo writes (procInt.ts).
  const v = parseProcInt(newline ? `${text}\n` : text);
  if (v === null) return err(1, 'bash: echo: write error: Invalid argument');
  return { out: [], rc: 0, change: { actions: [setAction(st, { [key]: v })], kind: 'config' } };
}
