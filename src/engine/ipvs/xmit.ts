/**
 * The three transmitters (ip_vs_xmit.c). Each routes to the real server's address,
 * lowers the TTL (decrement_ttl) and marks the packet as IPVS's own (ipvs_property):
 * - DR (ip_vs_dr_xmit, IP_VS_RT_MODE_KNOWN_NH): the packet unchanged, to the real
 *   server's MAC — the director's neighbour entry for the RIP, so it ARPs for it;
 * - TUN (ip_vs_tunnel_xmit): the packet inside a new IPv4 header (protocol 4) from the
 *   director's source address for the route to the RIP;
 * - NAT (ip_vs_nat_xmit): the destination rewritten to RIP:port.
 */
import { fmtIp } from '../net/ip.ts';
import type { Device, Host, IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import { routeOutput } from '../route/output.ts';
import { neighXmit } from '../ip/output.ts';
import { ipLocalDeliver } from '../ip/input.ts';
import type { Conn } from './state.ts';
import { connName } from './conn.ts';

export function ipvsXmit(w: World, host: Host, dev: Device, cp: Conn, p: IpPacket): void {
  const r = routeOutput(host, cp.daddr);
  // Explanations are built only when the trace records them (the bench runs without).
  const base = () => ({ conn: connName(cp), method: cp.fwd, rs: fmtIp(cp.daddr) });
  const say = w.traceDetail;
  if (!r.ok) {
    if (say) w.decision(p.inFrame ?? null, host, dev, 'ip_vs.xmit', 'drop', 'no_route', [], base());
    return;
  }
  if (r.local) {
    // The real server is this host (LOCALNODE): the packet goes to the local stack.
    if (say) w.decision(p.inFrame ?? null, host, dev, 'ip_vs.xmit', 'deliver', 'local_node', [], base());
    ipLocalDeliver(w, dev, cp.fwd === 'nat' ? natDst(cp, p) : p);
    return;
  }
  if (p.ttl <= 1) {
    if (say) w.decision(p.inFrame ?? null, host, dev, 'ip_vs.xmit', 'drop', 'ttl', [], base());
    return;
  }
  const out = r.dev;
  if (cp.fwd === 'dr') {
    const q: IpPacket = { ...p, ttl: p.ttl - 1, ipvsDone: true };
    if (say) w.decision(p.inFrame ?? null, host, out, 'ip_vs.xmit', 'forward', 'dr', [], { ...base(), out: out.name, nexthop: fmtIp(cp.daddr), dst: fmtIp(p.dst) });
    neighXmit(w, out, cp.daddr, q);
    return;
  }
  if (cp.fwd === 'tun') {
    const inner: IpPacket = { ...p, ttl: p.ttl - 1 };
    delete inner.inFrame;
    const q: IpPacket = { src: r.src, dst: cp.daddr, ttl: inner.ttl, inner, ipvsDone: true };
    // The outer header is pushed onto the same skb: its flags (dst_pending_confirm) stay.
    if (p.confirm) q.confirm = true;
    if (say) w.decision(p.inFrame ?? null, host, out, 'ip_vs.xmit', 'forward', 'tun', [], { ...base(), out: out.name, src: fmtIp(r.src), nexthop: fmtIp(r.nexthop) });
    neighXmit(w, out, r.nexthop, q);
    return;
  }
  const q = natDst(cp, { ...p, ttl: p.ttl - 1, ipvsDone: true });
  if (say) w.decision(p.inFrame ?? null, host, out, 'ip_vs.xmit', 'forward', 'nat', [], { ...base(), out: out.name, nexthop: fmtIp(r.nexthop), vip: `${fmtIp(cp.vaddr)}:${cp.vport}`, to: `${fmtIp(cp.daddr)}:${cp.dport}` });
  neighXmit(w, out, r.nexthop, q);
}

/** tcp_dnat_handler / udp_dnat_handler: the destination becomes the real server's. */
function natDst(cp: Conn, p: IpPacket): IpPacket {
  const q: IpPacket = { ...p, dst: cp.daddr };
  if (q.tcp) q.tcp = { ...q.tcp, dport: cp.dport };
  if (q.udp) q.udp = { ...q.udp, dport: cp.dport };
  return q;
}
