/** `neigh_add`: `ip neigh replace IP [lladdr MAC] dev DEV nud STATE` (engine/tools/admin.ts neighAdd). */
import { z } from 'zod';
import type { NudName } from '../../engine/index.ts';
import { actionBase, devName, host, ipv4Schema, macSchema, NUD_NAMES, nudSchema } from '../fields.ts';
import { isMac } from '../net.ts';
import { fail, ipErr, neighArgs } from './cmdline.ts';
import { hex, pick } from './common.ts';
import type { ActionDescriptor } from './descriptor.ts';

const schema = z.strictObject({
  type: z.literal('neigh_add'), host, ip: ipv4Schema, dev: devName, lladdr: macSchema.optional(),
  nud: nudSchema.optional(), ...actionBase,
});

export const neighAdd: ActionDescriptor<'neigh_add', typeof schema> = {
  type: 'neigh_add',
  schema,
  hosts: 'one',
  // `ip neigh replace` without nud makes a PERMANENT entry.
  normalize: (a) => ({
    type: 'neigh_add', host: a.host, ip: a.ip, dev: a.dev,
    ...(a.lladdr !== undefined ? { lladdr: a.lladdr.toLowerCase() } : {}),
    nud: (a.nud ?? 'permanent').toLowerCase() as NudName,
  }),
  check(a, ctx) {
    if (ctx.hostRef(a.host)) ctx.dev(a.host, a.dev, ['dev']);
  },
  devs: (a) => [a.dev],
  renameDev: (a, from, to) => (a.dev === from ? { ...a, dev: to } : a),
  arbitrary(c, { host: h, pool }) {
    const a: z.output<typeof schema> = { type: 'neigh_add', host: h.name, ip: pick(pool, c.a), dev: pick(h.ifaces, c.b) };
    if (c.c % 4 !== 0) a.lladdr = `02:00:00:00:0${c.c & 7}:${hex(c.d)}`;
    if (c.d % 3 !== 0) a.nud = pick(['permanent', 'stale', 'reachable', 'noarp', 'PERMANENT'] as const, c.d);
    return a;
  },
  print: (a) => `ip neigh replace ${a.ip}${a.lladdr !== undefined ? ` lladdr ${a.lladdr}` : ''} dev ${a.dev} nud ${a.nud}`,
  command: ['ip', 'neigh', 'replace'],
  parse(words, hosts) {
    const r = neighArgs(words.slice(3), ['lladdr', 'nud']);
    if ('error' in r) return fail(r.error);
    const { ip, dev } = r;
    const lladdr = r.kv.get('lladdr');
    if (lladdr !== undefined && !isMac(lladdr)) return fail(ipErr.lladdr(lladdr));
    const nud = r.kv.get('nud');
    if (nud !== undefined && !(NUD_NAMES as readonly string[]).includes(nud.toLowerCase())) return fail(ipErr.arg(nud, 'nud state is bad'));
    return {
      ok: true,
      action: {
        type: 'neigh_add', host: hosts[0], ip,
        ...(lladdr !== undefined ? { lladdr: lladdr.toLowerCase() } : {}),
        dev, ...(nud !== undefined ? { nud: nud.toLowerCase() } : {}),
      },
    };
  },
  harness: {
    kind: 'quiet',
    timeoutMs: () => 10_000,
    // A REACHABLE entry expires like a resolved one; the other states have no timer
    // until used, and a use is a ping's, which carries its own.
    timing: (a) => ({ anchor: a.nud === 'reachable', outcomes: [{ lo: 0, hi: 0.05 }], events: () => [{ a: 0, b: 0.05, admin: true }] }),
  },
};
