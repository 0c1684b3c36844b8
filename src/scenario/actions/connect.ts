/**
 * `connect` (format version 2): a curl-like client opening `count` connections to VIP:port,
 * one every `interval` seconds, each given up after `timeout` seconds
 * (engine/tools/connect.ts). Its command line is what a person would type on a client:
 *
 *   curl -s -0 -m 2 http://192.168.100.200:80/                  one TCP connection
 *   echo hello | nc -u -w 2 192.168.100.200 53                  one UDP datagram
 *   for i in $(seq 3); do curl -s -0 -m 2 http://192.168.100.200:80/ & sleep 1; done; wait
 *
 * `-0` (HTTP/1.0) makes curl close each connection, as the engine's client does (its request
 * is `GET / HTTP/1.0`); `-m`/`-w` are the timeout. In the loop each client starts in the
 * background (`&`) `interval` seconds after the previous one, whether or not that one is
 * done — the engine's schedule — and `wait` ends the line when the last one has finished.
 */
import { z } from 'zod';
import { actionBase, countSchema, expects, host, l4ProtoSchema, positiveSecondsSchema, secondsSchema, verified } from '../fields.ts';
import { LIMITS } from '../limits.ts';
import { msg } from '../messages.ts';
import { isIPv4 } from '../net.ts';
import { fail, getopt, num, numberArg } from './cmdline.ts';
import { defined, pick } from './common.ts';
import { KERNEL_NEIGH, type ActionDescriptor, type EngineAction, type Ev, type ParseResult } from './descriptor.ts';

/** "a.b.c.d:port" → its parts, or null. */
export function parseHostPort(s: string): { ip: string; port: number } | null {
  const m = /^([0-9.]+):(\d{1,5})$/.exec(s);
  if (!m || !isIPv4(m[1])) return null;
  const port = Number(m[2]);
  return port >= 1 && port <= 65535 && String(port) === m[2] ? { ip: m[1], port } : null;
}

const toSchema = expects(
  verified(z.string(), (s) => (parseHostPort(s) ? null : msg('connectTo', s))),
  'an address and port like 192.168.100.200:80',
);

const schema = z.strictObject({
  type: z.literal('connect'), host, to: toSchema, proto: l4ProtoSchema.optional(), count: countSchema.optional(),
  interval: secondsSchema.optional(), timeout: positiveSecondsSchema.optional(), ...actionBase,
});

/** The engine's defaults (tools/connect.ts): one connection, 1 s apart, 2 s timeout. */
const DEFAULTS = { proto: 'tcp', count: 1, interval: 1, timeout: 2 } as const;

/** One client: curl for TCP, nc -u for UDP. */
function client(a: EngineAction<'connect'>): string {
  const t = parseHostPort(a.to) ?? { ip: a.to, port: 0 };
  const timeout = num(a.timeout ?? DEFAULTS.timeout);
  return a.proto === 'udp'
    ? `echo hello | nc -u -w ${timeout} ${t.ip} ${t.port}`
    : `curl -s -0 -m ${timeout} http://${t.ip}:${t.port}/`;
}

const LOOP = /^for i in \$\(seq (\S+)\); do (.+) & sleep (\S+); done; wait$/;

/** curl's own messages (tool_getparam.c, URL errors with their exit codes). */
function parseCurl(w: string[]): { to: string; timeout?: number } | { error: string } {
  const g = getopt('curl', w.slice(1), 's0Sm:');
  if ('error' in g) {
    const m = /-- '(.)'/.exec(g.error);
    return { error: g.error.includes('requires') ? `curl: option -${m?.[1]}: requires parameter` : `curl: option -${m?.[1]}: is unknown` };
  }
  if (g.args.length === 0) return { error: 'curl: no URL specified' };
  if (g.args.length > 1) return { error: `curl: one URL, please (got ${g.args.join(' ')})` };
  const u = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?\/?$/.exec(g.args[0]);
  if (!u) return { error: `curl: (3) URL rejected: Malformed input to a URL function` };
  if (!isIPv4(u[1])) return { error: `curl: (6) Could not resolve host: ${u[1]}` };
  const port = u[2] === undefined ? 80 : Number(u[2]);
  if (port < 1 || port > 65535) return { error: 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535' };
  const out: { to: string; timeout?: number } = { to: `${u[1]}:${port}` };
  const m = g.opts.get('m');
  if (typeof m === 'string') {
    const n = numberArg('curl', m, 0, LIMITS.seconds, false);
    if (typeof n !== 'number' || n === 0) return { error: `curl: option -m: expected a proper numerical parameter` };
    out.timeout = n;
  }
  return out;
}

/** `echo hello | nc -u [-w T] IP PORT` (OpenBSD netcat). */
function parseNc(w: string[]): { to: string; timeout?: number } | { error: string } {
  if (w[0] !== 'echo' || w[2] !== '|' || w[3] !== 'nc') return { error: 'nc: write it as: echo hello | nc -u -w TIMEOUT IP PORT' };
  const g = getopt('nc', w.slice(4), 'uw:');
  if ('error' in g) return g;
  if (g.opts.get('u') !== true) return { error: 'nc: ARP Lab runs TCP with curl; nc is for UDP (-u)' };
  if (g.args.length !== 2) return { error: 'usage: nc [-u] [-w timeout] destination port' };
  const [ip, p] = g.args;
  if (!isIPv4(ip)) return { error: `nc: getaddrinfo for host "${ip}" port ${p}: Name or service not known` };
  const port = /^\d{1,5}$/.test(p) ? Number(p) : NaN;
  if (!(port >= 1 && port <= 65535)) return { error: `nc: port number invalid: ${p}` };
  const out: { to: string; timeout?: number } = { to: `${ip}:${port}` };
  const t = g.opts.get('w');
  if (typeof t === 'string') {
    const n = numberArg('nc', t, 0, LIMITS.seconds, false);
    if (typeof n !== 'number' || n === 0) return { error: `nc: timeout invalid: ${t}` };
    out.timeout = n;
  }
  return out;
}

function parseOne(w: string[], host: string): ParseResult {
  const udp = w[0] !== 'curl';
  const r = udp ? parseNc(w) : parseCurl(w);
  if ('error' in r) return fail(r.error);
  return { ok: true, action: { type: 'connect', host, to: r.to, ...(udp ? { proto: 'udp' } : {}), ...(r.timeout !== undefined ? { timeout: r.timeout } : {}) } };
}

export const connect: ActionDescriptor<'connect', typeof schema> = {
  type: 'connect',
  schema,
  hosts: 'one',
  // One connection has no interval: it is left out, so that the line (which has no loop
  // then) says all there is.
  normalize: (a) => defined({
    type: 'connect', host: a.host, to: a.to, proto: a.proto, count: a.count, interval: (a.count ?? 1) > 1 ? a.interval : undefined, timeout: a.timeout,
  }),
  check: (a, ctx) => {
    ctx.hostRef(a.host);
  },
  devs: () => [],
  renameDev: (a) => a,
  arbitrary(c, { host: h, pool }) {
    const ip = c.a % 3 === 0 ? pick(pool, c.b) : pick([...h.addrs, ...pool], c.a);
    const udp = c.b % 4 === 0;
    const a: z.output<typeof schema> = { type: 'connect', host: h.name, to: `${ip}:${pick(udp ? [53, 5000] : [80, 8080, 443], c.c)}` };
    if (udp) a.proto = 'udp';
    else if (c.b % 4 === 1) a.proto = 'tcp';
    if (c.c % 3 === 0) a.count = 1 + (c.d % 4);
    if (c.d % 3 === 0) a.interval = pick([0.2, 0.5, 1, 2], c.a);
    if (c.d % 5 === 0) a.timeout = pick([0.5, 1, 3], c.b);
    return a;
  },
  defaults: DEFAULTS,
  print(a) {
    const one = client(a);
    const count = a.count ?? DEFAULTS.count;
    if (count === 1) return one;
    return `for i in $(seq ${count}); do ${one} & sleep ${num(a.interval ?? DEFAULTS.interval)}; done; wait`;
  },
  command: ['curl'],
  also: [['echo', 'hello', '|', 'nc'], ['for']],
  parse(w, hosts) {
    const host = hosts[0];
    if (w[0] !== 'for') return parseOne(w, host);
    const m = LOOP.exec(w.join(' '));
    if (!m) return fail('bash: write the loop as: for i in $(seq COUNT); do CLIENT & sleep INTERVAL; done; wait');
    const count = numberArg('seq', m[1], 1, LIMITS.count, true);
    if (typeof count !== 'number') return fail(count.error);
    const interval = numberArg('sleep', m[3], 0, LIMITS.seconds, false);
    if (typeof interval !== 'number') return fail(interval.error);
    const inner = m[2].split(' ');
    if (inner[0] !== 'curl' && inner[0] !== 'echo') return fail(`bash: the loop runs curl or nc, not ${inner[0]}`);
    const one = parseOne(inner, host);
    if (!one.ok) return one;
    return { ok: true, action: { ...one.action, count, interval } };
  },
  // The command form: where to connect, how many connections and how far apart (TCP; the
  // protocol and timeout keep their defaults, or what an edited action had).
  form: [
    { key: 'to', input: 'address', label: 'service', error: 'service', required: true, placeholder: '192.168.100.200:80' },
    { key: 'count', input: 'number', label: 'connections', error: 'connCount', initial: '1', min: 1, max: 100, whole: true, omit: 1 },
    { key: 'interval', input: 'number', label: 'interval', error: 'interval', initial: '1', min: 0, max: 60, omit: 1 },
  ],
  harness: {
    kind: 'connect',
    shell: true,
    timeoutMs: (a) => (((a.count ?? 1) - 1) * (a.interval ?? 1) + (a.timeout ?? DEFAULTS.timeout) + 5) * 1000,
    // Every connection starts on schedule and ends when served, refused or timed out; the
    // ARP it causes (the client's resolution of its gateway or the VIP, the director's of a
    // real server) happens around each start, failed resolutions up to their retries later.
    timing(a) {
      const c = a.count ?? 1;
      const iv = a.interval ?? DEFAULTS.interval;
      const t = a.timeout ?? DEFAULTS.timeout;
      const last = (c - 1) * iv;
      const nt = KERNEL_NEIGH;
      const ev: Ev[] = [];
      for (let k = 0; k < c; k++) ev.push({ a: k * iv, b: k * iv + t + 0.2 });
      ev.push({ a: Math.min(...nt.delay) - 0.2, b: last + t + Math.max(...nt.delay) + nt.reprobes * Math.max(...nt.retrans) + 0.8 });
      return {
        anchor: true,
        outcomes: [{ lo: last, hi: last + t + 0.2 }],
        holds: () => [{ a: 0, b: last + nt.resolveProbes * Math.max(...nt.retrans) + 0.3 }],
        events: () => ev,
      };
    },
  },
};
