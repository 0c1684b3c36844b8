/** `addr`: `ip addr add|del CIDR dev DEV …` (engine/tools/admin.ts addAddress, delAddress). */
import { z } from 'zod';
import { actionBase, ADDR_SCOPES, cidrSchema, devName, expects, host, metricSchema } from '../fields.ts';
import { msg } from '../messages.ts';
import { normalizeAddress } from '../normalize.ts';
import { isCidr, isIPv4 } from '../net.ts';
import { UINT32_MAX } from '../routeCheck.ts';
import { fail, ipArgs, ipErr } from './cmdline.ts';
import { defined, pick } from './common.ts';
import type { ActionDescriptor } from './descriptor.ts';

const schema = z.strictObject({
  type: z.literal('addr'), host, op: z.enum(['add', 'del']), cidr: cidrSchema, dev: devName,
  label: expects(z.string().max(15), 'a label like eth0:0').optional(), scope: z.enum(ADDR_SCOPES).optional(),
  noprefixroute: z.boolean().optional(), metric: metricSchema.optional(), ...actionBase,
});

const relabel = (label: string, from: string, to: string) =>
  label === from || label.startsWith(`${from}:`) ? to + label.slice(from.length) : label;

export const addr: ActionDescriptor<'addr', typeof schema> = {
  type: 'addr',
  schema,
  hosts: 'one',
  // A delete names the address by address and prefix, which is all the engine reads of it
  // (and all the harness ever passed to `ip addr del`): label, scope and flags describe an
  // address being added.
  normalize: (a) => ({
    type: 'addr', host: a.host, op: a.op, dev: a.dev,
    addr: normalizeAddress(a.op === 'del'
      ? { cidr: a.cidr }
      : defined({ cidr: a.cidr, label: a.label, scope: a.scope, noprefixroute: a.noprefixroute, metric: a.metric })),
  }),
  check(a, ctx) {
    if (ctx.hostRef(a.host)) ctx.dev(a.host, a.dev, ['dev']);
    if (a.label !== undefined && !a.label.startsWith(a.dev)) {
      ctx.report(['label'], msg('labelPrefix', a.label, a.dev));
    }
  },
  devs: (a) => [a.dev],
  renameDev(a, from, to) {
    if (a.dev !== from) return a;
    return { ...a, dev: to, ...(a.label !== undefined ? { label: relabel(a.label, from, to) } : {}) };
  },
  arbitrary(c, { host: h, subnets, vip }) {
    const dev = pick(h.devs, c.b);
    const sub = pick(subnets, c.a);
    const cidr = c.c % 3 === 0 ? `${vip}/32` : `${sub.addr(1 + (c.c % 254))}/${sub.prefix}`;
    const a: z.output<typeof schema> = { type: 'addr', host: h.name, op: c.d % 3 === 0 ? 'del' : 'add', cidr, dev };
    if (c.d % 4 === 1) a.label = `${dev}:9`;
    if (c.d % 5 === 2) a.noprefixroute = true;
    return a;
  },
  // Fields in the order `ip addr add` documents them; scope global is ip's default.
  print: ({ op, dev, addr: x }) => [
    'ip', 'addr', op, x.cidr, 'dev', dev,
    ...(x.label !== undefined ? ['label', x.label] : []),
    ...(x.scope !== 'global' ? ['scope', x.scope] : []),
    ...(x.metric !== undefined ? ['metric', String(x.metric)] : []),
    ...(x.noprefixroute ? ['noprefixroute'] : []),
  ].join(' '),
  command: ['ip', 'addr'],
  parse(words, hosts) {
    const op = words[2] === 'delete' ? 'del' : words[2];
    if (op !== 'add' && op !== 'del') return fail(ipErr.unknown('address', op ?? ''));
    const r = ipArgs(words.slice(3), ['dev', 'label', 'scope', 'metric', 'local'], ['noprefixroute']);
    if ('error' in r) return fail(r.error);
    const local = r.kv.get('local') ?? r.rest[0];
    if (r.rest.length > (r.kv.has('local') ? 0 : 1)) return fail(ipErr.garbage(r.rest[r.rest.length - 1]));
    if (local === undefined) return fail('Not enough information: "local" argument is required.');
    const cidr = isIPv4(local) ? `${local}/32` : local;
    if (!isCidr(cidr)) return fail(ipErr.prefix(local));
    const dev = r.kv.get('dev');
    if (dev === undefined) return fail('Not enough information: "dev" argument is required.');
    const scope = r.kv.get('scope');
    if (scope !== undefined && !(ADDR_SCOPES as readonly string[]).includes(scope)) return fail(ipErr.arg(scope, 'invalid scope value.'));
    const metric = r.kv.get('metric');
    if (metric !== undefined && (!/^\d+$/.test(metric) || Number(metric) > UINT32_MAX)) return fail(ipErr.arg(metric, '"metric" value is invalid'));
    const label = r.kv.get('label');
    if (label !== undefined && !label.startsWith(dev)) return fail(`"dev" (${dev}) must match "label" (${label}).`);
    return {
      ok: true,
      action: {
        type: 'addr', host: hosts[0], op, cidr, dev,
        ...defined({ label, scope, metric: metric !== undefined ? Number(metric) : undefined }),
        ...(r.flags.has('noprefixroute') ? { noprefixroute: true } : {}),
      },
    };
  },
  harness: {
    kind: 'ip',
    timeoutMs: () => 10_000,
    timing: () => ({ outcomes: [{ lo: 0, hi: 0.05 }], events: () => [{ a: 0, b: 0.05, admin: true }] }),
  },
};
