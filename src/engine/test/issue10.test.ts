/**
 * Issue 10's rules, table-driven where they branch: address promotion (devinet.c
 * __inet_del_ifa and its route consequences), routes whose `src` disappears
 * (fib_sync_down_addr), a gateway that is our own address (fib_check_nh_v4_gw,
 * rt_set_nexthop) and ICMP redirects (route.c ip_rt_send_redirect, __ip_do_redirect).
 * The kernel's own records of the first three are in conformance/regressions/issue10-*.
 */
import { describe, expect, it } from 'vitest';
import { Device, Host, SCOPE } from '../host/model.ts';
import { deleteAddress, insertAddress } from '../host/addr.ts';
import { fmtIp, ip } from '../net/ip.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { arpLines, run } from './helpers.ts';

describe('__inet_del_ifa: which addresses stay, in which order', () => {
  const build = (cidrs: string[]) => {
    const h = new Host('A', 1);
    const dev = new Device(h, 'eth0', 2, '02:00:00:00:0a:00', false);
    h.devices.push(dev);
    for (const c of cidrs) {
      const [a, l] = c.split('/');
      insertAddress(dev, ip(a!), Number(l), SCOPE.global, undefined, false, 0);
    }
    return dev;
  };
  const list = (cidrs: string[], del: string, promote: boolean) => {
    const dev = build(cidrs);
    const [a, l] = del.split('/');
    const res = deleteAddress(dev, ip(a!), Number(l), promote);
    return {
      left: dev.addrs.map((x) => `${fmtIp(x.local)}/${x.len}${x.secondary ? ' secondary' : ''}`),
      promoted: res.promoted ? fmtIp(res.promoted.local) : null,
    };
  };
  const cases: [string, string[], string, boolean, string[], string | null][] = [
    ['promotion, nothing in between: the secondary stays where it is', ['10.0.0.1/24', '10.0.0.2/24', '10.0.0.3/24'], '10.0.0.1/24', true, ['10.0.0.2/24', '10.0.0.3/24 secondary'], '10.0.0.2'],
    ['promotion past another primary: after the last primary that followed', ['10.0.0.1/24', '172.16.0.1/16', '10.0.0.2/24', '10.0.0.3/24'], '10.0.0.1/24', true, ['172.16.0.1/16', '10.0.0.2/24', '10.0.0.3/24 secondary'], '10.0.0.2'],
    ['no promotion: the secondaries go with their primary', ['10.0.0.1/24', '172.16.0.1/16', '10.0.0.2/24', '10.0.0.3/24'], '10.0.0.1/24', false, ['172.16.0.1/16'], null],
    ['deleting a secondary touches nothing else', ['10.0.0.1/24', '10.0.0.2/24', '10.0.0.3/24'], '10.0.0.2/24', true, ['10.0.0.1/24', '10.0.0.3/24 secondary'], null],
    ['a /32 of the same range is a primary of its own', ['10.0.0.1/24', '10.0.0.9/32', '10.0.0.2/24'], '10.0.0.1/24', false, ['10.0.0.9/32'], null],
  ];
  for (const [name, cidrs, del, promote, left, promoted] of cases) {
    it(name, () => expect(list(cidrs, del, promote)).toEqual({ left, promoted }));
  }
});

const two = (a: ScenarioV1['hosts'][string], actions: ScenarioV1['actions']): ScenarioV1 => ({
  version: 2,
  hosts: { A: a, B: { interfaces: { eth0: { addresses: ['10.23.12.9/16'] }, lo: { addresses: ['10.77.0.5/32'] } } } },
  segments: { lan: ['A.eth0', 'B.eth0'] },
  actions,
});

describe('routes after an address goes', () => {
  const A = (promote: number) => ({
    interfaces: { eth0: { addresses: ['10.23.11.2/16', '10.23.11.3/16'] } },
    routes: ['10.77.0.0/16 dev eth0 src 10.23.11.3'],
    sysctls: { 'net.ipv4.conf.eth0.promote_secondaries': promote },
  });
  it('the promoted address gets the prefix route and is the source of A\'s pings', () => {
    const r = run(two(A(1), [{ type: 'addr', host: 'A', op: 'del', cidr: '10.23.11.2/16', dev: 'eth0' }, { type: 'ping', host: 'A', to: '10.23.12.9' }]));
    expect(r.steps[2].ok).toBe(true);
    expect(arpLines(r, 2)).toContain('A.eth0 request 10.23.11.3>10.23.12.9');
  });
  it('a route whose src is deleted goes with it (and a promoted src keeps it)', () => {
    for (const [promote, ok] of [[1, true], [0, false]] as const) {
      const r = run(two(A(promote), [{ type: 'addr', host: 'A', op: 'del', cidr: '10.23.11.2/16', dev: 'eth0' }, { type: 'ping', host: 'A', to: '10.77.0.5' }]));
      expect({ promote, ok: r.steps[2].ok }).toEqual({ promote, ok });
    }
  });
});

describe('a gateway that is our own address', () => {
  it('is accepted as an action and resolves every destination on-link', () => {
    const r = run(two({ interfaces: { eth0: { addresses: ['10.23.11.2/16'] } } }, [
      { type: 'route', host: 'A', op: 'add', route: '10.77.0.0/16 via 10.23.11.2 dev eth0' },
      { type: 'ping', host: 'A', to: '10.77.0.5' },
    ]));
    expect(r.steps[1].error).toBeUndefined();
    expect(arpLines(r, 2)).toEqual(['A.eth0 request 10.23.11.2>10.77.0.5', 'B.eth0 reply 10.77.0.5>10.23.11.2']);
    expect(r.steps[2].ok).toBe(true);
  });
});

describe('ICMP redirects', () => {
  // H sends 10.9/16 to R, which forwards it back out of eth0 to G on the same link.
  const scenario = (rSys: Record<string, number>, count = 1): ScenarioV1 => ({
    version: 2,
    hosts: {
      R: { interfaces: { eth0: { addresses: ['10.0.0.1/24'] } }, routes: ['10.9.0.0/16 via 10.0.0.2 dev eth0'], sysctls: { 'net.ipv4.ip_forward': 1, ...rSys } },
      G: { interfaces: { eth0: { addresses: ['10.0.0.2/24'] }, lo: { addresses: ['10.9.0.9/32'] } }, routes: ['10.0.0.0/8 via 10.0.0.1 dev eth0 metric 5'] },
      H: { interfaces: { eth0: { addresses: ['10.0.0.5/24'] } }, routes: ['10.9.0.0/16 via 10.0.0.1 dev eth0'] },
    },
    segments: { lan: ['R.eth0', 'G.eth0', 'H.eth0'] },
    actions: [{ type: 'ping', host: 'H', to: '10.9.0.9', count, ...(count > 1 ? { W: 1 } : {}) }],
  });
  const redirects = (r: ReturnType<typeof run>) => r.events.slice().filter((e) => e.kind === 'decision' && e.rule === 'ip_forward.redirect').length;

  it('are sent when a packet leaves by its input device, and make the sender resolve the new gateway', () => {
    const r = run(scenario({}));
    expect(redirects(r)).toBe(1);
    expect(arpLines(r, 1)).toContain('H.eth0 request 10.0.0.5>10.0.0.2');
  });
  it('are not sent with send_redirects off on all and the device', () => {
    const r = run(scenario({ 'net.ipv4.conf.all.send_redirects': 0, 'net.ipv4.conf.eth0.send_redirects': 0 }));
    expect(redirects(r)).toBe(0);
    expect(arpLines(r, 1)).not.toContain('H.eth0 request 10.0.0.5>10.0.0.2');
  });
  it('take two rounds to change the path: first the new gateway is resolved, then an exception is noted', () => {
    const r = run(scenario({}, 4));
    expect(redirects(r)).toBe(2);
  });
  it('back off exponentially per source (ip_rt_redirect_load << n) from a sender that ignores them', () => {
    // Echoes every 0.2 s: redirects at 0, 0.2, 0.4, 0.6, then not before 0.6 + 0.32 s
    // (1.0), then not before 1.64 s: 5 of 8.
    const s = scenario({}, 8);
    s.hosts.H!.sysctls = { 'net.ipv4.conf.all.accept_redirects': 0, 'net.ipv4.conf.eth0.accept_redirects': 0 };
    s.actions![0] = { ...s.actions![0]!, interval: 0.2 };
    expect(redirects(run(s))).toBe(5);
  });
});
