/**
 * The neighbour state machine on the clock (neighbour.c, linux-arp-spec §6.7): resolution,
 * failure after 3 broadcasts, STALE → DELAY → PROBE, first reply wins, locktime, GARP,
 * arp_accept, static entries, flush.
 */
import { describe, expect, it } from 'vitest';
import { run, lanAB, neighOf, arpLines } from './helpers.ts';
import { simulate } from '../sim/run.ts';
import { normalizeScenario } from '../../scenario/normalize.ts';
import type { NeighEvent, TraceEvent } from '../trace.ts';

const neighEvents = (ev: TraceEvent[], host: string) => ev.filter((e): e is NeighEvent => e.kind === 'neigh' && e.host === host);

describe('neighbour timeline', () => {
  it('requester REACHABLE, target STALE → DELAY, then one unicast probe ~5 s later', () => {
    const r = run(lanAB({}, [{ type: 'ping', host: 'A', to: '192.168.100.99' }, { type: 'wait', seconds: 6 }]));
    expect(neighOf(r, 1, 'A')).toEqual(['192.168.100.99 eth0 02:00:00:00:0b:00 REACHABLE']);
    expect(neighOf(r, 1, 'B')).toEqual(['192.168.100.10 eth0 02:00:00:00:0a:00 DELAY']);
    expect(r.steps[2].frames.map((f) => `${f.from} ${f.op} ${f.eth_dst} ${f.tha}`)).toEqual([
      'B.eth0 request 02:00:00:00:0a:00 00:00:00:00:00:00',
      'A.eth0 reply 02:00:00:00:0b:00 02:00:00:00:0b:00',
    ]);
    const probe = r.steps[2].frames[0];
    const sent = r.steps[1].frames[0].t;
    expect(probe.t - sent).toBeGreaterThanOrEqual(5);
    expect(probe.t - sent).toBeLessThan(5.1);
    expect(neighOf(r, 2, 'B')).toEqual(['192.168.100.10 eth0 02:00:00:00:0a:00 REACHABLE']);
    expect(neighEvents(r.events.slice(), 'B').map((e) => e.to)).toEqual(['STALE', 'DELAY', 'PROBE', 'REACHABLE']);
  });

  it('an unused address: three broadcasts 1 s apart, FAILED at 3 s, ping reports unreachable', () => {
    const r = run(lanAB({}, [{ type: 'ping', host: 'A', to: '192.168.100.71', W: 5 }]));
    const f = r.steps[1].frames;
    expect(f.map((x) => x.eth_dst)).toEqual(['ff:ff:ff:ff:ff:ff', 'ff:ff:ff:ff:ff:ff', 'ff:ff:ff:ff:ff:ff']);
    expect(f.map((x) => Math.round((x.t - f[0].t) * 10) / 10)).toEqual([0, 1, 2]);
    expect(neighOf(r, 1, 'A')).toEqual(['192.168.100.71 eth0 - FAILED']);
    expect(r.steps[1].output).toContain('From 192.168.100.10 icmp_seq=1 Destination Host Unreachable');
    expect(r.steps[1].ok).toBe(false);
    expect(r.steps[1].rc).toBe(1);
  });

  it('first reply wins: a second, different reply within locktime is ignored', () => {
    const r = run({
      hosts: {
        A: {
          interfaces: { eth0: { addresses: [{ cidr: '192.168.100.17/24', noprefixroute: true }] }, eth1: { addresses: [{ cidr: '192.168.100.36/24', noprefixroute: true }] } },
          routes: ['192.168.100.0/24 dev eth0 src 192.168.100.17', '192.168.100.0/24 dev eth1 src 192.168.100.36 metric 101'],
        },
        B: { interfaces: { eth0: { addresses: ['192.168.100.39/24'] } } },
      },
      segments: { lan: ['A.eth0', 'A.eth1', 'B.eth0'] },
      actions: [{ type: 'ping', host: 'B', to: '192.168.100.36' }],
    });
    // rp_filter 0: both NICs answer; the bridge floods to the last attached port first.
    expect(arpLines(r, 1).filter((l) => l.includes('reply'))).toEqual(['A.eth1 reply 192.168.100.36>192.168.100.39', 'A.eth0 reply 192.168.100.36>192.168.100.39']);
    expect(neighOf(r, 1, 'B')).toEqual(['192.168.100.36 eth0 02:00:00:00:01:01 REACHABLE']);
    expect(r.events.slice().some((e) => e.kind === 'decision' && e.rule === 'neigh.locktime' && e.host === 'B')).toBe(true);
  });

  it('rp_filter=1 silences the second NIC, and the why names the route back', () => {
    const r = run({
      hosts: {
        A: {
          interfaces: { eth0: { addresses: [{ cidr: '192.168.100.17/24', noprefixroute: true }] }, eth1: { addresses: [{ cidr: '192.168.100.36/24', noprefixroute: true }] } },
          routes: ['192.168.100.0/24 dev eth0 src 192.168.100.17', '192.168.100.0/24 dev eth1 src 192.168.100.36 metric 101'],
          sysctls: { 'net.ipv4.conf.all.rp_filter': 1 },
        },
        B: { interfaces: { eth0: { addresses: ['192.168.100.39/24'] } } },
      },
      segments: { lan: ['A.eth0', 'A.eth1', 'B.eth0'] },
      actions: [{ type: 'ping', host: 'B', to: '192.168.100.36' }],
    });
    expect(neighOf(r, 1, 'B')).toEqual(['192.168.100.36 eth0 02:00:00:00:01:00 REACHABLE']);
    const why = r.events.slice().find((e) => e.kind === 'decision' && e.rule === 'rp_filter');
    expect(why && why.kind === 'decision' && { verdict: why.verdict, reason: why.reason, params: why.params, rp: why.settings[0] }).toEqual({
      verdict: 'drop',
      reason: 'strict_other_dev',
      params: { sip: '192.168.100.39', tip: '192.168.100.36', via: 'eth0' },
      rp: { name: 'rp_filter', dev: 'eth1', value: 1, combine: 'max', all: 1, devValue: 0, from: 'all' },
    });
  });

  it('gratuitous ARP updates an existing entry at once and creates one only with arp_accept', () => {
    const s = lanAB({}, [
      { type: 'ping', host: 'B', to: '192.168.100.10' },
      { type: 'link', host: 'A', dev: 'eth0', mac: '02:00:00:00:aa:01' },
      { type: 'arping', host: 'A', iface: 'eth0', target: '192.168.100.10', count: 1, U: true },
    ]);
    s.hosts.C = { interfaces: { eth0: { addresses: ['192.168.100.77/24'] } } };
    s.segments!.lan.push('C.eth0');
    const r = run(s);
    expect(neighOf(r, 3, 'B')).toEqual(['192.168.100.10 eth0 02:00:00:00:aa:01 STALE']);
    expect(neighOf(r, 3, 'C')).toEqual([]);
    s.hosts.C.sysctls = { 'net.ipv4.conf.all.arp_accept': 1 };
    expect(neighOf(run(s), 3, 'C')).toEqual(['192.168.100.10 eth0 02:00:00:00:aa:01 STALE']);
  });

  it('static entries are never changed by ARP, and flush keeps them', () => {
    const s = lanAB({ neigh: [{ ip: '192.168.100.99', lladdr: '02:00:00:00:00:99', dev: 'eth0' }] }, [
      { type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.10', count: 1, w: 1 },
      { type: 'flush', hosts: ['A'] },
    ]);
    const r = run(s);
    expect(neighOf(r, 1, 'A')).toEqual(['192.168.100.99 eth0 02:00:00:00:00:99 PERMANENT']);
    expect(neighOf(r, 2, 'A')).toEqual(['192.168.100.99 eth0 02:00:00:00:00:99 PERMANENT']);
  });

  it('conf/default reaches devices without an address only', () => {
    const r = run(lanAB({ sysctls: { 'net.ipv4.conf.default.arp_ignore': 8 } }, [
      { type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.10', count: 1, w: 1 },
      { type: 'sysctl', hosts: ['A'], set: { 'net.ipv4.conf.default.arp_ignore': 0 } },
      { type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.10', count: 1, w: 1 },
    ]));
    // Written before the address: reaches eth0. Written after: eth0 keeps 8.
    expect(r.steps[1].ok).toBe(false);
    expect(r.steps[3].ok).toBe(false);
  });
});

describe('arping timing (iputils 20221126)', () => {
  const probes = (a: Record<string, unknown>) => {
    const r = run(lanAB({}, [{ type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.77', ...a }]));
    return { sent: r.steps[1].frames.length, t: r.steps[1].t_end - r.steps[1].t, out: r.steps[1].output ?? [] };
  };
  it('-w 2 without -c sends 3 probes (the tick at 2 s is handled before the timeout)', () => {
    // A scenario's arping defaults to -c 1 (the format's contract); the engine itself runs
    // iputils' behaviour without -c when its input has no count.
    const input = normalizeScenario(lanAB({}, [{ type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.77', w: 2 }]));
    const a = input.actions.find((x) => x.type === 'arping');
    if (a?.type !== 'arping') throw new Error('expected the arping action');
    expect(a.count).toBe(1);
    delete a.count;
    expect(simulate(input).steps[1].frames.length).toBe(3);
    expect(probes({ w: 2 }).sent).toBe(1);
  });
  it('-c 3 sends at 0, 1, 2 s and ends at 3 s', () => {
    const p = probes({ count: 3 });
    expect(p.sent).toBe(3);
    expect(p.out.slice(-2)).toEqual(['Sent 3 probes (3 broadcast(s))', 'Received 0 response(s)']);
  });
  it('-c 2 -w 5 without replies ends after 2 probes', () => {
    expect(probes({ count: 2, w: 5 }).sent).toBe(2);
  });
  it('-c 3 with replies: first broadcast, then unicast to the replier', () => {
    const r = run(lanAB({}, [{ type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.10', count: 3 }]));
    expect(r.steps[1].frames.filter((f) => f.from === 'B.eth0').map((f) => `${f.eth_dst} ${f.tha}`)).toEqual([
      'ff:ff:ff:ff:ff:ff ff:ff:ff:ff:ff:ff',
      '02:00:00:00:0a:00 02:00:00:00:0a:00',
      '02:00:00:00:0a:00 02:00:00:00:0a:00',
    ]);
    expect(r.steps[1].output?.slice(-2)).toEqual(['Sent 3 probes (1 broadcast(s))', 'Received 3 response(s)']);
  });
});

describe('forwarding', () => {
  it('a router that cannot resolve the next hop tells the sender: ICMP host unreachable', () => {
    const r = run({
      hosts: {
        R: { interfaces: { eth0: { addresses: ['192.168.1.1/24'] }, eth1: { addresses: ['192.168.2.1/24'] } }, sysctls: { 'net.ipv4.ip_forward': 1 } },
        H1: { interfaces: { eth0: { addresses: ['192.168.1.10/24'] } }, routes: ['default via 192.168.1.1 dev eth0'] },
      },
      segments: { s1: ['R.eth0', 'H1.eth0'], s2: ['R.eth1'] },
      actions: [{ type: 'ping', host: 'H1', to: '192.168.2.99', W: 5 }],
    });
    const s = r.steps[1];
    expect(s.ok).toBe(false);
    expect(s.output).toContain('From 192.168.1.1 icmp_seq=1 Destination Host Unreachable');
    expect(s.frames.filter((f) => f.from === 'R.eth1').length).toBe(3);
    // It exits on the error (3 s), not at -W 5.
    expect(s.t_end - s.t).toBeLessThan(3.5);
  });
});
