/**
 * Receiving IPv4 (ip_rcv → ip_route_input → ip_local_deliver / ip_forward) and ICMP echo
 * (icmp_echo → icmp_reply: the reply's source is the address that was pinged).
 */
import { fmtIp } from '../net/ip.ts';
import type { Device, IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { CHECK_FAIL, Frame } from '../trace.ts';
import { routeInput } from '../route/input.ts';
import { nexthopAddr } from '../route/route.ts';
import { exceptionNexthop, maybeSendRedirect, receiveRedirect } from './redirect.ts';
import { ipSendLocal, neighXmit } from './output.ts';
import type { PktType } from '../host/rx.ts';
import { ip as parseIp } from '../net/ip.ts';

export function ipRcv(w: World, dev: Device, frame: Frame, pkt: PktType): void {
  const host = dev.host;
  if (pkt === 'otherhost') {
    w.decision(frame.id, host, dev, 'ip_rcv.otherhost', 'drop', 'otherhost', [], { dst: frame.dst });
    return;
  }
  const f = frame.ip!;
  const p: IpPacket = { src: parseIp(f.src), dst: parseIp(f.dst), ttl: f.ttl, icmp: { ...f.icmp }, inFrame: frame.id };
  const rt = routeInput(dev, p.dst, p.src, false);
  if (rt.kind === 'local') {
    ipLocalDeliver(w, dev, p);
    return;
  }
  if (rt.kind === 'forward') {
    if (p.ttl <= 1) {
      w.decision(frame.id, host, dev, 'ip_input.forward', 'drop', 'ttl', [rt.forwarding], { dst: f.dst });
      return;
    }
    w.decision(frame.id, host, dev, 'ip_input.forward', 'forward', 'forward', [rt.forwarding], { dst: f.dst, out: rt.out.name });
    // ip_forward: a redirect goes out before the packet does.
    maybeSendRedirect(w, dev, p, rt.route, rt.out, rt.validation);
    const fwd: IpPacket = { ...p, ttl: p.ttl - 1 };
    neighXmit(w, rt.out, exceptionNexthop(w, rt.route, p.dst, nexthopAddr(rt.route, p.dst)), fwd);
    return;
  }
  if (rt.kind === 'error' && rt.validation && rt.validation.settings[0]?.value) {
    const v = rt.validation;
    w.decision(frame.id, host, dev, 'ip_input.rp_filter', 'drop', v.code as (typeof CHECK_FAIL)[number], v.settings, { sip: f.src, via: v.via ?? undefined });
    return;
  }
  w.decision(frame.id, host, dev, 'ip_input.no_route', 'drop', rt.code, rt.settings, { sip: f.src, dst: f.dst, type: rt.kind === 'error' ? rt.rtype : undefined });
}

export function ipLocalDeliver(w: World, dev: Device, p: IpPacket): void {
  const host = dev.host;
  if (p.icmp.type === 'echo-request') {
    if (w.traceDetail) w.decision(p.inFrame ?? null, host, dev, 'ip_input.local', 'accept', 'echo_request', [], { src: fmtIp(p.src), dst: fmtIp(p.dst) });
    const reply: IpPacket = { src: p.dst, dst: p.src, ttl: 64, icmp: { type: 'echo-reply', id: p.icmp.id, seq: p.icmp.seq } };
    ipSendLocal(w, host, reply, null);
    return;
  }
  const s = w.pings.get(`${host.name}:${p.icmp.id}`);
  if (p.icmp.type === 'redirect') {
    // icmp_err (an echo reply we sent) or ping_err (an echo request of a running ping).
    if (p.icmp.quoted === 'echo-reply' || s) receiveRedirect(w, dev, p);
    return;
  }
  if (!s) return;
  if (!s.accepts(dev)) {
    w.decision(p.inFrame ?? null, host, dev, 'ping.reply', 'drop', p.icmp.type === 'dest-unreachable' ? 'bound_dev_error' : 'bound_dev_reply', [], { bound: s.boundDev ?? undefined });
    return;
  }
  if (p.icmp.type === 'dest-unreachable') s.onError(p, fmtIp(p.src));
  else s.onReply(p);
}
