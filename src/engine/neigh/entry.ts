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
