import { describe, expect, it } from 'vitest';
import twoNic from '../examples/twoNic.json';
import { loadScenario } from '../scenario/load.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import { applyOp } from './apply.ts';
import { checkOp } from './check.ts';
import { OpError, type ScenarioOp } from './op.ts';
import { duplicateHost } from './duplicate.ts';
import { planLink } from './link.ts';
import { freshMac, nextIfName, nextInSubnet, nextName, usedMacs, vipFor } from './names.ts';
import { describeRemoval } from './removed.ts';
import { addFromPalette, hostTemplate } from './templates.ts';

const base = twoNic as ScenarioV1;
const frozen = structuredClone(base);
const empty: ScenarioV1 = { version: 2, hosts: {} };

const valid = (s: ScenarioV1) => {
  const r = loadScenario(s);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return true;
};
const apply = (s: ScenarioV1, ...ops: ScenarioOp[]) => ops.reduce(applyOp, s);

describe('hosts and segments', () => {
  it('adds hosts and segments at a position, refuses a taken name', () => {
    const s = apply(empty, { type: 'addHost', name: 'H1', host: {}, at: { x: 10, y: 20 } }, { type: 'addSegment', name: 'sw1', at: { x: 5, y: 6 } });
    expect(s.hosts.H1).toEqual({});
    expect(s.segments).toEqual({ sw1: [] });
    expect(s.layout).toEqual({ H1: { x: 10, y: 20 }, sw1: { x: 5, y: 6 } });
    expect(() => applyOp(s, { type: 'addHost', name: 'sw1', host: {} })).toThrow(OpError);
    expect(() => applyOp(s, { type: 'addSegment', name: 'H1' })).toThrow(OpError);
    expect(empty).toEqual({ version: 2, hosts: {} });
    valid(s);
  });

  it('renames a host in place: segments, actions, layout follow; renaming back restores it exactly', () => {
    const s = applyOp(base, { type: 'renameHost', from: 'B', to: 'client' });
    expect(Object.keys(s.hosts)).toEqual(['A', 'client']);
    expect(s.segments?.lan).toEqual(['A.eth0', 'A.eth1', 'client.eth0']);
    expect(s.actions?.map((a) => a.host)).toEqual(['client', 'client']);
    expect(Object.keys(s.layout ?? {})).toEqual(['A', 'client', 'lan', 'net172']);
    valid(s);
    expect(JSON.stringify(applyOp(s, { type: 'renameHost', from: 'client', to: 'B' }))).toBe(JSON.stringify(base));
    expect(() => applyOp(base, { type: 'renameHost', from: 'B', to: 'lan' })).toThrow(OpError);
    expect(applyOp(base, { type: 'renameHost', from: 'B', to: 'B' })).toBe(base);
    expect(base).toEqual(frozen);
  });

  it('renames a segment and its layout entry', () => {
    const s = applyOp(base, { type: 'renameSegment', from: 'lan', to: 'office' });
    expect(Object.keys(s.segments ?? {})).toEqual(['office', 'net172']);
    expect(s.layout?.office).toEqual(base.layout?.lan);
    valid(s);
  });

  it('sets and clears the host kind', () => {
    const s = applyOp(base, { type: 'setHostKind', host: 'A', kind: 'router' });
    expect(s.hosts.A.kind).toBe('router');
    expect(applyOp(s, { type: 'setHostKind', host: 'A', kind: null }).hosts.A).toEqual(base.hosts.A);
    expect(applyOp(base, { type: 'setHostKind', host: 'A', kind: null })).toBe(base);
  });

  it('deletes a host with its ports, the actions naming it and its layout', () => {
    const s = applyOp(base, { type: 'deleteHost', host: 'B' });
    expect(Object.keys(s.hosts)).toEqual(['A']);
    expect(s.segments?.lan).toEqual(['A.eth0', 'A.eth1']);
    expect(s.actions).toEqual([]);
    expect(s.layout?.B).toBeUndefined();
    valid(s);
    const removed = describeRemoval(base, s);
    expect(removed).toContainEqual({ what: 'host', host: 'B' });
    expect(removed).toContainEqual({ what: 'port', segment: 'lan', port: 'B.eth0' });
    expect(removed.filter((r) => r.what === 'action')).toHaveLength(2);
  });

  it('keeps the MACs of later hosts when a host is deleted (default MACs are numbered by position)', () => {
    const s: ScenarioV1 = {
      hosts: { X: { interfaces: { eth0: {} } }, Y: { interfaces: { eth0: {}, eth1: { mac: '02:aa:00:00:00:01' } } } },
      segments: { lan: ['X.eth0', 'Y.eth0'] },
      actions: [{ type: 'flush', hosts: ['X', 'Y'] }],
    };
    const out = applyOp(s, { type: 'deleteHost', host: 'X' });
    expect(out.hosts.Y.interfaces).toEqual({ eth0: { mac: '02:00:00:00:02:00' }, eth1: { mac: '02:aa:00:00:00:01' } });
    expect(out.actions).toEqual([{ type: 'flush', hosts: ['Y'] }]);
    valid(out);
  });

  it('deletes a segment; its interfaces stay', () => {
    const s = applyOp(base, { type: 'deleteSegment', segment: 'net172' });
    expect(Object.keys(s.segments ?? {})).toEqual(['lan']);
    expect(s.hosts.A.interfaces?.eth2).toBeDefined();
    expect(s.layout?.net172).toBeUndefined();
    valid(s);
  });
});

describe('interfaces', () => {
  it('adds an interface, refuses a duplicate name, removes it again exactly', () => {
    const s = applyOp(base, { type: 'addInterface', host: 'B', dev: 'eth1', iface: { mac: '02:00:00:00:0b:01' } });
    expect(Object.keys(s.hosts.B.interfaces ?? {})).toEqual(['eth0', 'eth1']);
    expect(() => applyOp(s, { type: 'addInterface', host: 'B', dev: 'eth1' })).toThrow(OpError);
    expect(JSON.stringify(applyOp(s, { type: 'removeInterface', host: 'B', dev: 'eth1' }))).toBe(JSON.stringify(base));
  });

  it('removes an interface with its port, routes, sysctls, neighbours and actions', () => {
    const withMore = apply(base,
      { type: 'addNeigh', host: 'A', entry: { ip: '192.168.100.1', lladdr: '02:00:00:00:99:01', dev: 'eth1' } },
      { type: 'addAction', action: { type: 'ping', host: 'A', to: '192.168.100.39', iface: 'eth1' } });
    const s = applyOp(withMore, { type: 'removeInterface', host: 'A', dev: 'eth1' });
    expect(Object.keys(s.hosts.A.interfaces ?? {})).toEqual(['eth0', 'eth2']);
    expect(s.segments?.lan).toEqual(['A.eth0', 'B.eth0']);
    expect(s.hosts.A.routes?.map((r) => (typeof r === 'string' ? r : r.dev))).toEqual(['eth0', 'eth2']);
    expect(s.hosts.A.sysctls?.['net.ipv4.conf.eth1.rp_filter']).toBeUndefined();
    expect(s.hosts.A.neigh).toEqual([]);
    expect(s.actions).toHaveLength(2);
    valid(s);
    const kinds = describeRemoval(withMore, s).map((r) => r.what);
    expect(kinds).toEqual(['iface', 'route', 'neigh', 'sysctl', 'port', 'action']);
  });

  it('drops the routes whose gateway is no longer on a connected subnet', () => {
    const s: ScenarioV1 = {
      hosts: {
        R: {
          interfaces: { eth0: { addresses: ['10.0.0.1/24'] }, eth1: { addresses: ['192.168.1.1/24'] } },
          routes: ['default via 192.168.1.254', '172.16.0.0/16 via 10.0.0.254'],
        },
      },
    };
    valid(s);
    const out = applyOp(s, { type: 'removeInterface', host: 'R', dev: 'eth1' });
    expect(out.hosts.R.routes).toEqual(['172.16.0.0/16 via 10.0.0.254']);
    valid(out);
  });

  it('renames an interface everywhere', () => {
    const withLabel = apply(base, { type: 'addAddress', host: 'A', dev: 'eth1', address: { cidr: '192.168.100.200/32', label: 'eth1:0' } },
      { type: 'addAction', action: { type: 'arping', host: 'A', iface: 'eth1', target: '192.168.100.39' } });
    const s = applyOp(withLabel, { type: 'renameInterface', host: 'A', from: 'eth1', to: 'ens4' });
    expect(Object.keys(s.hosts.A.interfaces ?? {})).toEqual(['eth0', 'ens4', 'eth2']);
    expect(s.hosts.A.interfaces?.ens4.addresses?.[1]).toEqual({ cidr: '192.168.100.200/32', label: 'ens4:0' });
    expect(s.segments?.lan).toEqual(['A.eth0', 'A.ens4', 'B.eth0']);
    expect(s.hosts.A.sysctls?.['net.ipv4.conf.ens4.rp_filter']).toBe(1);
    expect((s.hosts.A.routes?.[1] as { dev: string }).dev).toBe('ens4');
    expect(s.actions?.[2].iface).toBe('ens4');
    valid(s);
    expect(JSON.stringify(applyOp(s, { type: 'renameInterface', host: 'A', from: 'ens4', to: 'eth1' }))).toBe(JSON.stringify(withLabel));
    expect(() => applyOp(base, { type: 'renameInterface', host: 'A', from: 'eth0', to: 'eth1' })).toThrow(OpError);
  });

  it('sets MAC and state; null MAC goes back to the default', () => {
    const s = applyOp(base, { type: 'setInterface', host: 'B', dev: 'eth0', mac: '02:00:00:00:0b:99', state: 'down' });
    expect(s.hosts.B.interfaces?.eth0).toMatchObject({ mac: '02:00:00:00:0b:99', state: 'down' });
    const up = applyOp(s, { type: 'setInterface', host: 'B', dev: 'eth0', state: 'up', mac: null });
    expect(up.hosts.B.interfaces?.eth0.state).toBeUndefined();
    expect(up.hosts.B.interfaces?.eth0.mac).toBeUndefined();
    expect(applyOp(base, { type: 'setInterface', host: 'B', dev: 'eth0', state: 'up' })).toBe(base);
  });

  it('attaches and detaches ports', () => {
    const s = applyOp(base, { type: 'attachPort', segment: 'net172', port: 'B.eth0' });
    expect(s.segments?.net172).toEqual(['A.eth2', 'B.eth0']);
    expect(applyOp(s, { type: 'attachPort', segment: 'net172', port: 'B.eth0' })).toBe(s);
    const d = applyOp(base, { type: 'detachPort', segment: 'lan', port: 'A.eth1' });
    expect(d.segments?.lan).toEqual(['A.eth0', 'B.eth0']);
    expect(() => applyOp(base, { type: 'attachPort', segment: 'lan', port: 'B.eth7' })).toThrow(OpError);
  });
});

describe('addresses, routes, neighbours', () => {
  it('updates an address in place', () => {
    const s = applyOp(base, { type: 'updateAddress', host: 'B', dev: 'eth0', index: 0, address: { cidr: '192.168.100.40/24', label: 'eth0:1' } });
    expect(s.hosts.B.interfaces?.eth0.addresses).toEqual([{ cidr: '192.168.100.40/24', label: 'eth0:1' }]);
    expect(() => applyOp(base, { type: 'updateAddress', host: 'B', dev: 'eth0', index: 3, address: '1.2.3.4/8' })).toThrow(OpError);
  });

  it('updates a route in place', () => {
    const s = applyOp(base, { type: 'updateRoute', host: 'A', index: 1, route: { dest: '192.168.100.0/24', dev: 'eth1', metric: 50 } });
    expect(s.hosts.A.routes?.[1]).toEqual({ dest: '192.168.100.0/24', dev: 'eth1', metric: 50 });
    valid(s);
  });

  it('adds, updates and deletes static neighbour entries', () => {
    const entry = { ip: '192.168.100.1', lladdr: '02:00:00:00:99:01', dev: 'eth0', nud: 'permanent' as const };
    const s1 = applyOp(base, { type: 'addNeigh', host: 'B', entry });
    expect(s1.hosts.B.neigh).toEqual([entry]);
    const s2 = applyOp(s1, { type: 'updateNeigh', host: 'B', index: 0, entry: { ...entry, nud: 'noarp' } });
    expect(s2.hosts.B.neigh?.[0].nud).toBe('noarp');
    expect(applyOp(s2, { type: 'deleteNeigh', host: 'B', index: 0 }).hosts.B.neigh).toEqual([]);
    expect(() => applyOp(base, { type: 'deleteNeigh', host: 'B', index: 0 })).toThrow(OpError);
  });
});

describe('validation of edits (checkOp reuses loadScenario)', () => {
  const codes = (op: ScenarioOp, s = base) => {
    const r = checkOp(s, op);
    return r.ok ? [] : r.issues.map((i) => i.code);
  };
  it('refuses an invalid address or prefix, keeping the scenario', () => {
    expect(codes({ type: 'updateAddress', host: 'B', dev: 'eth0', index: 0, address: '192.168.100.300/24' })).toEqual(['notCidr']);
    expect(codes({ type: 'addAddress', host: 'B', dev: 'eth0', address: '192.168.100.40/33' })).toEqual(['notCidr']);
    expect(codes({ type: 'addAddress', host: 'B', dev: 'eth0', address: '192.168.100.40' })).toEqual(['notCidr']);
  });
  it('refuses a duplicate MAC, a duplicate name, a gateway that is not reachable, an interface on two segments', () => {
    expect(codes({ type: 'setInterface', host: 'B', dev: 'eth0', mac: '02:00:00:00:0a:00' })).toEqual(['duplicateMac']);
    expect(checkOp(base, { type: 'renameHost', from: 'B', to: 'A' }).ok).toBe(false);
    expect(codes({ type: 'addRoute', host: 'B', route: { dest: 'default', via: '10.1.1.1' } })).toEqual(['gatewayNotOnLink']);
    expect(codes({ type: 'attachPort', segment: 'net172', port: 'A.eth0' })).toEqual(['ifaceOnTwoSegments']);
    expect(codes({ type: 'renameHost', from: 'B', to: '9lives' })).toEqual(['badHostName']);
  });
});

describe('palette, names, links, duplicates', () => {
  it('names: next free host, interface, MAC, address', () => {
    expect(nextName(base, 'H')).toBe('H1');
    expect(nextIfName(base.hosts.A)).toBe('eth3');
    expect(nextIfName({}, ['eth0'])).toBe('eth1');
    const taken = usedMacs(base);
    expect(taken.has('02:00:00:00:0a:00')).toBe(true);
    expect(freshMac(taken, 0, 0)).toBe('02:00:00:00:01:00');
    expect(freshMac(new Set(['02:00:00:00:01:00']), 0, 0)).toBe('02:00:00:01:00:00');
    expect(nextInSubnet(new Set(), '192.168.100.254/24')).toBe('192.168.100.1/24');
    expect(vipFor(base)).toBe('192.168.100.200');
  });

  it('palette items have the documented defaults', () => {
    const rs = hostTemplate(empty, 'real-server');
    expect(rs).toEqual({
      kind: 'real-server',
      interfaces: { lo: { addresses: [{ cidr: '192.168.100.200/32', label: 'lo:0' }] } },
      sysctls: { 'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2 },
    });
    expect(hostTemplate(empty, 'router').sysctls).toEqual({ 'net.ipv4.ip_forward': 1 });
    const dr = hostTemplate(empty, 'director');
    expect(dr.interfaces?.eth0.addresses).toEqual([{ cidr: '192.168.100.200/32', label: 'eth0:0' }]);
    // The VIP is shared with the real servers already there; else the next free address.
    const withRs = applyOp(empty, addFromPalette(empty, 'real-server', { x: 0, y: 0 }).op);
    expect(hostTemplate(withRs, 'director').interfaces?.eth0.addresses).toEqual([{ cidr: '192.168.100.200/32', label: 'eth0:0' }]);
    const taken = applyOp(empty, { type: 'addHost', name: 'X', host: { interfaces: { eth0: { addresses: ['192.168.100.200/24'] } } } });
    expect(vipFor(taken)).toBe('192.168.100.201');
    let s = empty;
    for (const k of ['host', 'router', 'switch', 'client', 'director', 'real-server'] as const) s = applyOp(s, addFromPalette(s, k, { x: 1.4, y: 2.6 }).op);
    expect(Object.keys(s.hosts)).toEqual(['H1', 'R1', 'C1', 'DR1', 'RS1']);
    expect(s.layout?.sw1).toEqual({ x: 1, y: 3 });
    valid(s);
  });

  it('links: host → switch creates eth0, eth1…; host → host creates a cable segment', () => {
    let s = apply(empty, { type: 'addHost', name: 'A', host: {} }, { type: 'addHost', name: 'B', host: {} }, { type: 'addSegment', name: 'sw1' });
    const step = (a: Parameters<typeof planLink>[1], b: Parameters<typeof planLink>[2]) => {
      const p = planLink(s, a, b, { A: { x: 0, y: 0 }, B: { x: 100, y: 50 } });
      if (!p.ok) throw new Error(p.reason);
      s = applyOp(s, p.op);
      valid(s);
      return p;
    };
    step({ kind: 'host', host: 'A' }, { kind: 'segment', segment: 'sw1' });
    step({ kind: 'host', host: 'A' }, { kind: 'segment', segment: 'sw1' });
    step({ kind: 'segment', segment: 'sw1' }, { kind: 'host', host: 'B' });
    expect(s.segments?.sw1).toEqual(['A.eth0', 'A.eth1', 'B.eth0']);
    const p = step({ kind: 'host', host: 'A' }, { kind: 'host', host: 'B' });
    expect(p.segment).toBe('link1');
    expect(s.segments?.link1).toEqual(['A.eth2', 'B.eth1']);
    expect(s.layout?.link1).toEqual({ x: 50, y: 25 });
    const macs = Object.values(s.hosts).flatMap((h) => Object.values(h.interfaces ?? {}).map((i) => i.mac));
    expect(new Set(macs).size).toBe(5);
    // A port on a segment → a host joins that segment.
    step({ kind: 'port', host: 'A', dev: 'eth0' }, { kind: 'host', host: 'B' });
    expect(s.segments?.sw1).toEqual(['A.eth0', 'A.eth1', 'B.eth0', 'B.eth2']);
    expect(planLink(s, { kind: 'segment', segment: 'sw1' }, { kind: 'segment', segment: 'link1' })).toEqual({ ok: false, reason: 'segmentToSegment' });
    expect(planLink(s, { kind: 'host', host: 'A' }, { kind: 'host', host: 'A' })).toEqual({ ok: false, reason: 'same' });
    expect(planLink(s, { kind: 'port', host: 'A', dev: 'eth0' }, { kind: 'segment', segment: 'sw1' })).toEqual({ ok: false, reason: 'alreadyThere' });
    // A port already on a segment dragged to another one: validation says why not.
    const again = planLink(s, { kind: 'port', host: 'A', dev: 'eth0' }, { kind: 'segment', segment: 'link1' });
    expect(again.ok && checkOp(s, again.op)).toMatchObject({ ok: false, issues: [{ code: 'ifaceOnTwoSegments' }] });
  });

  it('links reuse a host’s unattached interface (the director’s eth0 with its VIP)', () => {
    let s = applyOp(empty, addFromPalette(empty, 'director', { x: 0, y: 0 }).op);
    s = applyOp(s, { type: 'addSegment', name: 'lan' });
    const p = planLink(s, { kind: 'host', host: 'DR1' }, { kind: 'segment', segment: 'lan' });
    expect(p.ok && p.ports).toEqual(['DR1.eth0', null]);
  });

  it('duplicates a host: fresh MACs, next addresses, same VIP on lo, same segments', () => {
    let s = apply(empty, { type: 'addSegment', name: 'lan' }, addFromPalette(empty, 'real-server', { x: 0, y: 0 }).op);
    const p = planLink(s, { kind: 'host', host: 'RS1' }, { kind: 'segment', segment: 'lan' });
    s = apply(s, (p as { op: ScenarioOp }).op,
      { type: 'addAddress', host: 'RS1', dev: 'eth0', address: '192.168.100.21/24' },
      { type: 'addRoute', host: 'RS1', route: { dest: '10.0.0.0/8', via: '192.168.100.1', src: '192.168.100.21' } });
    s = { ...s, hosts: { ...s.hosts, RS1: { ...s.hosts.RS1, listen: [{ port: 80, addr: '192.168.100.21' }, { port: 53, proto: 'udp' }] } } };
    valid(s);
    const d = duplicateHost(s, 'RS1', { x: 50, y: 50 });
    expect(d?.name).toBe('RS2');
    const out = applyOp(s, d!.op);
    valid(out);
    const rs2 = out.hosts.RS2;
    expect(rs2.interfaces?.lo).toEqual(s.hosts.RS1.interfaces?.lo);
    expect(rs2.interfaces?.eth0.addresses).toEqual(['192.168.100.22/24']);
    expect(rs2.interfaces?.eth0.mac).not.toBe(s.hosts.RS1.interfaces?.eth0.mac);
    expect(rs2.routes).toEqual([{ dest: '10.0.0.0/8', via: '192.168.100.1', src: '192.168.100.22' }]);
    expect(out.segments?.lan).toEqual(['RS1.eth0', 'RS2.eth0']);
    expect(out.hosts.RS2.sysctls).toEqual(s.hosts.RS1.sysctls);
    // a socket bound to a moved address follows it
    expect(rs2.listen).toEqual([{ port: 80, addr: '192.168.100.22' }, { port: 53, proto: 'udp' }]);
  });
});
