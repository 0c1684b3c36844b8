/**
 * arp_solicit (arp.c): the kernel's own requests. The sender IP follows arp_announce
 * (max of all and the outgoing device) and the most recently queued packet; broadcast
 * while resolving (INCOMPLETE), unicast to the cached MAC while re-probing (PROBE).
 */
import { fmtIp, type Ip4 } from '../net/ip.ts';
import { effective } from '../host/conf.ts';
import type { ANNOUNCE_REASONS, DecisionParams } from '../trace.ts';
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
  let why: (typeof ANNOUNCE_REASONS)[number];
  switch (ann.value) {
    case 1:
      if (!pkt) why = 'no_packet';
      else if (host.isLocal(pkt.src) && addrOnlink(dev, target, pkt.src)) {
        saddr = pkt.src;
        why = 'src_onlink';
      } else why = 'src_not_onlink';
      break;
    case 2:
      why = 'best_of_dev';
      break;
    default:
      if (pkt && host.isLocal(pkt.src)) {
        saddr = pkt.src;
        why = 'src_local';
      } else why = pkt ? 'src_not_local' : 'no_packet';
  }
  if (!saddr) saddr = selectAddr(dev, target, SCOPE.link);
  const p = dev.parms.values;
  const unicast = n.probes - p.ucast_solicit < 0;
  if (!unicast && n.probes - p.ucast_solicit - p.app_solicit < 0) return; // app_solicit: user-space daemon
  const f = arpSend(w, dev, 1, unicast ? n.ha : null, saddr, target, null, unicast ? 'arp-probe' : 'arp-request');
  if (!w.traceDetail) return;
  // The frame already carries both addresses as text.
  const params: DecisionParams = f ? { ip: f.arp!.tpa, sip: f.arp!.spa } : { ip: fmtIp(target), sip: fmtIp(saddr) };
  if (pkt) params.src = fmtIp(pkt.src);
  w.decision(f ? f.id : null, host, dev, 'arp_announce', 'choose', why, [ann], params);
}
