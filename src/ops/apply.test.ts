import { describe, expect, it } from 'vitest';
import twoNic from '../examples/twoNic.json';
import type { ScenarioV1 } from '../scenario/types.ts';
import { applyOp } from './apply.ts';
import { checkOp } from './check.ts';
import { OpError, type ScenarioOp } from './op.ts';

const base = twoNic as ScenarioV1;
const frozen = structuredClone(base);

describe('applyOp', () => {
  it('sets and removes a sysctl without touching the input', () => {
    const s1 = applyOp(base, { type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.eth0.arp_ignore', value: 1 });
    expect(s1.hosts.A.sysctls?.['net.ipv4.conf.eth0.arp_ignore']).toBe(1);
    expect(s1.hosts.B).toBe(base.hosts.B);
    const s2 = applyOp(s1, { type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.eth0.arp_ignore', value: null });
    expect(s2.hosts.A.sysctls).toEqual(base.hosts.A.sysctls);
    expect(base).toEqual(frozen);
  });

  it('returns the same object for a no-op', () => {
    expect(applyOp(base, { type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.all.rp_filter', value: 1 })).toBe(base);
    expect(applyOp(base, { type: 'setRouteMetric', host: 'A', index: 1, metric: 101 })).toBe(base);
    expect(applyOp(base, { type: 'moveNode', id: 'A', x: base.layout!.A.x, y: base.layout!.A.y })).toBe(base);
  });

  it('applies a batch of moves as the same moves one after another would (order of keys included)', () => {
    const { lan: _lan, ...partial } = base.layout!;
    const s0 = { ...base, layout: partial };
    const ops: ScenarioOp[] = [
      { type: 'moveNode', id: 'B', x: 5, y: 6 },
      { type: 'moveNode', id: 'lan', x: 1, y: 2 },
      { type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.all.arp_ignore', value: 1 },
      { type: 'moveNode', id: 'A', x: partial.A.x, y: partial.A.y },
      { type: 'moveNode', id: 'lan', x: 3, y: 4 },
    ];
    const one = applyOp(s0, { type: 'batch', ops });
    const each = ops.reduce<ScenarioV1>(applyOp, s0);
    expect(one).toEqual(each);
    expect(Object.keys(one.layout!)).toEqual(Object.keys(each.layout!));
    expect(one.layout!.lan).toEqual({ x: 3, y: 4 });
    expect(s0.layout).toBe(partial);
    expect(applyOp(base, { type: 'batch', ops: [{ type: 'moveNode', id: 'A', ...base.layout!.A }, { type: 'moveNode', id: 'B', ...base.layout!.B }] })).toBe(base);
    expect(() => applyOp(base, { type: 'batch', ops: [{ type: 'moveNode', id: 'A', x: 0, y: 0 }, { type: 'moveNode', id: 'Z', x: 0, y: 0 }] })).toThrow(OpError);
  });

  it('edits, adds and deletes routes', () => {
    const s1 = applyOp(base, { type: 'setRouteMetric', host: 'A', index: 1, metric: 5 });
    expect(s1.hosts.A.routes?.[1]).toMatchObject({ dev: 'eth1', metric: 5 });
    const s2 = applyOp(s1, { type: 'addRoute', host: 'A', route: { dest: 'default', via: '192.168.100.2', dev: 'eth0', metric: 100 } });
    expect(s2.hosts.A.routes).toHaveLength(4);
    const s3 = applyOp(s2, { type: 'deleteRoute', host: 'A', index: 0 });
    expect(s3.hosts.A.routes).toHaveLength(3);
    expect(base).toEqual(frozen);
  });

  it('turns a route string into an object when its metric is edited', () => {
    const s = applyOp({ ...base, hosts: { ...base.hosts, B: { ...base.hosts.B, routes: ['default via 192.168.100.2 dev eth0'] } } },
      { type: 'setRouteMetric', host: 'B', index: 0, metric: 7 });
    expect(s.hosts.B.routes?.[0]).toEqual({ dest: 'default', via: '192.168.100.2', dev: 'eth0', metric: 7 });
  });

  it('adds, edits, moves and deletes actions', () => {
    const flush: ScenarioOp = { type: 'addAction', action: { type: 'flush', hosts: ['B'] }, index: 0 };
    const s1 = applyOp(base, flush);
    expect(s1.actions?.map((a) => a.type)).toEqual(['flush', 'ping', 'ping']);
    const s2 = applyOp(s1, { type: 'moveAction', from: 0, to: 2 });
    expect(s2.actions?.map((a) => a.type)).toEqual(['ping', 'ping', 'flush']);
    const s3 = applyOp(s2, { type: 'updateAction', index: 0, action: { type: 'wait', seconds: 2 } });
    expect(s3.actions?.[0]).toEqual({ type: 'wait', seconds: 2 });
    const s4 = applyOp(s3, { type: 'deleteAction', index: 2 });
    expect(s4.actions).toHaveLength(2);
  });

  it('adds and deletes addresses', () => {
    const s1 = applyOp(base, { type: 'addAddress', host: 'B', dev: 'lo', address: { cidr: '10.0.0.100/32', label: 'lo:0' } });
    expect(s1.hosts.B.interfaces?.lo?.addresses).toEqual([{ cidr: '10.0.0.100/32', label: 'lo:0' }]);
    const s2 = applyOp(s1, { type: 'deleteAddress', host: 'B', dev: 'lo', index: 0 });
    expect(s2.hosts.B.interfaces?.lo?.addresses).toEqual([]);
  });

  it('rejects bad operations with OpError', () => {
    expect(() => applyOp(base, { type: 'deleteRoute', host: 'A', index: 9 })).toThrow(OpError);
    expect(() => applyOp(base, { type: 'setSysctl', host: 'Z', key: 'x', value: 1 })).toThrow(OpError);
    expect(() => applyOp(base, { type: 'setRouteMetric', host: 'A', index: 0, metric: -1 })).toThrow(OpError);
    expect(() => applyOp(base, { type: 'addAddress', host: 'A', dev: 'eth9', address: '1.2.3.4/24' })).toThrow(OpError);
    expect(() => applyOp(base, { type: 'bogus' } as unknown as ScenarioOp)).toThrow(OpError);
  });
});

describe('names are own properties only (no phantom hosts from Object.prototype)', () => {
  const inherited = ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__'];
  const opsOn = (name: string): ScenarioOp[] => [
    { type: 'setSysctl', host: name, key: 'net.ipv4.conf.all.arp_ignore', value: 1 },
    { type: 'addRoute', host: name, route: { dest: '10.0.0.0/8', dev: 'eth0' } },
    { type: 'deleteRoute', host: name, index: 0 },
    { type: 'setRouteMetric', host: name, index: 0, metric: 1 },
    { type: 'addAddress', host: name, dev: 'eth0', address: '10.0.0.1/24' },
    { type: 'deleteAddress', host: name, dev: 'eth0', index: 0 },
    { type: 'addNeigh', host: name, entry: { ip: '10.0.0.9', dev: 'eth0', nud: 'noarp' } },
    { type: 'setHostKind', host: name, kind: 'router' },
    { type: 'addInterface', host: name, dev: 'eth5' },
    { type: 'renameHost', from: name, to: 'Q' },
    { type: 'deleteHost', host: name },
    { type: 'moveNode', id: name, x: 1, y: 2 },
    { type: 'attachPort', segment: name, port: 'A.eth0' },
    { type: 'renameSegment', from: name, to: 'q' },
    { type: 'deleteSegment', segment: name },
  ];
  it.each(inherited)('every op on host/segment "%s" throws OpError, and checkOp refuses it', (name) => {
    for (const op of opsOn(name)) {
      expect(() => applyOp(base, op), JSON.stringify(op)).toThrow(OpError);
      const r = checkOp(base, op);
      expect(r.ok, JSON.stringify(op)).toBe(false);
    }
  });
  it('an interface or sysctl key named like an Object.prototype member is not found either', () => {
    for (const dev of ['toString', 'constructor']) {
      expect(() => applyOp(base, { type: 'addAddress', host: 'A', dev, address: '10.0.0.1/24' })).toThrow(OpError);
      expect(() => applyOp(base, { type: 'deleteAddress', host: 'A', dev, index: 0 })).toThrow(OpError);
      expect(() => applyOp(base, { type: 'removeInterface', host: 'A', dev })).toThrow(OpError);
      expect(() => applyOp(base, { type: 'attachPort', segment: 'lan', port: `A.${dev}` })).toThrow(OpError);
    }
    // Removing a sysctl that is not written is a no-op, even for an inherited name.
    expect(applyOp(base, { type: 'setSysctl', host: 'A', key: 'toString', value: null })).toBe(base);
    expect(checkOp(base, { type: 'setSysctl', host: 'A', key: 'constructor', value: 1 }).ok).toBe(false);
  });
});
