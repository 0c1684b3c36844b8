/**
 * `ip [-4] [-s] [-d] addr|link|route|neigh …`. Listings read the host at the cursor; changes
 * parse through the action descriptors (parseActionLine), so a typed `ip addr add` is the
 * same action the command form makes, and prints back as the same line.
 */
import { routeFlush } from './routeFlush.ts';
import { parseActionLine } from '../scenario/actions/registry.ts';
import { ipObject } from '../scenario/actions/cmdline.ts';
import type { ActionV1 } from '../scenario/types.ts';
import { countersOf, framesSeen } from './counters.ts';
import { ipAddrShow, ipLinkShow, ipNeighLine, ipRouteShow } from './ipShow.ts';
import { err, ok, viewOf, type CommandResult, type ConsoleState } from './state.ts';

/** iproute2's exit statuses: 2 for a kernel refusal (RTNETLINK), 1 for a missing device, 255 for bad arguments. */
export function ipRc(message: string): number {
  if (message.startsWith('RTNETLINK') || message.startsWith('Error: ipv4') || message.startsWith('Error: Nexthop') || message.startsWith('Error: Invalid prefsrc')) return 2;
  if (/^(Cannot find device|Device ".*" does not exist|Not enough information|Flush requires)/.test(message)) return 1;
  return 255;
}

const USAGE = 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }';

const devMissing = (dev: string) => err(1, `Device "${dev}" does not exist.`);

/** A change typed as `ip …`: parsed by the action descriptors, its device checked as the kernel would first. */
export function asAction(st: ConsoleState, words: string[], kind: 'tool' | 'config' = 'config'): CommandResult {
  if (words.some((w) => /\s/.test(w))) return err(255, `Error: argument "${words.find((w) => /\s/.test(w))}" is wrong: invalid argument`);
  const r = parseActionLine(`${st.host}$ ${words.join(' ')}`);
  if (!r.ok) {
    const prog = words[0];
    const rc = prog === 'ip' ? ipRc(r.error) : prog === 'sysctl' || prog === 'packit' ? 1 : 2;
    return err(rc, r.error);
  }
  const a = r.action as unknown as ActionV1;
  const dev = (a as { dev?: unknown }).dev;
  if (typeof dev === 'string' && !viewOf(st).devices.some((d) => d.name === dev)) return err(1, `Cannot find device "${dev}"`);
  return { out: [], rc: 0, change: { actions: [a], kind } };
}

export function ipCommand(st: ConsoleState, argv: string[]): CommandResult {
  let i = 1;
  const o = { four: false, stats: 0, details: false };
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const w = argv[i];
    if (w === '-4') o.four = true;
    else if (/^-s(tats?|tatistics)?$/.test(w)) o.stats++;
    else if (/^-d(etails)?$/.test(w)) o.details = true;
    else if (w === '-h' || w === '-help') return err(255, USAGE);
    else return err(255, `Option "${w}" is unknown, try "ip -help".`);
  }
  if (i >= argv.length) return err(255, USAGE);
  const obj = ipObject(argv[i]);
  // do_cmd (ip/ip.c) returns EXIT_FAILURE for an unknown object.
  if (!obj) return err(1, `Object "${argv[i]}" is unknown, try "ip help".`);
  const rest = argv.slice(i + 1);
  const verb = rest[0] ?? 'show';
  // matches() in iproute2: any prefix of show/list.
  const isShow = ['show', 'list', 'lst'].some((v) => v.startsWith(verb)) && verb !== '';
  const words = ['ip', obj, ...rest];
  switch (obj) {
    case 'addr':
      if (isShow || rest.length === 0) return addrShow(st, rest.slice(1), o.four);
      if (verb === 'flush') return addrFlush(st, rest.slice(1));
      if (verb === 'replace' || verb === 'change') return addrReplace(st, words);
      return asAction(st, words);
    case 'link':
      if (isShow || rest.length === 0) return linkShow(st, rest.slice(1), o.stats > 0);
      return asAction(st, words);
    case 'route':
      if (isShow || rest.length === 0) return routeShow(st, rest.slice(1));
      if (verb === 'get') return routeGetCmd(st, rest.slice(1));
      if (verb === 'change') return asAction(st, ['ip', 'route', 'replace', ...rest.slice(1)]);
      if (verb === 'flush') return routeFlush(st, rest.slice(1), o.stats);
      return asAction(st, words);
    case 'neigh':
      if (isShow || rest.length === 0) return neighShow(st, rest.slice(1), o.stats > 0);
      if (verb === 'add' || verb === 'change') return neighAdd(st, verb, rest.slice(1));
      return asAction(st, words);
  }
  return err(255, USAGE);
}

/** `[dev] X` as `ip … show` takes it. */
function devArg(args: string[]): { dev?: string; rest: string[] } {
  const rest: string[] = [];
  let dev: string | undefined;
  for (let k = 0; k < args.length; k++) {
    if (args[k] === 'dev') dev = args[++k];
    else if (dev === undefined && /^[a-z]/i.test(args[k]) && !['up', 'to', 'nud', 'table', 'scope', 'proto', 'label'].includes(args[k])) dev = args[k];
    else rest.push(args[k]);
  }
  return { dev, rest };
}

function addrShow(st: ConsoleState, args: string[], four: boolean): CommandResult {
  const { dev } = devArg(args);
  const v = viewOf(st);
  if (dev !== undefined && !v.devices.some((d) => d.name === dev)) return devMissing(dev);
  return ok(ipAddrShow(v, { four, dev }));
}

function linkShow(st: ConsoleState, args: string[], stats: boolean): CommandResult {
  const { dev } = devArg(args);
  const v = viewOf(st);
  if (dev !== undefined && !v.devices.some((d) => d.name === dev)) return devMissing(dev);
  const seen = stats ? framesSeen(st.sim, st.host, st.step) : [];
  return ok(ipLinkShow(v, { stats, dev, counters: (d) => countersOf(seen, d) }));
}

function routeShow(st: ConsoleState, args: string[]): CommandResult {
  let table: 'main' | 'local' = 'main';
  let dev: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const w = args[k];
    if (w === 'table') {
      const t = args[++k];
      if (t === 'local' || t === '255') table = 'local';
      else if (t === 'main' || t === '254') table = 'main';
      else if (t === undefined) return err(255, 'Command line is not complete. Try option "help"');
      // Any other table (rt_tables' `default` is 253) has no routes here, so the kernel has not made it.
      else if (t === 'default' || (/^\d+$/.test(t) && Number(t) > 0 && Number(t) < 2 ** 32)) return err(2, 'Error: ipv4: FIB table does not exist.', 'Dump terminated');
      else return err(255, `Error: argument "${t}" is wrong: "table" value is invalid`);
    } else if (w === 'dev' || w === 'oif') {
      dev = args[++k];
      if (dev === undefined) return err(255, 'Command line is not complete. Try option "help"');
    } else return err(255, `Error: argument "${w}" is wrong: this lab reads only "table" and "dev" here`);
  }
  const v = viewOf(st);
  if (dev !== undefined && !v.devices.some((d) => d.name === dev)) return err(1, `Cannot find device "${dev}"`);
  return ok(ipRouteShow(v, { table, dev }));
}

function routeGetCmd(st: ConsoleState, args: string[]): CommandResult {
  const q: { to?: string; from?: string; iif?: string; oif?: string } = {};
  for (let k = 0; k < args.length; k++) {
    const w = args[k];
    if (w === 'from' || w === 'iif' || w === 'oif' || w === 'to') {
      const val = args[++k];
      if (val === undefined) return err(255, 'Command line is not complete. Try option "help"');
      if (q[w] !== undefined) return err(255, `Error: either "${w}" is duplicate, or "${w}" is a garbage.`);
      q[w] = val;
    } else if (w === 'dev') {
      const val = args[++k];
      if (val === undefined) return err(255, 'Command line is not complete. Try option "help"');
      q.oif = val;
    } else if (q.to === undefined) q.to = w;
    else return err(255, `Error: either "to" is duplicate, or "${w}" is a garbage.`);
  }
  if (q.to === undefined) return err(1, 'need at least a destination address');
  const r = st.routeGet({ to: q.to, ...(q.from !== undefined ? { from: q.from } : {}), ...(q.iif !== undefined ? { iif: q.iif } : {}), ...(q.oif !== undefined ? { oif: q.oif } : {}) });
  return r.ok ? ok(r.lines) : err(r.rc === 2 ? 2 : r.rc === 1 ? 1 : 255, r.error);
}

function neighShow(st: ConsoleState, args: string[], stats: boolean): CommandResult {
  let dev: string | undefined;
  let to: string | undefined;
  let nud: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const w = args[k];
    if (w === 'dev') dev = args[++k];
    else if (w === 'nud') nud = args[++k]?.toUpperCase();
    else if (w === 'to') to = args[++k];
    else if (to === undefined) to = w;
    else return err(255, `Error: either "to" is duplicate, or "${w}" is a garbage.`);
  }
  const v = viewOf(st);
  if (dev !== undefined && !v.devices.some((d) => d.name === dev)) return err(1, `Cannot find device "${dev}"`);
  const rows = v.neigh.filter((n) => (dev === undefined || n.dev === dev) && (to === undefined || n.ip === to) && (nud === undefined || n.state === nud));
  return ok(rows.map((n) => ipNeighLine(n, { stats, dev })));
}

/** `ip neigh add` fails on an existing entry (NLM_F_EXCL); `change` needs one; both otherwise are a replace. */
function neighAdd(st: ConsoleState, verb: 'add' | 'change', args: string[]): CommandResult {
  const r = asAction(st, ['ip', 'neigh', 'replace', ...args]);
  if (!r.change) return r;
  const a = r.change.actions[0] as unknown as { ip: string; dev: string };
  const exists = viewOf(st).neigh.some((n) => n.ip === a.ip && n.dev === a.dev);
  if (verb === 'add' && exists) return err(2, 'RTNETLINK answers: File exists');
  if (verb === 'change' && !exists) return err(2, 'RTNETLINK answers: No such file or directory');
  return r;
}

/** `ip addr flush dev X`: every address of the device deleted, secondaries first (so none is promoted on the way). */
function addrFlush(st: ConsoleState, args: string[]): CommandResult {
  const { dev, rest } = devArg(args);
  if (dev === undefined || rest.length) return err(1, 'Flush requires arguments.');
  const d = viewOf(st).devices.find((x) => x.name === dev);
  if (!d) return devMissing(dev);
  const order = [...d.addrs.filter((a) => a.secondary).reverse(), ...d.addrs.filter((a) => !a.secondary).reverse()];
  const actions = order.map((a) => ({ type: 'addr', host: st.host, op: 'del', cidr: a.cidr, dev }) as ActionV1);
  return actions.length ? { out: [], rc: 0, change: { actions, kind: 'config' } } : ok();
}

/** `ip addr replace|change`: adds a missing address; an address already there keeps its place (the lab has no in-place update). */
function addrReplace(st: ConsoleState, words: string[]): CommandResult {
  const r = asAction(st, ['ip', 'addr', 'add', ...words.slice(3)]);
  if (!r.change) return r;
  const a = r.change.actions[0] as unknown as { cidr: string; dev: string };
  const d = viewOf(st).devices.find((x) => x.name === a.dev);
  if (d?.addrs.some((x) => x.cidr === a.cidr)) return ok();
  if (words[2] === 'change') return err(2, 'RTNETLINK answers: No such file or directory');
  return r;
}
