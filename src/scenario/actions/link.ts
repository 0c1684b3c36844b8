/** `link`: `ip link set DEV [address MAC] [up|down]` (engine/tools/admin.ts linkSet). */
import { z } from 'zod';
import { actionBase, devName, host, unicastMacSchema } from '../fields.ts';
import { msg } from '../messages.ts';
import { isMac } from '../net.ts';
import { fail, ipErr } from './cmdline.ts';
import { hex, pick } from './common.ts';
import type { ActionDescriptor } from './descriptor.ts';

const schema = z.strictObject({
  type: z.literal('link'), host, dev: devName, mac: unicastMacSchema.optional(), state: z.enum(['up', 'down']).optional(),
  ...actionBase,
});

export const link: ActionDescriptor<'link', typeof schema> = {
  type: 'link',
  schema,
  hosts: 'one',
  normalize: (a) => ({
    type: 'link', host: a.host, dev: a.dev,
    ...(a.mac !== undefined ? { mac: a.mac.toLowerCase() } : {}),
    ...(a.state !== undefined ? { state: a.state } : {}),
  }),
  check(a, ctx) {
    if (ctx.hostRef(a.host)) ctx.dev(a.host, a.dev, ['dev']);
    if (a.dev === 'lo' && a.mac !== undefined) ctx.report(['mac'], msg('loHasNoMac'));
    if (a.mac === undefined && a.state === undefined) ctx.report([], msg('linkNothing'));
  },
  devs: (a) => [a.dev],
  renameDev: (a, from, to) => (a.dev === from ? { ...a, dev: to } : a),
  arbitrary(c, { host: h }) {
    const a: z.output<typeof schema> = { type: 'link', host: h.name, dev: pick(h.ifaces, c.b) };
    const what = c.c % 3;
    if (what !== 1) a.mac = `02:00:00:aa:${hex(c.a)}:${hex(c.d)}`;
    if (what !== 0) a.state = c.d % 2 ? 'up' : 'down';
    return a;
  },
  print: (a) => `ip link set ${a.dev}${a.mac !== undefined ? ` address ${a.mac}` : ''}${a.state !== undefined ? ` ${a.state}` : ''}`,
  command: ['ip', 'link', 'set'],
  parse(words, hosts) {
    let dev: string | undefined;
    let mac: string | undefined;
    let state: 'up' | 'down' | undefined;
    const argv = words.slice(3);
    for (let i = 0; i < argv.length; i++) {
      const w = argv[i];
      if (w === 'up' || w === 'down') state = w;
      else if (w === 'address') {
        mac = argv[++i];
        if (mac === undefined) return fail(ipErr.missing(w));
        if (!isMac(mac)) return fail(ipErr.lladdr(mac));
      } else if (w === 'dev') {
        if (dev !== undefined) return fail(ipErr.garbage(w));
        dev = argv[++i];
        if (dev === undefined) return fail(ipErr.missing(w));
      } else if (dev === undefined) dev = w;
      else return fail(ipErr.garbage(w));
    }
    if (dev === undefined) return fail('Not enough information: "dev" argument is required.');
    if (mac === undefined && state === undefined) return fail(`ip: nothing to set on ${dev} (address MAC, up or down)`);
    return { ok: true, action: { type: 'link', host: hosts[0], dev, ...(mac !== undefined ? { mac: mac.toLowerCase() } : {}), ...(state ? { state } : {}) } };
  },
  harness: {
    kind: 'ip',
    timeoutMs: () => 10_000,
    timing(a) {
      // Carrier reaches the bridge through linkwatch, up to a second later.
      if (a.state === 'up') return { outcomes: [{ lo: 0, hi: 0.05 }], events: () => [{ a: 0, b: 1.3 }] };
      // A MAC change flushes the device's entries (and may send gratuitous ARP).
      return { deletes: a.mac !== undefined, outcomes: [{ lo: 0, hi: 0.05 }], events: () => [{ a: 0, b: 0.05 }] };
    },
  },
};
