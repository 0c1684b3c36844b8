/** `sysctl`: `sysctl -w KEY=VALUE…` on one or more hosts, in the order given (engine/tools/admin.ts writeSysctl). */
import { z } from 'zod';
import { actionBase, host, hostList, sysctlMap } from '../fields.ts';
import { fail, getopt } from './cmdline.ts';
import { devOfKey, hostField, hostsOf, renameDevKey } from './common.ts';
import type { ActionDescriptor } from './descriptor.ts';
import { parseProcInt } from '../procInt.ts';

const schema = z.strictObject({ type: z.literal('sysctl'), host: host.optional(), hosts: hostList.optional(), set: sysctlMap, ...actionBase });

export const sysctl: ActionDescriptor<'sysctl', typeof schema> = {
  type: 'sysctl',
  schema,
  hosts: 'many',
  normalize: (a) => ({ type: 'sysctl', hosts: hostsOf(a), set: Object.entries(a.set) }),
  check(a, ctx) {
    for (const h of ctx.targets(a)) ctx.sysctls(h, a.set, ['set']);
  },
  devs: (a) => Object.keys(a.set).map(devOfKey).filter((d): d is string => d !== null),
  renameDev: (a, from, to) => ({ ...a, set: Object.fromEntries(Object.entries(a.set).map(([k, v]) => [renameDevKey(k, from, to), v])) }),
  // Without the device, its keys go; the others still apply.
  withoutDev(a, dev) {
    const set = Object.fromEntries(Object.entries(a.set).filter(([k]) => devOfKey(k) !== dev));
    return Object.keys(set).length ? { ...a, set } : null;
  },
  arbitrary(c, { host: h, some, sysctl: entry }) {
    // every host has eth0 and lo, so these keys are valid for any of them
    const devs = ['eth0', 'lo'];
    const set: Record<string, number> = {};
    const [k1, v1] = entry({ family: c.c % 10, scope: c.c >> 4, knob: c.d, value: c.d >> 4 }, devs);
    set[k1] = v1;
    if (c.b % 2) {
      const [k2, v2] = entry({ family: c.d % 10, scope: c.d >> 4, knob: c.c, value: c.c >> 4 }, devs);
      set[k2] = v2;
    }
    return { type: 'sysctl', ...(c.b % 3 === 0 ? { host: h.name } : { hosts: some() }), set };
  },
  print: (a) => `sysctl -w ${a.set.map(([k, v]) => `${k}=${v}`).join(' ')}`,
  command: ['sysctl'],
  parse(words, hosts) {
    const g = getopt('sysctl', words.slice(1), 'wqe');
    if ('error' in g) return fail(g.error);
    if (g.args.length === 0) return fail('sysctl: no variables specified');
    const set: Record<string, number> = {};
    for (const arg of g.args) {
      // procps writes a NAME=VALUE argument with or without -w
      const eq = arg.indexOf('=');
      if (eq <= 0) return fail(g.opts.has('w') ? `sysctl: "${arg}" must be of the form name=value` : `sysctl: ${arg} is read, not set: write ${arg}=VALUE`);
      const key = arg.slice(0, eq).replaceAll('/', '.');
      // What the kernel stores for the text procps writes (0x10 is 16; 1.5 is EINVAL).
      const v = parseProcInt(`${arg.slice(eq + 1).trim()}\n`);
      if (v === null) return fail(`sysctl: setting key "${key}": Invalid argument`);
      set[key] = v;
    }
    return { ok: true, action: { type: 'sysctl', ...hostField(hosts), set } };
  },
  harness: {
    kind: 'quiet',
    quietFlags: ['-q'],
    timeoutMs: () => 10_000,
    timing: () => ({ outcomes: [{ lo: 0, hi: 0.05 }], events: () => [{ a: 0, b: 0.05, admin: true }] }),
  },
};
