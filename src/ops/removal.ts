/**
 * Removing a host, an interface or a segment, and with it exactly what depends on it.
 * The removal takes the thing out, then asks the scenario's cross-reference model
 * (`unresolvedReferences`, scenario/crossRefs.ts) what in the result refers to something
 * that is no longer there, and takes those out too: segment ports, routes (naming the
 * device, with a `src` that is no longer local, or through a gateway no longer on a
 * connected subnet — as the kernel flushes routes through a removed device), static
 * neighbours, listening sockets bound to an address that went with it (bind() would now
 * fail), sysctls, and actions (a host dropped from an action's `hosts`, a key from a
 * `sysctl` action's `set`; the action itself when nothing is left of it).
 *
 * Only a scenario whose references all resolve cascades: otherwise its old dangling
 * references would be taken for dependents of the removed thing (the checked dispatch
 * then reports what the removal would leave dangling).
 *
 * Record order means something in format v1 (default MACs are numbered by host and
 * interface position), so a removal writes out the default MACs of the interfaces whose
 * position shifts.
 */
import { unresolvedReferences, type Path } from '../scenario/crossRefs.ts';
import { defaultMac } from '../scenario/net.ts';
import type { ActionV1, ScenarioV1 } from '../scenario/types.ts';
import { hostOf, ifaceOf, withHost, withoutKey } from './access.ts';
import { OpError } from './op.ts';

/**
 * Writes out the default MAC of every interface whose default would change when the
 * interfaces (or hosts) before it shift: the engine numbers default MACs by position.
 */
function pinDefaultMacs(s: ScenarioV1, fromHost: number, fromIface: (hostIndex: number) => number): ScenarioV1 {
  let changed = false;
  const hosts = Object.fromEntries(Object.entries(s.hosts).map(([name, h], hi) => {
    if (hi < fromHost || !h.interfaces) return [name, h];
    const start = fromIface(hi);
    let touched = false;
    const ifs = Object.fromEntries(Object.entries(h.interfaces).map(([dev, i], ii) => {
      if (ii < start || dev === 'lo' || i.mac !== undefined) return [dev, i];
      touched = true;
      return [dev, { ...i, mac: defaultMac(hi + 1, ii) }];
    }));
    if (!touched) return [name, h];
    changed = true;
    return [name, { ...h, interfaces: ifs }];
  }));
  return changed ? { ...s, hosts } : s;
}

/** Unresolved references per scenario object (a scenario is immutable once made). */
const refsOf = new WeakMap<ScenarioV1, Path[] | null>();
function unresolved(s: ScenarioV1): Path[] | null {
  if (!refsOf.has(s)) refsOf.set(s, unresolvedReferences(s));
  return refsOf.get(s) ?? null;
}

/** What to take out, gathered from the unresolved references' paths. */
class Dependents {
  ports = new Map<string, Set<number>>();
  routes = new Map<string, Set<number>>();
  neigh = new Map<string, Set<number>>();
  listen = new Map<string, Set<number>>();
  sysctls = new Map<string, Set<string>>();
  actions = new Set<number>();
  actionHosts = new Map<number, Set<number>>();
  actionKeys = new Map<number, Set<string>>();

  static of(paths: readonly Path[]): Dependents {
    const d = new Dependents();
    const add = <K, V>(m: Map<K, Set<V>>, k: K, v: V) => m.set(k, (m.get(k) ?? new Set<V>()).add(v));
    for (const p of paths) {
      if (p[0] === 'segments' && typeof p[2] === 'number') add(d.ports, String(p[1]), p[2]);
      else if (p[0] === 'hosts' && p[2] === 'routes' && typeof p[3] === 'number') add(d.routes, String(p[1]), p[3]);
      else if (p[0] === 'hosts' && p[2] === 'neigh' && typeof p[3] === 'number') add(d.neigh, String(p[1]), p[3]);
      else if (p[0] === 'hosts' && p[2] === 'listen' && typeof p[3] === 'number') add(d.listen, String(p[1]), p[3]);
      else if (p[0] === 'hosts' && p[2] === 'sysctls' && p[3] !== undefined) add(d.sysctls, String(p[1]), String(p[3]));
      else if (p[0] === 'actions' && typeof p[1] === 'number') {
        if (p[2] === 'hosts' && typeof p[3] === 'number') add(d.actionHosts, p[1], p[3]);
        else if (p[2] === 'set' && p[3] !== undefined) add(d.actionKeys, p[1], String(p[3]));
        else d.actions.add(p[1]);
      }
    }
    return d;
  }

  get empty(): boolean {
    return !this.ports.size && !this.routes.size && !this.neigh.size && !this.listen.size && !this.sysctls.size && !this.actions.size && !this.actionHosts.size && !this.actionKeys.size;
  }

  /** `s` without the dependents. */
  removeFrom(s: ScenarioV1): ScenarioV1 {
    let next = s;
    const hosts = new Set([...this.routes.keys(), ...this.neigh.keys(), ...this.listen.keys(), ...this.sysctls.keys()]);
    for (const host of hosts) {
      if (!Object.hasOwn(next.hosts, host)) continue;
      const routes = this.routes.get(host);
      const neigh = this.neigh.get(host);
      const listen = this.listen.get(host);
      const keys = this.sysctls.get(host);
      next = withHost(next, host, (h) => ({
        ...h,
        ...(routes && h.routes ? { routes: h.routes.filter((_, i) => !routes.has(i)) } : {}),
        ...(neigh && h.neigh ? { neigh: h.neigh.filter((_, i) => !neigh.has(i)) } : {}),
        ...(listen && h.listen ? { listen: h.listen.filter((_, i) => !listen.has(i)) } : {}),
        ...(keys && h.sysctls ? { sysctls: Object.fromEntries(Object.entries(h.sysctls).filter(([k]) => !keys.has(k))) } : {}),
      }));
    }
    if (this.ports.size && next.segments) {
      next = {
        ...next,
        segments: Object.fromEntries(Object.entries(next.segments).map(([seg, ports]) => {
          const gone = this.ports.get(seg);
          return [seg, gone ? ports.filter((_, k) => !gone.has(k)) : ports];
        })),
      };
    }
    if ((this.actions.size || this.actionHosts.size || this.actionKeys.size) && next.actions) {
      next = { ...next, actions: next.actions.flatMap((a, i) => this.action(a, i)) };
    }
    return next;
  }

  /** Action `i` without its dangling hosts or keys; nothing when nothing is left of it. */
  private action(a: ActionV1, i: number): ActionV1[] {
    if (this.actions.has(i)) return [];
    let out = a;
    const hosts = this.actionHosts.get(i);
    if (hosts && Array.isArray(a.hosts)) {
      const left = (a.hosts as string[]).filter((_, j) => !hosts.has(j));
      if (!left.length) return [];
      out = { ...out, hosts: left };
    }
    const keys = this.actionKeys.get(i);
    if (keys && a.set && typeof a.set === 'object') {
      const set = Object.fromEntries(Object.entries(a.set as Record<string, number>).filter(([k]) => !keys.has(k)));
      if (!Object.keys(set).length) return [];
      out = { ...out, set };
    }
    return [out];
  }
}

/** `after` (= `before` with something taken out) without what depended on it. */
function withoutDependents(before: ScenarioV1, after: ScenarioV1): ScenarioV1 {
  if (unresolved(before)?.length !== 0) return after;
  const refs = unresolved(after);
  if (!refs || !refs.length) return after;
  const d = Dependents.of(refs);
  return d.empty ? after : d.removeFrom(after);
}

export function removeInterface(s: ScenarioV1, host: string, dev: string): ScenarioV1 {
  ifaceOf(s, host, dev);
  const hi = Object.keys(s.hosts).indexOf(host);
  const ii = Object.keys(s.hosts[host].interfaces ?? {}).indexOf(dev);
  // Interfaces after the removed one move up a position: keep their MACs.
  const pinned = pinDefaultMacs(s, hi, (h) => (h === hi ? ii + 1 : Infinity));
  return withoutDependents(s, withHost(pinned, host, (h) => ({ ...h, interfaces: withoutKey(h.interfaces ?? {}, dev) })));
}

export function deleteHost(s: ScenarioV1, host: string): ScenarioV1 {
  hostOf(s, host);
  const hi = Object.keys(s.hosts).indexOf(host);
  // Hosts after the removed one move up a position: keep their MACs.
  let next = pinDefaultMacs(s, hi + 1, () => 0);
  next = { ...next, hosts: withoutKey(next.hosts, host) };
  if (next.layout && Object.hasOwn(next.layout, host)) next = { ...next, layout: withoutKey(next.layout, host) };
  return withoutDependents(s, next);
}

/** Removes a segment; its interfaces stay, unattached (nothing else refers to a segment). */
export function deleteSegment(s: ScenarioV1, segment: string): ScenarioV1 {
  const segs = s.segments ?? {};
  if (!Object.hasOwn(segs, segment)) throw new OpError(`no segment "${segment}"`);
  const next: ScenarioV1 = { ...s, segments: withoutKey(segs, segment) };
  if (s.layout && Object.hasOwn(s.layout, segment)) next.layout = withoutKey(s.layout, segment);
  return next;
}
