/**
 * Sending IPv4 packets (ip_output → ip_finish_output2 → neigh_output): route, then the
 * neighbour entry of the next hop on the output device, which may queue the packet and
 * start ARP resolution.
 */
import { fmtIp, type Ip4 } from '../net/ip.ts';
import type { Mac } from '../net/mac.ts';
import type { Device, Host, IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import { routeOutput } from '../route/output.ts';
import { neighCreate, neighOutput } from '../neigh/machine.ts';
import type { NeighEntry } from '../neigh/entry.ts';
import { transmit } from '../l2/bridge.ts';
import { ipLocalDeliver } from './input.ts';
import { fieldsOf, ipFrameKind } from './packet.ts';
import { sockUnreachable } from '../sock/table.ts';
import type { IcmpFields } from '../trace.ts';
import { exceptionNexthop } from './redirect.ts';

export function xmitResolved(w: World, dev: Device, mac: Mac, pkt: IpPacket): void {
  const ip = fieldsOf(pkt);
  const frame = w.newFrame(dev.mac, mac, { ip });
  transmit(w, dev, frame, ipFrameKind(ip));
}

/** Hands a packet to the neighbour layer of `dev` for next hop `nh`. */
export function neighXmit(w: World, dev: Device, nh: Ip4, pkt: IpPacket): void {
  if (dev.noarp) {
    ipLocalDeliver(w, dev, pkt);
    return;
  }
  const n = neighCreate(w, dev, nh);
  // sock_confirm_neigh: a packet carrying dst_pending_confirm confirms the next hop
  // (neigh_confirm: only the timestamp; the DELAY timer then finds it fresh).
  if (pkt.confirm) n.confirmed = w.now;
  const mac = neighOutput(w, n, pkt);
  if (mac) xmitResolved(w, dev, mac, pkt);
}

export type SendResult = { ok: true } | { ok: false; message: string };

/** Routes and sends a locally generated packet (source already chosen or bound). */
export function ipSendLocal(w: World, host: Host, pkt: IpPacket, oif: Device | null): SendResult {
  const r = routeOutput(host, pkt.dst, pkt.src, oif);
  if (!r.ok) {
    w.decision(null, host, oif, 'ip_output.no_route', 'drop', r.reason, [], { dst: fmtIp(pkt.dst), type: r.rtype });
    return { ok: false, message: r.message };
  }
  if (!pkt.src) pkt.src = r.src;
  if (r.local) {
    const lo = r.dev;
    w.after(1, () => ipLocalDeliver(w, lo, pkt));
    return { ok: true };
  }
  neighXmit(w, r.dev, r.route ? exceptionNexthop(w, r.route, pkt.dst, r.nexthop) : r.nexthop, pkt);
  return { ok: true };
}

/**
 * neigh_invalidate's error report (arp_error_report → ipv4_link_failure): a local sender
 * learns "Destination Host Unreachable" directly; a forwarded packet's sender gets an ICMP
 * host unreachable from this host (icmp_send; never about another ICMP error).
 */
export function reportUnreachable(w: World, n: NeighEntry, pkts: IpPacket[]): void {
  const host = n.dev.host;
  for (const pkt of pkts) {
    const local = host.isLocal(pkt.src);
    const isError = pkt.icmp?.type === 'dest-unreachable' || pkt.icmp?.type === 'redirect';
    if (w.traceDetail) {
      w.decision(null, host, n.dev, 'neigh.failed', 'drop', isError ? 'error_packet' : local ? 'local_sender' : 'remote_sender', [], { ip: fmtIp(n.ip), dst: fmtIp(pkt.dst), src: fmtIp(pkt.src) });
    }
    if (isError) continue;
    if (local) {
      if (pkt.icmp?.type === 'echo-request') w.pings.get(`${host.name}:${pkt.icmp.id}`)?.onError(pkt, fmtIp(pkt.src));
      else sockUnreachable(w, host, pkt);
      continue;
    }
    const err: IpPacket = { src: 0, dst: pkt.src, ttl: 64, icmp: icmpError(pkt, 1) };
    ipSendLocal(w, host, err, null);
  }
}

/** An ICMP destination-unreachable body about `pkt` (it quotes the echo's id/seq, or the TCP/UDP ports). */
export function icmpError(pkt: IpPacket, code: number): IcmpFields {
  const t = pkt.tcp ?? pkt.udp;
  if (t) return { type: 'dest-unreachable', code, id: 0, seq: 0, about: fmtIp(pkt.dst), quote: { proto: pkt.tcp ? 'tcp' : 'udp', sport: t.sport, dport: t.dport } };
  return { type: 'dest-unreachable', code, id: pkt.icmp?.id ?? 0, seq: pkt.icmp?.seq ?? 0, about: fmtIp(pkt.dst) };
}
