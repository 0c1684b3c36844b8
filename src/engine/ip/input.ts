/**
 * Receiving IPv4 (ip_rcv → ip_route_input → ip_local_deliver / ip_forward) with the
 * netfilter hooks IPVS uses: LOCAL_IN (ip_vs_in: a packet for a virtual service is
 * scheduled and sent on to a real server) and FORWARD (ip_vs_out: a NAT real server's
 * reply gets the virtual address back). Local delivery by protocol: ICMP echo
 * (icmp_echo → icmp_reply: the reply's source is the address that was pinged), TCP, UDP,
 * and IP-in-IP (ipip_rcv: the inner packet is received again on tunl0).
 */
import { fmtIp } from '../net/ip.ts';
import type { Device, IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { CHECK_FAIL, Frame } from '../trace.ts';
import { routeInput } from '../route/input.ts';
import { nexthopAddr } from '../route/route.ts';
import { ipSendLocal, neighXmit } from './output.ts';
import { exceptionNexthop, maybeSendRedirect, receiveRedirect } from './redirect.ts';
import type { PktType } from '../host/rx.ts';
import { packetOf } from './packet.ts';
import { tcpRcv } from '../sock/tcp.ts';
import { udpRcv } from '../sock/udp.ts';
import { sockError } from '../sock/table.ts';
import { ipvsIn, ipvsOut } from '../ipvs/core.ts';

export function ipRcv(w: World, dev: Device, frame: Frame, pkt: PktType): void {
  const host = dev.host;
  if (pkt === 'otherhost') {
    w.decision(frame.id, host, dev, 'ip_rcv.otherhost', 'drop', 'otherhost', [], { dst: frame.dst });
    return;
  }
  const p = packetOf(frame.ip!, frame.id);
  w.flows?.seen(host, p);
  ipRcvPacket(w, dev, p);
}

/** ip_rcv_finish onwards, for a packet that arrived on `dev` (from the wire or from a tunnel). */
function ipRcvPacket(w: World, dev: Device, p: IpPacket): void {
  const host = dev.host;
  const frameId = p.inFrame ?? null;
  const rt = routeInput(dev, p.dst, p.src, false);
  if (rt.kind === 'local') {
    // NF_INET_LOCAL_IN: ip_vs_in takes packets for a virtual service (or of a connection
    // it already tracks) before the local stack sees them.
    if (host.ipvs && ipvsIn(w, host.ipvs, dev, p)) return;
    ipLocalDeliver(w, dev, p);
    return;
  }
  if (rt.kind === 'forward') {
    if (p.ttl <= 1) {
      w.decision(frameId, host, dev, 'ip_input.forward', 'drop', 'ttl', [rt.forwarding], { dst: fmtIp(p.dst) });
      return;
    }
    w.decision(frameId, host, dev, 'ip_input.forward', 'forward', 'forward', [rt.forwarding], { dst: fmtIp(p.dst), out: rt.out.name });
    // ip_forward: a redirect goes out before the packet does.
    maybeSendRedirect(w, dev, p, rt.route, rt.out, rt.validation);
    const fwd: IpPacket = { ...p, ttl: p.ttl - 1 };
    // NF_INET_FORWARD: ip_vs_out gives a NAT real server's reply the virtual address back.
    if (host.ipvs) ipvsOut(w, host.ipvs, dev, fwd);
    neighXmit(w, rt.out, exceptionNexthop(w, rt.route, fwd.dst, nexthopAddr(rt.route, fwd.dst)), fwd);
    return;
  }
  if (rt.kind === 'error' && rt.validation && rt.validation.settings[0]?.value) {
    const v = rt.validation;
    w.decision(frameId, host, dev, 'ip_input.rp_filter', 'drop', v.code as (typeof CHECK_FAIL)[number], v.settings, { sip: fmtIp(p.src), via: v.via ?? undefined });
    return;
  }
  w.decision(frameId, host, dev, 'ip_input.no_route', 'drop', rt.code, rt.settings, { sip: fmtIp(p.src), dst: fmtIp(p.dst), type: rt.kind === 'error' ? rt.rtype : undefined });
}

export function ipLocalDeliver(w: World, dev: Device, p: IpPacket): void {
  if (p.tcp) return tcpRcv(w, dev, p);
  if (p.udp) return udpRcv(w, dev, p);
  if (p.inner) return ipipRcv(w, dev, p);
  const host = dev.host;
  const icmp = p.icmp!;
  if (icmp.type === 'echo-request') {
    if (w.traceDetail) w.decision(p.inFrame ?? null, host, dev, 'ip_input.local', 'accept', 'echo_request', [], { src: fmtIp(p.src), dst: fmtIp(p.dst) });
    const reply: IpPacket = { src: p.dst, dst: p.src, ttl: 64, icmp: { type: 'echo-reply', id: icmp.id, seq: icmp.seq } };
    ipSendLocal(w, host, reply, null);
    return;
  }
  if (icmp.quote) {
    // An error about a TCP segment or UDP datagram goes to its socket (tcp_v4_err, __udp4_lib_err).
    sockError(w, host, p);
    return;
  }
  const s = w.pings.get(`${host.name}:${icmp.id}`);
  if (icmp.type === 'redirect') {
    // icmp_err (an echo reply we sent) or ping_err (an echo request of a running ping).
    if (icmp.quoted === 'echo-reply' || s) receiveRedirect(w, dev, p);
    return;
  }
  if (!s) return;
  if (!s.accepts(dev)) {
    w.decision(p.inFrame ?? null, host, dev, 'ping.reply', 'drop', icmp.type === 'dest-unreachable' ? 'bound_dev_error' : 'bound_dev_reply', [], { bound: s.boundDev ?? undefined });
    return;
  }
  if (icmp.type === 'dest-unreachable') s.onError(p, fmtIp(p.src));
  else s.onReply(p);
}

/**
 * ipip_rcv (net/ipv4/ipip.c): a protocol-4 packet for a local address is decapsulated
 * and the inner packet is received on the tunnel device — tunl0, the fallback device
 * that takes packets of any outer source. Without it (no ipip module) the packet is
 * dropped. The inner packet then meets tunl0's own checks, rp_filter among them.
 */
function ipipRcv(w: World, dev: Device, p: IpPacket): void {
  const host = dev.host;
  const tunl = host.dev('tunl0');
  const outer = { src: fmtIp(p.src), dst: fmtIp(p.dst) };
  if (!tunl || !tunl.tunnel || !tunl.up) {
    w.decision(p.inFrame ?? null, host, dev, 'ipip.rcv', 'drop', tunl ? 'tunl0_down' : 'no_tunl0', [], outer);
    return;
  }
  const inner: IpPacket = { ...p.inner! };
  if (p.inFrame !== undefined) inner.inFrame = p.inFrame;
  w.decision(p.inFrame ?? null, host, tunl, 'ipip.rcv', 'accept', 'decap', [], { ...outer, inner_src: fmtIp(inner.src), inner_dst: fmtIp(inner.dst) });
  ipRcvPacket(w, tunl, inner);
}
