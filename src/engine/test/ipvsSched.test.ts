/**
 * Each IPVS scheduler's choices on a small example, worked out by hand from the kernel's
 * source (net/netfilter/ipvs/ip_vs_*.c) — the expected sequences are written here, not
 * computed by the code under test. The kernel keeps the newest real server first.
 */
import { describe, expect, test } from 'vitest';
import { Host } from '../host/model.ts';
import { parseIp, fmtIp } from '../net/ip.ts';
import { setupIpvs } from '../ipvs/setup.ts';
import { schedule } from '../ipvs/sched.ts';
import { mhPopulate, mhSetups, mhSlot, MH_HASH1, MH_HASH2, MH_TAB_SIZE } from '../ipvs/mh.ts';
import { hsiphash32, siphash } from '../ipvs/siphash.ts';
import type { Service } from '../ipvs/state.ts';
import type { IpvsServiceSpec } from '../input.ts';

const VIP = parseIp('10.0.0.100')!;

/** A service with real servers .1, .2, .3 added in that order with the given weights. */
function svc(scheduler: IpvsServiceSpec['scheduler'], weights: number[]): Service {
  const h = new Host('D', 1);
  const errs = setupIpvs(h, [{ proto: 'tcp', vip: '10.0.0.100', port: 80, scheduler, dests: weights.map((w, i) => ({ ip: `10.0.0.${i + 1}`, weight: w, method: 'dr' })) }]);
  expect(errs).toEqual([]);
  return h.ipvs!.services[0];
}

const pick = (s: Service, client = '10.9.9.9') => {
  const d = schedule(s, parseIp(client)!, VIP).dest;
  return d ? fmtIp(d.addr).split('.')[3] : '-';
};
const seq = (s: Service, n: number) => Array.from({ length: n }, () => pick(s)).join('');

describe('schedulers', () => {
  test('the list is newest first', () => {
    expect(svc('rr', [1, 1, 1]).dests.map((d) => fmtIp(d.addr))).toEqual(['10.0.0.3', '10.0.0.2', '10.0.0.1']);
  });

  test('rr: from the head, round and round, skipping weight 0', () => {
    expect(seq(svc('rr', [1, 1, 1]), 7)).toBe('3213213');
    expect(seq(svc('rr', [1, 0, 1]), 4)).toBe('3131');
    expect(seq(svc('rr', [0, 0, 0]), 1)).toBe('-');
  });

  test('wrr: weights 2,3,4 (list 4,3,2) give the kernel’s interleaved sequence', () => {
    // ip_vs_wrr_dest_changed on each add: .1 (w2) sets di 2, mw 1, cw 1; adding .2 and .3
    // raises mw to 4 but leaves cw at 1 (it is neither 0 nor above mw, and di is 1).
    // cw 1: .3 .2 .1 | cw 4: .3 | cw 3: .3 .2 | cw 2: .3 .2 .1 | cw 1: .3
    expect(seq(svc('wrr', [2, 3, 4]), 10)).toBe('3213323213');
  });

  test('wrr: gcd 2 (weights 2,4) decreases cw by 2', () => {
    // .1 (w2): di 2, mw 1, cw 1; .2 (w4): di 2, mw 4 - 1 = 3, cw (1/2)*2 + 1 = 1.
    // cw 1: .2 .1 | cw 3: .2 | cw 1: .2 .1 | cw 3: .2
    expect(seq(svc('wrr', [2, 4]), 6)).toBe('212212');
  });

  test('lc: least (active<<8)+inactive; the first of equals', () => {
    const s = svc('lc', [1, 1, 1]);
    expect(pick(s)).toBe('3');
    s.dests[0].activeconns = 1; // .3: 256
    s.dests[1].inactconns = 3; // .2: 3
    expect(pick(s)).toBe('1'); // .1: 0
    s.dests[2].inactconns = 5; // .1: 5
    expect(pick(s)).toBe('2');
  });

  test('wlc: overhead/weight, compared by cross-multiplying; strictly lower wins', () => {
    const s = svc('wlc', [1, 2, 3]); // list: .3 w3, .2 w2, .1 w1
    expect(pick(s)).toBe('3'); // all 0: the first
    s.dests[0].activeconns = 1; // .3: 256/3
    expect(pick(s)).toBe('2'); // .2: 0
    s.dests[1].activeconns = 1; // .2: 256/2 > 256/3
    expect(pick(s)).toBe('1'); // .1: 0/1
    s.dests[2].activeconns = 1; // .1: 256/1
    expect(pick(s)).toBe('3');
  });

  test('sed: (active+1)/weight; nq: an idle server first', () => {
    const s = svc('sed', [1, 3]); // list: .2 w3, .1 w1
    s.dests[0].activeconns = 2; // .2: 3/3 = 1 ; .1: 1/1 = 1 → tie keeps .2
    expect(pick(s)).toBe('2');
    s.dests[0].activeconns = 3; // .2: 4/3 > 1
    expect(pick(s)).toBe('1');
    const q = svc('nq', [1, 3]);
    q.dests[0].activeconns = 1; // .2 busy: sed would keep it (2/3 < 1/1) but .1 is idle
    expect(pick(q)).toBe('1');
  });

  test('sh: the client address hashed (hash_32, golden ratio) into 256 buckets filled by weight', () => {
    const s = svc('sh', [1, 2]); // list: .2 w2, .1 w1 → buckets .2 .2 .1 .2 .2 .1 …
    for (const c of ['10.0.1.2', '10.0.1.3', '192.168.7.77', '1.2.3.4']) {
      const a = BigInt(parseIp(c)!);
      const bucket = Number(((a * 0x61c88647n) & 0xffffffffn) >> 24n);
      expect(pick(s, c), c).toBe(bucket % 3 === 2 ? '1' : '2');
      expect(schedule(s, parseIp(c)!, VIP).params.bucket).toBe(bucket);
    }
  });

  test('dh: the destination address (the VIP) hashed; one bucket per server in turn', () => {
    const s = svc('dh', [5, 1]); // weights do not matter to dh's table: .2 .1 .2 .1 …
    const bucket = Number((BigInt(VIP) * 2654435761n) & 0xffn);
    expect(pick(s)).toBe(bucket % 2 === 0 ? '2' : '1');
    expect(pick(s, '172.16.0.1')).toBe(pick(s)); // every client: same destination
  });
});

describe('mh (Maglev hashing, ip_vs_mh.c)', () => {
  // lib/test_siphash.c: key 00 01 … 0f, inputs 00 01 … (len−1); the kernel's own vectors.
  const K: [bigint, bigint] = [0x0706050403020100n, 0x0f0e0d0c0b0a0908n];
  const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i);
  test('SipHash-2-4 and the 64-bit hsiphash (SipHash-1-3, 32 bits) give the kernel’s test vectors', () => {
    expect(siphash(bytes(0), K[0], K[1])).toBe(0x726fdb47dd0e0e31n);
    expect(siphash(bytes(15), K[0], K[1])).toBe(0xa129ca6149be45e5n);
    expect(siphash(bytes(63), K[0], K[1])).toBe(0x958a324ceb064572n);
    const h = (n: number) => Number(siphash(bytes(n), K[0], K[1], 1, 3) & 0xffffffffn);
    expect([0, 1, 7, 8, 15, 63].map(h)).toEqual([0x050fc4dc, 0x7d57ca93, 0x9bb11140, 0x8d299a8e, 0x2a519956, 0xb7bbb3a8]);
    // hsiphash_1u32(0x03020100) is vector 4, as ip_vs_mh_hashkey calls it on one u32
    expect(hsiphash32(0x03020100, K)).toBe(0x88d38328);
  });

  test('populate fills the table as the Maglev paper’s example (M = 7)', () => {
    // NSDI'16 table 1: B0 offset 3 skip 4, B1 offset 0 skip 2, B2 offset 3 skip 1.
    // Round 1: B0→3, B1→0, B2→3 taken→4. Round 2: B0→0 taken→4 taken→1, B1→2, B2→5.
    // Round 3: B0→5 taken→2 taken→6; the table is full.
    const t = mhPopulate([{ offset: 3, skip: 4, turns: 1 }, { offset: 0, skip: 2, turns: 1 }, { offset: 3, skip: 1, turns: 1 }], 7);
    expect([...t]).toEqual([1, 0, 1, 0, 2, 2, 0]);
  });

  test('turns: a server takes weight/gcd slots per round (shifted when the weights are large)', () => {
    // B0 (1 turn) and B1 (2 turns), same permutations: B0→3; B1→0, B1→2; B0→4; B1→6, B1→1; B0→5.
    const t = mhPopulate([{ offset: 3, skip: 4, turns: 1 }, { offset: 0, skip: 2, turns: 2 }], 7);
    expect([...t]).toEqual([1, 1, 1, 0, 0, 0, 1]);
    const ip = (n: number) => parseIp(`10.0.0.${n}`)!;
    // gcd 3: turns 0, 1, 2; a weight-0 server takes no slot
    expect(mhSetups([0, 3, 6].map((w, i) => ({ addr: ip(i + 1), port: 80, weight: w }))).map((s) => s.turns)).toEqual([0, 1, 2]);
    // weights 1 and 100: 100 needs 7 bits, MH_TAB_BITS is 6, so rshift 1: turns 1 (1>>1 is 0, but the weight is not 0) and 50
    expect(mhSetups([1, 100].map((w, i) => ({ addr: ip(i + 1), port: 80, weight: w }))).map((s) => s.turns)).toEqual([1, 50]);
    // offset and skip: hsiphash of port + address with the two fixed keys
    const [s1] = mhSetups([{ addr: ip(1), port: 80, weight: 1 }]);
    expect(s1.offset).toBe(hsiphash32((80 + ip(1)) >>> 0, MH_HASH1) % MH_TAB_SIZE);
    expect(s1.skip).toBe((hsiphash32((80 + ip(1)) >>> 0, MH_HASH2) % (MH_TAB_SIZE - 1)) + 1);
  });

  test('a service: every one of the 4093 slots filled in proportion to the weights; a client always gets its slot’s server', () => {
    const s = svc('mh', [1, 3]);
    const lookup = (s.schedData as { lookup: Int32Array }).lookup;
    const share = [0, 0];
    for (const i of lookup) share[i]++;
    expect(share[0] + share[1]).toBe(MH_TAB_SIZE);
    // list is newest first: index 0 is .2 (weight 3), index 1 is .1 (weight 1): 3 turns to 1
    expect(share[0]).toBe(3070);
    expect(share[1]).toBe(1023);
    for (const c of ['10.9.9.9', '192.168.1.7', '172.16.0.1']) {
      const slot = mhSlot(parseIp(c)!);
      expect(slot).toBe(hsiphash32(parseIp(c)!, MH_HASH1) % MH_TAB_SIZE);
      const want = fmtIp(s.dests[lookup[slot]].addr).split('.')[3];
      expect([pick(s, c), pick(s, c)]).toEqual([want, want]);
    }
    // weight 0 (quiesced): its slots give "no destination" (no mh-fallback)
    const q = svc('mh', [0, 1]);
    expect(new Set((q.schedData as { lookup: Int32Array }).lookup)).toEqual(new Set([0]));
    expect(seq(svc('mh', [0, 0]), 2)).toBe('--');
  });
});
