/**
 * The sysctls a scenario may set, with the values each accepts. Keys are spelled as `sysctl`
 * prints them: net.ipv4.conf.{all,default,IFACE}.KNOB, net.ipv4.neigh.{default,IFACE}.PARAM,
 * net.ipv4.ip_forward. The conf knobs (and ip_forward) take any int, as the kernel stores
 * them (proc_dointvec, no range: devinet.c), from the engine's table, which also says what a
 * value outside a knob's meaningful ones acts as (engine/host/conf.ts actsAs).
 */
import { INT_MAX, INT_MIN, KNOB_NAMES, knobDef } from '../engine/tables.ts';
import { msg, type Problem } from './messages.ts';

export interface ValueRange {
  min: number;
  max: number;
  /** How to say the range in a message. */
  text: string;
}

const r = (min: number, max: number, text?: string): ValueRange => ({
  min, max, text: text ?? (max === INT_MAX ? `a whole number ${min} or more` : `a whole number ${min}–${max}`),
});

/** net.ipv4.conf.*.KNOB: the engine's knob table (engine/host/conf.ts), so every knob it reads is accepted. */
export const CONF_KNOBS: Readonly<Record<string, ValueRange>> = Object.fromEntries(
  KNOB_NAMES.map((k) => {
    const d = knobDef(k);
    return [k, { min: d.min, max: d.max, text: d.rangeText }];
  }),
);

const SECONDS = 2147483; // INT_MAX jiffies at HZ=1000
/** net.ipv4.neigh.*.PARAM (units as in /proc: s, ms, USER_HZ ticks of 10 ms, counts, bytes) */
export const NEIGH_PARAMS: Readonly<Record<string, ValueRange>> = {
  base_reachable_time: r(0, SECONDS, `seconds, a whole number 0–${SECONDS}`),
  base_reachable_time_ms: r(0, INT_MAX, 'milliseconds, a whole number 0 or more'),
  delay_first_probe_time: r(0, SECONDS, `seconds, a whole number 0–${SECONDS}`),
  retrans_time: r(0, INT_MAX, 'ticks of 10 ms (100 = 1 s), a whole number 0 or more'),
  retrans_time_ms: r(0, INT_MAX, 'milliseconds, a whole number 0 or more'),
  mcast_solicit: r(0, INT_MAX),
  ucast_solicit: r(0, INT_MAX),
  app_solicit: r(0, INT_MAX),
  mcast_resolicit: r(0, INT_MAX),
  locktime: r(0, INT_MAX, 'ticks of 10 ms (100 = 1 s), a whole number 0 or more'),
  proxy_delay: r(0, INT_MAX, 'ticks of 10 ms (100 = 1 s), a whole number 0 or more'),
  proxy_qlen: r(0, INT_MAX),
  gc_stale_time: r(0, SECONDS, `seconds, a whole number 0–${SECONDS}`),
  unres_qlen: r(0, INT_MAX),
  unres_qlen_bytes: r(0, INT_MAX, 'bytes, a whole number 0 or more'),
};

export const IP_FORWARD = 'net.ipv4.ip_forward';

export type SysctlKeyCheck =
  | { ok: true; name: string; range: ValueRange }
  | { ok: false; problem: Problem };

const fail = (problem: Problem): SysctlKeyCheck => ({ ok: false, problem });

/**
 * Checks a key against one host's interfaces (`devs` includes lo). `name` is the knob or
 * parameter, for range messages.
 */
export function checkSysctlKey(key: string, host: string, devs: readonly string[]): SysctlKeyCheck {
  // devinet.c ctl_forward_entry: devinet_sysctl_forward → proc_dointvec, any int (5 forwards like 1).
  if (key === IP_FORWARD) return { ok: true, name: 'ip_forward', range: r(INT_MIN, INT_MAX, `a whole number ${INT_MIN}–${INT_MAX}`) };
  if (!key.includes('.') && key.includes('/')) {
    return fail(msg('sysctlSlashes', key, key.replace(/^\/?proc\/sys\//, '').replaceAll('/', '.')));
  }
  const m = /^net\.ipv4\.(conf|neigh)\.(.+)\.([^.]+)$/.exec(key);
  if (!m) return fail(msg('notSysctlKey', key));
  const [, family, scope, name] = m;
  if (family === 'conf') {
    const range = CONF_KNOBS[name];
    if (!Object.hasOwn(CONF_KNOBS, name)) return fail(msg('unknownConfKnob', name, Object.keys(CONF_KNOBS)));
    if (scope !== 'all' && scope !== 'default' && !devs.includes(scope)) {
      return fail(msg('sysctlNoIface', host, scope, devs));
    }
    return { ok: true, name, range };
  }
  const range = NEIGH_PARAMS[name];
  if (!Object.hasOwn(NEIGH_PARAMS, name)) return fail(msg('unknownNeighParam', name, Object.keys(NEIGH_PARAMS)));
  if (scope === 'all') return fail(msg('neighAll', ));
  if (scope !== 'default' && !devs.includes(scope)) return fail(msg('sysctlNoIface', host, scope, devs));
  return { ok: true, name, range };
}

/** Message for a value outside `range`, or null when it fits. */
export function checkSysctlValue(name: string, v: number, range: ValueRange): Problem | null {
  if (!Number.isInteger(v)) return msg('notWhole', v);
  if (v < range.min || v > range.max) return msg('sysctlRange', name, v, range.text);
  return null;
}
