/**
 * UDP (udp_rcv → __udp4_lib_rcv): a datagram for a connected socket reaches it; one for
 * a bound port is answered by the server with its own name, from the address it was
 * sent to; one for a closed port is answered with ICMP port unreachable (icmp_send:
 * the error's source is the address the datagram was sent to).
 */
import { fmtIp } from '../net/ip.ts';
import type { Device, IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import { icmpError, ipSendLocal } from '../ip/output.ts';
import { socketsOf } from './table.ts';

export function udpRcv(w: World, dev: Device, p: IpPacket): void {
  const host = dev.host;
  const u = p.udp!;
  const socks = socketsOf(host);
  const s = socks.find('udp', p, u.sport, u.dport);
  if (s) return s.receive(w, dev, p);
  const who = { from: `${fmtIp(p.src)}:${u.sport}`, to: `${fmtIp(p.dst)}:${u.dport}`, port: u.dport, src: fmtIp(p.dst) };
  if (socks.listener('udp', p.dst, u.dport)) {
    w.decision(p.inFrame ?? null, host, dev, 'udp.rcv', 'accept', 'listener', [], who);
    w.flows?.served(host, p);
    ipSendLocal(w, host, { src: p.dst, dst: p.src, ttl: 64, udp: { sport: u.dport, dport: u.sport, data: `${host.name}\n` } }, null);
    return;
  }
  w.decision(p.inFrame ?? null, host, dev, 'udp.rcv', 'reply', 'no_listener', [], who);
  ipSendLocal(w, host, { src: p.dst, dst: p.src, ttl: 64, icmp: icmpError(p, 3) }, null);
}
