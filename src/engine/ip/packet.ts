/**
 * An IPv4 packet between its two forms: the wire fields a frame carries (dotted quads,
 * exactly one payload) and the host's working copy (numbers). Also what a frame of it
 * is called and how long it is on the wire.
 */
import { fmtIp, ip as parseIp } from '../net/ip.ts';
import type { IpPacket } from '../host/model.ts';
import type { FrameKind, IpFields } from '../trace.ts';

/** Ethernet header (no FCS: veth/bridge captures do not show it). */
const ETH = 14;
const IPH = 20;
/** Linux's SYN and SYN-ACK carry MSS, SACK-permitted, timestamps and window scale: 40 bytes of header. */
const TCP_SYN_HDR = 40;
/** Other segments carry the timestamp option (tcp_timestamps=1): 32 bytes of header. */
const TCP_HDR = 32;
const UDP_HDR = 8;
const ICMP_HDR = 8;
/** ping's default payload (56 bytes). */
const PING_DATA = 56;

export function fieldsOf(p: IpPacket): IpFields {
  // Key order matters for byte-identical traces: src, dst, ttl, then the payload.
  const f: IpFields = { src: fmtIp(p.src), dst: fmtIp(p.dst), ttl: p.ttl };
  if (p.icmp) f.icmp = { ...p.icmp };
  else if (p.tcp) f.tcp = { ...p.tcp };
  else if (p.udp) f.udp = { ...p.udp };
  else if (p.inner) f.ipip = fieldsOf(p.inner);
  if (p.confirm) f.confirm = true;
  return f;
}

export function packetOf(f: IpFields, inFrame?: number): IpPacket {
  const p: IpPacket = { src: parseIp(f.src), dst: parseIp(f.dst), ttl: f.ttl };
  if (f.icmp) p.icmp = { ...f.icmp };
  else if (f.tcp) p.tcp = { ...f.tcp };
  else if (f.udp) p.udp = { ...f.udp };
  else if (f.ipip) p.inner = packetOf(f.ipip);
  if (f.confirm) p.confirm = true;
  if (inFrame !== undefined) p.inFrame = inFrame;
  return p;
}

/** Length of the IPv4 datagram (header included). */
export function ipLength(f: IpFields): number {
  if (f.icmp) {
    if (f.icmp.type !== 'dest-unreachable' && f.icmp.type !== 'redirect') return IPH + ICMP_HDR + PING_DATA;
    // An ICMP error quotes the offending datagram: for the echo requests and replies the
    // engine reports, the whole 84-byte datagram (icmp_send quotes up to 576 bytes in
    // all); for TCP and UDP, the header and the 8 bytes that hold the ports.
    return IPH + ICMP_HDR + (f.icmp.quote ? IPH + UDP_HDR : IPH + ICMP_HDR + PING_DATA);
  }
  if (f.tcp) return IPH + (f.tcp.flags.includes('S') ? TCP_SYN_HDR : TCP_HDR) + (f.tcp.data?.length ?? 0);
  if (f.udp) return IPH + UDP_HDR + (f.udp.data?.length ?? 0);
  if (f.ipip) return IPH + ipLength(f.ipip);
  return IPH;
}

export function frameLength(f: IpFields): number {
  return ETH + ipLength(f);
}

export function ipFrameKind(f: IpFields): FrameKind {
  if (f.icmp) {
    const t = f.icmp.type;
    return t === 'echo-request' ? 'icmp-echo-request' : t === 'echo-reply' ? 'icmp-echo-reply' : t === 'redirect' ? 'icmp-redirect' : 'icmp-unreachable';
  }
  if (f.tcp) return 'tcp';
  if (f.udp) return 'udp';
  return 'ipip';
}

/** The transport header of a packet or, for IP-in-IP, of the packet inside. */
export function ports(p: IpPacket): { src: number; dst: number; proto: 'tcp' | 'udp'; pkt: IpPacket } | null {
  const q = p.inner ?? p;
  if (q.tcp) return { src: q.tcp.sport, dst: q.tcp.dport, proto: 'tcp', pkt: q };
  if (q.udp) return { src: q.udp.sport, dst: q.udp.dport, proto: 'udp', pkt: q };
  return null;
}
