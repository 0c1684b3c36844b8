/**
 * Conf knobs at values outside their documented ones. The kernel stores any int in them
 * (devinet.c: proc_dointvec without a range) and its code reads them as it reads every
 * value: a `switch` whose default does what 0 does, a `== 1` test, or a truth value, after
 * combining all and the device (inetdevice.h IN_DEV_MAXCONF is a signed max, ORCONF `||`,
 * ANDCONF `&&`). Each row cites the line of the kernel that decides it.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { formatDecision } from '../../i18n/decision.ts';
import { actsAs } from '../host/conf.ts';
import type { DecisionEvent, SimResult } from '../trace.ts';
import { arpLines, lanAB, neighOf, run } from './helpers.ts';

const decisions = (r: SimResult, rule: string): DecisionEvent[] =>
  r.events.slice().filter((e): e is DecisionEvent => e.kind === 'decision' && e.rule === rule);

describe('arp_ignore (arp.c arp_ignore: `case 4…7: return 0;` `default: return 0;`)', () => {
  // A request on eth0 for the address of eth1: only mode 0 (and what acts as it) answers.
  const ask = (sysctls: Record<string, number>) => run(lanAB({
    interfaces: {
      eth0: { mac: '02:00:00:00:0a:00', addresses: ['192.168.100.10/24'] },
      eth1: { mac: '02:00:00:00:0a:01', addresses: ['192.168.100.36/24'] },
    },
    sysctls,
  }, [{ type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.36', count: 1, w: 1 }]));
  const rows: [string, Record<string, number>, boolean, string][] = [
    ['9 replies like 0', { 'net.ipv4.conf.eth0.arp_ignore': 9 }, true, 'unknown_mode'],
    ['100 replies like 0', { 'net.ipv4.conf.eth0.arp_ignore': 100 }, true, 'unknown_mode'],
    ['-1 on the device alone: max(all=0, eth0=-1) is 0', { 'net.ipv4.conf.eth0.arp_ignore': -1 }, true, 'any_local'],
    ['-1 on all and the device replies like 0', { 'net.ipv4.conf.all.arp_ignore': -1, 'net.ipv4.conf.eth0.arp_ignore': -1 }, true, 'unknown_mode'],
    ['INT_MIN on all and the device replies like 0', { 'net.ipv4.conf.all.arp_ignore': -2147483648, 'net.ipv4.conf.eth0.arp_ignore': -2147483648 }, true, 'unknown_mode'],
    ['5 is reserved and replies like 0', { 'net.ipv4.conf.eth0.arp_ignore': 5 }, true, 'reserved'],
    ['max(all=-1, eth0=1) is 1: the signed max keeps the device\'s 1', { 'net.ipv4.conf.all.arp_ignore': -1, 'net.ipv4.conf.eth0.arp_ignore': 1 }, false, 'not_on_dev'],
    ['max(all=9, eth0=8) is 9: all\'s 9 overrides the device\'s "never" and replies', { 'net.ipv4.conf.all.arp_ignore': 9, 'net.ipv4.conf.eth0.arp_ignore': 8 }, true, 'unknown_mode'],
  ];
  for (const [what, sysctls, replies, reason] of rows) {
    it(what, () => {
      const r = ask(sysctls);
      expect(r.steps[1].ok).toBe(replies);
      const d = [...decisions(r, 'arp_reply'), ...decisions(r, 'arp_ignore')];
      expect(d.map((e) => e.reason)).toEqual([reason]);
    });
  }
  it('the decision says what the value acts as', () => {
    const d = decisions(ask({ 'net.ipv4.conf.all.arp_ignore': 9 }), 'arp_reply')[0]!;
    expect(formatDecision('en', d)).toContain('arp_ignore=9 (max of all=9, eth0=0), which acts as 0');
  });
});

describe('arp_announce (arp.c arp_solicit: `default: case 0:`)', () => {
  // A request for B sent while a packet from lo's 10.9.0.100 waits: mode 0 tells that
  // address, mode 2 the primary of eth0.
  const sender = (sysctls: Record<string, number>) => {
    const r = run({
      version: 2,
      hosts: {
        A: { interfaces: { eth0: { addresses: ['10.9.0.2/24'] }, lo: { addresses: ['10.9.0.100/32'] } }, sysctls },
        B: { interfaces: { eth0: { addresses: ['10.9.0.3/24'] } } },
      },
      segments: { lan: ['A.eth0', 'B.eth0'] },
      actions: [{ type: 'ping', host: 'A', to: '10.9.0.3', iface: '10.9.0.100' }],
    });
    return r.steps[1].frames.find((f) => f.from === 'A.eth0' && f.op === 'request')!.spa;
  };
  it.each([
    [{ 'net.ipv4.conf.all.arp_announce': 3 }, '10.9.0.100'],
    [{ 'net.ipv4.conf.eth0.arp_announce': -1 }, '10.9.0.100'],
    [{ 'net.ipv4.conf.eth0.arp_announce': 2147483647 }, '10.9.0.100'],
    // max(all=3, eth0=2) = 3, which acts as 0: the device's 2 is lost.
    [{ 'net.ipv4.conf.all.arp_announce': 3, 'net.ipv4.conf.eth0.arp_announce': 2 }, '10.9.0.100'],
    // max(all=-5, eth0=2) = 2.
    [{ 'net.ipv4.conf.all.arp_announce': -5, 'net.ipv4.conf.eth0.arp_announce': 2 }, '10.9.0.2'],
  ])('%j tells %s', (sysctls, spa) => expect(sender(sysctls)).toBe(spa));
});

describe('rp_filter (fib_frontend.c __fib_validate_source: `if (rpf == 1) goto e_rpf;`, `last_resort: if (rpf) goto e_rpf;`)', () => {
  // B asks from 10.1.2.3, to which A has no route: any non-zero rp_filter refuses (last_resort),
  // 0 does not look.
  const ask = (sysctls: Record<string, number>) => {
    const s = lanAB({ sysctls }, [{ type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.10', src: '10.1.2.3', count: 1, w: 1 }]);
    s.hosts.B.interfaces!.eth0.addresses = ['192.168.100.99/24', '10.1.2.3/8'];
    return run(s);
  };
  it.each([
    [{ 'net.ipv4.conf.all.rp_filter': 3 }, false],
    [{ 'net.ipv4.conf.eth0.rp_filter': 1000 }, false],
    [{ 'net.ipv4.conf.all.rp_filter': -1, 'net.ipv4.conf.eth0.rp_filter': -1 }, false],
    // max(all=-1, eth0=0) = 0: no check at all.
    [{ 'net.ipv4.conf.all.rp_filter': -1 }, true],
  ])('%j: reply %s', (sysctls, replies) => expect(ask(sysctls).steps[1].ok).toBe(replies));

  // The two-NIC experiment: the best route back leaves by eth0, the request comes in on eth1.
  const twoNic = (sysctls: Record<string, number>) => run({
    version: 2,
    hosts: {
      A: { interfaces: { eth0: { addresses: ['192.168.100.17/24'] }, eth1: { addresses: ['192.168.100.36/24'] } }, sysctls },
      B: { interfaces: { eth0: { addresses: ['192.168.100.39/24'] } } },
    },
    segments: { lan: ['A.eth0', 'A.eth1', 'B.eth0'] },
    actions: [{ type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.36', count: 1, w: 1 }],
  });
  it('3 on eth1 is loose: the request arriving on eth1 is answered, as with 2 (strict 1 drops it)', () => {
    const loose = twoNic({ 'net.ipv4.conf.eth1.rp_filter': 3 });
    expect(arpLines(loose, 1)).toContain('A.eth1 reply 192.168.100.36>192.168.100.39');
    const reply = decisions(loose, 'arp_reply').find((d) => d.dev === 'eth1')!;
    expect(reply.also).toBe('loose_ok');
    expect(formatDecision('en', reply)).toContain('rp_filter=3 (max of all=0, eth1=3), which acts as 2');
    const strict = twoNic({ 'net.ipv4.conf.eth1.rp_filter': 1 });
    expect(arpLines(strict, 1)).not.toContain('A.eth1 reply 192.168.100.36>192.168.100.39');
  });
});

describe('arp_accept (arp.c arp_accept: `default: return 0;`, max of all and the device since 6.0)', () => {
  // B announces itself (gratuitous request): A creates an entry only when arp_accept acts as 1 (or 2 on the subnet).
  const learns = (sysctls: Record<string, number>) =>
    neighOf(run(lanAB({ sysctls }, [{ type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.99', U: true, count: 1, w: 1 }])), 1, 'A').length > 0;
  it.each([
    [{ 'net.ipv4.conf.eth0.arp_accept': 1 }, true],
    [{ 'net.ipv4.conf.eth0.arp_accept': 3 }, false],
    [{ 'net.ipv4.conf.eth0.arp_accept': -1 }, false],
    // max(all=3, eth0=1) = 3, which acts as 0: all's 3 switches the device's 1 off.
    [{ 'net.ipv4.conf.all.arp_accept': 3, 'net.ipv4.conf.eth0.arp_accept': 1 }, false],
    [{ 'net.ipv4.conf.all.arp_accept': -3, 'net.ipv4.conf.eth0.arp_accept': 1 }, true],
  ])('%j: creates an entry %s', (sysctls, created) => expect(learns(sysctls)).toBe(created));
});

describe('truth values: arp_filter, proxy_arp (IN_DEV_ORCONF `||`), arp_notify (`if (IN_DEV_ARP_NOTIFY)` on a signed max)', () => {
  it('arp_filter=-1 on all is on: A.eth1 stays silent for its own address, the route back leaving by eth0', () => {
    const r = run({
      version: 2,
      hosts: {
        A: { interfaces: { eth0: { addresses: ['192.168.100.17/24'] }, eth1: { addresses: ['192.168.100.36/24'] } }, sysctls: { 'net.ipv4.conf.all.arp_filter': -1 } },
        B: { interfaces: { eth0: { addresses: ['192.168.100.39/24'] } } },
      },
      segments: { lan: ['A.eth0', 'A.eth1', 'B.eth0'] },
      actions: [{ type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.36', count: 1, w: 1 }],
    });
    expect(decisions(r, 'arp_filter').map((d) => `${d.dev} ${d.reason}`)).toEqual(['eth1 route_other_dev']);
  });

  const proxy = (rSys: Record<string, number>): ScenarioV1 => ({
    version: 2,
    hosts: {
      R: { interfaces: { eth0: { addresses: ['10.0.0.1/24'] }, eth1: { addresses: ['10.0.1.1/24'] } }, sysctls: { 'net.ipv4.ip_forward': 1, ...rSys } },
      C: { interfaces: { eth0: { addresses: ['10.0.0.5/16'] } } },
      S: { interfaces: { eth0: { addresses: ['10.0.1.9/24'] } } },
    },
    segments: { a: ['R.eth0', 'C.eth0'], b: ['R.eth1', 'S.eth0'] },
    actions: [{ type: 'arping', host: 'C', iface: 'eth0', target: '10.0.1.9', count: 1, w: 1 }],
  });
  it.each([
    [{ 'net.ipv4.conf.eth0.proxy_arp': 5 }, true],
    [{ 'net.ipv4.conf.all.proxy_arp': -2 }, true],
    // arp_fwd_proxy: medium_id -5 on eth0 and 0 on eth1 differ, and neither is -1: proxy.
    [{ 'net.ipv4.conf.eth0.proxy_arp': 5, 'net.ipv4.conf.eth0.medium_id': -5 }, true],
    // The same medium id on both sides: no proxy.
    [{ 'net.ipv4.conf.eth0.proxy_arp': 5, 'net.ipv4.conf.eth0.medium_id': -5, 'net.ipv4.conf.eth1.medium_id': -5 }, false],
    [{ 'net.ipv4.conf.eth0.proxy_arp': 5, 'net.ipv4.conf.eth0.medium_id': -1 }, false],
  ])('proxy ARP with %j: %s', (rSys, proxied) => expect(run(proxy(rSys)).steps[1].ok).toBe(proxied));

  const notify = (sysctls: Record<string, number>) => {
    const r = run(lanAB({ sysctls }, [{ type: 'link', host: 'A', dev: 'eth0', mac: '02:00:00:00:aa:01' }]));
    return arpLines(r, 1).filter((l) => l.startsWith('A.eth0 request 192.168.100.10>192.168.100.10')).length;
  };
  it.each([
    [{ 'net.ipv4.conf.eth0.arp_notify': 2 }, 1],
    [{ 'net.ipv4.conf.all.arp_notify': -1 }, 0],
    [{ 'net.ipv4.conf.all.arp_notify': -1, 'net.ipv4.conf.eth0.arp_notify': -1 }, 1],
  ])('arp_notify %j: %i gratuitous request(s) after a MAC change', (sysctls, n) => expect(notify(sysctls)).toBe(n));
});

describe('forwarding and accept_redirects', () => {
  const scenario = (rSys: Record<string, number>, hSys: Record<string, number> = {}): ScenarioV1 => ({
    version: 2,
    hosts: {
      R: { interfaces: { eth0: { addresses: ['10.0.0.1/24'] } }, routes: ['10.9.0.0/16 via 10.0.0.2 dev eth0'], sysctls: rSys },
      G: { interfaces: { eth0: { addresses: ['10.0.0.2/24'] }, lo: { addresses: ['10.9.0.9/32'] } }, routes: ['10.0.0.0/8 via 10.0.0.1 dev eth0 metric 5'] },
      H: { interfaces: { eth0: { addresses: ['10.0.0.5/24'] } }, routes: ['10.9.0.0/16 via 10.0.0.1 dev eth0'], sysctls: hSys },
    },
    segments: { lan: ['R.eth0', 'G.eth0', 'H.eth0'] },
    actions: [{ type: 'ping', host: 'H', to: '10.9.0.9' }],
  });
  it('ip_forward=-3 forwards (IN_DEV_FORWARD is a truth value)', () => {
    expect(run(scenario({ 'net.ipv4.ip_forward': -3 })).steps[1].ok).toBe(true);
    expect(run(scenario({ 'net.ipv4.ip_forward': 0 })).steps[1].ok).toBe(false);
  });
  it('a forwarding host takes redirects with accept_redirects all=2 AND eth0=1 (logical, not bitwise: 2 & 1 would be 0)', () => {
    // inet_forward_change sets all.accept_redirects = !on, so the knobs come after ip_forward.
    const hSys = { 'net.ipv4.ip_forward': 1, 'net.ipv4.conf.all.accept_redirects': 2, 'net.ipv4.conf.eth0.accept_redirects': 1 };
    const r = run(scenario({ 'net.ipv4.ip_forward': 1 }, hSys));
    expect(decisions(r, 'icmp.redirect').map((d) => d.reason)).toEqual(['redirect_resolve']);
    expect(arpLines(r, 1)).toContain('H.eth0 request 10.0.0.5>10.0.0.2');
  });
});

describe('actsAs: the meaningful value a stored int acts as', () => {
  it.each([
    ['arp_ignore', 9, 0], ['arp_ignore', 5, 0], ['arp_ignore', -1, 0], ['arp_ignore', 8, null],
    ['arp_announce', 3, 0], ['arp_accept', -2, 0], ['rp_filter', 3, 2], ['rp_filter', -1, 2], ['rp_filter', 1, null],
    ['arp_filter', 5, 1], ['forwarding', -3, 1], ['arp_notify', 2, 1], ['medium_id', -5, null], ['medium_id', 7, null],
  ] as const)('%s=%i acts as %s', (knob, v, want) => expect(actsAs(knob, v)).toBe(want));
});
