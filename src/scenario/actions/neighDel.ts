/** `neigh_del`: `ip neigh del IP dev DEV` (engine/tools/admin.ts neighDel). */
import { z } from 'zod';
import { actionBase, devName, host, ipv4Schema } from '../fields.ts';
import { fail, neighArgs } from './cmdline.ts';
import { pick } from './common.ts';
import type { ActionDescriptor } from './descriptor.ts';

const schema = z.strictObject({ type: z.literal('neigh_del'), host, ip: ipv4Schema, dev: devName, ...actionBase });

export const neighDel: ActionDescriptor<'neigh_del', typeof schema> = {
  type: 'neigh_del',
  schema,
  hosts: 'one',
  normalize: (a) => ({ type: 'neigh_del', host: a.host, ip: a.ip, dev: a.dev }),
  check(a, ctx) {
    if (ctx.hostRef(a.host)) ctx.dev(a.host, a.dev, ['dev']);
  },
  devs: (a) => [a.dev],
  renameDev: (a, from, to) => (a.dev === from ? { ...a, dev: to } : a),
  arbitrary: (c, { host: h, pool }) => ({ type: 'neigh_del', host: h.name, ip: pick(pool, c.a), dev: pick(h.ifaces, c.b) }),
  print: (a) => `ip neigh del ${a.ip} dev ${a.dev}`,
  command: ['ip', 'neigh', 'del'],
  parse(words, hosts) {
    const r = neighArgs(words.slice(3), []);
    if ('error' in r) return fail(r.error);
    const { ip, dev } = r;
    return { ok: true, action: { type: 'neigh_del', host: hosts[0], ip, dev } };
  },
  harness: {
    kind: 'quiet',
    timeoutMs: () => 10_000,
    timing: () => ({ deletes: true, outcomes: [{ lo: 0, hi: 0.05 }], events: () => [{ a: 0, b: 0.05, admin: true }] }),
  },
};
