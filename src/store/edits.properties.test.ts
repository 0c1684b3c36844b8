/**
 * Property tests of the editing ops on the scenario arbitrary (seeded):
 *  - any sequence of checked edits keeps the scenario valid and never mutates its input;
 *  - undo all ⇒ the original scenario (the same object), redo all ⇒ the final one;
 *  - ops with a natural inverse (rename there and back, add then remove, attach then
 *    detach) give back the original exactly.
 * On failure fast-check prints the seed, the scenario and the op log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.ts';
import { scenarioArbitrary } from '../scenario/arbitrary.ts';
import { sameScenario } from '../scenario/compare.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import { routeObject } from '../ops/access.ts';
import { applyOp } from '../ops/apply.ts';
import { checkOp } from '../ops/check.ts';
import { duplicateHost } from '../ops/duplicate.ts';
import { planLink, type LinkEnd } from '../ops/link.ts';
import { cidrOf, freshMac, nextInSubnet, nextName, usedAddresses, usedMacs } from '../ops/names.ts';
import type { ScenarioOp } from '../ops/op.ts';
import { addFromPalette, PALETTE_KINDS } from '../ops/templates.ts';
import { createAppStore } from './createAppStore.ts';

const SEED = 20240905;
const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** An op for scenario `s` chosen by the numbers `n` (so fast-check can shrink them). */
function opFor(s: ScenarioV1, n: readonly number[]): ScenarioOp | null {
  const hosts = Object.keys(s.hosts);
  const segs = Object.keys(s.segments ?? {});
  const host = pick(hosts, n[1]);
  const h = host !== undefined ? s.hosts[host] : undefined;
  const devs = Object.keys(h?.interfaces ?? {}).filter((d) => d !== 'lo');
  const dev = pick(devs, n[2]);
  const end = (k: number): LinkEnd | undefined => {
    const all: LinkEnd[] = [
      ...hosts.map((x): LinkEnd => ({ kind: 'host', host: x })),
      ...segs.map((x): LinkEnd => ({ kind: 'segment', segment: x })),
      ...hosts.flatMap((x) => Object.keys(s.hosts[x].interfaces ?? {}).filter((d) => d !== 'lo').map((d): LinkEnd => ({ kind: 'port', host: x, dev: d }))),
    ];
    return pick(all, k);
  };
  switch (n[0] % 23) {
    case 0:
      return addFromPalette(s, pick(PALETTE_KINDS, n[1]) ?? 'host', { x: n[2] % 900, y: n[3] % 700 }).op;
    case 1: {
      const a = end(n[1]);
      const b = end(n[2]);
      if (!a || !b) return null;
      const p = planLink(s, a, b);
      return p.ok ? p.op : null;
    }
    case 2:
      return host ? { type: 'renameHost', from: host, to: nextName(s, 'N') } : null;
    case 3:
      return host ? { type: 'deleteHost', host } : null;
    case 4:
      return host && dev ? { type: 'removeInterface', host, dev } : null;
    case 5:
      return host && dev ? { type: 'setInterface', host, dev, mac: freshMac(usedMacs(s), n[3] % 50, n[4] % 50) } : null;
    case 6:
      return host && dev ? { type: 'setInterface', host, dev, state: n[3] % 2 ? 'down' : 'up' } : null;
    case 7: {
      if (!host || !dev) return null;
      const addrs = h?.interfaces?.[dev].addresses ?? [];
      const a = pick(addrs, n[3]);
      if (a === undefined) return { type: 'addAddress', host, dev, address: nextInSubnet(usedAddresses(s), '10.77.0.1/24') };
      const next = nextInSubnet(usedAddresses(s), cidrOf(a));
      return { type: 'updateAddress', host, dev, index: addrs.indexOf(a), address: typeof a === 'string' ? next : { ...a, cidr: next } };
    }
    case 8: {
      const routes = h?.routes ?? [];
      const r = pick(routes, n[3]);
      if (!host || r === undefined) return null;
      return { type: 'updateRoute', host, index: routes.indexOf(r), route: { ...routeObject(r), metric: n[4] % 1000 } };
    }
    case 9:
      return host && dev ? { type: 'addNeigh', host, entry: { ip: `10.99.${n[3] % 250}.${1 + (n[4] % 250)}`, lladdr: '02:00:00:77:00:01', dev } } : null;
    case 10:
      return host && (h?.neigh?.length ?? 0) > 0 ? { type: 'deleteNeigh', host, index: n[3] % (h?.neigh?.length ?? 1) } : null;
    case 11: {
      const seg = pick(segs, n[1]);
      return seg ? { type: 'deleteSegment', segment: seg } : null;
    }
    case 12: {
      const seg = pick(segs, n[1]);
      const port = seg ? pick(s.segments?.[seg] ?? [], n[2]) : undefined;
      return seg && port ? { type: 'detachPort', segment: seg, port } : null;
    }
    case 13:
      return host ? duplicateHost(s, host, { x: n[3] % 500, y: n[4] % 500 })?.op ?? null : null;
    case 14:
      return host && dev ? { type: 'renameInterface', host, from: dev, to: `ens${n[3] % 9}` } : null;
    case 15: {
      const ids = [...hosts, ...segs];
      const id = pick(ids, n[1]);
      return id ? { type: 'batch', ops: [{ type: 'moveNode', id, x: n[3] % 800, y: n[4] % 600 }], label: 'move' } : null;
    }
    case 17: {
      const seg = pick(segs, n[1]);
      return seg ? { type: 'renameSegment', from: seg, to: nextName(s, 'seg') } : null;
    }
    case 18: {
      const neigh = h?.neigh ?? [];
      const e = pick(neigh, n[3]);
      return host && e ? { type: 'updateNeigh', host, index: neigh.indexOf(e), entry: { ...e, nud: pick(['permanent', 'noarp', 'stale'] as const, n[4]) ?? 'permanent' } } : null;
    }
    case 19: {
      const addrs = host && dev ? (h?.interfaces?.[dev].addresses ?? []) : [];
      return host && dev && addrs.length ? { type: 'deleteAddress', host, dev, index: n[3] % addrs.length } : null;
    }
    case 20:
      return host ? { type: 'setSysctl', host, key: pick(['net.ipv4.conf.all.arp_ignore', 'net.ipv4.conf.all.rp_filter', 'net.ipv4.ip_forward', `net.ipv4.conf.${dev ?? 'lo'}.arp_announce`], n[3]) ?? 'net.ipv4.ip_forward', value: n[4] % 3 === 2 ? null : n[4] % 2 } : null;
    case 21:
      return host && dev ? { type: 'addRoute', host, route: { dest: `10.${n[3] % 200}.0.0/16`, dev, metric: n[4] % 500 } } : null;
    case 22: {
      const routes = h?.routes ?? [];
      return host && routes.length ? { type: 'deleteRoute', host, index: n[3] % routes.length } : null;
    }
    default:
      return host ? { type: 'setHostKind', host, kind: pick(['router', 'client', 'director', 'real-server', null] as const, n[3]) ?? null } : null;
  }
}

const opNumbers = fc.array(fc.array(fc.nat(10_000), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 12 });

describe('editing ops (property tests, seeded)', () => {
  it('checked edits keep the scenario valid and never mutate their input; undo all ⇒ the original; redo all ⇒ the final', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxHosts: 5, maxActions: 5 }), opNumbers, (start, plan) => {
        const store = createAppStore({ scenario: start });
        const log: ScenarioOp[] = [];
        for (const n of plan) {
          const s = store.getState().scenario;
          const op = opFor(s, n);
          if (!op) continue;
          const copy = structuredClone(s);
          const r = checkOp(s, op);
          expect(s).toEqual(copy);
          if (!r.ok) continue;
          store.getState().dispatch(op);
          if (r.next !== s) log.push(op);
          const loaded = loadScenario(store.getState().scenario);
          if (!loaded.ok) throw new Error(`invalid after ${JSON.stringify(op)}: ${JSON.stringify(loaded.issues)}`);
        }
        const end = store.getState().scenario;
        expect(store.getState().past).toHaveLength(log.length);
        while (store.getState().past.length) store.getState().undo();
        expect(store.getState().scenario).toBe(start);
        while (store.getState().future.length) store.getState().redo();
        expect(store.getState().scenario).toBe(end);
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('ops with an inverse give back the original exactly', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxHosts: 5, maxActions: 5 }), fc.nat(1000), fc.nat(1000), (s, a, b) => {
        const hosts = Object.keys(s.hosts);
        const host = hosts[a % hosts.length];
        const same = (x: ScenarioV1) => expect(JSON.stringify(x)).toBe(JSON.stringify(s));
        // rename there and back
        same(applyOp(applyOp(s, { type: 'renameHost', from: host, to: 'Tmp1' }), { type: 'renameHost', from: 'Tmp1', to: host }));
        // add then remove an interface
        same(applyOp(applyOp(s, { type: 'addInterface', host, dev: 'tmp0', iface: { mac: '02:00:00:55:00:01' } }), { type: 'removeInterface', host, dev: 'tmp0' }));
        // add then delete a host (the last one)
        same(applyOp(applyOp(s, { type: 'addHost', name: 'Tmp2', host: { interfaces: { eth0: {} } } }), { type: 'deleteHost', host: 'Tmp2' }));
        // add then delete a segment
        expect(sameScenario(applyOp(applyOp(s, { type: 'addSegment', name: 'tmpseg' }), { type: 'deleteSegment', segment: 'tmpseg' }), s)).toBe(true);
        // rename an interface there and back
        const devs = Object.keys(s.hosts[host].interfaces ?? {}).filter((d) => d !== 'lo');
        if (devs.length) {
          const dev = devs[b % devs.length];
          same(applyOp(applyOp(s, { type: 'renameInterface', host, from: dev, to: 'tmp9' }), { type: 'renameInterface', host, from: 'tmp9', to: dev }));
          // detach then attach a port at the end of its segment
          const seg = Object.entries(s.segments ?? {}).find(([, ports]) => ports[ports.length - 1] === `${host}.${dev}`)?.[0];
          if (seg) same(applyOp(applyOp(s, { type: 'detachPort', segment: seg, port: `${host}.${dev}` }), { type: 'attachPort', segment: seg, port: `${host}.${dev}` }));
          // state down then up, when it was up by default
          if (s.hosts[host].interfaces?.[dev].state === undefined) {
            same(applyOp(applyOp(s, { type: 'setInterface', host, dev, state: 'down' }), { type: 'setInterface', host, dev, state: 'up' }));
          }
        }
        // a neighbour entry added then deleted
        const withNeigh = applyOp(s, { type: 'addNeigh', host, entry: { ip: '10.1.2.3', dev: 'lo', nud: 'noarp' } });
        const back = applyOp(withNeigh, { type: 'deleteNeigh', host, index: (withNeigh.hosts[host].neigh?.length ?? 1) - 1 });
        expect(back.hosts[host].neigh ?? []).toEqual(s.hosts[host].neigh ?? []);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
