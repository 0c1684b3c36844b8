/**
 * The geometry after a move: when only the layout changed (a host, a selection or a switch
 * dragged), only what depends on the moved nodes is computed again, and the rest is kept as
 * it was (the same objects, so what is memoised on them stays):
 *  - the moved hosts' cards and ports, and the cards and ports of the hosts attached to a moved
 *    switch (their ports turn to face it);
 *  - the moved switches, and the cables of every port or switch that moved;
 *  - the port labels LabelLayout.update places again: the moved ports' labels, the labels whose
 *    reach meets the old or new box of a moved card, switch, cable or re-placed label (see
 *    labelPlacement.ts), in placement order;
 *  - the bounds (a pass over the cards and labels, no placement).
 * The result equals computeGeometry(engine, layout) (geometryMove.test.ts), at the cost of the
 * moved nodes and their surroundings: a drag on a 1,000-host canvas no longer places every
 * label on every pointer move.
 */
import type { EngineScenario } from '../../engine/index.ts';
import type { LabelInput, Rect, Segment } from './labelPlacement.ts';
import { autoLayout, boundsOf, buildGeometry, cardRect, hostGeom, labelInput, linkSegment, segmentGeom, type GeometryState, type HostGeom, type PortGeom, type Pos, type SegmentGeom } from './geometry.ts';

const samePos = (a: Pos | undefined, b: Pos | undefined) => !!a && !!b && a.x === b.x && a.y === b.y;

/**
 * `prev`'s geometry brought to `layout` (same engine scenario). `prev` must be the newest state:
 * its label placement is updated in place and belongs to the returned state from then on.
 * Nothing moved: `prev` itself.
 */
export function moveGeometry(prev: GeometryState, layout: Record<string, Pos> = {}): GeometryState {
  const { plan, geometry: g } = prev;
  const engine = plan.engine;
  const pos = autoLayout(engine, layout);
  // Labels still being placed (a move in the first moments of a large topology): placed again from the start.
  if (!prev.labels.done) return Object.keys(pos).every((n) => samePos(pos[n], prev.pos[n])) ? prev : buildGeometry(engine, layout, true);
  const movedSegs = engine.segments.flatMap((s, i) => (samePos(pos[s.name], prev.pos[s.name]) ? [] : [i]));
  const redo = new Set<number>();
  engine.hosts.forEach((h, i) => {
    if (!samePos(pos[h.name], prev.pos[h.name])) redo.add(i);
  });
  for (const s of movedSegs) for (const h of plan.hostsOfSegment[s]) redo.add(h);
  if (redo.size === 0 && movedSegs.length === 0) return prev;

  const segments = [...g.segments];
  for (const s of movedSegs) segments[s] = segmentGeom(engine.segments[s], pos);
  const fresh = new Map<number, HostGeom>();
  for (const i of redo) fresh.set(i, hostGeom(plan, engine.hosts[i], pos));
  const portAt = (id: string): PortGeom => {
    const h = fresh.get(g.hostIndex[g.ports[id].host]);
    return h ? h.ports.find((p) => p.id === id)! : g.ports[id];
  };

  const obstacles = new Map<number, Rect>();
  for (const [i, h] of fresh) obstacles.set(i, cardRect(h));
  for (const s of movedSegs) obstacles.set(g.hosts.length + s, cardRect(segments[s]));
  const links = new Map<number, Segment>();
  for (const k of [...[...fresh.keys()].flatMap((i) => plan.linksOfHost[i]), ...movedSegs.flatMap((s) => plan.linksOfSegment[s])]) {
    const l = plan.links[k];
    if (!links.has(k)) links.set(k, linkSegment(segments[l.segment], portAt(l.port)));
  }
  const inputs = new Map<number, LabelInput>();
  for (const h of fresh.values()) for (const p of h.ports) inputs.set(plan.labelOfPort.get(p.id)!, labelInput(p));
  const relabelled = new Set(prev.labels.update({ obstacles, links, labels: inputs }));

  // New card and port objects only where something changed.
  const hosts = [...g.hosts];
  const ports = { ...g.ports };
  const touched = new Set(fresh.keys());
  for (const k of relabelled) touched.add(g.hostIndex[g.ports[plan.portOfLabel[k]].host]);
  for (const i of touched) {
    const base = fresh.get(i) ?? g.hosts[i];
    const hostPorts = base.ports.map((p) => {
      const k = plan.labelOfPort.get(p.id)!;
      return fresh.has(i) || relabelled.has(k) ? { ...p, label: prev.labels.placed[k] } : p;
    });
    hosts[i] = { ...base, ports: hostPorts };
    for (const p of hostPorts) ports[p.id] = p;
  }
  const geometry = { ...g, hosts, segments: segments as SegmentGeom[], ports, bounds: boundsOf(hosts, segments) };
  return { plan, pos, labels: prev.labels, geometry };
}

/**
 * The newest geometry of a scenario as its layout changes: the first, and every one after a
 * change of the engine scenario (hosts, interfaces, segments), is computed whole (with
 * `labelsLater`, its labels left to placeLabelsUntil); a change of the layout alone is a move
 * (moveGeometry).
 */
export function nextGeometry(prev: GeometryState | null, engine: EngineScenario, layout: Record<string, Pos> | undefined, labelsLater = false): GeometryState {
  return prev && prev.plan.engine === engine ? moveGeometry(prev, layout) : buildGeometry(engine, layout, labelsLater);
}
