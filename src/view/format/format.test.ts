import { describe, expect, it } from 'vitest';
import { reply, request } from '../../store/__fixtures__/miniTrace.ts';
import type { Frame } from '../../engine/index.ts';
import { frameBytes, hexLines } from './hexdump.ts';
import { ipNeighLine, ipRouteLine } from './iproute2.ts';
import { formatSeconds, tcpdumpLine } from './tcpdump.ts';

describe('tcpdumpLine', () => {
  it('prints kernel requests and replies as tcpdump -n does', () => {
    expect(tcpdumpLine(request)).toBe('ARP, Request who-has 192.168.100.36 tell 192.168.100.39, length 28');
    expect(tcpdumpLine(reply)).toBe('ARP, Reply 192.168.100.36 is-at 02:00:00:00:0a:00, length 28');
  });
  it('shows the target MAC only when tha is non-zero (arping)', () => {
    const arping: Frame = { ...request, arp: { ...request.arp!, tha: 'ff:ff:ff:ff:ff:ff' } };
    expect(tcpdumpLine(arping)).toBe('ARP, Request who-has 192.168.100.36 (ff:ff:ff:ff:ff:ff) tell 192.168.100.39, length 28');
    const dad: Frame = { ...arping, arp: { ...arping.arp!, spa: '0.0.0.0' } };
    expect(tcpdumpLine(dad)).toBe('ARP, Request who-has 192.168.100.36 (ff:ff:ff:ff:ff:ff) tell 0.0.0.0, length 28');
  });
  it('prints the link header with -e and 46 when padded', () => {
    expect(tcpdumpLine(request, { link: true })).toBe(
      '02:00:00:00:0b:00 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 192.168.100.36 tell 192.168.100.39, length 28');
    expect(tcpdumpLine(reply, { link: true, padded: true })).toBe(
      '02:00:00:00:0a:00 > 02:00:00:00:0b:00, ethertype ARP (0x0806), length 60: Reply 192.168.100.36 is-at 02:00:00:00:0a:00, length 46');
  });
  it('prints ICMP echo frames', () => {
    const echo: Frame = {
      id: 3, src: '02:00:00:00:0b:00', dst: '02:00:00:00:0a:00', ethertype: 0x0800, length: 98,
      ip: { src: '192.168.100.39', dst: '192.168.100.36', ttl: 64, icmp: { type: 'echo-request', id: 1, seq: 1 } },
    };
    expect(tcpdumpLine(echo)).toBe('IP 192.168.100.39 > 192.168.100.36: ICMP echo request, id 1, seq 1, length 64');
  });
  it('formats simulated time like -tt', () => {
    expect(formatSeconds(31_500)).toBe('0.031500');
    expect(formatSeconds(5_000_001)).toBe('5.000001');
  });
});

describe('hex dump', () => {
  it('builds the 42 bytes of an ARP request, 60 when padded', () => {
    const b = frameBytes(request, false)!;
    expect(b).toHaveLength(42);
    expect(hexLines(b)).toEqual([
      '0x0000:  ffff ffff ffff 0200 0000 0b00 0806 0001',
      '0x0010:  0800 0604 0001 0200 0000 0b00 c0a8 6427',
      '0x0020:  0000 0000 0000 c0a8 6424',
    ]);
    expect(frameBytes(request, true)).toHaveLength(60);
  });
});

describe('iproute2 lines', () => {
  it('prints routes in ip route order', () => {
    expect(ipRouteLine({ dest: '192.168.100.0/24', dev: 'eth1', proto: 'kernel', scope: 'link', src: '192.168.100.36', metric: 101 }))
      .toBe('192.168.100.0/24 dev eth1 proto kernel scope link src 192.168.100.36 metric 101');
    expect(ipRouteLine({ dest: '10.0.0.1/32', via: '192.168.100.2', dev: 'eth0', metric: 0 })).toBe('10.0.0.1 via 192.168.100.2 dev eth0');
  });
  it('prints neighbours in ip neigh form', () => {
    expect(ipNeighLine({ ip: '192.168.100.36', dev: 'eth0', lladdr: '02:00:00:00:0a:00', state: 'REACHABLE' }))
      .toBe('192.168.100.36 dev eth0 lladdr 02:00:00:00:0a:00 REACHABLE');
    expect(ipNeighLine({ ip: '192.168.100.50', dev: 'eth0', lladdr: null, state: 'INCOMPLETE' })).toBe('192.168.100.50 dev eth0 INCOMPLETE');
  });
});
