/**
 * What a link gesture does (drag from one node to another). In format v1 links are
 * segments: a host's side is an interface (an unattached one it already has, else a new
 * ethN with a fresh MAC), and
 *  - host/port → switch: the interface joins the switch;
 *  - host/port → host/port: they join the segment one of the ports is on, or a new
 *    segment (a cable: `link1`, `link2`…) drawn halfway between them.
 * The result is one `batch` op (one history entry), checked by the scenario's validation
 * like any other edit (an interface already on another segment is reported there).
 */
import type { ScenarioV1 } from '../scenario/types.ts';
import type { ScenarioOp } from './op.ts';
import { freshMac, nextIfName, nextName, usedMacs } from './names.ts';

export type LinkEnd =
  | { kind: 'host'; host: string }
  | { kind: 'port'; host: string; dev: string }
  | { kind: 'segment'; segment: string };

export type LinkPlan =
  | { ok: true; op: ScenarioOp; /** "host.dev" of each side, in order (a segment side: null) */ ports: (string | null)[]; segment: string }
  | { ok: false; reason: 'same' | 'segmentToSegment' | 'alreadyThere' | 'missing' };

type Pos = { x: number; y: number };

export function segmentOf(s: ScenarioV1, port: string): string | null {
  for (const [name, ports] of Object.entries(s.segments ?? {})) if (ports.includes(port)) return name;
  return null;
}

export function endId(e: LinkEnd): string {
  return e.kind === 'segment' ? e.segment : e.kind === 'host' ? e.host : `${e.host}.${e.dev}`;
}

/**
 * Plans the link from `a` to `b`. `pos` gives node positions (for a new segment between
 * two hosts).
 */
export function planLink(s: ScenarioV1, a: LinkEnd, b: LinkEnd, pos: Record<string, Pos> = {}): LinkPlan {
  const exists = (e: LinkEnd) =>
    e.kind === 'segment' ? Object.hasOwn(s.segments ?? {}, e.segment)
      : e.kind === 'host' ? Object.hasOwn(s.hosts, e.host)
        : Object.hasOwn(s.hosts, e.host) && Object.hasOwn(s.hosts[e.host].interfaces ?? {}, e.dev);
  if (!exists(a) || !exists(b)) return { ok: false, reason: 'missing' };
  if (a.kind === 'segment' && b.kind === 'segment') return { ok: false, reason: a.segment === b.segment ? 'same' : 'segmentToSegment' };
  if (endId(a) === endId(b) || (a.kind !== 'segment' && b.kind !== 'segment' && a.host === b.host && (a.kind === 'host' || b.kind === 'host'))) {
    return { ok: false, reason: 'same' };
  }
  const ops: ScenarioOp[] = [];
  const macs = usedMacs(s);
  const newIfaces = new Map<string, string[]>();
  const hostNames = Object.keys(s.hosts);

  /** The interface a host side uses: an unattached one, else a new one. */
  const portFor = (e: LinkEnd): string | null => {
    if (e.kind === 'segment') return null;
    if (e.kind === 'port') return `${e.host}.${e.dev}`;
    const h = s.hosts[e.host];
    const created = newIfaces.get(e.host) ?? [];
    const free = Object.keys(h.interfaces ?? {}).find((d) => d !== 'lo' && segmentOf(s, `${e.host}.${d}`) === null);
    if (free !== undefined && !created.includes(free)) {
      created.push(free);
      newIfaces.set(e.host, created);
      return `${e.host}.${free}`;
    }
    const dev = nextIfName(h, created);
    const index = Object.keys(h.interfaces ?? {}).length + created.filter((d) => !Object.hasOwn(h.interfaces ?? {}, d)).length;
    const mac = freshMac(macs, hostNames.indexOf(e.host), index);
    ops.push({ type: 'addInterface', host: e.host, dev, iface: { mac } });
    created.push(dev);
    newIfaces.set(e.host, created);
    return `${e.host}.${dev}`;
  };

  const pa = portFor(a);
  const pb = portFor(b);
  let segment: string;
  if (a.kind === 'segment' || b.kind === 'segment') {
    segment = a.kind === 'segment' ? a.segment : (b as { segment: string }).segment;
    const port = (a.kind === 'segment' ? pb : pa) as string;
    if ((s.segments?.[segment] ?? []).includes(port)) return { ok: false, reason: 'alreadyThere' };
    ops.push({ type: 'attachPort', segment, port });
  } else {
    const pA = pa as string;
    const pB = pb as string;
    const sa = segmentOf(s, pA);
    const sb = segmentOf(s, pB);
    if (sa !== null && sa === sb) return { ok: false, reason: 'alreadyThere' };
    if (sb !== null) {
      segment = sb;
      ops.push({ type: 'attachPort', segment, port: pA });
    } else if (sa !== null) {
      segment = sa;
      ops.push({ type: 'attachPort', segment, port: pB });
    } else {
      segment = nextName(s, 'link');
      const p1 = pos[a.host];
      const p2 = pos[b.host];
      const at = p1 && p2 ? { x: Math.round((p1.x + p2.x) / 2), y: Math.round((p1.y + p2.y) / 2) } : undefined;
      ops.push({ type: 'addSegment', name: segment, ports: [pA, pB], ...(at ? { at } : {}) });
    }
  }
  return { ok: true, op: { type: 'batch', ops, label: 'link' }, ports: [pa, pb], segment };
}
