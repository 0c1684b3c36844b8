/**
 * "At start": a configuration command applied to the host's setup instead of typed at the
 * cursor — the same action turned into the editor's ops (src/ops), so it is exactly what the
 * inspector would have written. Tools (ping, arping) and flushes run; they have no setup form.
 */
import type { ScenarioOp } from '../ops/op.ts';
import { normalizeAddress, normalizeRoute } from '../scenario/normalize.ts';
import type { ActionV1, ScenarioV1 } from '../scenario/types.ts';

const sameRoute = (a: ReturnType<typeof normalizeRoute>, b: ReturnType<typeof normalizeRoute>) =>
  a.dest.replace(/\/32$/, '') === b.dest.replace(/\/32$/, '') && (a.via ?? '') === (b.via ?? '') && (b.dev === undefined || a.dev === b.dev) && (b.metric === 0 || a.metric === b.metric);

/** The ops that put `a` into the setup of scenario `s`, or why it cannot be. */
export function setupOps(s: ScenarioV1, a: ActionV1): ScenarioOp[] | { error: string } {
  const host = String(a.host ?? '');
  const h = s.hosts[host];
  if (!h) return { error: `arplab: no host ${host}` };
  switch (a.type) {
    case 'sysctl':
      return Object.entries(a.set as Record<string, number>).map(([key, value]) => ({ type: 'setSysctl', host, key, value }));
    case 'addr': {
      const dev = String(a.dev);
      if (a.op === 'add') {
        const { type: _t, host: _h, op: _o, dev: _d, ...address } = a;
        return [{ type: 'addAddress', host, dev, address: address as { cidr: string } }];
      }
      const list = h.interfaces?.[dev]?.addresses ?? [];
      const index = list.findIndex((x) => normalizeAddress(x).cidr === a.cidr);
      if (index < 0) return { error: 'Error: ipv4: Address not found.' };
      return [{ type: 'deleteAddress', host, dev, index }];
    }
    case 'route': {
      const r = normalizeRoute(a.route as never);
      const index = (h.routes ?? []).findIndex((x) => sameRoute(normalizeRoute(x), r));
      if (a.op === 'del') return index < 0 ? { error: 'RTNETLINK answers: No such process' } : [{ type: 'deleteRoute', host, index }];
      const obj = typeof a.route === 'string' ? { ...normalizeRoute(a.route) } : (a.route as never);
      if (a.op === 'replace' && index >= 0) return [{ type: 'deleteRoute', host, index }, { type: 'addRoute', host, route: obj }];
      if (a.op === 'add' && index >= 0) return { error: 'RTNETLINK answers: File exists' };
      return [{ type: 'addRoute', host, route: obj }];
    }
    case 'neigh_add': {
      const entry = { ip: String(a.ip), dev: String(a.dev), ...(a.lladdr !== undefined ? { lladdr: String(a.lladdr) } : {}), ...(a.nud !== undefined ? { nud: a.nud as 'permanent' } : {}) };
      const index = (h.neigh ?? []).findIndex((n) => n.ip === entry.ip && n.dev === entry.dev);
      return index >= 0 ? [{ type: 'updateNeigh', host, index, entry }] : [{ type: 'addNeigh', host, entry }];
    }
    case 'neigh_del': {
      const index = (h.neigh ?? []).findIndex((n) => n.ip === a.ip && n.dev === a.dev);
      return index < 0 ? { error: 'arplab: the setup has no static entry for it (dynamic entries are learnt while the scenario runs)' } : [{ type: 'deleteNeigh', host, index }];
    }
    case 'link':
      return [{ type: 'setInterface', host, dev: String(a.dev), ...(a.mac !== undefined ? { mac: String(a.mac) } : {}), ...(a.state !== undefined ? { state: a.state as 'up' } : {}) }];
    default:
      return { error: `arplab: ${a.type === 'flush' ? 'ip neigh flush' : a.type} runs; it cannot be part of the setup` };
  }
}
