/**
 * The kernel's neighbour-state graph (net/core/neighbour.c, net/ipv4/arp.c), by what makes
 * each change. "NONE" is an entry that does not exist: an edge from NONE creates one, an edge
 * to NONE removes it. The property tests check every NeighEvent of the engine against it.
 *
 * Protocol and timer:
 *  - __neigh_event_send (a packet uses the entry): NONE/FAILED → INCOMPLETE when it may
 *    solicit (mcast_solicit + app_solicit > 0), else → FAILED; STALE → DELAY. CONNECTED,
 *    DELAY, PROBE and INCOMPLETE entries do not change.
 *  - __neigh_update from ARP without NEIGH_UPDATE_F_ADMIN: NOARP and PERMANENT entries are
 *    never touched; the new state is REACHABLE (a reply to us) or STALE (neigh_event_ns, a
 *    request, a reply to someone else). A valid entry whose MAC is unchanged keeps its state
 *    when STALE is proposed (no event), so STALE is only reached from a valid state with a
 *    new MAC (override), and REACHABLE → REACHABLE only with a new MAC.
 *  - neigh_timer_handler: REACHABLE → DELAY (used within delay_first_probe_time) or STALE;
 *    DELAY → REACHABLE (confirmed meanwhile) or PROBE; INCOMPLETE/PROBE → FAILED when
 *    every probe went unanswered.
 * Admin (NEIGH_UPDATE_F_ADMIN and device events):
 *  - ip neigh add/replace/change: any state, or none, to the state given (a new MAC may
 *    keep the state).
 *  - ip neigh del, and device events (neigh_ifdown on link down and when the last IPv4
 *    address goes, neigh_changeaddr on a MAC change): any entry is removed.
 *  - ip neigh flush: every entry except PERMANENT and NOARP is removed (iproute2).
 */
import type { NeighCause, NeighCauseKind, NudState } from '../trace.ts';
import type { NudOrNone } from './entry.ts';
type Edge = `${NudOrNone}>${NudOrNone}`;

const ALL: NudState[] = ['INCOMPLETE', 'REACHABLE', 'STALE', 'DELAY', 'PROBE', 'FAILED', 'NOARP', 'PERMANENT'];
const edges = (from: readonly NudOrNone[], to: readonly NudOrNone[]): Edge[] => from.flatMap((f) => to.map((t) => `${f}>${t}` as Edge));

/** What ARP may overwrite: a missing, unresolved or dynamic valid entry (not NOARP/PERMANENT). */
const LEARNABLE: NudOrNone[] = ['NONE', 'INCOMPLETE', 'FAILED'];
const DYNAMIC_VALID: NudOrNone[] = ['REACHABLE', 'STALE', 'DELAY', 'PROBE'];
const toStale = [...edges(LEARNABLE, ['STALE']), ...edges(DYNAMIC_VALID, ['STALE'])];

export const KERNEL_TRANSITIONS: Record<NeighCauseKind, Partial<Record<NeighCause, readonly Edge[]>>> = {
  protocol: {
    neigh_event_send: ['NONE>INCOMPLETE', 'NONE>FAILED', 'FAILED>INCOMPLETE', 'FAILED>FAILED', 'STALE>DELAY'],
    arp_reply_to_us: edges([...LEARNABLE, ...DYNAMIC_VALID], ['REACHABLE']),
    arp_reply_broadcast: toStale,
    arp_request_overheard: toStale,
    arp_request_local: toStale,
    arp_request_proxied: toStale,
  },
  timer: {
    timer_reachable_used: ['REACHABLE>DELAY'],
    timer_reachable_expired: ['REACHABLE>STALE'],
    timer_delay_confirmed: ['DELAY>REACHABLE'],
    timer_delay_expired: ['DELAY>PROBE'],
    timer_probes_failed: ['INCOMPLETE>FAILED', 'PROBE>FAILED'],
  },
  admin: {
    ip_neigh_replace: edges(['NONE', ...ALL], ALL),
    ip_neigh_del: edges(ALL, ['NONE']),
    ip_neigh_flush: edges(['INCOMPLETE', 'REACHABLE', 'STALE', 'DELAY', 'PROBE', 'FAILED'], ['NONE']),
    addr_removed: edges(ALL, ['NONE']),
    mac_changed: edges(ALL, ['NONE']),
    link_down: edges(ALL, ['NONE']),
  },
};

const BY_CAUSE = new Map<string, ReadonlySet<string>>(
  Object.values(KERNEL_TRANSITIONS).flatMap((byCause) => Object.entries(byCause).map(([c, es]) => [c, new Set(es)] as const)),
);

/** The edge a neighbour event makes, "FROM>TO" with NONE for no entry. */
export const edgeOf = (e: { from: NudState | null; to: NudState | null }): Edge => `${e.from ?? 'NONE'}>${e.to ?? 'NONE'}`;

/** Whether the kernel can make this change for this cause. */
export function kernelCanMake(e: { from: NudState | null; to: NudState | null; cause: string }): boolean {
  return BY_CAUSE.get(e.cause)?.has(edgeOf(e)) ?? false;
}
