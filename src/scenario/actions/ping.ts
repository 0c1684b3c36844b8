/** `ping`: iputils ping, one echo request per interval (engine/tools/ping.ts). */
import { z } from 'zod';
import { actionBase, countSchema, host, ipv4Schema, pingIface, positiveSecondsSchema, secondsSchema } from '../fields.ts';
import { LIMITS } from '../limits.ts';
import { msg } from '../messages.ts';
import { isIPv4 } from '../net.ts';
import { fail, getopt, num, numberArg, unknownHost } from './cmdline.ts';
import { defined, pick } from './common.ts';
import { KERNEL_NEIGH, type ActionDescriptor, type Ev, type Outcome } from './descriptor.ts';

const schema = z.strictObject({
  type: z.literal('ping'), host, to: ipv4Schema, count: countSchema.optional(),
  W: positiveSecondsSchema.optional(), iface: pingIface.optional(), interval: secondsSchema.optional(), ...actionBase,
});

/** A proxy_arp reply to a broadcast request comes 0–0.8 s late (proxy_delay). */
export const PROXY = 0.9;

export const ping: ActionDescriptor<'ping', typeof schema> = {
  type: 'ping',
  schema,
  hosts: 'one',
  normalize: (a) => defined({ type: 'ping', host: a.host, to: a.to, count: a.count, W: a.W, iface: a.iface, interval: a.interval }),
  check(a, ctx) {
    if (!ctx.hostRef(a.host) || a.iface === undefined || isIPv4(a.iface)) return;
    const devs = ctx.devs(a.host);
    if (!devs.includes(a.iface)) ctx.report(['iface'], msg('pingIface', a.host, a.iface, devs));
  },
  // -I takes a device or a source address; only a device is a reference.
  devs: (a) => (a.iface !== undefined && !isIPv4(a.iface) ? [a.iface] : []),
  renameDev: (a, from, to) => (a.iface === from ? { ...a, iface: to } : a),
  arbitrary(c, { host: h, pool }) {
    const a: z.output<typeof schema> = { type: 'ping', host: h.name, to: pick(pool, c.a) };
    if (c.b % 3 === 0) a.count = 1 + (c.b % 3);
    if (c.c % 4 === 0) a.W = 1 + (c.c % 2);
    if (c.d % 5 === 0) a.iface = c.d % 2 && h.addrs.length ? pick(h.addrs, c.d) : pick(h.ifaces, c.d);
    if (c.d % 7 === 0) a.interval = 0.2;
    return a;
  },
  // The engine runs iputils' defaults -c 1 -W 1 -i 1 when they are not given. -c and -W are
  // written out because a real ping without them behaves differently (it runs until Ctrl-C,
  // and waits 10 s for a late reply); -i 1 is ping's own default.
  defaults: { count: 1, W: 1 },
  print: (a) => [
    'ping',
    ...(a.iface !== undefined ? ['-I', a.iface] : []),
    '-c', num(a.count ?? 1),
    '-W', num(a.W ?? 1),
    ...(a.interval !== undefined ? ['-i', num(a.interval)] : []),
    a.to,
  ].join(' '),
  command: ['ping'],
  parse(words, hosts) {
    const g = getopt('ping', words.slice(1), 'c:W:i:I:n');
    if ('error' in g) return fail(g.error);
    if (g.args.length === 0) return fail('ping: usage error: Destination address required');
    if (g.args.length > 1) return fail(`ping: ${g.args[0]}: only one destination, please`);
    const to = g.args[0];
    if (!isIPv4(to)) return fail(unknownHost('ping', to));
    const a: Record<string, unknown> = { type: 'ping', host: hosts[0], to };
    const c = g.opts.get('c');
    if (typeof c === 'string') {
      const n = numberArg('ping', c, 1, LIMITS.count, true);
      if (typeof n !== 'number') return fail(n.error);
      a.count = n;
    }
    const W = g.opts.get('W');
    if (typeof W === 'string') {
      const n = numberArg('ping', W, 0, LIMITS.seconds, false);
      if (typeof n !== 'number') return fail(n.error);
      if (n === 0) return fail(`ping: bad linger time: ${W}`);
      a.W = n;
    }
    const i = g.opts.get('i');
    if (typeof i === 'string') {
      const n = numberArg('ping', i, 0, LIMITS.seconds, false);
      if (typeof n !== 'number') return fail(n.error);
      a.interval = n;
    }
    const I = g.opts.get('I');
    if (typeof I === 'string') a.iface = I;
    return { ok: true, action: a as { type: 'ping' } };
  },
  form: [
    { key: 'to', input: 'address', label: 'destination', error: 'target', required: true, placeholder: '192.168.100.36' },
    { key: 'count', input: 'number', option: '-c', error: 'count', initial: '1', min: 1, max: 100, whole: true, omit: 1 },
    { key: 'iface', input: 'iface', option: '-I', empty: 'auto' },
  ],
  harness: {
    kind: 'ping',
    quietFlags: ['-n'],
    timeoutMs: (a) => ((a.count ?? 1) * (a.interval ?? 1) + (a.W ?? 1) + 5) * 1000,
    // ping returns at once after its last reply, or -W seconds after its last request.
    timing(a, ctx) {
      const P = ctx.proxy ? PROXY : 0;
      const nt = ctx.neigh ?? KERNEL_NEIGH;
      const maxRetrans = Math.max(...nt.retrans);
      const c = a.count ?? 1;
      const W = a.W ?? 1;
      // A ping that succeeded had every resolution on its path answered: only a failed one
      // can leave retransmissions behind.
      const outcomes: Outcome[] = [{ lo: 0, hi: 0.05 + P }, { lo: c - 1 + W, hi: c - 1 + W + 0.05, failed: true }];
      if (c > 1) outcomes.push({ lo: c - 1, hi: c - 1 + 0.2 });
      return {
        anchor: true,
        outcomes,
        holds: (o) => (o.failed ? [{ a: 0, b: nt.resolveProbes * maxRetrans + 0.3 }] : []),
        events: (o) => {
          const ev: Ev[] = [{ a: 0, b: 0.05 + P }];
          for (let k = 1; k < c; k++) ev.push({ a: k, b: k + 0.2 });
          // An unanswered resolution: retransmissions, then FAILED (and ICMP errors).
          // (a retransmission or FAILED every retrans_time, up to mcast_solicit + app_solicit)
          if (o.failed) {
            for (const r of nt.retrans) {
              for (let k = 0; k < nt.resolveProbes; k++) ev.push({ a: (k + 1) * r, b: (k + 1) * r + 0.15 + 0.05 * k });
            }
          }
          // An entry used while STALE: DELAY, probe after delay_first_probe_time (~5 s),
          // retransmissions (ucast_solicit + app_solicit), FAILED.
          ev.push({ a: Math.min(...nt.delay) - 0.2, b: Math.max(...nt.delay) + 0.5 + maxRetrans * nt.reprobes + 0.8 + (c - 1) + P });
          return ev;
        },
      };
    },
  },
};
