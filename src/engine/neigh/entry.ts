/**
 * A neighbour cache entry (struct neighbour, net/core/neighbour.c): key (IPv4, device),
 * NUD state, cached MAC, the confirmed/updated/used timestamps, the probe counter, the
 * one timer and the queue of packets waiting for resolution.
 */
import type { Ip4 } from '../net/ip.ts';
import type { Mac } from '../net/mac.ts';
import type { Device, IpPacket } from '../host/model.ts';
import type { QueueItem } from '../sim/queue.ts';
import type { Micros, NudState } from '../trace.ts';

export type NudOrNone = NudState | 'NONE';

export const NUD_VALID = new Set<NudOrNone>(['REACHABLE', 'STALE', 'DELAY', 'PROBE', 'NOARP', 'PERMANENT']);
export const NUD_CONNECTED = new Set<NudOrNone>(['REACHABLE', 'NOARP', 'PERMANENT']);
export const NUD_IN_TIMER = new Set<NudOrNone>(['INCOMPLETE', 'REACHABLE', 'DELAY', 'PROBE']);

/** The transitions the kernel can make (the legal graph; property tests check it). */
export const LEGAL_TRANSITIONS: Record<NudOrNone, readonly NudOrNone[]> = {
  NONE: ['INCOMPLETE', 'STALE', 'REACHABLE', 'FAILED', 'PERMANENT', 'NOARP', 'DELAY', 'PROBE'],
  INCOMPLETE: ['REACHABLE', 'STALE', 'FAILED', 'PERMANENT', 'NOARP', 'DELAY', 'PROBE'],
  REACHABLE: ['STALE', 'DELAY', 'FAILED', 'PERMANENT', 'NOARP', 'PROBE'],
  STALE: ['DELAY', 'REACHABLE', 'FAILED', 'PERMANENT', 'NOARP', 'PROBE'],
  DELAY: ['REACHABLE', 'PROBE', 'STALE', 'FAILED', 'PERMANENT', 'NOARP'],
  PROBE: ['REACHABLE', 'FAILED', 'STALE', 'PERMANENT', 'NOARP', 'DELAY'],
  FAILED: ['INCOMPLETE', 'STALE', 'REACHABLE', 'PERMANENT', 'NOARP', 'DELAY', 'PROBE'],
  NOARP: ['PERMANENT', 'STALE', 'REACHABLE', 'FAILED', 'DELAY', 'PROBE', 'INCOMPLETE'],
  PERMANENT: ['STALE', 'REACHABLE', 'FAILED', 'NOARP', 'DELAY', 'PROBE', 'INCOMPLETE'],
};

export class NeighEntry {
  readonly ip: Ip4;
  readonly dev: Device;
  state: NudOrNone = 'NONE';
  ha: Mac | null = null;
  confirmed: Micros;
  updated: Micros;
  used: Micros;
  probes = 0;
  timer: QueueItem | null = null;
  queue: IpPacket[] = [];
  /** Set when an admin command created the entry (probes stay 0). */
  dead = false;

  constructor(ip: Ip4, dev: Device, now: Micros) {
    this.ip = ip;
    this.dev = dev;
    // neigh_alloc: updated = used = now; confirmed "long ago" (now - 2 × base_reachable_time).
    this.updated = now;
    this.used = now;
    this.confirmed = now - 2 * dev.parms.values.base_reachable_time;
  }
}
