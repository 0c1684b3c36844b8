/**
 * The neighbour state machine (net/core/neighbour.c): __neigh_event_send (a packet uses
 * the entry), neigh_timer_handler (timers), __neigh_update (ARP and admin updates),
 * neigh_invalidate (FAILED). Every change is a trace event.
 */
import { fmtIp, type Ip4 } from '../net/ip.ts';
import type { Mac } from '../net/mac.ts';
import type { Device, IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { Micros, NeighCause, NudState } from '../trace.ts';
import { NeighEntry, NUD_CONNECTED, NUD_IN_TIMER, NUD_VALID, type NudOrNone } from './entry.ts';
import { arpSolicit } from '../arp/solicit.ts';
import { xmitResolved, reportUnreachable } from '../ip/output.ts';

const asTrace = (s: NudOrNone): NudState | null => (s === 'NONE' ? null : s);

export function neighLookup(dev: Device, ip: Ip4): NeighEntry | undefined {
  return dev.neigh.get(ip);
}

export function neighCreate(w: World, dev: Device, ip: Ip4): NeighEntry {
  let n = dev.neigh.get(ip);
  if (!n) {
    n = new NeighEntry(ip, dev, w.now);
    dev.neigh.set(ip, n);
  }
  return n;
}

function setState(w: World, n: NeighEntry, to: NudOrNone, cause: NeighCause, frameId: number | null): void {
  const from = n.state;
  n.state = to;
  w.neighEvent(n.dev, fmtIp(n.ip), asTrace(from), asTrace(to), NUD_VALID.has(to) ? n.ha : null, cause, frameId);
}

function delTimer(n: NeighEntry): void {
  if (n.timer) {
    n.timer.cancelled = true;
    n.timer = null;
  }
}

function addTimer(w: World, n: NeighEntry, at: Micros): void {
  delTimer(n);
  n.timer = w.at(at, () => {
    n.timer = null;
    timerHandler(w, n);
  });
}

/** A jiffy at CONFIG_HZ=250 (Debian's 6.1 and the 6.18 the corpus was recorded on). */
const JIFFY: Micros = 4000;

/**
 * The kernel's timer wheel never runs a timer early and always at least one jiffy late
 * (kernel/time/timer.c calc_index: expires = (expires + LVL_GRAN) >> LVL_SHIFT; the DELAY
 * timer, 5 s away, lands on the 64-jiffy level and runs 4–256 ms late). The engine keeps
 * its timers on time, but decides the DELAY race as the kernel does at the earliest it
 * can run: a confirmation less than a jiffy after the entry entered DELAY (TCP through a
 * router: the next segment after an ACK, milliseconds later) is already older than
 * delay_first_probe_time when the kernel's timer runs, so the entry is probed.
 */
const TIMER_LATE: Micros = JIFFY;

function maxProbes(n: NeighEntry): number {
  const p = n.dev.parms.values;
  return p.ucast_solicit + p.app_solicit + (n.state === 'PROBE' ? p.mcast_resolicit : p.mcast_solicit);
}

/** neigh_probe: send one solicitation with the most recently queued packet, count it. */
function probe(w: World, n: NeighEntry): void {
  const pkt = n.queue.length ? n.queue[n.queue.length - 1] : null;
  arpSolicit(w, n, pkt);
  n.probes++;
}

/**
 * __neigh_event_send without a packet (a redirect's new gateway, __ip_do_redirect): an
 * entry that is not valid starts resolving (or fails at once without probes to send).
 */
export function neighEventSend(w: World, n: NeighEntry): void {
  n.used = w.now;
  if (n.state === 'INCOMPLETE' || NUD_VALID.has(n.state)) return;
  const p = n.dev.parms.values;
  n.updated = w.now;
  if (p.mcast_solicit + p.app_solicit) {
    n.probes = p.ucast_solicit;
    setState(w, n, 'INCOMPLETE', 'neigh_event_send', null);
    addTimer(w, n, w.now + Math.max(p.retrans_time, 10_000));
    probe(w, n);
  } else {
    setState(w, n, 'FAILED', 'neigh_event_send', null);
  }
}

/**
 * A packet is sent through the entry (neigh_event_send + neigh_resolve_output).
 * Returns the MAC to send to now, or null when the packet was queued or dropped.
 */
export function neighOutput(w: World, n: NeighEntry, pkt: IpPacket): Mac | null {
  const st = n.state;
  // neigh_output: connected entries use the cached header and do not touch `used`.
  if (NUD_CONNECTED.has(st)) return n.ha;
  n.used = w.now;
  if (st === 'DELAY' || st === 'PROBE') return n.ha;
  const p = n.dev.parms.values;
  if (st !== 'STALE' && st !== 'INCOMPLETE') {
    if (p.mcast_solicit + p.app_solicit) {
      n.probes = p.ucast_solicit;
      n.updated = w.now;
      setState(w, n, 'INCOMPLETE', 'neigh_event_send', null);
      addTimer(w, n, w.now + Math.max(p.retrans_time, 10_000));
      n.queue.push(pkt);
      probe(w, n);
      return null;
    }
    n.updated = w.now;
    setState(w, n, 'FAILED', 'neigh_event_send', null);
    reportUnreachable(w, n, [pkt]);
    return null;
  }
  if (st === 'STALE') {
    n.updated = w.now;
    setState(w, n, 'DELAY', 'neigh_event_send', null);
    addTimer(w, n, w.now + p.delay_first_probe_time);
    return n.ha;
  }
  // INCOMPLETE: queue (the byte limit drops the oldest first).
  n.queue.push(pkt);
  const maxPkts = Math.max(1, Math.floor(p.unres_qlen_bytes / 2112));
  while (n.queue.length > maxPkts) n.queue.shift();
  return null;
}

function timerHandler(w: World, n: NeighEntry): void {
  const st = n.state;
  if (!NUD_IN_TIMER.has(st)) return;
  const p = n.dev.parms.values;
  const now = w.now;
  let next = now + 1_000_000;
  if (st === 'REACHABLE') {
    const rt = n.dev.reachableTime;
    if (now <= n.confirmed + rt) {
      next = n.confirmed + rt;
    } else if (now <= n.used + p.delay_first_probe_time) {
      n.updated = now;
      setState(w, n, 'DELAY', 'timer_reachable_used', null);
      next = now + p.delay_first_probe_time;
    } else {
      n.updated = now;
      setState(w, n, 'STALE', 'timer_reachable_expired', null);
      return;
    }
  } else if (st === 'DELAY') {
    if (now + TIMER_LATE <= n.confirmed + p.delay_first_probe_time) {
      n.updated = now;
      setState(w, n, 'REACHABLE', 'timer_delay_confirmed', null);
      next = n.confirmed + n.dev.reachableTime;
    } else {
      n.updated = now;
      n.probes = 0;
      setState(w, n, 'PROBE', 'timer_delay_expired', null);
      next = now + Math.max(p.retrans_time, 10_000);
    }
  } else {
    next = now + Math.max(p.retrans_time, 10_000);
  }
  if ((n.state === 'INCOMPLETE' || n.state === 'PROBE') && n.probes >= maxProbes(n)) {
    setState(w, n, 'FAILED', 'timer_probes_failed', null);
    invalidate(w, n);
    return;
  }
  if (NUD_IN_TIMER.has(n.state)) addTimer(w, n, Math.max(next, now + 10_000));
  if (n.state === 'INCOMPLETE' || n.state === 'PROBE') probe(w, n);
}

/** neigh_invalidate: queued packets fail with an error report to their local sender. */
function invalidate(w: World, n: NeighEntry): void {
  const q = n.queue;
  n.queue = [];
  if (q.length) reportUnreachable(w, n, q);
}

export interface UpdateFlags {
  override: boolean;
  admin: boolean;
}

/**
 * __neigh_update. Returns what happened, for the caller's explanation.
 */
export function neighUpdate(
  w: World,
  n: NeighEntry,
  lladdr: Mac | null,
  proposed: NudOrNone,
  flags: UpdateFlags,
  cause: NeighCause,
  frameId: number | null,
): 'static' | 'ignored' | 'updated' | 'unchanged' {
  const old = n.state;
  let nw = proposed;
  if (!flags.admin && (old === 'NOARP' || old === 'PERMANENT')) return 'static';
  if (!NUD_VALID.has(nw)) {
    delTimer(n);
    if (old !== nw) setState(w, n, nw, cause, frameId);
    if ((old === 'INCOMPLETE' || old === 'PROBE') && nw === 'FAILED') invalidate(w, n);
    return 'updated';
  }
  let ll: Mac;
  if (lladdr !== null) {
    ll = lladdr;
  } else {
    if (!NUD_VALID.has(old)) return 'ignored';
    ll = n.ha!;
  }
  const sameLl = NUD_VALID.has(old) && n.ha === ll;
  if (NUD_CONNECTED.has(nw)) n.confirmed = w.now;
  if (NUD_VALID.has(old)) {
    if (!sameLl && !flags.override) return 'ignored';
    if (sameLl && nw === 'STALE' && !flags.admin) nw = old;
  }
  const llChanged = n.ha !== ll || !NUD_VALID.has(old);
  if (nw !== old || llChanged) n.updated = w.now;
  if (nw !== old) {
    delTimer(n);
    if (nw === 'PROBE') n.probes = 0;
    if (NUD_IN_TIMER.has(nw)) addTimer(w, n, w.now + (nw === 'REACHABLE' ? n.dev.reachableTime : 0));
  }
  const haChanged = llChanged;
  if (haChanged) {
    n.ha = ll;
    if (!NUD_CONNECTED.has(nw)) n.confirmed = w.now - 2 * n.dev.parms.values.base_reachable_time;
  }
  if (nw !== old || haChanged) {
    const from = n.state;
    n.state = nw;
    w.neighEvent(n.dev, fmtIp(n.ip), asTrace(from), asTrace(nw), ll, cause, frameId);
  } else {
    return 'unchanged';
  }
  if (nw === old) return 'updated';
  if (!NUD_VALID.has(old)) {
    // The entry became usable: every queued packet goes out now through neigh->output
    // (neigh_update). Unless the entry is connected (REACHABLE), that is
    // neigh_resolve_output, so the first packet moves a STALE entry to DELAY.
    const q = n.queue;
    n.queue = [];
    for (const pkt of q) {
      const mac = NUD_CONNECTED.has(n.state) ? n.ha : neighOutput(w, n, pkt);
      if (mac) xmitResolved(w, n.dev, mac, pkt);
    }
  }
  return 'updated';
}

/** neigh_event_ns: create if missing, then update to STALE with override. */
export function neighEventNs(w: World, dev: Device, ip: Ip4, lladdr: Mac, cause: NeighCause, frameId: number | null): NeighEntry {
  const n = neighCreate(w, dev, ip);
  neighUpdate(w, n, lladdr, 'STALE', { override: true, admin: false }, cause, frameId);
  return n;
}

/** Removes an entry (ip neigh del / flush, device events). */
export function neighRemove(w: World, n: NeighEntry, cause: NeighCause): void {
  delTimer(n);
  const old = n.state;
  if (old === 'INCOMPLETE' || old === 'PROBE') invalidate(w, n);
  n.dead = true;
  n.dev.neigh.delete(n.ip);
  w.neighEvent(n.dev, fmtIp(n.ip), asTrace(old), null, null, cause, null);
}

/** Admin create/replace (`ip neigh replace`), bypassing PERMANENT protection. */
export function neighAdminSet(w: World, dev: Device, ip: Ip4, lladdr: Mac | null, state: NudOrNone, cause: NeighCause): void {
  const n = neighCreate(w, dev, ip);
  if (NUD_VALID.has(state) && lladdr !== null && n.state !== 'NONE' && NUD_VALID.has(n.state) && n.ha === lladdr && n.state === state) return;
  neighUpdate(w, n, lladdr, state, { override: true, admin: true }, cause, null);
}
