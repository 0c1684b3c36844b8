/**
 * What the palette adds: a Linux host, a router (forwarding on), a switch (segment), and
 * the LVS roles with their usual configuration:
 *  - client: a plain host marked as the client;
 *  - director: eth0 with the VIP as eth0:0 (the address clients send to);
 *  - real server: the VIP on lo:0 (/32, so it makes no connected route), and
 *    arp_ignore=1 / arp_announce=2 on all, so it neither answers ARP for the VIP nor
 *    announces it (the LVS-DR "ARP problem"; arpFix.ts);
 *  - real server without the fix: the VIP on lo:0 only, which answers ARP for the VIP on
 *    eth0 all the same (arp_ignore=0): the set-up that shows the problem.
 * Interfaces that connect to segments are created when the user links the host.
 */
import type { HostKind } from '../engine/index.ts';
import type { HostV1, ScenarioV1 } from '../scenario/types.ts';
import type { ScenarioOp } from './op.ts';
import { freshMac, nextName, usedMacs, vipFor } from './names.ts';
import { ARP_FIX_SYSCTLS } from './arpFix.ts';

export const PALETTE_KINDS = ['host', 'router', 'switch', 'client', 'director', 'real-server', 'real-server-nofix'] as const;
export type PaletteKind = (typeof PALETTE_KINDS)[number];

/** Name prefixes: H1, R1, sw1, C1, DR1, RS1. */
export const NAME_PREFIX: Record<PaletteKind, string> = {
  host: 'H', router: 'R', switch: 'sw', client: 'C', director: 'DR', 'real-server': 'RS', 'real-server-nofix': 'RS',
};

/** The host a palette item creates (not for `switch`). */
export function hostTemplate(s: ScenarioV1, kind: Exclude<PaletteKind, 'switch'>): HostV1 {
  switch (kind) {
    case 'host':
      return {};
    case 'router':
      return { kind: 'router', sysctls: { 'net.ipv4.ip_forward': 1 } };
    case 'client':
      return { kind: 'client' };
    case 'director': {
      const mac = freshMac(usedMacs(s), Object.keys(s.hosts).length, 0);
      return { kind: 'director', interfaces: { eth0: { mac, addresses: [{ cidr: `${vipFor(s)}/32`, label: 'eth0:0' }] } } };
    }
    case 'real-server':
      return { ...hostTemplate(s, 'real-server-nofix'), sysctls: Object.fromEntries(ARP_FIX_SYSCTLS) };
    case 'real-server-nofix':
      return { kind: 'real-server', interfaces: { lo: { addresses: [{ cidr: `${vipFor(s)}/32`, label: 'lo:0' }] } } };
  }
}

/** The op that adds a palette item at `at` (canvas coordinates), and the new node's name. */
export function addFromPalette(s: ScenarioV1, kind: PaletteKind, at: { x: number; y: number }): { op: ScenarioOp; name: string } {
  const name = nextName(s, NAME_PREFIX[kind]);
  const pos = { x: Math.round(at.x), y: Math.round(at.y) };
  if (kind === 'switch') return { op: { type: 'addSegment', name, at: pos }, name };
  return { op: { type: 'addHost', name, host: hostTemplate(s, kind), at: pos }, name };
}

export const HOST_KIND_OPTIONS: readonly HostKind[] = ['host', 'router', 'client', 'director', 'real-server'];
