/** `route`: `ip route add|del|replace ROUTE` (engine/tools/admin.ts routeCmd). */
import { z } from 'zod';
import type { RouteSpec } from '../../engine/index.ts';
import { actionBase, host, routeSchema } from '../fields.ts';
import { normalizeRoute } from '../normalize.ts';
import { formatRoute } from '../routeString.ts';
import type { RouteObjV1 } from '../types.ts';
import { fail, ipErr } from './cmdline.ts';
import { pick } from './common.ts';
import type { ActionDescriptor } from './descriptor.ts';
import { parseRouteWords, renameRouteDev, routeDev } from './routeText.ts';

const OPS = ['add', 'del', 'replace'] as const;
const schema = z.strictObject({ type: z.literal('route'), host, op: z.enum(OPS), route: routeSchema, ...actionBase });

/** The route as `ip route` takes it; metric 0 (the default) is left out. */
function routeText(r: RouteSpec): string {
  const { metric, ...rest } = r;
  return formatRoute(metric ? { ...rest, metric } : rest);
}

export const route: ActionDescriptor<'route', typeof schema> = {
  type: 'route',
  schema,
  hosts: 'one',
  normalize: (a) => ({ type: 'route', host: a.host, op: a.op, route: normalizeRoute(a.route) }),
  check(a, ctx) {
    if (ctx.hostRef(a.host)) ctx.route(a.host, a.route, a.op !== 'del', ['route']);
  },
  devs(a) {
    const d = routeDev(a.route);
    return d !== undefined ? [d] : [];
  },
  renameDev: (a, from, to) => ({ ...a, route: renameRouteDev(a.route, from, to) }),
  arbitrary(c, { host: h, subnets, metrics }) {
    const op = pick(OPS, c.b);
    const sub = pick(subnets, c.a);
    const r: RouteObjV1 = c.c % 4 === 0
      ? { type: 'blackhole', dest: `10.66.${c.a % 256}.0/24` }
      : { dest: `${sub.network}/${sub.prefix}`, dev: pick(h.ifaces, c.c) };
    if (c.d % 3 !== 0) r.metric = pick(metrics, c.d);
    return { type: 'route', host: h.name, op, route: c.d % 2 ? formatRoute(r) : r };
  },
  print: (a) => `ip route ${a.op} ${routeText(a.route)}`,
  command: ['ip', 'route'],
  parse(words, hosts) {
    const op = words[2] === 'delete' ? 'del' : words[2];
    if (op === undefined) return fail(ipErr.unknown('route', ''));
    if (!(OPS as readonly string[]).includes(op)) return fail(ipErr.unknown('route', op));
    const r = parseRouteWords(words.slice(3));
    if ('error' in r) return fail(r.error);
    return { ok: true, action: { type: 'route', host: hosts[0], op, route: r.route } };
  },
  harness: {
    kind: 'ip',
    timeoutMs: () => 10_000,
    timing: () => ({ outcomes: [{ lo: 0, hi: 0.05 }], events: () => [{ a: 0, b: 0.05, admin: true }] }),
  },
};
