/**
 * A scenario action as the real tools run it: the command lines, the description the
 * record shows, and what the tools' output says (ping/arping success, replies).
 */
import { actionHosts, addrArgs, normalizeAddress, routeArgs, type ActionV1, type RouteV1 } from './scenario.ts';

export interface Command {
  host: string;
  /** argv run inside the host's namespace (the namespace wrapper is added by the recorder). */
  argv: string[];
  /** Whether argv is an `ip` command (run as `ip -n NS …`) or any tool (`ip netns exec NS …`). */
  ip: boolean;
  timeoutMs: number;
}

export interface PlannedAction {
  desc: string;
  /** The tool's command line as the record shows it (ping and arping). */
  cmd?: string;
  commands: Command[];
  /** `wait`: seconds to sleep instead of commands. */
  sleep?: number;
  /** What the tool reports: ping/arping set ok and counts; ip commands set rc. */
  kind: 'ping' | 'arping' | 'ip' | 'quiet' | 'none';
  /**
   * Run the hosts' commands one after another instead of at once: a flush on one host sends
   * frames (ICMP errors, new resolutions) that change the tables of the next one, so the
   * order must be the one the scenario lists (the engine flushes them in that order too).
   */
  sequential?: boolean;
}

const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The command(s) an action runs; throws on an action the runner cannot perform. */
export function planAction(a: ActionV1): PlannedAction {
  const host = str(a.host) ?? '';
  switch (a.type) {
    case 'ping': {
      const count = num(a.count, 1);
      const W = num(a.W, 1);
      const argv = ['ping', '-n', '-c', String(count), '-W', String(W)];
      if (a.interval !== undefined) argv.push('-i', String(num(a.interval, 1)));
      const iface = str(a.iface);
      if (iface) argv.push('-I', iface);
      argv.push(String(a.to));
      const timeoutMs = (count * num(a.interval, 1) + W + 5) * 1000;
      return {
        desc: `${host}: ping${iface ? ` -I ${iface}` : ''} ${String(a.to)}`,
        cmd: argv.join(' '),
        commands: [{ host, argv, ip: false, timeoutMs }],
        kind: 'ping',
      };
    }
    case 'arping': {
      const count = num(a.count, 1);
      const argv = ['arping', '-c', String(count)];
      if (a.w !== undefined) argv.push('-w', String(num(a.w, 1)));
      const flags = (['D', 'U', 'A', 'b', 'f'] as const).filter((f) => a[f] === true).map((f) => `-${f}`);
      argv.push(...flags);
      const iface = str(a.iface);
      if (iface) argv.push('-I', iface);
      const src = str(a.src);
      if (src) argv.push('-s', src);
      argv.push(String(a.target));
      const timeoutMs = (count + num(a.w, 0) + 5) * 1000;
      return {
        desc: `${host}: arping${flags.map((f) => ` ${f}`).join('')} -c ${count}${iface ? ` -I ${iface}` : ''}${src ? ` -s ${src}` : ''} ${String(a.target)}`,
        cmd: argv.join(' '),
        commands: [{ host, argv, ip: false, timeoutMs }],
        kind: 'arping',
      };
    }
    case 'flush': {
      const hosts = actionHosts(a);
      const sel = str(a.dev) ? ['dev', str(a.dev)!] : ['all'];
      return {
        desc: `${hosts.join(',')}: ip neigh flush ${sel.join(' ')}`,
        commands: hosts.map((h) => ({ host: h, argv: ['neigh', 'flush', ...sel], ip: true, timeoutMs: 10_000 })),
        kind: 'quiet',
        sequential: true,
      };
    }
    case 'neigh_del': {
      const argv = ['neigh', 'del', String(a.ip), 'dev', String(a.dev)];
      return { desc: `${host}: ip ${argv.join(' ')}`, commands: [{ host, argv, ip: true, timeoutMs: 10_000 }], kind: 'quiet' };
    }
    case 'neigh_add': {
      const argv = ['neigh', 'replace', String(a.ip)];
      if (str(a.lladdr)) argv.push('lladdr', str(a.lladdr)!.toLowerCase());
      argv.push('dev', String(a.dev), 'nud', (str(a.nud) ?? 'permanent').toLowerCase());
      return { desc: `${host}: ip ${argv.join(' ')}`, commands: [{ host, argv, ip: true, timeoutMs: 10_000 }], kind: 'quiet' };
    }
    case 'sysctl': {
      const hosts = actionHosts(a);
      const set = Object.entries((a.set ?? {}) as Record<string, number>).map(([k, v]) => `${k}=${v}`);
      return {
        desc: `${hosts.join(',')}: sysctl ${set.join(' ')}`,
        commands: hosts.map((h) => ({ host: h, argv: ['sysctl', '-q', '-w', ...set], ip: false, timeoutMs: 10_000 })),
        kind: 'quiet',
      };
    }
    case 'route': {
      const op = String(a.op ?? 'add');
      const argv = ['route', op, ...routeArgs(a.route as RouteV1)];
      return { desc: `${host}: ip ${argv.join(' ')}`, commands: [{ host, argv, ip: true, timeoutMs: 10_000 }], kind: 'ip' };
    }
    case 'addr': {
      const op = a.op === 'del' ? 'del' : 'add';
      const spec = normalizeAddress({
        cidr: String(a.cidr),
        ...(str(a.label) ? { label: str(a.label)! } : {}),
        ...(str(a.scope) ? { scope: str(a.scope)! } : {}),
        ...(typeof a.noprefixroute === 'boolean' ? { noprefixroute: a.noprefixroute } : {}),
        ...(typeof a.metric === 'number' ? { metric: a.metric } : {}),
      });
      const argv = ['addr', op, ...addrArgs(spec, String(a.dev), op)];
      return { desc: `${host}: ip ${argv.join(' ')}`, commands: [{ host, argv, ip: true, timeoutMs: 10_000 }], kind: 'ip' };
    }
    case 'link': {
      const argv = ['link', 'set', String(a.dev)];
      if (str(a.mac)) argv.push('address', str(a.mac)!.toLowerCase());
      if (a.state === 'up' || a.state === 'down') argv.push(a.state);
      return { desc: `${host}: ip ${argv.join(' ')}`, commands: [{ host, argv, ip: true, timeoutMs: 10_000 }], kind: 'ip' };
    }
    case 'wait': {
      const s = num(a.seconds, 0);
      return { desc: `wait ${s}s`, commands: [], sleep: s, kind: 'none' };
    }
    case 'snapshot':
      return { desc: 'snapshot', commands: [], kind: 'none' };
    default:
      throw new Error(`unknown action type "${a.type}"`);
  }
}

/** Longest time an action can take before its deadline (for the scenario's overall bound). */
export function actionBoundMs(p: PlannedAction): number {
  return (p.sleep ?? 0) * 1000 + Math.max(0, ...p.commands.map((c) => c.timeoutMs));
}

export interface PingResult {
  ok: boolean;
  sent: number;
  received: number;
  output: string;
}

/** `ok`: at least one echo reply arrived (the format's definition). */
export function parsePing(stdout: string, stderr: string): PingResult {
  const m = /(\d+) packets transmitted, (\d+) received/.exec(stdout);
  const sent = m ? Number(m[1]) : 0;
  const received = m ? Number(m[2]) : 0;
  const all = [stdout.trimEnd(), stderr.trim()].filter(Boolean).join('\n');
  return { ok: received > 0, sent, received, output: all.split('\n').slice(-3).join(' | ') };
}

export interface ArpingReply {
  kind: 'unicast' | 'broadcast';
  what: 'reply' | 'request';
  from_ip: string;
  from_mac: string;
}

export interface ArpingResult {
  ok: boolean | null;
  replies: ArpingReply[];
  sent: number;
  broadcasts: number;
  received: number;
  output: string;
}

/**
 * `ok`: at least one reply arrived; with -D the same (true means the address is in use);
 * null for -U/-A, which ask for no reply.
 */
export function parseArping(stdout: string, stderr: string, unsolicited: boolean): ArpingResult {
  const replies: ArpingReply[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^(Unicast|Broadcast) (reply|request) from (\S+) \[([0-9A-Fa-f:]+)\]/.exec(line.trim());
    if (m) {
      replies.push({
        kind: m[1]!.toLowerCase() as ArpingReply['kind'],
        what: m[2] as ArpingReply['what'],
        from_ip: m[3]!,
        from_mac: m[4]!.toLowerCase(),
      });
    }
  }
  const s = /Sent (\d+) probes? \((\d+) broadcast/.exec(stdout);
  const r = /Received (\d+) response/.exec(stdout);
  const received = r ? Number(r[1]) : 0;
  const output = [stdout.trim(), stderr.trim()].filter(Boolean).join('\n');
  return {
    ok: unsolicited ? null : received > 0,
    replies,
    sent: s ? Number(s[1]) : 0,
    broadcasts: s ? Number(s[2]) : 0,
    received,
    output,
  };
}
