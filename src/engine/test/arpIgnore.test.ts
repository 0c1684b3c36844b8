/**
 * arp_ignore, table-driven (arp.c arp_ignore → inet_confirm_addr): mode × where the
 * target lives. The expectations are the kernel's documented and recorded semantics
 * (oracle S08/S09; Documentation/networking/ip-sysctl.rst).
 */
import { describe, expect, it } from 'vitest';
import { run, lanAB } from './helpers.ts';

// A: eth0 192.168.100.10/24 (global) and .204/32 scope host; eth1 (no segment)
// 192.168.100.36/24; lo: .201/32 scope host, .202/32 global.
const targets = {
  'on eth0': '192.168.100.10',
  'on eth0, scope host': '192.168.100.204',
  'on eth1 (another NIC)': '192.168.100.36',
  'on lo, scope host': '192.168.100.201',
  'on lo, scope global': '192.168.100.202',
} as const;

const expected: Record<number, Record<keyof typeof targets, boolean>> = {
  0: { 'on eth0': true, 'on eth0, scope host': true, 'on eth1 (another NIC)': true, 'on lo, scope host': true, 'on lo, scope global': true },
  1: { 'on eth0': true, 'on eth0, scope host': true, 'on eth1 (another NIC)': false, 'on lo, scope host': false, 'on lo, scope global': false },
  2: { 'on eth0': true, 'on eth0, scope host': true, 'on eth1 (another NIC)': false, 'on lo, scope host': false, 'on lo, scope global': false },
  3: { 'on eth0': true, 'on eth0, scope host': false, 'on eth1 (another NIC)': true, 'on lo, scope host': false, 'on lo, scope global': true },
  5: { 'on eth0': true, 'on eth0, scope host': true, 'on eth1 (another NIC)': true, 'on lo, scope host': true, 'on lo, scope global': true },
  8: { 'on eth0': false, 'on eth0, scope host': false, 'on eth1 (another NIC)': false, 'on lo, scope host': false, 'on lo, scope global': false },
};

describe('arp_ignore on the receiving interface', () => {
  for (const [mode, row] of Object.entries(expected)) {
    for (const [where, tip] of Object.entries(targets)) {
      const replies = row[where as keyof typeof targets];
      it(`mode ${mode}, target ${where}: ${replies ? 'reply' : 'no reply'}`, () => {
        const r = run(lanAB({
          interfaces: {
            eth0: { mac: '02:00:00:00:0a:00', addresses: ['192.168.100.10/24', { cidr: '192.168.100.204/32', scope: 'host' }] },
            eth1: { mac: '02:00:00:00:0a:01', addresses: ['192.168.100.36/24'] },
            lo: { addresses: [{ cidr: '192.168.100.201/32', scope: 'host' }, '192.168.100.202/32'] },
          },
          sysctls: { 'net.ipv4.conf.eth0.arp_ignore': Number(mode) },
        }, [{ type: 'arping', host: 'B', iface: 'eth0', target: tip, count: 1, w: 1 }]));
        expect(r.steps[1].ok).toBe(replies);
        const replied = r.steps[1].frames.some((f) => f.from === 'A.eth0' && f.op === 'reply');
        expect(replied).toBe(replies);
        // A request for a local address refused by arp_ignore does nothing at all: no entry.
        if (!replies) expect(r.steps[1].neigh.A).toEqual([]);
      });
    }
  }

  it('mode 2 needs a subnet on the interface holding both target and sender', () => {
    const base = lanAB({
      interfaces: { eth0: { mac: '02:00:00:00:0a:00', addresses: ['192.168.100.10/24', { cidr: '10.0.0.1/8', label: 'eth0:0' }] } },
      sysctls: { 'net.ipv4.conf.eth0.arp_ignore': 2 },
    });
    base.hosts.B.interfaces!.eth0.addresses = ['192.168.100.99/24', '10.1.2.3/8'];
    base.actions = [
      { type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.10', src: '10.1.2.3', count: 1, w: 1 },
      { type: 'arping', host: 'B', iface: 'eth0', target: '10.0.0.1', src: '10.1.2.3', count: 1, w: 1 },
      { type: 'arping', host: 'B', iface: 'eth0', target: '10.0.0.1', src: '192.168.100.99', count: 1, w: 1 },
    ];
    const r = run(base);
    expect(r.steps.slice(1).map((s) => s.ok)).toEqual([false, true, false]);
  });

  it('the effective value is max(all, eth0): all=8 silences eth0=0', () => {
    const r = run(lanAB({ sysctls: { 'net.ipv4.conf.all.arp_ignore': 8 } }, [{ type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.10', count: 1, w: 1 }]));
    expect(r.steps[1].ok).toBe(false);
    const why = r.events.slice().find((e) => e.kind === 'decision' && e.rule === 'arp_ignore');
    expect(why && why.kind === 'decision' && { reason: why.reason, setting: why.settings.find((x) => x.name === 'arp_ignore') }).toEqual({
      reason: 'never',
      setting: { name: 'arp_ignore', dev: 'eth0', value: 8, combine: 'max', all: 8, devValue: 0, from: 'all' },
    });
  });

  it('lo/arp_ignore is never read for requests arriving on eth0', () => {
    const r = run(lanAB({
      interfaces: { eth0: { mac: '02:00:00:00:0a:00', addresses: ['192.168.100.10/24'] }, lo: { addresses: ['192.168.100.200/32'] } },
      sysctls: { 'net.ipv4.conf.lo.arp_ignore': 1 },
    }, [{ type: 'arping', host: 'B', iface: 'eth0', target: '192.168.100.200', count: 1, w: 1 }]));
    expect(r.steps[1].ok).toBe(true);
  });
});
