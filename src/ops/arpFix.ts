/**
 * The LVS real servers' "ARP fix", as one undoable edit either way. A DR or TUN real server
 * holds the VIP itself (on lo or tunl0) so that it accepts the packets the director passes
 * on; but Linux answers ARP for any local address on any interface (arp_ignore=0, the weak
 * host model), so without more it answers the router's "who-has VIP" and the router may
 * send clients straight to it, past the director. The fix is two sysctls:
 *  - arp_ignore=1: answer only for addresses configured on the interface the request came
 *    in on (arp.c arp_ignore; the value read is max(conf/all, conf/<that interface>), so
 *    setting it on lo alone changes nothing);
 *  - arp_announce=2: never use the VIP as the sender of its own requests (arp_solicit),
 *    which would teach the router the real server's MAC for the VIP just the same.
 * "Off" removes every arp_ignore / arp_announce key of the real servers and keeps the VIP
 * where it is: the classic broken set-up, the VIP on lo and nothing else.
 */
import type { ScenarioV1 } from '../scenario/types.ts';
import { parseCidr } from '../scenario/net.ts';
import { cidrOf, vipFor } from './names.ts';
import type { ScenarioOp } from './op.ts';

export const ARP_FIX_SYSCTLS: readonly [string, number][] = [
  ['net.ipv4.conf.all.arp_ignore', 1],
  ['net.ipv4.conf.all.arp_announce', 2],
];

const ARP_KEY = /^net\.ipv4\.conf\.[^.]+\.arp_(ignore|announce)$/;

/** The hosts the fix is about: the LVS real servers (host kind "real-server"), in scenario order. */
export function realServers(s: ScenarioV1): string[] {
  return Object.keys(s.hosts).filter((h) => s.hosts[h].kind === 'real-server');
}

/** Does `host` have the fix: arp_ignore 1 (or 2) and arp_announce 2 on all, which every interface then reads (max)? */
export function hasArpFix(s: ScenarioV1, host: string): boolean {
  const sc = s.hosts[host]?.sysctls ?? {};
  const ignore = sc['net.ipv4.conf.all.arp_ignore'] ?? 0;
  const announce = sc['net.ipv4.conf.all.arp_announce'] ?? 0;
  // arp_ignore 1 and 2 both keep the VIP (on lo, not on the receiving interface) quiet; 3 only hides scope-host addresses.
  return (ignore === 1 || ignore === 2) && announce === 2;
}

export type ArpFixState = 'none' | 'on' | 'off' | 'mixed';

/** Whether every real server has the fix ('on'), none has ('off'), some have ('mixed'), or there are none. */
export function arpFixState(s: ScenarioV1): ArpFixState {
  const rs = realServers(s);
  if (rs.length === 0) return 'none';
  const n = rs.filter((h) => hasArpFix(s, h)).length;
  return n === rs.length ? 'on' : n === 0 ? 'off' : 'mixed';
}

/** Does the host hold a /32 on lo or tunl0 (its VIP)? */
function holdsVip(s: ScenarioV1, host: string): boolean {
  const ifs = s.hosts[host].interfaces ?? {};
  return ['lo', 'tunl0'].some((dev) => Object.hasOwn(ifs, dev) && (ifs[dev].addresses ?? []).some((a) => parseCidr(cidrOf(a))?.prefix === 32));
}

/**
 * The edit that turns the fix on or off on every real server, as one batch (one undo step).
 * On: arp_ignore=1 and arp_announce=2 on all, and the VIP on lo:0 where a real server holds
 * none. Off: every arp_ignore / arp_announce key removed. Null when there is nothing to change.
 */
export function arpFixOp(s: ScenarioV1, on: boolean): ScenarioOp | null {
  const ops: ScenarioOp[] = [];
  const vip = vipFor(s);
  for (const host of realServers(s)) {
    const sc = s.hosts[host].sysctls ?? {};
    if (on) {
      for (const [key, value] of ARP_FIX_SYSCTLS) if (sc[key] !== value) ops.push({ type: 'setSysctl', host, key, value });
      if (!holdsVip(s, host)) ops.push({ type: 'addAddress', host, dev: 'lo', address: { cidr: `${vip}/32`, label: 'lo:0' } });
    } else {
      for (const k of Object.keys(sc)) if (ARP_KEY.test(k)) ops.push({ type: 'setSysctl', host, key: k, value: null });
    }
  }
  return ops.length ? { type: 'batch', ops, label: on ? 'arp fix on' : 'arp fix off' } : null;
}
