import { describe, expect, it } from 'vitest';
import type { Frame } from '../engine/index.ts';
import { internetChecksum } from './checksum.ts';
import { frameBytes } from './frameBytes.ts';
import { A8_PCAP, A8_REPLY, A8_REQUEST, LO_PING_FRAMES, LO_PING_REPLY, LO_PING_REQUEST, LO_PING_SENT_MICROS } from './__fixtures__/vectors.ts';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('ARP frame bytes (spec §9.1)', () => {
  it('puts every field at its offset', () => {
    const b = frameBytes(A8_REQUEST);
    expect(b.length).toBe(42);
    expect(hex(b.subarray(0, 6))).toBe('ffffffffffff'); // Ethernet destination
    expect(hex(b.subarray(6, 12))).toBe('020000000001'); // Ethernet source
    expect(hex(b.subarray(12, 14))).toBe('0806'); // EtherType
    expect(hex(b.subarray(14, 16))).toBe('0001'); // htype Ethernet
    expect(hex(b.subarray(16, 18))).toBe('0800'); // ptype IPv4
    expect(b[18]).toBe(6); // hlen
    expect(b[19]).toBe(4); // plen
    expect(hex(b.subarray(20, 22))).toBe('0001'); // oper request
    expect(hex(b.subarray(22, 28))).toBe('020000000001'); // sha
    expect(hex(b.subarray(28, 32))).toBe('0a090001'); // spa 10.9.0.1
    expect(hex(b.subarray(32, 38))).toBe('000000000000'); // tha zero in kernel requests
    expect(hex(b.subarray(38, 42))).toBe('0a090002'); // tpa 10.9.0.2
  });

  it('equals the frames of test vector A.8, unpadded and padded to 60 with zeros', () => {
    // A.8: record headers at 24 and 24+16+42; frames follow them.
    expect(frameBytes(A8_REQUEST)).toEqual(A8_PCAP.subarray(40, 82));
    const padded = frameBytes(A8_REPLY, { pad60: true });
    expect(padded).toEqual(A8_PCAP.subarray(98, 158));
    expect(padded.subarray(42).every((x) => x === 0)).toBe(true);
  });

  it('does not pad unless asked (veth and bridges do not pad)', () => {
    expect(frameBytes(A8_REPLY).length).toBe(42);
    expect(frameBytes(A8_REPLY, { pad60: false }).length).toBe(42);
  });

  it('writes other opcodes as numbers', () => {
    const b = frameBytes({ ...A8_REQUEST, arp: { ...A8_REQUEST.arp!, op: 0x0309 } });
    expect(hex(b.subarray(20, 22))).toBe('0309');
  });

  it('refuses malformed addresses and inconsistent frames instead of guessing', () => {
    expect(() => frameBytes({ ...A8_REQUEST, src: '02:00:00:00:01' })).toThrow(/MAC/);
    expect(() => frameBytes({ ...A8_REQUEST, arp: { ...A8_REQUEST.arp!, spa: '10.9.0.256' } })).toThrow(/IPv4/);
    expect(() => frameBytes({ ...A8_REQUEST, arp: undefined })).toThrow(/without its arp/);
    expect(() => frameBytes({ ...A8_REQUEST, length: 60 })).toThrow(/60 bytes/);
  });
});

describe('ICMP echo frame bytes', () => {
  const [req, rep] = LO_PING_FRAMES;
  const build = (f: Frame) => frameBytes(f, { echoTimeMicros: LO_PING_SENT_MICROS });

  it('is 98 bytes: Ethernet, IPv4 with a valid header checksum, ICMP with a valid checksum', () => {
    for (const f of LO_PING_FRAMES) {
      const b = build(f);
      expect(b.length).toBe(98);
      expect(hex(b.subarray(12, 14))).toBe('0800');
      expect(internetChecksum(b, 14, 34)).toBe(0);
      expect(internetChecksum(b, 34, 98)).toBe(0);
      expect(b[22]).toBe(64); // TTL
      expect(b[23]).toBe(1); // protocol ICMP
    }
  });

  it('matches a real iputils ping and kernel reply byte for byte, except the IP identification', () => {
    // The IP id (bytes 18-19) comes from a kernel counter the engine does not model, and
    // the header checksum (24-25) covers it; everything else must be identical.
    for (const [f, real] of [[req, LO_PING_REQUEST], [rep, LO_PING_REPLY]] as const) {
      const b = build(f);
      const mask = (x: Uint8Array) => hex(Uint8Array.from(x, (v, i) => (i === 18 || i === 19 || i === 24 || i === 25 ? 0 : v)));
      expect(mask(b)).toBe(mask(real));
      expect(hex(b.subarray(34))).toBe(hex(real.subarray(34))); // the whole ICMP message, checksum included
    }
  });

  it('sets DF on requests (ping) and not on replies (the kernel ICMP socket)', () => {
    expect(build(req)[20]).toBe(0x40);
    expect(build(rep)[20]).toBe(0x00);
  });

  it('is reproducible and never padded (98 > 60)', () => {
    expect(build(req)).toEqual(build(req));
    expect(frameBytes(req, { pad60: true, echoTimeMicros: LO_PING_SENT_MICROS })).toEqual(build(req));
  });
});

describe('ICMP host unreachable', () => {
  it('is 126 bytes: IPv4 + ICMP type 3 code 1 + the whole echo request it reports, with valid checksums', () => {
    const b = frameBytes({ id: 1, src: '02:00:00:00:0f:00', dst: '02:00:00:00:01:00', ethertype: 0x0800, length: 126,
      ip: { src: '192.168.1.1', dst: '192.168.1.10', ttl: 64, icmp: { type: 'dest-unreachable', code: 1, id: 7, seq: 1, about: '192.168.2.99' } } });
    expect(b.length).toBe(126);
    expect([b[34], b[35]]).toEqual([3, 1]);
    // quoted header: source is the pinger, destination the unreachable host
    expect([...b.slice(42 + 12, 42 + 16)]).toEqual([192, 168, 1, 10]);
    expect([...b.slice(42 + 16, 42 + 20)]).toEqual([192, 168, 2, 99]);
    const sum = (from: number, to: number) => {
      let s = 0;
      for (let i = from; i < to; i += 2) s += (b[i] << 8) | (b[i + 1] ?? 0);
      while (s >> 16) s = (s & 0xffff) + (s >> 16);
      return s;
    };
    expect(sum(14, 34)).toBe(0xffff);
    expect(sum(34, 126)).toBe(0xffff);
  });
});
