/** `flush`: `ip neigh flush all` (or `dev DEV`) on one or more hosts (engine/tools/admin.ts neighFlush). */
import { z } from 'zod';
import { actionBase, devName, host, hostList } from '../fields.ts';
import { fail, ipArgs, ipErr } from './cmdline.ts';
import { hostField, hostsOf } from './common.ts';
import type { ActionDescriptor } from './descriptor.ts';

const schema = z.strictObject({ type: z.literal('flush'), host: host.optional(), hosts: hostList.optional(), dev: devName.optional(), ...actionBase });

export const flush: ActionDescriptor<'flush', typeof schema> = {
  type: 'flush',
  schema,
  hosts: 'many',
  normalize: (a) => ({ type: 'flush', hosts: hostsOf(a), ...(a.dev !== undefined ? { dev: a.dev } : {}) }),
  check(a, ctx) {
    for (const h of ctx.targets(a)) if (a.dev !== undefined) ctx.dev(h, a.dev, ['dev']);
  },
  devs: (a) => (a.dev !== undefined ? [a.dev] : []),
  renameDev: (a, from, to) => (a.dev === from ? { ...a, dev: to } : a),
  arbitrary(c, { host: h, some }) {
    const a: z.output<typeof schema> = { type: 'flush' };
    if (c.b % 3 === 0) a.host = h.name;
    else a.hosts = some();
    if (c.c % 5 === 0) a.dev = 'eth0';
    return a;
  },
  print: (a) => `ip neigh flush ${a.dev !== undefined ? `dev ${a.dev}` : 'all'}`,
  command: ['ip', 'neigh', 'flush'],
  parse(words, hosts) {
    const r = ipArgs(words.slice(3), ['dev'], ['all']);
    if ('error' in r) return fail(r.error);
    if (r.rest.length) return fail(ipErr.garbage(r.rest[0]));
    const dev = r.kv.get('dev');
    if (dev === undefined && !r.flags.has('all')) return fail('Flush requires arguments.');
    return { ok: true, action: { type: 'flush', ...hostField(hosts), ...(dev !== undefined ? { dev } : {}) } };
  },
  form: [{ key: 'hosts', input: 'allHosts', label: 'allHosts' }],
  harness: {
    kind: 'quiet',
    sequential: true,
    timeoutMs: () => 10_000,
    timing(a, ctx) {
      // Flushing every host's whole table leaves no timer pending; anything less deletes
      // entries that may hold queued packets (see Profile.deletes).
      const all = a.dev === undefined && ctx.allHosts.every((h) => a.hosts.includes(h));
      // One `ip neigh flush` after another: each takes a command's start time.
      const hi = 0.05 + 0.04 * Math.max(0, a.hosts.length - 1);
      if (all) return { reset: true, outcomes: [{ lo: 0, hi }], events: () => [] };
      return { deletes: true, outcomes: [{ lo: 0, hi }], events: () => [{ a: 0, b: hi, admin: true }] };
    },
  },
};
