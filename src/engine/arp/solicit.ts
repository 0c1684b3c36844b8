/**
 * arp_solicit (arp.c): the kernel's own requests. The sender IP follows arp_announce
 * (max of all and the outgoing device) and the most recently queued packet; broadcast
 * while resolving (INCOMPLETE), unicast to the cached MAC while re-probing (PROBE).
 */
import { fmtIp, type Ip4 } from '../net/ip.ts';
import { effective, describeSetting } from '../host/conf.ts';
import { addrOnlink, selectAddr } from '../host/addr.ts';
import { SCOPE, type IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { NeighEntry } from '../neigh/entry.ts';
import { arpSend } from './send.ts';

export function arpSolicit(w: World, n: NeighEntry, pkt: IpPacket | null): void {
  const dev = n.dev;
  const host = dev.host;
  const target = n.ip;
  const ann = effective(host.conf.all, dev.conf, dev.name, 'arp_announce');
  let saddr: Ip4 = 0;
  let why: string;
  const psrc = pkt ? fmtIp(pkt.src) : null;
  switch (ann.value) {
    case 1:
      if (!pkt) {
        why = 'no packet is waiting (a re-probe), so the address is selected';
        break;
      }
      if (host.isLocal(pkt.src) && addrOnlink(dev, target, pkt.src)) {
        saddr = pkt.src;
        why = `the waiting packet's source ${psrc} is in a subnet of ${dev.name} that also holds ${fmtIp(target)}`;
      } else {
        why = `the waiting packet's source ${psrc} shares no subnet of ${dev.name} with ${fmtIp(target)}, so the address is selected`;
      }
      break;
    case 2:
      why = 'always select the best address of the outgoing interface';
      break;
    default:
      if (pkt && host.isLocal(pkt.src)) {
        saddr = pkt.src;
        why = `announce the waiting packet's source ${psrc} (any local address)`;
      } else {
        why = pkt ? `the waiting packet's source ${psrc} is not local, so the address is selected` : 'no packet is waiting (a re-probe), so the address is selected';
      }
  }
  if (!saddr) saddr = selectAddr(dev, target, SCOPE.link);
  const p = dev.parms.values;
  const unicast = n.probes - p.ucast_solicit < 0;
  if (!unicast && n.probes - p.ucast_solicit - p.app_solicit < 0) return; // app_solicit: user-space daemon
  const sip = fmtIp(saddr);
  const f = arpSend(w, dev, 1, unicast ? n.ha : null, saddr, target, null, unicast ? 'arp-probe' : 'arp-request');
  w.decision(f ? f.id : null, host, dev, 'arp_announce', 'choose', [ann], { ip: fmtIp(target), sip, dev: dev.name, value: ann.value },
    `${dev.id} asks who-has ${fmtIp(target)} tell ${sip}: ${describeSetting(ann)}; ${why}`);
}
