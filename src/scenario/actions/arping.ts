/** `arping`: iputils arping 20221126 (engine/tools/arping.ts). */
import { z } from 'zod';
import { actionBase, countSchema, devName, host, ipv4Schema, positiveSecondsSchema } from '../fields.ts';
import { LIMITS } from '../limits.ts';
import { isIPv4 } from '../net.ts';
import { fail, getopt, num, numberArg, unknownHost } from './cmdline.ts';
import { defined, pick } from './common.ts';
import type { ActionDescriptor } from './descriptor.ts';
import { PROXY } from './ping.ts';

const schema = z.strictObject({
  type: z.literal('arping'), host, iface: devName.optional(), target: ipv4Schema, src: ipv4Schema.optional(),
  count: countSchema.optional(), w: positiveSecondsSchema.optional(),
  D: z.boolean().optional(), U: z.boolean().optional(), A: z.boolean().optional(),
  b: z.boolean().optional(), f: z.boolean().optional(), ...actionBase,
});

/** Flags in the order they are printed: mode (-D, -U, -A), then -b, -f. */
const FLAGS = ['D', 'U', 'A', 'b', 'f'] as const;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export const arping: ActionDescriptor<'arping', typeof schema> = {
  type: 'arping',
  schema,
  hosts: 'one',
  // The format's contract (docs/scenario-format.md: arping `count` (1)) runs arping -c 1 when a
  // scenario gives no count; a real arping without -c would run until -w or Ctrl-C, so the
  // printed line writes -c out, like ping's.
  normalize: (a) => defined({
    type: 'arping', host: a.host, iface: a.iface, target: a.target, src: a.src, count: a.count ?? 1, w: a.w,
    D: a.D, U: a.U, A: a.A, b: a.b, f: a.f,
  }),
  check(a, ctx) {
    if (ctx.hostRef(a.host) && a.iface !== undefined) ctx.dev(a.host, a.iface, ['iface']);
  },
  devs: (a) => (a.iface !== undefined ? [a.iface] : []),
  renameDev: (a, from, to) => (a.iface === from ? { ...a, iface: to } : a),
  arbitrary(c, { host: h, pool }) {
    const a: z.output<typeof schema> = { type: 'arping', host: h.name, iface: pick(h.ifaces, c.b), target: pick(pool, c.a) };
    if (c.c % 3 === 0) a.src = pick(pool, c.c);
    if (c.c % 4 === 1) a.count = 1 + (c.c % 3);
    if (c.d % 3 === 0) a.w = 1;
    const mode = c.d % 5;
    if (mode === 1) a.D = true;
    if (mode === 2) a.U = true;
    if (mode === 3) a.A = true;
    if ((c.d >> 3) % 4 === 0) a.b = true;
    if ((c.d >> 5) % 4 === 0) a.f = true;
    return a;
  },
  defaults: { count: 1 },
  print: (a) => [
    'arping',
    ...FLAGS.filter((f) => a[f] === true).map((f) => `-${f}`),
    ...(a.iface !== undefined ? ['-I', a.iface] : []),
    ...(a.src !== undefined ? ['-s', a.src] : []),
    '-c', num(a.count ?? 1),
    ...(a.w !== undefined ? ['-w', num(a.w)] : []),
    a.target,
  ].join(' '),
  command: ['arping'],
  parse(words, hosts) {
    const g = getopt('arping', words.slice(1), 'c:w:DUAbfI:s:q');
    if ('error' in g) return fail(g.error);
    if (g.args.length !== 1) {
      return fail('Usage: arping [-AbDfhqUV] [-c count] [-w timeout] [-i interval] [-I device] [-s source] destination');
    }
    const target = g.args[0];
    if (!isIPv4(target)) return fail(unknownHost('arping', target));
    const a: Record<string, unknown> = { type: 'arping', host: hosts[0], target };
    const I = g.opts.get('I');
    if (typeof I === 'string') a.iface = I;
    const s = g.opts.get('s');
    if (typeof s === 'string') {
      if (!isIPv4(s)) return fail(unknownHost('arping', s));
      a.src = s;
    }
    const c = g.opts.get('c');
    if (typeof c === 'string') {
      const n = numberArg('arping', c, 1, LIMITS.count, true);
      if (typeof n !== 'number') return fail(n.error);
      a.count = n;
    }
    const w = g.opts.get('w');
    if (typeof w === 'string') {
      const n = numberArg('arping', w, 0, LIMITS.seconds, false);
      if (typeof n !== 'number') return fail(n.error);
      if (n === 0) return fail(`arping: invalid argument: '${w}': out of range: 0 < value <= ${LIMITS.seconds}`);
      a.w = n;
    }
    for (const f of FLAGS) if (g.opts.get(f) === true) a[f] = true;
    return { ok: true, action: a as { type: 'arping' } };
  },
  form: [
    { key: 'target', input: 'address', label: 'target', error: 'target', required: true, placeholder: '192.168.100.36' },
    { key: 'count', input: 'number', option: '-c', error: 'count', initial: '1', min: 1, max: 100, whole: true },
    { key: 'w', input: 'number', option: '-w', error: 'timeout', above: 0, max: 3600 },
    { key: 'iface', input: 'iface', option: '-I', error: 'iface', required: true, empty: 'choose' },
    { key: 'src', input: 'address', option: '-s', error: 'src', empty: 'srcAuto' },
    { key: 'D', input: 'flag', option: '-D', hint: 'flagD' },
    { key: 'U', input: 'flag', option: '-U', hint: 'flagU' },
    { key: 'A', input: 'flag', option: '-A', hint: 'flagA' },
    { key: 'b', input: 'flag', option: '-b', hint: 'flagb' },
    { key: 'f', input: 'flag', option: '-f', hint: 'flagf' },
  ],
  harness: {
    kind: 'arping',
    timeoutMs: (a) => ((a.count ?? 1) + (a.w ?? 0) + 5) * 1000,
    // arping -c N without -w runs N seconds (one per probe); with -w (and -c 1) it returns
    // at the first reply or after w; -D returns at the first reply; -U/-A take a second per probe.
    timing(a, ctx) {
      const P = ctx.proxy ? PROXY : 0;
      const c = a.count ?? 1;
      if (a.U === true || a.A === true) {
        return { outcomes: [{ lo: c, hi: c + 0.05 }], events: () => range(c).map((k) => ({ a: k, b: k + 0.05 })) };
      }
      if (a.w !== undefined || a.D === true) {
        const w = a.w ?? c;
        return { outcomes: [{ lo: 0, hi: 0.05 + P }, { lo: w, hi: w + 0.05 }], events: () => [{ a: 0, b: 0.05 + P }] };
      }
      return { outcomes: [{ lo: c, hi: c + 0.05 }], events: () => range(c).map((k) => ({ a: k, b: k + 0.05 + P })) };
    },
  },
};
