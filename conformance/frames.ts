/**
 * Reading ARP frames out of `tcpdump -e -xx -n -tt --time-stamp-precision=nano` text.
 *
 * tcpdump's own one-line decoding is not used: it differs between versions and hides
 * fields (it prints no target hardware address for broadcast requests, for instance).
 * The hex dump of the whole frame, Ethernet header included (-xx), is decoded here.
 */

export interface RawPacket {
  /** Capture timestamp in nanoseconds since the epoch (bigint: a double cannot hold it). */
  tsNs: bigint;
  /** The frame's bytes as lowercase hex, no separators. */
  hex: string;
}

const HEADER = /^(\d+)\.(\d{1,9})\s/;
const HEXLINE = /^\s+0x[0-9a-f]+:\s+((?:[0-9a-f]{2,4}\s?)+)/i;

/** Splits tcpdump output into packets: a timestamped header line, then hex lines. */
export function parseTcpdump(text: string): RawPacket[] {
  const out: RawPacket[] = [];
  let cur: RawPacket | null = null;
  for (const line of text.split('\n')) {
    const h = HEADER.exec(line);
    if (h) {
      if (cur) out.push(cur);
      cur = { tsNs: BigInt(h[1]!) * 1_000_000_000n + BigInt(h[2]!.padEnd(9, '0')), hex: '' };
      continue;
    }
    const x = HEXLINE.exec(line);
    if (x && cur) cur.hex += x[1]!.replace(/\s+/g, '').toLowerCase();
  }
  if (cur) out.push(cur);
  return out;
}

export type ArpOp = 'request' | 'reply' | number;

export interface ArpFields {
  eth_dst: string;
  eth_src: string;
  op: ArpOp;
  sha: string;
  spa: string;
  tha: string;
  tpa: string;
}

const mac = (hex: string) => hex.match(/../g)!.join(':');
const ipv4 = (hex: string) => hex.match(/../g)!.map((b) => parseInt(b, 16)).join('.');

/**
 * Decodes an Ethernet frame carrying IPv4-over-Ethernet ARP (RFC 826); null for anything
 * else (other ethertypes, VLAN tags, other hardware or protocol types, short frames).
 */
export function decodeArp(hex: string): ArpFields | null {
  if (hex.length < 42 * 2) return null;
  const ethertype = hex.slice(24, 28);
  if (ethertype !== '0806') return null;
  const a = hex.slice(28);
  const htype = a.slice(0, 4);
  const ptype = a.slice(4, 8);
  const hlen = a.slice(8, 10);
  const plen = a.slice(10, 12);
  if (htype !== '0001' || ptype !== '0800' || hlen !== '06' || plen !== '04') return null;
  const opn = parseInt(a.slice(12, 16), 16);
  return {
    eth_dst: mac(hex.slice(0, 12)),
    eth_src: mac(hex.slice(12, 24)),
    op: opn === 1 ? 'request' : opn === 2 ? 'reply' : opn,
    sha: mac(a.slice(16, 28)),
    spa: ipv4(a.slice(28, 36)),
    tha: mac(a.slice(36, 48)),
    tpa: ipv4(a.slice(48, 56)),
  };
}

/** The canonical bytes of an ARP frame (Ethernet header + 28-byte ARP body), padding cut off. */
export function arpBytes(hex: string): string {
  return hex.slice(0, 42 * 2);
}

/** "N packets dropped by kernel" from tcpdump's closing statistics (0 when absent). */
export function droppedByKernel(stderr: string): number {
  const m = /(\d+) packets? dropped by kernel/.exec(stderr);
  return m ? Number(m[1]) : 0;
}
