/**
 * The IPVS schedulers (net/netfilter/ipvs/ip_vs_{rr,wrr,lc,wlc,sh,dh,sed,nq,mh}.c), each as
 * the kernel writes it: the same walk over the destination list (newest first), the
 * same comparisons and tie-breaks, the same hash functions. None of them is random.
 * Each returns the destination (or null: "no destination available") and what it
 * decided on, for the trace.
 */
import { fmtIp, type Ip4 } from '../net/ip.ts';
import type { DecisionParams } from '../trace.ts';
import { mhPopulate, mhSetups, mhSlot, MH_TAB_SIZE } from './mh.ts';
import type { Dest, SchedData, Service } from './state.ts';

export interface SchedResult {
  dest: Dest | null;
  /** What the choice rested on: weights, connection counts, the winner's overhead, the hash bucket. */
  params: Pick<DecisionParams, 'weights' | 'conns' | 'overhead' | 'bucket' | 'cw'>;
}

/** Hash table size of sh and dh (CONFIG_IP_VS_SH_TAB_BITS / DH_TAB_BITS = 8). */
const TAB_BITS = 8;
const TAB_SIZE = 1 << TAB_BITS;
const GOLDEN_RATIO_32 = 0x61c88647;

/** include/linux/hash.h hash_32: multiply by the golden ratio, keep the top bits. */
export function hash32(val: number, bits: number): number {
  return Math.imul(val >>> 0, GOLDEN_RATIO_32) >>> (32 - bits);
}

/** ip_vs_sh_hashkey (port 0 unless the sh-port flag is set; offset 0 without sh-fallback). */
export function shHashkey(addr: Ip4, port = 0, offset = 0): number {
  return (offset + hash32((port + addr) >>> 0, TAB_BITS)) & (TAB_SIZE - 1);
}

/** ip_vs_dh_hashkey: Knuth's multiplicative hash, low 8 bits. */
export function dhHashkey(addr: Ip4): number {
  return Math.imul(addr >>> 0, 2654435761 | 0) & (TAB_SIZE - 1);
}

/** ip_vs_dest_conn_overhead: active connections weigh 256 times an inactive one. */
export const connOverhead = (d: Dest) => (d.activeconns << 8) + d.inactconns;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The scheduler's state for a new service (init_service). */
export function initSched(svc: Service): SchedData {
  switch (svc.sched) {
    case 'rr':
      return { kind: 'rr', last: -1 };
    case 'wrr':
      // mw = max weight (0) - (di - 1), di = gcd of no weights = 1
      return { kind: 'wrr', cl: -1, cw: 0, mw: 0, di: 1 };
    case 'sh':
    case 'dh':
      return { kind: 'hash', buckets: new Array<number>(TAB_SIZE).fill(-1) };
    case 'mh':
      return { kind: 'mh', lookup: new Int32Array(MH_TAB_SIZE).fill(-1) };
    default:
      return { kind: 'none' };
  }
}

/** add_dest/upd_dest/del_dest: what each scheduler recomputes when the list changes. */
export function destsChanged(svc: Service): void {
  const s = svc.schedData;
  const ds = svc.dests;
  if (s.kind === 'wrr') {
    // ip_vs_wrr_dest_changed
    s.cl = -1;
    let g = 0;
    for (const d of ds) if (d.weight > 0) g = g > 0 ? gcd(d.weight, g) : d.weight;
    s.di = g || 1;
    s.mw = Math.max(0, ...ds.map((d) => d.weight)) - (s.di - 1);
    if (s.cw > s.mw || !s.cw) s.cw = s.mw;
    else if (s.di > 1) s.cw = Math.floor(s.cw / s.di) * s.di + 1;
  } else if (s.kind === 'hash') {
    // ip_vs_sh_reassign (sh: each destination fills `weight` buckets in a row) and
    // ip_vs_dh_reassign (dh: one bucket each, round and round).
    let p = -1;
    let count = 0;
    for (let i = 0; i < TAB_SIZE; i++) {
      if (ds.length === 0) {
        s.buckets[i] = -1;
        continue;
      }
      if (p === -1) p = 0;
      s.buckets[i] = p;
      if (svc.sched === 'dh' || ++count >= ds[p].weight) {
        p = p + 1 === ds.length ? -1 : p + 1;
        count = 0;
      }
    }
  } else if (s.kind === 'mh') {
    // ip_vs_mh_dest_changed: gcd, shift, permutations and the whole table again.
    s.lookup = mhPopulate(mhSetups(ds));
  } else if (s.kind === 'rr') {
    // rr keeps a pointer to the last chosen dest; a new dest at the head moves its index.
    if (s.last >= 0) s.last += 1;
  }
}

const table = (svc: Service, f: (d: Dest) => string) => svc.dests.map((d) => f(d)).join(' ');
const name = (d: Dest) => `${fmtIp(d.addr)}:${d.port}`;

/** Every scheduler's explanation names the weights and connection counts it saw. */
function seen(svc: Service): { weights: string; conns: string } {
  return {
    weights: table(svc, (d) => `${name(d)}=${d.weight}`),
    conns: table(svc, (d) => `${name(d)}=${d.activeconns}/${d.inactconns}`),
  };
}

/** `explain`: also list every real server's weight and counts (for the trace). */
export function schedule(svc: Service, saddr: Ip4, daddr: Ip4, explain = true): SchedResult {
  const ds = svc.dests;
  const base: SchedResult['params'] = explain ? seen(svc) : {};
  switch (svc.sched) {
    case 'rr': {
      // ip_vs_rr_schedule: continue after the last choice; a second pass from the head
      // up to and including it (none when the last choice was the head).
      const s = svc.schedData as Extract<SchedData, { kind: 'rr' }>;
      const order: number[] = [];
      for (let i = s.last + 1; i < ds.length; i++) order.push(i);
      if (s.last >= 0) for (let i = 0; i <= s.last; i++) order.push(i);
      for (const i of order) {
        if (ds[i].weight > 0) {
          s.last = i;
          return { dest: ds[i], params: base };
        }
      }
      return { dest: null, params: base };
    }
    case 'wrr':
      return { dest: wrr(svc), params: { ...base, cw: (svc.schedData as Extract<SchedData, { kind: 'wrr' }>).cw } };
    case 'lc': {
      // ip_vs_lc_schedule: least overhead; the first of equals wins.
      let least: Dest | null = null;
      let loh = 0;
      for (const d of ds) {
        if (d.weight === 0) continue;
        const doh = connOverhead(d);
        if (!least || doh < loh) {
          least = d;
          loh = doh;
        }
      }
      return { dest: least, params: { ...base, overhead: loh } };
    }
    case 'wlc':
    case 'sed':
      return weighted(svc, svc.sched === 'wlc' ? connOverhead : (d) => d.activeconns + 1, base);
    case 'nq': {
      // ip_vs_nq_schedule: an idle server (no active connections) at once, else as sed.
      let least: Dest | null = null;
      let loh = 0;
      for (const d of ds) {
        if (!d.weight) continue;
        const doh = d.activeconns + 1;
        if (d.activeconns === 0) return { dest: d, params: { ...base, overhead: doh } };
        if (!least || loh * d.weight > doh * least.weight) {
          least = d;
          loh = doh;
        }
      }
      return { dest: least, params: least ? { ...base, overhead: loh } : base };
    }
    case 'sh':
    case 'dh': {
      const s = svc.schedData as Extract<SchedData, { kind: 'hash' }>;
      const bucket = svc.sched === 'sh' ? shHashkey(saddr) : dhHashkey(daddr);
      const i = s.buckets[bucket];
      const d = i >= 0 ? ds[i] : null;
      return { dest: d && d.weight > 0 ? d : null, params: { ...base, bucket } };
    }
    case 'mh': {
      // ip_vs_mh_get: the slot's server unless it is unavailable (weight 0).
      const s = svc.schedData as Extract<SchedData, { kind: 'mh' }>;
      const bucket = mhSlot(saddr);
      const i = s.lookup[bucket];
      const d = i >= 0 ? ds[i] : null;
      return { dest: d && d.weight > 0 ? d : null, params: { ...base, bucket } };
    }
  }
}

/** wlc and sed: the first usable dest, then any whose overhead/weight is strictly lower. */
function weighted(svc: Service, overhead: (d: Dest) => number, base: SchedResult['params']): SchedResult {
  const ds = svc.dests;
  let k = ds.findIndex((d) => d.weight > 0);
  if (k < 0) return { dest: null, params: base };
  let least = ds[k];
  let loh = overhead(least);
  for (k = k + 1; k < ds.length; k++) {
    const d = ds[k];
    const doh = overhead(d);
    if (loh * d.weight > doh * least.weight) {
      least = d;
      loh = doh;
    }
  }
  return { dest: least, params: { ...base, overhead: loh } };
}

/** ip_vs_wrr_schedule, with list positions for pointers (-1 is the list head). */
function wrr(svc: Service): Dest | null {
  const m = svc.schedData as Extract<SchedData, { kind: 'wrr' }>;
  const ds = svc.dests;
  let dest = m.cl;
  if (m.mw === 0) return null;
  const last = dest;
  let stop: number | null = null;
  let lastPass = false;
  let restarted = false;
  for (;;) {
    for (let i = dest + 1; i < ds.length; i++) {
      dest = i;
      if (ds[i].weight >= m.cw) {
        m.cl = i;
        return ds[i];
      }
      if (i === stop) {
        m.cl = i;
        return null;
      }
    }
    dest = -1;
    m.cw -= m.di;
    if (m.cw <= 0) {
      m.cw = m.mw;
      if (lastPass || last === -1) {
        m.cl = -1;
        return null;
      }
      restarted = true;
    }
    lastPass = m.cw <= m.di;
    if (lastPass && restarted && last !== -1) stop = last;
  }
}
