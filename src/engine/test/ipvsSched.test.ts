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
