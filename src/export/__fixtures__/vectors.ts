/**
 * Golden bytes for the export tests. Not shipped: only tests import this file.
 */
import type { Frame } from '../../engine/index.ts';

/** `xxd` dump (spec appendix A.8) → bytes. */
export function fromXxd(dump: string): Uint8Array {
  const bytes: number[] = [];
  for (const line of dump.trim().split('\n')) {
    const hex = line.slice(10, 49).replace(/\s+/g, '');
    for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  }
  return Uint8Array.from(bytes);
}

/** `tcpdump -xx` dump → bytes. */
export function fromTcpdumpXx(dump: string): Uint8Array {
  const bytes: number[] = [];
  for (const line of dump.trim().split('\n')) {
    const hex = line.replace(/^\s*0x[0-9a-f]+:\s*/, '').replace(/\s+/g, '');
    for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  }
  return Uint8Array.from(bytes);
}

/** Spec A.8: a kernel-style request (42 bytes) and a reply padded to 60, little-endian pcap. */
export const A8_PCAP = fromXxd(`
00000000: d4c3 b2a1 0200 0400 0000 0000 0000 0000  ................
00000010: 0000 0400 0100 0000 00f1 5365 40e2 0100  ..........Se@...
00000020: 2a00 0000 2a00 0000 ffff ffff ffff 0200  *...*...........
00000030: 0000 0001 0806 0001 0800 0604 0001 0200  ................
00000040: 0000 0001 0a09 0001 0000 0000 0000 0a09  ................
00000050: 0002 00f1 5365 8de3 0100 3c00 0000 3c00  ....Se....<...<.
00000060: 0000 0200 0000 0001 0200 0000 0002 0806  ................
00000070: 0001 0800 0604 0002 0200 0000 0002 0a09  ................
00000080: 0002 0200 0000 0001 0a09 0001 0000 0000  ................
00000090: 0000 0000 0000 0000 0000 0000 0000       ..............
`);

export const A8_REQUEST: Frame = {
  id: 1, src: '02:00:00:00:00:01', dst: 'ff:ff:ff:ff:ff:ff', ethertype: 0x0806, length: 42,
  arp: { op: 1, sha: '02:00:00:00:00:01', spa: '10.9.0.1', tha: '00:00:00:00:00:00', tpa: '10.9.0.2' },
};
export const A8_REPLY: Frame = {
  id: 2, src: '02:00:00:00:00:02', dst: '02:00:00:00:00:01', ethertype: 0x0806, length: 42,
  arp: { op: 2, sha: '02:00:00:00:00:02', spa: '10.9.0.2', tha: '02:00:00:00:00:01', tpa: '10.9.0.1' },
};
/** tcpdump -tt times of the two packets: 1700000000.123456 and .123789. */
export const A8_TIMES = [1_700_000_000_123_456, 1_700_000_000_123_789];

/**
 * A real `ping -c1 127.0.0.1` (iputils 20221126, Linux 6.x, x86_64) captured with
 * `tcpdump -i lo -xx`: echo request id 0x0bf3 seq 1, sent at 0x6b07672d s + 0x0b3deb µs,
 * and the kernel's reply. Loopback frames have zero MACs.
 */
export const LO_PING_REQUEST = fromTcpdumpXx(`
	0x0000:  0000 0000 0000 0000 0000 0000 0800 4500
	0x0010:  0054 4e1d 4000 4001 ee89 7f00 0001 7f00
	0x0020:  0001 0800 0229 0bf3 0001 2d67 076b 0000
	0x0030:  0000 eb3d 0b00 0000 0000 1011 1213 1415
	0x0040:  1617 1819 1a1b 1c1d 1e1f 2021 2223 2425
	0x0050:  2627 2829 2a2b 2c2d 2e2f 3031 3233 3435
	0x0060:  3637
`);
export const LO_PING_REPLY = fromTcpdumpXx(`
	0x0000:  0000 0000 0000 0000 0000 0000 0800 4500
	0x0010:  0054 4e1e 0000 4001 2e89 7f00 0001 7f00
	0x0020:  0001 0000 0a29 0bf3 0001 2d67 076b 0000
	0x0030:  0000 eb3d 0b00 0000 0000 1011 1213 1415
	0x0040:  1617 1819 1a1b 1c1d 1e1f 2021 2223 2425
	0x0050:  2627 2829 2a2b 2c2d 2e2f 3031 3233 3435
	0x0060:  3637
`);
export const LO_PING_SENT_MICROS = 0x6b07672d * 1e6 + 0x0b3deb;

const ZERO_MAC = '00:00:00:00:00:00';
export const LO_PING_FRAMES: Frame[] = [
  { id: 1, src: ZERO_MAC, dst: ZERO_MAC, ethertype: 0x0800, length: 98,
    ip: { src: '127.0.0.1', dst: '127.0.0.1', ttl: 64, icmp: { type: 'echo-request', id: 0x0bf3, seq: 1 } } },
  { id: 2, src: ZERO_MAC, dst: ZERO_MAC, ethertype: 0x0800, length: 98,
    ip: { src: '127.0.0.1', dst: '127.0.0.1', ttl: 64, icmp: { type: 'echo-reply', id: 0x0bf3, seq: 1 } } },
];
