/**
 * Classic libpcap savefiles (spec §9.2): what tcpdump -w writes and tcpdump, tshark and
 * Wireshark read. Little-endian (readers detect the byte order from the magic), microsecond
 * timestamps, snaplen 262144, link type 1 (Ethernet).
 */
import type { SimResult } from '../engine/index.ts';
import { capturedFrames, type CaptureOptions } from './capture.ts';

export const PCAP_MAGIC = 0xa1b2c3d4;
export const PCAP_SNAPLEN = 262144;
export const LINKTYPE_ETHERNET = 1;
const GLOBAL_HEADER_LEN = 24;
const RECORD_HEADER_LEN = 16;
/** The media type IANA registered for pcap files, for downloads. */
export const PCAP_MIME = 'application/vnd.tcpdump.pcap';

export interface PcapPacket {
  /** Capture time, microseconds since the Unix epoch (an integer). */
  unixMicros: number;
  /** The frame as on the wire, without FCS. */
  bytes: Uint8Array;
}

/** A savefile holding `packets` in the given order. */
export function writePcap(packets: readonly PcapPacket[]): Uint8Array {
  const total = GLOBAL_HEADER_LEN + packets.reduce((n, p) => n + RECORD_HEADER_LEN + p.bytes.length, 0);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setUint32(0, PCAP_MAGIC, true);
  v.setUint16(4, 2, true); // version 2.4
  v.setUint16(6, 4, true);
  v.setInt32(8, 0, true); // thiszone: timestamps are UTC
  v.setUint32(12, 0, true); // sigfigs
  v.setUint32(16, PCAP_SNAPLEN, true);
  v.setUint32(20, LINKTYPE_ETHERNET, true);
  let at = GLOBAL_HEADER_LEN;
  for (const p of packets) {
    if (!Number.isSafeInteger(p.unixMicros) || p.unixMicros < 0) throw new Error(`pcap: bad timestamp ${p.unixMicros}`);
    const sec = Math.floor(p.unixMicros / 1e6);
    // 32-bit seconds: classic pcap ends in 2106; nothing the lab simulates gets there.
    if (sec > 0xffffffff) throw new Error(`pcap: timestamp ${p.unixMicros} µs is past 2106`);
    const stored = Math.min(p.bytes.length, PCAP_SNAPLEN);
    v.setUint32(at, sec, true);
    v.setUint32(at + 4, p.unixMicros - sec * 1e6, true);
    v.setUint32(at + 8, stored, true); // incl_len
    v.setUint32(at + 12, p.bytes.length, true); // orig_len
    out.set(p.bytes.subarray(0, stored), at + RECORD_HEADER_LEN);
    at += RECORD_HEADER_LEN + stored;
  }
  return out.subarray(0, at);
}

/** The captured frames of a simulation (see capture.ts for which) as a savefile. */
export function simResultToPcap(result: SimResult, options: CaptureOptions = {}): Uint8Array {
  return writePcap(capturedFrames(result, options));
}
