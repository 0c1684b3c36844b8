/**
 * `packit_arp`: packit 1.8 injecting one ARP frame per second, every field as given
 * (`packit -t ARP -A OP -x SPA -y TPA [-X SHA] [-Y THA] [-e SRC] [-E DST] -i DEV -c N`;
 * engine/tools/packit.ts). It writes frames arping cannot: a reply whose target hardware
 * address is not the sender's (broadcast, zero), or one sent to a unicast Ethernet address,
 * as GARP senders written in Go or Python do.
 */
import { z } from 'zod';
import { actionBase, devName, host, intIn, ipv4Schema, macSchema } from '../fields.ts';
import { isIPv4, isMac } from '../net.ts';
import { fail, getopt, num } from './cmdline.ts';
import { defined, hex, pick } from './common.ts';
import type { ActionDescriptor } from './descriptor.ts';

const COUNT_MAX = 100;
const schema = z.strictObject({
  type: z.literal('packit_arp'), host, iface: devName, op: intIn(1, 2, '1 (request) or 2 (reply)'),
  spa: ipv4Schema, sha: macSchema.optional(), tpa: ipv4Schema, tha: macSchema.optional(),
  ethSrc: macSchema.optional(), ethDst: macSchema.optional(), count: intIn(1, COUNT_MAX, `a whole number 1–${COUNT_MAX}`).optional(),
  ...actionBase,
});

const lower = (m: string | undefined) => (m === undefined ? undefined : m.toLowerCase());
/** The MAC options in the order they are printed, with the field each sets. */
const MACS = [['X', 'sha'], ['Y', 'tha'], ['e', 'ethSrc'], ['E', 'ethDst']] as const;

export const packitArp: ActionDescriptor<'packit_arp', typeof schema> = {
  type: 'packit_arp',
  schema,
  hosts: 'one',
  normalize: (a) => defined({
    type: 'packit_arp', host: a.host, iface: a.iface, op: a.op, spa: a.spa, sha: lower(a.sha), tpa: a.tpa, tha: lower(a.tha),
    ethSrc: lower(a.ethSrc), ethDst: lower(a.ethDst), count: a.count ?? 1,
  }),
  check(a, ctx) {
    if (ctx.hostRef(a.host)) ctx.dev(a.host, a.iface, ['iface']);
  },
  devs: (a) => [a.iface],
  renameDev: (a, from, to) => (a.iface === from ? { ...a, iface: to } : a),
  withoutDev: (a, dev) => (a.iface === dev ? null : a),
  arbitrary(c, { host: h, pool }) {
    const spa = pick(pool, c.a);
    const a: z.output<typeof schema> = { type: 'packit_arp', host: h.name, iface: pick(h.ifaces, c.b), op: 1 + (c.c % 2), spa, tpa: c.d % 3 === 0 ? pick(pool, c.d) : spa };
    const mac = `02:00:00:00:0${c.c & 7}:${hex(c.d)}`;
    if (c.c % 5 !== 0) a.sha = mac;
    const tha = (c.d >> 2) % 4;
    if (tha === 1) a.tha = mac;
    if (tha === 2) a.tha = 'ff:ff:ff:ff:ff:ff';
    if (tha === 3) a.tha = '00:00:00:00:00:00';
    if ((c.c >> 3) % 5 === 0) a.ethDst = mac;
    if ((c.c >> 3) % 7 === 1) a.ethSrc = mac;
    if (c.d % 4 === 1) a.count = 1 + (c.d % 3);
    return a;
  },
  defaults: { count: 1 },
  // packit's defaults write zeros where -X/-Y are missing and use the device's MAC and
  // broadcast for the Ethernet header: the engine does the same, so they are not written out.
  print: (a) => [
    'packit', '-t', 'ARP', '-A', num(a.op), '-x', a.spa, '-y', a.tpa,
    ...MACS.flatMap(([o, k]) => (a[k] !== undefined ? [`-${o}`, a[k]] : [])),
    '-i', a.iface, '-c', num(a.count ?? 1),
  ].join(' '),
  command: ['packit'],
  parse(words, hosts) {
    const g = getopt('packit', words.slice(1), 't:A:x:X:y:Y:e:E:i:c:');
    if ('error' in g) return fail(g.error);
    const t = g.opts.get('t');
    if (typeof t !== 'string' || t.toUpperCase() !== 'ARP') return fail('packit: only ARP injection (-t ARP) is modelled');
    if (g.args.length) return fail(`Error: illegal option ${g.args[0]} in ARP injection.`);
    const iface = g.opts.get('i');
    if (typeof iface !== 'string') return fail('packit: -i DEVICE is required here (packit would pick the lowest-numbered interface that is up)');
    const a: Record<string, unknown> = { type: 'packit_arp', host: hosts[0], iface };
    const A = g.opts.get('A');
    const op = typeof A === 'string' ? Number(A) : 1;
    if (op !== 1 && op !== 2) return fail(`packit: -A ${String(A)}: only 1 (request) and 2 (reply) are modelled`);
    a.op = op;
    for (const [o, k, what] of [['x', 'spa', 'sender'], ['y', 'tpa', 'receiver']] as const) {
      const v = g.opts.get(o);
      if (typeof v !== 'string') return fail(`packit: -${o} is required here (the ARP ${what} protocol address)`);
      if (!isIPv4(v)) return fail(`Error: Invalid ${what} protocol address: ${v}`);
      a[k] = v;
    }
    for (const [o, k] of MACS) {
      const v = g.opts.get(o);
      if (typeof v !== 'string') continue;
      if (!isMac(v)) return fail(`Error: Invalid ${o === 'X' ? 'sender' : o === 'Y' ? 'receiver' : o === 'e' ? 'source' : 'destination'} ethernet address`);
      a[k] = v.toLowerCase();
    }
    const c = g.opts.get('c');
    if (typeof c === 'string') {
      const n = Number(c);
      if (!/^\d+$/.test(c) || n < 1 || n > COUNT_MAX) return fail(`packit: -c ${c}: a count 1–${COUNT_MAX} here (0 would inject forever)`);
      a.count = n;
    }
    return { ok: true, action: a as { type: 'packit_arp' } };
  },
  // Every option packit is given here; the MACs left empty are what packit writes without them.
  form: [
    { key: 'op', input: 'choice', option: '-A', label: 'arpOp', error: 'op', initial: '1', choices: [{ value: 1, label: 'opRequest' }, { value: 2, label: 'opReply' }] },
    { key: 'spa', input: 'address', option: '-x', label: 'spa', error: 'spa', required: true, placeholder: '192.168.100.200' },
    { key: 'tpa', input: 'address', option: '-y', label: 'tpa', error: 'tpa', required: true, placeholder: '192.168.100.200' },
    { key: 'sha', input: 'mac', option: '-X', label: 'sha', error: 'sha', empty: 'macZeros' },
    { key: 'tha', input: 'mac', option: '-Y', label: 'tha', error: 'tha', empty: 'macZeros' },
    { key: 'ethSrc', input: 'mac', option: '-e', label: 'ethSrc', error: 'ethSrc', empty: 'macDevice' },
    { key: 'ethDst', input: 'mac', option: '-E', label: 'ethDst', error: 'ethDst', empty: 'macBroadcast' },
    { key: 'iface', input: 'iface', option: '-i', error: 'packitIface', required: true, empty: 'choose' },
    { key: 'count', input: 'number', option: '-c', error: 'count', initial: '1', min: 1, max: COUNT_MAX, whole: true },
  ],
  harness: {
    kind: 'none',
    timeoutMs: (a) => ((a.count ?? 1) + 5) * 1000,
    // One frame at once, then one a second; it exits after the last.
    timing(a) {
      const c = a.count ?? 1;
      return { outcomes: [{ lo: c - 1, hi: c - 1 + 0.05 }], events: () => Array.from({ length: c }, (_, k) => ({ a: k, b: k + 0.05 })) };
    },
  },
};
