/**
 * The bytes of a frame on the wire, for the frame inspector: Ethernet header + ARP
 * payload, 42 bytes (60 when padded with zeros by a physical NIC).
 */
import type { Frame } from '../../engine/index.ts';
import { MIN_FRAME } from './tcpdump.ts';

const mac = (m: string) => m.split(':').map((h) => parseInt(h, 16));
const ip4 = (a: string) => a.split('.').map((d) => parseInt(d, 10));
const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];

/** Bytes of an ARP frame; null for frames whose bytes the view does not build (IP). */
export function frameBytes(frame: Frame, padded: boolean): number[] | null {
  if (!frame.arp) return null;
  const a = frame.arp;
  const bytes = [
    ...mac(frame.dst), ...mac(frame.src), ...u16(frame.ethertype),
    ...u16(1), ...u16(0x0800), 6, 4, ...u16(a.op),
    ...mac(a.sha), ...ip4(a.spa), ...mac(a.tha), ...ip4(a.tpa),
  ];
  if (padded) while (bytes.length < MIN_FRAME) bytes.push(0);
  return bytes;
}

/** `tcpdump -xx` layout: offset, then 16 bytes per line in groups of two. */
export function hexLines(bytes: number[]): string[] {
  const out: string[] = [];
  for (let off = 0; off < bytes.length; off += 16) {
    const row = bytes.slice(off, off + 16);
    const groups: string[] = [];
    for (let i = 0; i < row.length; i += 2) groups.push(row.slice(i, i + 2).map((b) => b.toString(16).padStart(2, '0')).join(''));
    out.push(`0x${off.toString(16).padStart(4, '0')}:  ${groups.join(' ')}`);
  }
  return out;
}

/** Byte ranges of the fields, to highlight them in the dump. */
export const ARP_FIELDS: { name: string; from: number; to: number }[] = [
  { name: 'eth.dst', from: 0, to: 6 },
  { name: 'eth.src', from: 6, to: 12 },
  { name: 'eth.type', from: 12, to: 14 },
  { name: 'arp.htype', from: 14, to: 16 },
  { name: 'arp.ptype', from: 16, to: 18 },
  { name: 'arp.hlen', from: 18, to: 19 },
  { name: 'arp.plen', from: 19, to: 20 },
  { name: 'arp.op', from: 20, to: 22 },
  { name: 'arp.sha', from: 22, to: 28 },
  { name: 'arp.spa', from: 28, to: 32 },
  { name: 'arp.tha', from: 32, to: 38 },
  { name: 'arp.tpa', from: 38, to: 42 },
];
