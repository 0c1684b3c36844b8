/**
 * Neighbour parameters (`net.ipv4.neigh.<dev>.*`), stored in microseconds. Defaults are
 * the kernel's (net/ipv4/arp.c arp_tbl, verified on 6.18): base_reachable_time 30 s,
 * delay_first_probe_time 5 s, retrans_time 1 s, 3 mcast / 3 ucast probes, locktime 1 s,
 * proxy_delay 0.8 s.
 */
export const S = 1_000_000;
export const MS = 1_000;
/** USER_HZ tick (1/100 s): unit of retrans_time, locktime and proxy_delay in /proc. */
export const TICK = 10_000;

export type NeighParam =
  | 'base_reachable_time'
  | 'delay_first_probe_time'
  | 'retrans_time'
  | 'mcast_solicit'
  | 'ucast_solicit'
  | 'app_solicit'
  | 'mcast_resolicit'
  | 'locktime'
  | 'proxy_delay'
  | 'proxy_qlen'
  | 'gc_stale_time'
  | 'unres_qlen_bytes';

export const NEIGH_DEFAULTS: Record<NeighParam, number> = {
  base_reachable_time: 30 * S,
  delay_first_probe_time: 5 * S,
  retrans_time: 1 * S,
  mcast_solicit: 3,
  ucast_solicit: 3,
  app_solicit: 0,
  mcast_resolicit: 0,
  locktime: 1 * S,
  proxy_delay: 0.8 * S,
  proxy_qlen: 64,
  gc_stale_time: 60 * S,
  unres_qlen_bytes: 212992,
};

/** sysctl file name → (parameter, multiplier to microseconds or 1 for counts). */
export const NEIGH_SYSCTL: Record<string, [NeighParam, number]> = {
  base_reachable_time: ['base_reachable_time', S],
  base_reachable_time_ms: ['base_reachable_time', MS],
  delay_first_probe_time: ['delay_first_probe_time', S],
  retrans_time: ['retrans_time', TICK],
  retrans_time_ms: ['retrans_time', MS],
  mcast_solicit: ['mcast_solicit', 1],
  ucast_solicit: ['ucast_solicit', 1],
  app_solicit: ['app_solicit', 1],
  mcast_resolicit: ['mcast_resolicit', 1],
  locktime: ['locktime', TICK],
  proxy_delay: ['proxy_delay', TICK],
  proxy_qlen: ['proxy_qlen', 1],
  gc_stale_time: ['gc_stale_time', S],
  unres_qlen_bytes: ['unres_qlen_bytes', 1],
  unres_qlen: ['unres_qlen_bytes', 2112],
};

export class NeighParms {
  values: Record<NeighParam, number>;
  set = new Set<NeighParam>();
  constructor(copyFrom?: NeighParms) {
    this.values = { ...(copyFrom ? copyFrom.values : NEIGH_DEFAULTS) };
    if (copyFrom) this.set = new Set(copyFrom.set);
  }
}

/**
 * A device's parameters as `sysctl net.ipv4.neigh.DEV.NAME` prints them: seconds, milliseconds
 * or USER_HZ ticks rounded down, counts and bytes as they are. unres_qlen is left out: the
 * kernel prints unres_qlen_bytes / SKB_TRUESIZE(ETH_FRAME_LEN), a size of its build (2090 on the
 * lab's 6.18 x86-64: 212992 bytes print as 101), which the engine's 2112 does not match.
 */
export function neighSysctlValues(p: NeighParms): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, [param, mult]] of Object.entries(NEIGH_SYSCTL)) {
    if (name === 'unres_qlen') continue;
    out[name] = Math.floor(p.values[param] / mult);
  }
  return out;
}
