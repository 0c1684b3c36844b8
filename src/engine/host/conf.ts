/**
 * Per-device IPv4 configuration (`net.ipv4.conf.{all,default,<dev>}.*`) and the kernel's
 * rules for combining `all` with the device value (include/linux/inetdevice.h:
 * IN_DEV_MAXCONF, IN_DEV_ORCONF, IN_DEV_ANDCONF, IN_DEV_CONF_GET), and what `default`
 * really does (devinet.c: devinet_copy_dflt_conf, devinet_conf_proc).
 */
import type { SettingUse } from '../trace.ts';

export type Combine = 'max' | 'or' | 'and' | 'dev';

export interface KnobDef {
  /** How `all` and the device value combine (IN_DEV_MAXCONF / ORCONF / ANDCONF / the device's alone). */
  combine: Combine;
  /** The kernel's default (not a distribution's). */
  def: number;
  /**
   * The values a scenario may set: any int, as the kernel stores them (devinet.c: every conf
   * entry is DEVINET_SYSCTL_RW_ENTRY / FLUSHING_ENTRY / COMPLEX_ENTRY, whose handler is
   * proc_dointvec without a range: kernel/sysctl.c do_proc_dointvec_conv refuses only what
   * does not fit an int).
   */
  min: number;
  max: number;
  /** How to say the range in a message. */
  rangeText: string;
  /** The values that have a meaning, for pickers; absent when every value does (medium_id). */
  values?: readonly number[];
  /**
   * What the kernel's code does with a value outside `values`: the meaningful value it acts
   * as (see `actsAs`). Every knob with `values` has one.
   */
  outside?: number;
}

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
const int = { min: INT_MIN, max: INT_MAX, rangeText: `a whole number ${INT_MIN}–${INT_MAX}` } as const;
/** Read as a truth value (IN_DEV_ORCONF / ANDCONF's `||` / `&&`, or `if (IN_DEV_…)`): any non-zero int is on. */
const bool = { ...int, values: [0, 1], outside: 1 } as const;
/**
 * Read by a `switch` whose `default:` does what 0 does: arp_ignore() (`case 4–7: return 0;
 * default: return 0`), arp_solicit (`default: case 0:`), arp_accept() (`default: return 0`).
 */
const zeroToTwo = { ...int, values: [0, 1, 2], outside: 0 } as const;

/**
 * The one table of conf knobs: every knob the engine reads, as the format accepts it and
 * the inspector shows it (scenario/sysctlKeys.ts and view/panels/knobs.ts derive theirs).
 */
export const CONF_KNOBS = {
  // arp.c arp_ignore(): 4–7 are "Reserved" (return 0), any other value is its `default: return 0`.
  arp_ignore: { combine: 'max', def: 0, ...int, values: [0, 1, 2, 3, 8], outside: 0 },
  arp_announce: { combine: 'max', def: 0, ...zeroToTwo },
  arp_filter: { combine: 'or', def: 0, ...bool },
  arp_accept: { combine: 'max', def: 0, ...zeroToTwo },
  // devinet.c inetdev_event: `if (!IN_DEV_ARP_NOTIFY(in_dev)) break;` — max(all, dev) as a truth value.
  arp_notify: { combine: 'max', def: 0, ...bool },
  arp_evict_nocarrier: { combine: 'and', def: 1, ...bool },
  drop_gratuitous_arp: { combine: 'or', def: 0, ...bool },
  proxy_arp: { combine: 'or', def: 0, ...bool },
  proxy_arp_pvlan: { combine: 'or', def: 0, ...bool },
  // arp_fwd_proxy: 0 proxies, -1 never, any other int is a medium id (compared with the output device's).
  medium_id: { combine: 'dev', def: 0, ...int },
  // __fib_validate_source: `if (rpf == 1) goto e_rpf` is strict, any other non-zero value loose.
  rp_filter: { combine: 'max', def: 0, ...int, values: [0, 1, 2], outside: 2 },
  accept_local: { combine: 'or', def: 0, ...bool },
  route_localnet: { combine: 'or', def: 0, ...bool },
  // IN_DEV_FORWARD: the device's value as a truth value.
  forwarding: { combine: 'dev', def: 0, ...bool },
  promote_secondaries: { combine: 'or', def: 0, ...bool },
  log_martians: { combine: 'or', def: 0, ...bool },
  send_redirects: { combine: 'or', def: 1, ...bool },
  // IN_DEV_RX_REDIRECTS: AND of all/dev on a forwarding device, OR otherwise (ip/redirect.ts).
  accept_redirects: { combine: 'or', def: 1, ...bool },
  secure_redirects: { combine: 'or', def: 1, ...bool },
  shared_media: { combine: 'or', def: 1, ...bool },
} as const satisfies Record<string, KnobDef>;

export type Knob = keyof typeof CONF_KNOBS;
export const KNOB_NAMES = Object.keys(CONF_KNOBS) as Knob[];

export function isKnob(name: string): name is Knob {
  return Object.hasOwn(CONF_KNOBS, name);
}

/** A knob's definition (the table's entries differ in shape: this gives the common one). */
export const knobDef = (k: Knob): KnobDef => CONF_KNOBS[k];

/**
 * The meaningful value the kernel acts as when it reads `value` for knob `k`, or null when
 * `value` is one of the knob's meaningful values (or every value is, as for medium_id):
 * arp_ignore 9 → 0, arp_announce 3 → 0, rp_filter 3 or -1 → 2 (loose), arp_filter 5 → 1.
 */
export function actsAs(k: Knob, value: number): number | null {
  const d: KnobDef = CONF_KNOBS[k];
  if (!d.values || d.values.includes(value) || d.outside === undefined) return null;
  return d.outside;
}

/** Every knob at the kernel's default: copied into each new set (a 100,000-host world makes 300,000). */
const DEFAULT_VALUES = Object.fromEntries(KNOB_NAMES.map((k) => [k, CONF_KNOBS[k].def])) as Record<Knob, number>;

/** One config set: a value per knob and the per-knob "explicitly set" bit. */
export class ConfSet {
  values: Record<Knob, number>;
  set: Set<Knob>;
  /** Knobs whose value was copied from conf/default (for explanations). */
  fromDefault: Set<Knob>;
  /** The last SettingUse made for each knob of this set (see `effective`). */
  readonly uses = new Map<Knob, SettingUse>();

  constructor(copyFrom?: ConfSet) {
    if (copyFrom) {
      this.values = { ...copyFrom.values };
      this.set = new Set(copyFrom.set);
      this.fromDefault = new Set(KNOB_NAMES.filter((k) => copyFrom.values[k] !== CONF_KNOBS[k].def || copyFrom.set.has(k)));
    } else {
      this.values = { ...DEFAULT_VALUES };
      this.set = new Set();
      this.fromDefault = new Set();
    }
  }
}

/** The host-wide part: conf/all and conf/default. */
export class HostConf {
  all = new ConfSet();
  dflt = new ConfSet();
}

/** The effective value alone (hot paths; no allocation). */
export function effValue(all: ConfSet, dev: ConfSet, k: Knob): number {
  const a = all.values[k];
  const d = dev.values[k];
  switch (CONF_KNOBS[k].combine) {
    case 'max':
      return a > d ? a : d;
    case 'or':
      return a !== 0 || d !== 0 ? 1 : 0;
    case 'and':
      return a !== 0 && d !== 0 ? 1 : 0;
    default:
      return d;
  }
}

/**
 * The value the kernel uses for knob `k` on a device with config `dev`, with where it came
 * from, as the decision events report it.
 */
/**
 * SettingUse objects are shared between the decisions that read the same values (a busy
 * segment makes thousands): they are immutable, and cached on the inputs they describe
 * (ConfSet.uses: a property, not a WeakMap, since this runs for every frame of a trace).
 */

export function effective(all: ConfSet, dev: ConfSet, devName: string, k: Knob): SettingUse {
  const a = all.values[k];
  const d = dev.values[k];
  // Most devices inherit nothing from conf/default: the size test spares two set lookups per frame.
  const fromDflt = dev.fromDefault.size !== 0 && dev.fromDefault.has(k) && !dev.set.has(k);
  const cache = dev.uses;
  const hit = cache.get(k);
  if (hit && hit.all === a && hit.devValue === d && (hit.devFromDefault === true) === fromDflt && hit.dev === devName) return hit;
  const use = internUse(a, d, devName, k, fromDflt);
  cache.set(k, use);
  return use;
}

/**
 * Every SettingUse with the same content is one object, across hosts: a broadcast to a
 * thousand hosts whose eth0 all read forwarding=0 leaves a thousand decisions that share
 * one setting — and one settings array (route/input.ts `just`), which is what keeps a
 * recorded trace small. Misses are rare (a knob's values change), so the key string costs
 * nothing on the per-frame path; the table holds one entry per distinct value combination.
 */
const interned = new Map<string, SettingUse>();
function internUse(a: number, d: number, devName: string, k: Knob, fromDflt: boolean): SettingUse {
  const key = `${k}\u0000${devName}\u0000${a}\u0000${d}\u0000${fromDflt ? 1 : 0}`;
  let use = interned.get(key);
  if (!use) {
    use = computeEffective(a, d, devName, k, fromDflt);
    interned.set(key, use);
  }
  return use;
}

function computeEffective(a: number, d: number, devName: string, k: Knob, fromDflt: boolean): SettingUse {
  const def = CONF_KNOBS[k];
  let value: number;
  let from: SettingUse['from'];
  switch (def.combine) {
    case 'max':
      value = Math.max(a, d);
      from = a === d ? 'both' : a > d ? 'all' : 'dev';
      break;
    case 'or':
      value = a !== 0 || d !== 0 ? 1 : 0;
      from = (a !== 0) === (d !== 0) ? 'both' : a !== 0 ? 'all' : 'dev';
      break;
    case 'and':
      value = a !== 0 && d !== 0 ? 1 : 0;
      from = (a !== 0) === (d !== 0) ? 'both' : a === 0 ? 'all' : 'dev';
      break;
    case 'dev':
      value = d;
      from = 'dev';
      break;
  }
  const use: SettingUse = { name: k, dev: devName, value, combine: def.combine, all: a, devValue: d, from };
  if (fromDflt) use.devFromDefault = true;
  return use;
}

/** "rp_filter=1 (max of all=1, eth1=0)" */
export function describeSetting(u: SettingUse): string {
  if (u.combine === 'dev') return `${u.name}=${u.value} (${u.dev})`;
  if (u.combine === 'neigh') return `${u.name}=${u.value}`;
  const how = u.combine === 'max' ? 'max of' : u.combine === 'or' ? 'all OR' : 'all AND';
  if (u.combine === 'max') return `${u.name}=${u.value} (${how} all=${u.all}, ${u.dev}=${u.devValue})`;
  return `${u.name}=${u.value} (${how} ${u.dev}: all=${u.all}, ${u.dev}=${u.devValue})`;
}
