/**
 * A frame of the engine's trace as the exact bytes a capture would hold.
 *
 * ARP: Ethernet II + RFC 826 payload, 42 bytes (spec §9.1). Kernel-built frames are 42
 * bytes; a physical NIC pads them with zeros to the 60-byte Ethernet minimum on the wire,
 * while veth links and bridges (the lab, and the recordings) do not pad. `pad60` chooses.
 *
 * ICMP echo: Ethernet + 20-byte IPv4 header + 8-byte ICMP header + 56 bytes of iputils ping
 * data = 98 bytes, with correct IPv4 and ICMP checksums.
 */
import type { Frame, IcmpFields, IpFields } from '../engine/index.ts';
import { ipv4Bytes, macBytes } from './addresses.ts';
import { internetChecksum } from './checksum.ts';
import { PING_DATA_LEN, pingPayload } from './pingPayload.ts';

export const ETH_HEADER_LEN = 14;
export const ARP_FRAME_LEN = 42;
/** Ethernet minimum without the FCS (captures never include the FCS). */
export const MIN_FRAME_LEN = 60;
export const IPV4_HEADER_LEN = 20;
export const ICMP_HEADER_LEN = 8;
export const ICMP_ECHO_FRAME_LEN = ETH_HEADER_LEN + IPV4_HEADER_LEN + ICMP_HEADER_LEN + PING_DATA_LEN;

export const ETHERTYPE_ARP = 0x0806;
export const ETHERTYPE_IPV4 = 0x0800;

export interface FrameBytesOptions {
  /** Pad to 60 bytes with zeros, as a physical Ethernet NIC does ("the wire would pad"). */
  pad60?: boolean;
  /**
   * Send time of the echo request, in microseconds since the Unix epoch, written into the
   * ping data as iputils does. For a reply, the time of the request it answers (a reply
   * echoes the request's data). Default 0.
   */
  echoTimeMicros?: number;
}

/** The frame's bytes. Throws if the frame is inconsistent (an ethertype without its payload). */
export function frameBytes(frame: Frame, options: FrameBytesOptions = {}): Uint8Array {
  let payload: Uint8Array;
  if (frame.ethertype === ETHERTYPE_ARP && frame.arp) payload = arpPayload(frame.arp);
  else if (frame.ethertype === ETHERTYPE_IPV4 && frame.ip) payload = ipv4Datagram(frame.ip, options.echoTimeMicros ?? 0);
  else throw new Error(`frame ${frame.id}: ethertype 0x${frame.ethertype.toString(16)} without its ${frame.ethertype === ETHERTYPE_ARP ? 'arp' : 'ip'} fields`);
  const unpadded = ETH_HEADER_LEN + payload.length;
  // The trace states the wire length; a disagreement means this file and the engine drifted.
  if (unpadded !== frame.length) throw new Error(`frame ${frame.id}: the trace says ${frame.length} bytes, the fields make ${unpadded}`);
  const out = new Uint8Array(options.pad60 ? Math.max(unpadded, MIN_FRAME_LEN) : unpadded);
  out.set(macBytes(frame.dst), 0);
  out.set(macBytes(frame.src), 6);
  writeU16(out, 12, frame.ethertype);
  out.set(payload, ETH_HEADER_LEN);
  return out;
}

/** RFC 826 payload for Ethernet/IPv4 (28 bytes). */
function arpPayload(a: NonNullable<Frame['arp']>): Uint8Array {
  const p = new Uint8Array(28);
  writeU16(p, 0, 1); // htype: Ethernet
  writeU16(p, 2, ETHERTYPE_IPV4); // ptype
  p[4] = 6; // hlen
  p[5] = 4; // plen
  writeU16(p, 6, a.op);
  p.set(macBytes(a.sha), 8);
  p.set(ipv4Bytes(a.spa), 14);
  p.set(macBytes(a.tha), 18);
  p.set(ipv4Bytes(a.tpa), 24);
  return p;
}

const IP_DF = 0x4000;
const PROTO_ICMP = 1;
const PROTO_IPIP = 4;
const PROTO_TCP = 6;
const PROTO_UDP = 17;

function ipv4Datagram(ip: IpFields, echoTimeMicros: number): Uint8Array {
  if (ip.icmp) {
    const t = ip.icmp.type;
    return t === 'dest-unreachable' || t === 'redirect' ? ipv4Error(ip, ip.icmp, echoTimeMicros) : ipv4Echo(ip, ip.icmp, echoTimeMicros);
  }
  if (ip.ipip) return ipv4Wrap(ip, PROTO_IPIP, ipv4Datagram(ip.ipip, echoTimeMicros));
  if (ip.tcp) return ipv4Wrap(ip, PROTO_TCP, tcpSegment(ip, ip.tcp));
  if (ip.udp) return ipv4Wrap(ip, PROTO_UDP, udpDatagram(ip, ip.udp));
  throw new Error(`an IPv4 packet ${ip.src} > ${ip.dst} without a payload`);
}

/** An IPv4 header (DF set, as Linux sends TCP, UDP and tunnelled packets with PMTU discovery) before `body`. */
function ipv4Wrap(ip: IpFields, proto: number, body: Uint8Array): Uint8Array {
  const p = new Uint8Array(IPV4_HEADER_LEN + body.length);
  p[0] = 0x45;
  writeU16(p, 2, p.length);
  writeU16(p, 4, ipIdent(ip));
  writeU16(p, 6, IP_DF);
  p[8] = ip.ttl;
  p[9] = proto;
  p.set(ipv4Bytes(ip.src), 12);
  p.set(ipv4Bytes(ip.dst), 16);
  writeU16(p, 10, internetChecksum(p, 0, IPV4_HEADER_LEN));
  p.set(body, IPV4_HEADER_LEN);
  return p;
}

/** The TCP/UDP checksum over the pseudo-header (addresses, protocol, length) and the segment. */
function transportChecksum(ip: IpFields, proto: number, seg: Uint8Array): number {
  const b = new Uint8Array(12 + seg.length);
  b.set(ipv4Bytes(ip.src), 0);
  b.set(ipv4Bytes(ip.dst), 4);
  b[9] = proto;
  writeU16(b, 10, seg.length);
  b.set(seg, 12);
  return internetChecksum(b, 0, b.length);
}

const TCP_FLAG_BITS: Record<string, number> = { F: 0x01, S: 0x02, R: 0x04, P: 0x08, '.': 0x10 };

/**
 * A TCP segment as Linux sends one: SYN and SYN-ACK with MSS 1460, SACK-permitted,
 * timestamps and window scale 7 (40-byte header), other segments with timestamps (32).
 */
function tcpSegment(ip: IpFields, t: NonNullable<IpFields['tcp']>): Uint8Array {
  const syn = t.flags.includes('S');
  const hdr = syn ? 40 : 32;
  const data = new TextEncoder().encode(t.data ?? '');
  const p = new Uint8Array(hdr + data.length);
  writeU16(p, 0, t.sport);
  writeU16(p, 2, t.dport);
  writeU32(p, 4, t.seq);
  writeU32(p, 8, t.flags.includes('.') ? t.ack : 0);
  let bits = 0;
  for (const c of t.flags) bits |= TCP_FLAG_BITS[c] ?? 0;
  p[12] = (hdr / 4) << 4;
  p[13] = bits;
  writeU16(p, 14, 64240);
  if (syn) p.set([2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 7], 20); // MSS, SACK_PERM, TS, NOP, WS
  else p.set([1, 1, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0], 20); // NOP, NOP, TS
  p.set(data, hdr);
  writeU16(p, 16, transportChecksum(ip, PROTO_TCP, p));
  return p;
}

function udpDatagram(ip: IpFields, u: NonNullable<IpFields['udp']>): Uint8Array {
  const data = new TextEncoder().encode(u.data ?? '');
  const p = new Uint8Array(8 + data.length);
  writeU16(p, 0, u.sport);
  writeU16(p, 2, u.dport);
  writeU16(p, 4, p.length);
  p.set(data, 8);
  writeU16(p, 6, transportChecksum(ip, PROTO_UDP, p) || 0xffff);
  return p;
}

/** What an ICMP error about a TCP segment or UDP datagram quotes: its IPv4 header and first 8 bytes (the ports). */
function quotedHeader(ip: IpFields, q: NonNullable<IcmpFields['quote']>): Uint8Array {
  const body = q.proto === 'tcp' ? tcpSegment(ip, { sport: q.sport, dport: q.dport, flags: 'S', seq: 0, ack: 0 }) : udpDatagram(ip, q);
  return ipv4Wrap(ip, q.proto === 'tcp' ? PROTO_TCP : PROTO_UDP, body).slice(0, IPV4_HEADER_LEN + 8);
}

function writeU32(b: Uint8Array, at: number, v: number): void {
  writeU16(b, at, (v >>> 16) & 0xffff);
  writeU16(b, at + 2, v & 0xffff);
}
const ICMP_ECHO_REQUEST = 8;
const ICMP_ECHO_REPLY = 0;

/** IPv4 header + ICMP echo, as Linux and iputils ping build them. */
function ipv4Echo(ip: IpFields, icmp: IcmpFields, echoTimeMicros: number): Uint8Array {
  const icmpLen = ICMP_HEADER_LEN + PING_DATA_LEN;
  const p = new Uint8Array(IPV4_HEADER_LEN + icmpLen);
  const request = icmp.type === 'echo-request';
  p[0] = 0x45; // version 4, IHL 5 words
  p[1] = 0; // TOS
  writeU16(p, 2, p.length);
  writeU16(p, 4, ipIdent(ip));
  // ping's socket asks for path-MTU discovery (DF); the kernel's ICMP reply socket does not.
  writeU16(p, 6, request ? IP_DF : 0);
  p[8] = ip.ttl;
  p[9] = PROTO_ICMP;
  p.set(ipv4Bytes(ip.src), 12);
  p.set(ipv4Bytes(ip.dst), 16);
  writeU16(p, 10, internetChecksum(p, 0, IPV4_HEADER_LEN));

  const o = IPV4_HEADER_LEN;
  p[o] = request ? ICMP_ECHO_REQUEST : ICMP_ECHO_REPLY;
  p[o + 1] = 0; // code
  writeU16(p, o + 4, icmp.id);
  writeU16(p, o + 6, icmp.seq);
  p.set(pingPayload(echoTimeMicros), o + ICMP_HEADER_LEN);
  writeU16(p, o + 2, internetChecksum(p, o, p.length));
  return p;
}

const ICMP_DEST_UNREACH = 3;
const ICMP_REDIRECT = 5;

/**
 * ICMP destination unreachable (icmp_send): IPv4 header (TOS 0xc0, as Linux sends ICMP
 * errors) + type 3, the code, 4 unused bytes, then the whole offending echo request as the
 * router held it (TTL already decremented), within the 576-byte limit.
 */
/** An ICMP error (host unreachable, or redirect with its gateway) quoting the packet it is about. */
function ipv4Error(ip: IpFields, icmp: IcmpFields, echoTimeMicros: number): Uint8Array {
  const redirect = icmp.type === 'redirect';
  const about = { src: ip.dst, dst: icmp.about ?? ip.src, ttl: 63 };
  const quoted = icmp.quote ? quotedHeader(about, icmp.quote) : ipv4Echo(about, { type: icmp.quoted ?? 'echo-request', id: icmp.id, seq: icmp.seq }, echoTimeMicros);
  const p = new Uint8Array(IPV4_HEADER_LEN + ICMP_HEADER_LEN + quoted.length);
  p[0] = 0x45;
  p[1] = 0xc0;
  writeU16(p, 2, p.length);
  writeU16(p, 4, ipIdent(ip));
  p[8] = ip.ttl;
  p[9] = PROTO_ICMP;
  p.set(ipv4Bytes(ip.src), 12);
  p.set(ipv4Bytes(ip.dst), 16);
  writeU16(p, 10, internetChecksum(p, 0, IPV4_HEADER_LEN));
  const o = IPV4_HEADER_LEN;
  p[o] = redirect ? ICMP_REDIRECT : ICMP_DEST_UNREACH;
  p[o + 1] = icmp.code ?? 1;
  if (redirect) p.set(ipv4Bytes(icmp.gateway ?? '0.0.0.0'), o + 4);
  p.set(quoted, o + ICMP_HEADER_LEN);
  writeU16(p, o + 2, internetChecksum(p, o, p.length));
  return p;
}

/**
 * IPv4 identification. The kernel takes it from a hashed counter that the engine does not
 * model; a hash of what identifies the packet keeps exports reproducible and gives a
 * forwarded copy the id of the original, as a router leaves it unchanged (FNV-1a, 16 bits).
 */
function ipIdent(ip: IpFields): number {
  const t = ip.tcp ?? ip.udp;
  const what = ip.icmp ? `${ip.icmp.type} ${ip.icmp.id}/${ip.icmp.seq}` : t ? `${t.sport}/${t.dport} ${ip.tcp ? `${ip.tcp.flags} ${ip.tcp.seq}` : ''}` : 'ipip';
  const key = `${ip.src}>${ip.dst} ${what}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) & 0xffff;
}

function writeU16(b: Uint8Array, at: number, v: number): void {
  b[at] = (v >>> 8) & 0xff;
  b[at + 1] = v & 0xff;
}
