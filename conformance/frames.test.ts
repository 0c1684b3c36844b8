import { describe, expect, it } from 'vitest';
import { joinCaptures, type PortPackets } from './capture.ts';
import { decodeArp, droppedByKernel, parseTcpdump } from './frames.ts';

// Real output of `tcpdump -e -xx -n -tt --time-stamp-precision=nano` (tcpdump 4.99.3).
const SAMPLE = `1795645282.456172416 02:00:00:00:0a:00 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 192.168.100.70 (ff:ff:ff:ff:ff:ff) tell 192.168.100.54, length 28
\t0x0000:  ffff ffff ffff 0200 0000 0a00 0806 0001
\t0x0010:  0800 0604 0001 0200 0000 0a00 c0a8 6436
\t0x0020:  ffff ffff ffff c0a8 6446
1795645288.518780741 02:00:00:00:0a:00 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Reply 192.168.100.54 is-at 02:00:00:00:0a:00, length 28
\t0x0000:  ffff ffff ffff 0200 0000 0a00 0806 0001
\t0x0010:  0800 0604 0002 0200 0000 0a00 c0a8 6436
\t0x0020:  0200 0000 0a00 c0a8 6436
1795645289.530379551 02:00:00:00:0a:00 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 192.168.100.70 (ff:ff:ff:ff:ff:ff) tell 0.0.0.0, length 28
\t0x0000:  ffff ffff ffff 0200 0000 0a00 0806 0001
\t0x0010:  0800 0604 0001 0200 0000 0a00 0000 0000
\t0x0020:  ffff ffff ffff c0a8 6446
`;

describe('parseTcpdump', () => {
  it('splits packets and keeps nanosecond timestamps exactly', () => {
    const p = parseTcpdump(SAMPLE);
    expect(p).toHaveLength(3);
    expect(p[0]!.tsNs).toBe(1795645282456172416n);
    expect(p[2]!.tsNs).toBe(1795645289530379551n);
    expect(p[0]!.hex).toHaveLength(84);
    expect(p[0]!.hex.startsWith('ffffffffffff020000000a000806')).toBe(true);
  });

  it('reads microsecond timestamps too, and ignores tcpdump chatter', () => {
    const text = `tcpdump: verbose output suppressed\nlistening on p0\n12.000001 x > y\n\t0x0000:  ffff\n`;
    const p = parseTcpdump(text);
    expect(p).toEqual([{ tsNs: 12_000_001_000n, hex: 'ffff' }]);
  });

  it('reads the drop count from the closing statistics', () => {
    expect(droppedByKernel('3 packets captured\n5 packets received by filter\n2 packets dropped by kernel\n')).toBe(2);
    expect(droppedByKernel('')).toBe(0);
  });
});

describe('decodeArp', () => {
  const [req, garpReply, dad] = parseTcpdump(SAMPLE);

  it('decodes a broadcast request (arping puts ff:ff… in tha)', () => {
    expect(decodeArp(req!.hex)).toEqual({
      eth_dst: 'ff:ff:ff:ff:ff:ff', eth_src: '02:00:00:00:0a:00', op: 'request',
      sha: '02:00:00:00:0a:00', spa: '192.168.100.54', tha: 'ff:ff:ff:ff:ff:ff', tpa: '192.168.100.70',
    });
  });

  it('decodes a gratuitous reply (arping -A)', () => {
    const f = decodeArp(garpReply!.hex)!;
    expect(f.op).toBe('reply');
    expect(f.spa).toBe(f.tpa);
    expect(f.tha).toBe('02:00:00:00:0a:00');
  });

  it('decodes a DAD probe (sender 0.0.0.0)', () => {
    expect(decodeArp(dad!.hex)!.spa).toBe('0.0.0.0');
  });

  it('gives other opcodes as numbers', () => {
    const rarp = req!.hex.slice(0, 40) + '0003' + req!.hex.slice(44);
    expect(decodeArp(rarp)!.op).toBe(3);
  });

  it('refuses what is not IPv4-over-Ethernet ARP', () => {
    expect(decodeArp(req!.hex.slice(0, 60))).toBeNull(); // short
    expect(decodeArp(req!.hex.slice(0, 24) + '0800' + req!.hex.slice(28))).toBeNull(); // IPv4
    expect(decodeArp(req!.hex.slice(0, 28) + '0006' + req!.hex.slice(32))).toBeNull(); // htype
  });

  it('ignores Ethernet padding', () => {
    expect(decodeArp(req!.hex + '00'.repeat(18))).toEqual(decodeArp(req!.hex));
  });
});

describe('joinCaptures', () => {
  const hexOf = (i: number) => parseTcpdump(SAMPLE)[i]!.hex;
  const t = (us: number) => 1_000_000_000_000n + BigInt(us) * 1000n;

  it('names the ingress port and the ports a frame left by, in sending order', () => {
    const ports: PortPackets[] = [
      { veth: 'p0', dir: 'in', packets: [{ tsNs: t(0), hex: hexOf(0) }] },
      { veth: 'p0', dir: 'out', packets: [] },
      { veth: 'p1', dir: 'in', packets: [] },
      { veth: 'p1', dir: 'out', packets: [{ tsNs: t(3), hex: hexOf(0) }] },
      { veth: 'p2', dir: 'in', packets: [] },
      { veth: 'p2', dir: 'out', packets: [{ tsNs: t(2), hex: hexOf(0) }] },
    ];
    const { frames, raw } = joinCaptures(ports);
    expect(raw).toBe(3);
    expect(frames).toHaveLength(1);
    expect(frames[0]!.fromVeth).toBe('p0');
    expect(frames[0]!.deliveredTo.map((d) => d.veth)).toEqual(['p2', 'p1']);
    expect(frames[0]!.deliveredTo.map((d) => d.seq)).toEqual([0, 0]);
  });

  it('matches a repeated frame with its own ingress, and counts positions per port', () => {
    const ports: PortPackets[] = [
      { veth: 'p0', dir: 'in', packets: [{ tsNs: t(0), hex: hexOf(0) }, { tsNs: t(1_000_000), hex: hexOf(0) }] },
      { veth: 'p1', dir: 'out', packets: [{ tsNs: t(5), hex: hexOf(2) }, { tsNs: t(6), hex: hexOf(0) }, { tsNs: t(1_000_004), hex: hexOf(0) }] },
      { veth: 'p1', dir: 'in', packets: [{ tsNs: t(4), hex: hexOf(2) }] },
    ];
    const { frames } = joinCaptures(ports);
    expect(frames.map((f) => f.fromVeth)).toEqual(['p0', 'p1', 'p0']);
    expect(frames[0]!.deliveredTo).toEqual([{ veth: 'p1', seq: 1, tsNs: t(6) }]);
    expect(frames[2]!.deliveredTo).toEqual([{ veth: 'p1', seq: 2, tsNs: t(1_000_004) }]);
    // A frame never goes back out of the port it came in by.
    expect(frames[1]!.deliveredTo).toEqual([]);
  });

  it('leaves a frame the bridge dropped with no delivery', () => {
    const { frames } = joinCaptures([{ veth: 'p0', dir: 'in', packets: [{ tsNs: t(0), hex: hexOf(1) }] }]);
    expect(frames[0]!.deliveredTo).toEqual([]);
  });
});
