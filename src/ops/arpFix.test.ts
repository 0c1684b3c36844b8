import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index.ts';
import { loadScenario } from '../scenario/load.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import { applyOp } from './apply.ts';
import { arpFixOp, arpFixState, hasArpFix } from './arpFix.ts';
import { checkOp } from './check.ts';
import { addFromPalette, hostTemplate } from './templates.ts';

const VIP = '10.0.0.100';

/** C — R — (D, RS1, RS2): the router resolves the VIP when the client pings it. */
function dr(rs: ScenarioV1['hosts'][string]): ScenarioV1 {
  const withEth = (n: number): ScenarioV1['hosts'][string] => ({ ...rs, interfaces: { ...rs.interfaces, eth0: { addresses: [`10.0.0.${10 + n}/24`] } }, routes: ['default via 10.0.0.1'] });
  return {
    version: 1,
    hosts: {
      C: { kind: 'client', interfaces: { eth0: { addresses: ['10.0.1.2/24'] } }, routes: ['default via 10.0.1.1'] },
      R: { kind: 'router', interfaces: { eth0: { addresses: ['10.0.1.1/24'] }, eth1: { addresses: ['10.0.0.1/24'] } }, sysctls: { 'net.ipv4.ip_forward': 1 } },
      D: { kind: 'director', interfaces: { eth0: { addresses: ['10.0.0.2/24', { cidr: `${VIP}/24`, label: 'eth0:0' }] } }, routes: ['default via 10.0.0.1'] },
      RS1: withEth(1),
      RS2: withEth(2),
    },
    segments: { wan: ['C.eth0', 'R.eth0'], lan: ['R.eth1', 'D.eth0', 'RS1.eth0', 'RS2.eth0'] },
    actions: [{ type: 'ping', host: 'C', to: VIP, count: 1 }],
  };
}

/** Which host's MAC the router holds for the VIP after the ping. */
function vipOwner(s: ScenarioV1): string[] {
  const r = loadScenario(s);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const sim = simulate(r.engine);
  const macs = new Map(r.engine.hosts.flatMap((h) => h.interfaces.map((i) => [i.mac, h.name] as const)));
  return sim.steps[1].neigh.R.filter((n) => n.ip === VIP).map((n) => macs.get(n.lladdr ?? '') ?? '?');
}

describe('the real servers’ ARP fix', () => {
  const empty: ScenarioV1 = { version: 1, hosts: {}, segments: {}, actions: [] };
  const nofix = dr({ kind: 'real-server', interfaces: { lo: { addresses: [{ cidr: `${VIP}/32`, label: 'lo:0' }] } } });

  it('the palette offers a real server with the fix and one without', () => {
    expect(hostTemplate(empty, 'real-server').sysctls).toEqual({ 'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2 });
    const bare = hostTemplate(empty, 'real-server-nofix');
    expect(bare.sysctls).toBeUndefined();
    expect(bare.interfaces?.lo.addresses).toEqual(hostTemplate(empty, 'real-server').interfaces?.lo.addresses);
    const one = applyOp(empty, addFromPalette(empty, 'real-server', { x: 0, y: 0 }).op);
    expect(arpFixState(one)).toBe('on');
    const two = applyOp(one, addFromPalette(one, 'real-server-nofix', { x: 0, y: 0 }).op);
    expect(Object.keys(two.hosts)).toEqual(['RS1', 'RS2']);
    expect(two.hosts.RS2.kind).toBe('real-server');
    expect(arpFixState(two)).toBe('mixed');
  });

  it('without the fix a real server answers the router for the VIP (the VIP on lo alone does nothing); with it only the director does', () => {
    expect(arpFixState(nofix)).toBe('off');
    // The bridge floods the request to the port attached last first: RS2's reply arrives first.
    expect(vipOwner(nofix)).toEqual(['RS2']);
    const op = arpFixOp(nofix, true)!;
    const checked = checkOp(nofix, op);
    expect(checked.ok).toBe(true);
    const fixed = checked.ok ? checked.next : nofix;
    expect(arpFixState(fixed)).toBe('on');
    expect(hasArpFix(fixed, 'RS1')).toBe(true);
    expect(vipOwner(fixed)).toEqual(['D']);
    // Back off: the same scenario as before, sysctls gone, the VIP still on lo.
    const off = applyOp(fixed, arpFixOp(fixed, false)!);
    expect(off.hosts.RS1).toEqual({ ...nofix.hosts.RS1, sysctls: {} });
    expect(vipOwner(off)).toEqual(['RS2']);
    expect(arpFixOp(off, false)).toBeNull();
  });

  it('arp_ignore=1 on lo only is not the fix: the value read is max(all, eth0) on the interface the request comes in on', () => {
    const loOnly = applyOp(nofix, { type: 'batch', ops: ['RS1', 'RS2'].map((host) => ({ type: 'setSysctl' as const, host, key: 'net.ipv4.conf.lo.arp_ignore', value: 1 })) });
    expect(arpFixState(loOnly)).toBe('off');
    expect(vipOwner(loOnly)).toEqual(['RS2']);
    // Turning the fix off removes that key too; on adds the VIP to a real server that has none.
    expect(applyOp(loOnly, arpFixOp(loOnly, false)!).hosts.RS1.sysctls).toEqual({});
    const noVip = { ...nofix, hosts: { ...nofix.hosts, RS1: { ...nofix.hosts.RS1, interfaces: { eth0: { addresses: ['10.0.0.11/24'] } } } } };
    expect(applyOp(noVip, arpFixOp(noVip, true)!).hosts.RS1.interfaces?.lo.addresses).toEqual([{ cidr: `${VIP}/32`, label: 'lo:0' }]);
  });
});
