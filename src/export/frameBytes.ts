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
import type { Frame, IpFields } from '../engine/trace.ts';
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
  else if (frame.ethertype === ETHERTYPE_IPV4 && frame.ip) {
    const t = frame.ip.icmp.type;
    payload = t === 'dest-unreachable' || t === 'redirect' ? ipv4Error(frame.ip, options.echoTimeMicros ?? 0) : ipv4Echo(frame.ip, options.echoTimeMicros ?? 0);
  }
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
const ICMP_ECHO_REQUEST = 8;
const ICMP_ECHO_REPLY = 0;

/** IPv4 header + ICMP echo, as Linux and iputils ping build them. */
function ipv4Echo(ip: IpFields, echoTimeMicros: number): Uint8Array {
  const icmpLen = ICMP_HEADER_LEN + PING_DATA_LEN;
  const p = new Uint8Array(IPV4_HEADER_LEN + icmpLen);
  const request = ip.icmp.type === 'echo-request';
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
  writeU16(p, o + 4, ip.icmp.id);
  writeU16(p, o + 6, ip.icmp.seq);
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
function ipv4Error(ip: IpFields, echoTimeMicros: number): Uint8Array {
  const redirect = ip.icmp.type === 'redirect';
  const quoted = ipv4Echo({ src: ip.dst, dst: ip.icmp.about ?? ip.src, ttl: 63, icmp: { type: ip.icmp.quoted ?? 'echo-request', id: ip.icmp.id, seq: ip.icmp.seq } }, echoTimeMicros);
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
  p[o + 1] = ip.icmp.code ?? 1;
  if (redirect) p.set(ipv4Bytes(ip.icmp.gateway ?? '0.0.0.0'), o + 4);
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
  const key = `${ip.src}>${ip.dst} ${ip.icmp.type} ${ip.icmp.id}/${ip.icmp.seq}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) & 0xffff;
}

function writeU16(b: Uint8Array, at: number, v: number): void {
  b[at] = (v >>> 8) & 0xff;
  b[at + 1] = v & 0xff;
}
