import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index.ts';
import type { SimResult, TxEvent } from '../engine/index.ts';
import { galleryEntry } from '../examples/gallery/index.ts';
import { loadScenario } from '../scenario/load.ts';
import { capturedFrames, EPOCH_BASE_SECONDS } from './capture.ts';
import { frameBytes } from './frameBytes.ts';
import { PCAP_MAGIC, simResultToPcap, writePcap } from './pcap.ts';
import { A8_PCAP, A8_REPLY, A8_REQUEST, A8_TIMES } from './__fixtures__/vectors.ts';
import { readPcap } from './__fixtures__/readPcap.ts';

const tx = (t: number, frame: TxEvent['frame'], segment: string | null = 'lan'): TxEvent => ({
  kind: 'tx', t, host: 'A', dev: 'eth0', segment, frameKind: frame.arp ? 'arp-request' : 'icmp-echo-request', frame,
});
const result = (events: TxEvent[]): SimResult => ({ version: 1, seed: 1, steps: [], events });

describe('classic pcap', () => {
  it('writes test vector A.8 byte for byte', () => {
    const file = writePcap([
      { unixMicros: A8_TIMES[0], bytes: frameBytes(A8_REQUEST) },
      { unixMicros: A8_TIMES[1], bytes: frameBytes(A8_REPLY, { pad60: true }) },
    ]);
    expect(Array.from(file)).toEqual(Array.from(A8_PCAP));
  });

  it('turns a simulation’s frames at 0.123456 s and 0.123789 s into A.8’s records', () => {
    const res = result([tx(123_456, A8_REQUEST), tx(123_789, A8_REPLY)]);
    const file = simResultToPcap(res);
    // Unpadded by default (veth/bridge), so the reply is 42 bytes here; the rest is A.8.
    const { header, packets } = readPcap(file);
    expect(header).toEqual([PCAP_MAGIC, 2, 4, 0, 0, 262144, 1]);
    expect(packets.map((p) => [p.sec, p.usec, p.inclLen, p.origLen])).toEqual([
      [1700000000, 123456, 42, 42],
      [1700000000, 123789, 42, 42],
    ]);
    expect(Array.from(readPcap(file).packets[0].bytes)).toEqual(Array.from(A8_PCAP.subarray(40, 82)));
    // pad60 pads every short frame: A.8's padded reply is the second one.
    const padded = readPcap(simResultToPcap(res, { pad60: true })).packets;
    expect(padded.map((p) => p.origLen)).toEqual([60, 60]);
    expect(Array.from(padded[1].bytes)).toEqual(Array.from(A8_PCAP.subarray(98, 158)));
  });

  it('an empty capture is the 24-byte global header alone', () => {
    expect(Array.from(writePcap([]))).toEqual(Array.from(A8_PCAP.subarray(0, 24)));
  });

  it('leaves out frames that reached no segment, and filters by segment and by kind', () => {
    const ping = { id: 3, src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02', ethertype: 0x0800 as const, length: 98,
      ip: { src: '10.9.0.1', dst: '10.9.0.2', ttl: 64, icmp: { type: 'echo-request' as const, id: 7, seq: 1 } } };
    const res = result([tx(1, A8_REQUEST), tx(2, A8_REPLY, null), tx(3, ping, 'other')]);
    expect(capturedFrames(res).map((c) => c.tx.frame.id)).toEqual([1, 3]);
    expect(capturedFrames(res, { only: 'arp' }).map((c) => c.tx.frame.id)).toEqual([1]);
    expect(capturedFrames(res, { segment: 'other' }).map((c) => c.tx.frame.id)).toEqual([3]);
    expect(capturedFrames(res, { epochSeconds: 0 })[0].unixMicros).toBe(1);
  });

  it('an echo reply carries the request time in its data, as the kernel echoes the data', () => {
    const req = { id: 1, src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02', ethertype: 0x0800 as const, length: 98,
      ip: { src: '10.9.0.1', dst: '10.9.0.2', ttl: 64, icmp: { type: 'echo-request' as const, id: 7, seq: 1 } } };
    const rep = { ...req, id: 2, src: req.dst, dst: req.src,
      ip: { src: '10.9.0.2', dst: '10.9.0.1', ttl: 64, icmp: { type: 'echo-reply' as const, id: 7, seq: 1 } } };
    const [a, b] = capturedFrames(result([tx(2_500_000, req), tx(2_500_090, rep)]));
    expect(Array.from(a.bytes.subarray(42))).toEqual(Array.from(b.bytes.subarray(42)));
    const v = new DataView(a.bytes.buffer, a.bytes.byteOffset + 42);
    expect(v.getUint32(0, true)).toBe(EPOCH_BASE_SECONDS + 2);
    expect(v.getUint32(8, true)).toBe(500_000);
  });

  it('a router’s forwarded copy of a request keeps its IP id and does not count as a new send', () => {
    const ip = { src: '192.168.1.10', dst: '192.168.2.20', ttl: 64, icmp: { type: 'echo-request' as const, id: 9, seq: 1 } };
    const req = { id: 1, src: '02:00:00:00:01:00', dst: '02:00:00:00:0f:00', ethertype: 0x0800 as const, length: 98, ip };
    const fwd = { ...req, id: 2, src: '02:00:00:00:0f:01', dst: '02:00:00:00:02:00', ip: { ...ip, ttl: 63 } };
    const rep = { ...req, id: 3, src: '02:00:00:00:02:00', dst: '02:00:00:00:0f:01',
      ip: { src: ip.dst, dst: ip.src, ttl: 64, icmp: { type: 'echo-reply' as const, id: 9, seq: 1 } } };
    const [a, b, c] = capturedFrames(result([tx(1_000, req), tx(1_020, fwd, 'other'), tx(1_050, rep, 'other')]));
    expect(Array.from(b.bytes.subarray(18, 20))).toEqual(Array.from(a.bytes.subarray(18, 20)));
    expect(b.bytes[22]).toBe(63);
    expect(Array.from(c.bytes.subarray(42))).toEqual(Array.from(a.bytes.subarray(42)));
  });

  it('exports a whole simulation: every sent frame once, in order, at base + simulated time', () => {
    const loaded = loadScenario(galleryEntry('basic')?.scenario);
    if (!loaded.ok) throw new Error('S01 does not load');
    const res = simulate(loaded.engine);
    const sent = res.events.slice().filter((e): e is TxEvent => e.kind === 'tx' && e.segment !== null);
    const { packets } = readPcap(simResultToPcap(res));
    expect(packets.length).toBe(sent.length);
    expect(sent.some((e) => e.frame.ip)).toBe(true);
    packets.forEach((p, i) => {
      expect(p.sec * 1e6 + p.usec).toBe(EPOCH_BASE_SECONDS * 1e6 + sent[i].t);
      expect(p.origLen).toBe(sent[i].frame.length);
    });
    expect(readPcap(simResultToPcap(res, { only: 'arp' })).packets.length).toBe(sent.filter((e) => e.frame.arp).length);
  });

  it('refuses timestamps it cannot store', () => {
    expect(() => writePcap([{ unixMicros: -1, bytes: new Uint8Array(42) }])).toThrow(/timestamp/);
    expect(() => writePcap([{ unixMicros: 0.5, bytes: new Uint8Array(42) }])).toThrow(/timestamp/);
    expect(() => writePcap([{ unixMicros: 2 ** 32 * 1e6, bytes: new Uint8Array(42) }])).toThrow(/2106/);
  });
});
