/**
 * Auto-layout with d3-force on a copy of the node positions (d3-force mutates x, y, vx,
 * vy): hosts and switches as nodes, each port membership as a link, switches held at their
 * height and hosts on the row above or below their first switch (so ports face the switch
 * and their labels do not collide), collision radii from the cards' sizes. Deterministic: it
 * starts from the current positions, d3's own seeded jiggle, `stop()` and a fixed number of
 * `tick()`s, so the same topology always gets the same layout. The result is written back
 * as one edit (a batch of moveNode ops).
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { ScenarioOp } from '../../ops/op.ts';

interface Node extends SimulationNodeDatum {
  id: string;
  r: number;
  /** The row the node is held to. */
  ty: number;
}

/** Vertical distance between a switch and the hosts above or below it. */
const ROW = 230;

export const LAYOUT_TICKS = 300;

type Size = { w: number; h: number };

/**
 * `pos`: where nodes are drawn now (the start); `size`: their cards' sizes, so that a host
 * with many ports (a wide card, port labels on every side) gets more room.
 */
export function forceLayout(
  s: ScenarioV1,
  pos: Readonly<Record<string, { x: number; y: number }>>,
  size: Readonly<Record<string, Size>> = {},
  ticks = LAYOUT_TICKS,
): ScenarioOp | null {
  const ids = [...Object.keys(s.hosts), ...Object.keys(s.segments ?? {})];
  if (ids.length < 2) return null;
  const isHost = (id: string) => Object.hasOwn(s.hosts, id);
  const sizeOf = (id: string) => size[id] ?? (isHost(id) ? { w: 200, h: 96 } : { w: 150, h: 34 });
  const start = (id: string, i: number) => pos[id] ?? { x: i * 60, y: isHost(id) ? 0 : ROW };
  const firstSeg = new Map<string, string>();
  for (const [seg, ports] of Object.entries(s.segments ?? {})) {
    for (const p of ports) {
      const h = p.slice(0, p.indexOf('.'));
      if (!firstSeg.has(h)) firstSeg.set(h, seg);
    }
  }
  // Rows: each switch keeps its height; a host sits a row above or below its first switch
  // (the side it is on now), so its ports face the switch (labels above or below the card).
  const targetY = (id: string, i: number): number => {
    const p = start(id, i);
    const seg = firstSeg.get(id);
    if (!isHost(id) || seg === undefined) return p.y;
    const sy = start(seg, ids.indexOf(seg)).y;
    return sy + (p.y <= sy ? -ROW : ROW);
  };
  const nodes: Node[] = ids.map((id, i) => {
    const z = sizeOf(id);
    // Room for the card and its port labels (about 130 px beside the outermost ports).
    return { id, r: isHost(id) ? z.w / 2 + 50 : z.w / 2 + 30, ty: targetY(id, i), ...start(id, i) };
  });
  const links = Object.entries(s.segments ?? {}).flatMap(([seg, ports]) =>
    [...new Set(ports.map((p) => p.slice(0, p.indexOf('.'))))].filter(isHost).map((h) => ({ source: h, target: seg })));
  const cx = nodes.reduce((a, n) => a + (n.x ?? 0), 0) / nodes.length;
  const sim = forceSimulation<Node>(nodes)
    .force('link', forceLink<Node, { source: string; target: string }>(links).id((n) => n.id).distance(ROW).strength(0.4))
    .force('charge', forceManyBody<Node>().strength(-900).distanceMax(900))
    .force('collide', forceCollide<Node>((n) => n.r).strength(0.9).iterations(2))
    .force('x', forceX<Node>(cx).strength(0.02))
    .force('y', forceY<Node>((n) => n.ty).strength(0.8))
    .stop();
  sim.tick(ticks);
  const ops: ScenarioOp[] = nodes.map((n) => ({ type: 'moveNode', id: n.id, x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) }));
  return { type: 'batch', ops, label: 'layout' };
}
