/**
 * Removal takes exactly the dependents of the removed thing (property test, seeded):
 *  - complete: the result loads cleanly (nothing dangles);
 *  - exact: putting back any one other removed item (a port, route, neighbour, sysctl,
 *    action) makes the scenario invalid again, so each really depended on the removed thing;
 *  - untouched: hosts other than the removed one keep everything but their pinned MACs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import twoNic from '../examples/twoNic.json';
import { scenarioArbitrary } from '../scenario/arbitrary.ts';
import { loadScenario } from '../scenario/load.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import { applyOp } from './apply.ts';
import type { ScenarioOp } from './op.ts';
import { describeRemoval, type Removed } from './removed.ts';

const SEED = 20261207;

/** `after` with one removed item put back (at its old place where it has one). */
function putBack(before: ScenarioV1, after: ScenarioV1, r: Removed): ScenarioV1 | null {
  const host = (name: string) => (Object.hasOwn(after.hosts, name) ? after.hosts[name] : null);
  switch (r.what) {
    case 'port': {
      const segs = after.segments ?? {};
      return Object.hasOwn(segs, r.segment) ? { ...after, segments: { ...segs, [r.segment]: [...segs[r.segment], r.port] } } : null;
    }
    case 'route': {
      const h = host(r.host);
      return h ? { ...after, hosts: { ...after.hosts, [r.host]: { ...h, routes: [...(h.routes ?? []), r.route] } } } : null;
    }
    case 'neigh': {
      const h = host(r.host);
      return h ? { ...after, hosts: { ...after.hosts, [r.host]: { ...h, neigh: [...(h.neigh ?? []), r.entry] } } } : null;
    }
    case 'sysctl': {
      const h = host(r.host);
      const v = before.hosts[r.host].sysctls?.[r.key];
      return h && v !== undefined ? { ...after, hosts: { ...after.hosts, [r.host]: { ...h, sysctls: { ...(h.sysctls ?? {}), [r.key]: v } } } } : null;
    }
    case 'action': {
      const actions = [...(after.actions ?? [])];
      actions.splice(Math.min(r.index, actions.length), 0, r.action);
      return { ...after, actions };
    }
    default:
      return null; // the removed thing itself
  }
}

const withoutMacs = (h: ScenarioV1['hosts'][string]) =>
  JSON.stringify({ ...h, interfaces: Object.fromEntries(Object.entries(h.interfaces ?? {}).map(([d, i]) => [d, { ...i, mac: undefined }])) });

function checkRemoval(s: ScenarioV1, op: ScenarioOp, removedHost: string | null) {
  const after = applyOp(s, op);
  const loaded = loadScenario(after);
  if (!loaded.ok) throw new Error(`dangling after ${JSON.stringify(op)}: ${JSON.stringify(loaded.issues)}`);
  for (const r of describeRemoval(s, after)) {
    const back = putBack(s, after, r);
    if (back === null) continue;
    expect(loadScenario(back).ok, `${JSON.stringify(op)} removed ${JSON.stringify(r)}, which did not depend on it`).toBe(false);
  }
  for (const name of Object.keys(after.hosts)) {
    if (name === removedHost) continue;
    expect(withoutMacs(after.hosts[name]), `${name} changed`).toBe(withoutMacs(s.hosts[name]));
  }
}

describe('removal takes exactly the dependents (cross-reference model)', () => {
  it('removing an interface or a host (property, seeded)', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxHosts: 5, maxActions: 8 }), fc.nat(1000), fc.nat(1000), (s, a, b) => {
        const hosts = Object.keys(s.hosts);
        const host = hosts[a % hosts.length];
        const devs = Object.keys(s.hosts[host].interfaces ?? {}).filter((d) => d !== 'lo');
        if (devs.length) {
          const dev = devs[b % devs.length];
          const op: ScenarioOp = { type: 'removeInterface', host, dev };
          checkRemoval(s, op, host);
        }
        checkRemoval(s, { type: 'deleteHost', host }, host);
        const segs = Object.keys(s.segments ?? {});
        if (segs.length) {
          const seg = segs[b % segs.length];
          const after = applyOp(s, { type: 'deleteSegment', segment: seg });
          expect(describeRemoval(s, after).map((r) => r.what).filter((w) => w !== 'port')).toEqual(['segment']);
          expect(loadScenario(after).ok).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('a gateway reached only through a removed device route goes too, in one pass', () => {
    const s: ScenarioV1 = {
      version: 2,
      hosts: {
        A: {
          interfaces: { eth0: { addresses: ['10.0.0.1/24'] }, eth1: {} },
          routes: [
            { dest: '172.16.0.0/16', dev: 'eth1' },
            { dest: '10.9.0.0/16', via: '172.16.0.1', src: '10.0.0.1' },
            { dest: 'default', via: '10.0.0.254' },
          ],
          sysctls: { 'net.ipv4.conf.eth1.arp_ignore': 1, 'net.ipv4.conf.all.arp_ignore': 1 },
          neigh: [{ ip: '172.16.0.1', dev: 'eth1', lladdr: '02:00:00:00:99:01' }],
        },
        B: { interfaces: { eth0: { addresses: ['10.0.0.2/24'] } } },
      },
      segments: { lan: ['A.eth0', 'B.eth0'], wan: ['A.eth1'] },
      actions: [
        { type: 'ping', host: 'A', to: '10.9.0.1' },
        { type: 'arping', host: 'A', iface: 'eth1', target: '172.16.0.1', count: 1 },
        { type: 'sysctl', hosts: ['A'], set: { 'net.ipv4.conf.eth1.arp_announce': 2, 'net.ipv4.conf.all.arp_announce': 2 } },
        { type: 'sysctl', hosts: ['A'], set: { 'net.ipv4.neigh.eth1.mcast_solicit': 1 } },
        { type: 'flush', hosts: ['A', 'B'] },
      ],
    };
    expect(loadScenario(s).ok).toBe(true);
    const after = applyOp(s, { type: 'removeInterface', host: 'A', dev: 'eth1' });
    expect(after.hosts.A.routes).toEqual([{ dest: 'default', via: '10.0.0.254' }]);
    expect(after.hosts.A.sysctls).toEqual({ 'net.ipv4.conf.all.arp_ignore': 1 });
    expect(after.hosts.A.neigh).toEqual([]);
    expect(after.segments).toEqual({ lan: ['A.eth0', 'B.eth0'], wan: [] });
    expect(after.actions).toEqual([
      { type: 'ping', host: 'A', to: '10.9.0.1' },
      { type: 'sysctl', hosts: ['A'], set: { 'net.ipv4.conf.all.arp_announce': 2 } },
      { type: 'flush', hosts: ['A', 'B'] },
    ]);
    // Removing host B takes it out of the flush, and its port out of lan; A keeps everything.
    const noB = applyOp(s, { type: 'deleteHost', host: 'B' });
    expect(noB.actions?.[4]).toEqual({ type: 'flush', hosts: ['A'] });
    expect(noB.segments?.lan).toEqual(['A.eth0']);
    expect(noB.hosts.A).toEqual(s.hosts.A);
    checkRemoval(s, { type: 'removeInterface', host: 'A', dev: 'eth1' }, 'A');
    checkRemoval(twoNic as ScenarioV1, { type: 'removeInterface', host: 'A', dev: 'eth1' }, 'A');
  });

  it('a listening socket bound to an address of a removed interface goes too; IPVS services stay, as ipvsadm keeps them', () => {
    const s: ScenarioV1 = {
      version: 2,
      hosts: {
        RS: {
          interfaces: { eth0: { addresses: ['10.0.0.2/24'] }, eth1: { addresses: ['10.1.0.2/24'] }, lo: { addresses: ['10.0.0.100/32'] } },
          listen: [{ port: 80, addr: '10.1.0.2' }, { port: 80, addr: '10.0.0.100' }, { port: 53, proto: 'udp' }],
        },
        D: {
          interfaces: { eth0: { addresses: ['10.0.0.1/24'] }, lo: { addresses: ['10.0.0.100/32'] } },
          ipvs: [{ vip: '10.0.0.100', port: 80, dests: [{ ip: '10.1.0.2' }] }],
        },
      },
      segments: { lan: ['RS.eth0', 'D.eth0'] },
    };
    expect(loadScenario(s).ok).toBe(true);
    const after = applyOp(s, { type: 'removeInterface', host: 'RS', dev: 'eth1' });
    expect(after.hosts.RS.listen).toEqual([{ port: 80, addr: '10.0.0.100' }, { port: 53, proto: 'udp' }]);
    expect(describeRemoval(s, after)).toContainEqual({ what: 'listen', host: 'RS', entry: { port: 80, addr: '10.1.0.2' } });
    checkRemoval(s, { type: 'removeInterface', host: 'RS', dev: 'eth1' }, 'RS');
    // the director's real server at a removed address stays: ipvsadm does not know about it
    const noD = applyOp(s, { type: 'removeInterface', host: 'D', dev: 'lo' });
    expect(noD.hosts.D.ipvs).toEqual(s.hosts.D.ipvs);
  });
});
