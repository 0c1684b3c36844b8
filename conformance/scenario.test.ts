import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addrArgs, applyRecordedRpFilter, macMap, planTopology, routeArgs, rpValuesOf, stripAnnotations, type ScenarioV1 } from './scenario.ts';

const article = (f: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'scenarios', 'article', f), 'utf8')) as ScenarioV1;

describe('applyRecordedRpFilter (oracle README, "How a run applied rp_filter")', () => {
  const sc: ScenarioV1 = {
    id: 'X', article: 'claim', rp_filter_values: [1],
    hosts: {
      A: {
        interfaces: { eth0: {}, eth1: {}, lo: { addresses: ['10.9.9.9/32'] } },
        sysctls: { 'net.ipv4.conf.eth0.rp_filter': 2, 'net.ipv4.conf.eth0.arp_ignore': 1, 'net.ipv4.conf.all.rp_filter': 1 },
      },
      B: { interfaces: { eth0: {} } },
    },
    actions: [{ type: 'ping', host: 'A', to: '10.0.0.2', expect: { ok: true }, note: 'n' }],
  };

  it('sets the value on all, default, lo and every interface of every host', () => {
    const v = applyRecordedRpFilter(sc, 2);
    expect(v.hosts.A!.sysctls).toEqual({
      'net.ipv4.conf.all.rp_filter': 2, 'net.ipv4.conf.default.rp_filter': 2, 'net.ipv4.conf.lo.rp_filter': 2,
      'net.ipv4.conf.eth0.rp_filter': 2, 'net.ipv4.conf.eth1.rp_filter': 2, 'net.ipv4.conf.eth0.arp_ignore': 1,
    });
    expect(v.hosts.B!.sysctls).toEqual({
      'net.ipv4.conf.all.rp_filter': 2, 'net.ipv4.conf.default.rp_filter': 2, 'net.ipv4.conf.lo.rp_filter': 2,
      'net.ipv4.conf.eth0.rp_filter': 2,
    });
  });

  it('puts the rp_filter keys first, then the scenario’s own keys (as conform.js does)', () => {
    const keys = Object.keys(applyRecordedRpFilter(sc, 0).hosts.A!.sysctls!);
    expect(keys.at(-1)).toBe('net.ipv4.conf.eth0.arp_ignore');
    expect(keys[0]).toBe('net.ipv4.conf.all.rp_filter');
  });

  it('leaves the annotations out and does not touch its input', () => {
    const before = JSON.stringify(sc);
    const v = applyRecordedRpFilter(sc, 1);
    expect(JSON.stringify(sc)).toBe(before);
    expect(v.id).toBeUndefined();
    expect(v.article).toBeUndefined();
    expect(v.rp_filter_values).toBeUndefined();
    expect(v.actions).toEqual([{ type: 'ping', host: 'A', to: '10.0.0.2' }]);
  });

  it('runs a scenario with rp_filter_fixed as written', () => {
    const v = applyRecordedRpFilter({ ...sc, rp_filter_fixed: true }, 0);
    expect(v.hosts.A!.sysctls).toEqual(sc.hosts.A!.sysctls);
    expect(v.rp_filter_fixed).toBeUndefined();
    expect(rpValuesOf({ ...sc, rp_filter_fixed: true })).toEqual([-1]);
  });

  it('gives the values a scenario is run with in --ci', () => {
    expect(rpValuesOf(sc)).toEqual([1]);
    expect(rpValuesOf(article('S01_basic.json'))).toEqual([1, 0, 2]);
  });

  it('matches the oracle rewrite of an article scenario (S16: proxy_arp kept, rp set everywhere)', () => {
    const v = applyRecordedRpFilter(article('S16_proxy_arp.json'), 1);
    expect(v.hosts.R!.sysctls).toEqual({
      'net.ipv4.conf.all.rp_filter': 1, 'net.ipv4.conf.default.rp_filter': 1, 'net.ipv4.conf.lo.rp_filter': 1,
      'net.ipv4.conf.eth0.rp_filter': 1, 'net.ipv4.conf.eth1.rp_filter': 1,
      'net.ipv4.ip_forward': 1, 'net.ipv4.conf.eth0.proxy_arp': 1,
    });
    expect(v.actions!.every((a) => !('expect' in a) && !('note' in a))).toBe(true);
  });
});

describe('planTopology', () => {
  it('applies the default MAC rule: host index from 1, interface index from 0 (lo counts)', () => {
    const p = planTopology({
      hosts: {
        A: { interfaces: { lo: { addresses: ['10.1.1.1/32'] }, eth0: {}, eth1: { mac: '02:AA:00:00:00:01' } } },
        B: { interfaces: { eth0: {} } },
      },
      segments: { lan: ['B.eth0', 'A.eth0'] },
    });
    expect(p.hosts[0]!.ifaces.map((i) => i.mac)).toEqual(['02:00:00:00:01:01', '02:aa:00:00:00:01']);
    expect(p.hosts[1]!.ifaces[0]!.mac).toBe('02:00:00:00:02:00');
    expect(p.hosts[0]!.loAddresses).toEqual([{ cidr: '10.1.1.1/32', noprefixroute: false }]);
    expect(p.segments[0]!.ports.map((x) => x.name)).toEqual(['B.eth0', 'A.eth0']);
    expect(p.loose.map((x) => x.name)).toEqual(['A.eth1']);
    expect(macMap(p)['02:00:00:00:02:00']).toBe('B.eth0');
  });

  it('keeps the article scenarios’ explicit MACs', () => {
    const p = planTopology(stripAnnotations(article('S03_arp_flux.json')));
    expect(p.hosts[0]!.ifaces.map((i) => i.mac)).toEqual(['02:00:00:00:0a:00', '02:00:00:00:0a:01', '02:00:00:00:0a:02']);
  });
});

describe('command arguments', () => {
  it('spells addresses as ip addr does', () => {
    expect(addrArgs({ cidr: '10.0.0.1/8', label: 'eth0:0', scope: 'host', noprefixroute: true, metric: 5 }, 'eth0', 'add'))
      .toEqual(['10.0.0.1/8', 'dev', 'eth0', 'label', 'eth0:0', 'scope', 'host', 'metric', '5', 'noprefixroute']);
    expect(addrArgs({ cidr: '10.0.0.1/8', label: 'eth0:0', noprefixroute: true }, 'eth0', 'del')).toEqual(['10.0.0.1/8', 'dev', 'eth0']);
  });

  it('spells routes as ip route does, and passes route strings through', () => {
    expect(routeArgs({ dest: '192.168.100.0/24', dev: 'eth0', proto: 'kernel', scope: 'link', src: '192.168.100.17', metric: 0 }))
      .toEqual(['192.168.100.0/24', 'dev', 'eth0', 'proto', 'kernel', 'scope', 'link', 'src', '192.168.100.17', 'metric', '0']);
    expect(routeArgs({ dest: 'default', via: '192.168.2.1', dev: 'eth0' })).toEqual(['default', 'via', '192.168.2.1', 'dev', 'eth0']);
    expect(routeArgs({ dest: '10.0.0.0/8', type: 'blackhole' })).toEqual(['blackhole', '10.0.0.0/8']);
    expect(routeArgs(' default via 10.0.0.1  dev eth0 ')).toEqual(['default', 'via', '10.0.0.1', 'dev', 'eth0']);
  });
});
