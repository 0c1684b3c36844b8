/**
 * Auto-layout with d3-force on a copy of the node positions (d3-force mutates x, y, vx,
 * vy): hosts and switches as nodes, each port membership as a link, switches held at their
 * height and hosts on the row above or below their first switch (so ports face the switch
 * and their labels do not collide), collision radii from the cards' sizes. Deterministic: it
 * starts from the current positions, d3's own seeded jiggle, `stop()` and a fixed number of
 * `tick()`s, so the same topology always gets the same layout. The result is written back
 * as one edit (a batch of moveNode ops). On a thousand hosts the ticks take seconds: the
 * page runs them in a worker (layout.worker.ts), which reports the ticks done as they go.
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

export type Positions = Readonly<Record<string, { x: number; y: number }>>;
export type Sizes = Readonly<Record<string, Size>>;

/** Ticks done of all, after each tick. */
export interface LayoutProgress {
  done: number;
  total: number;
}

/**
 * The whole layout (the steps below, run to the end). `pos`: where nodes are drawn now (the
 * start); `size`: their cards' sizes, so that a host with many ports (a wide card, port
 * labels on every side) gets more room. Null for fewer than two nodes.
 */
export function forceLayout(s: ScenarioV1, pos: Positions, size: Sizes = {}, ticks = LAYOUT_TICKS): ScenarioOp | null {
  const it = forceLayoutSteps(s, pos, size, ticks);
  for (;;) {
    const n = it.next();
    if (n.done) return n.value;
  }
}

/**
 * The layout tick by tick: yields the progress after each tick, returns the edit. d3's
 * `tick(n)` is `n` single ticks, so stopping between them changes nothing in the result.
 */
export function* forceLayoutSteps(s: ScenarioV1, pos: Positions, size: Sizes = {}, ticks = LAYOUT_TICKS): Generator<LayoutProgress, ScenarioOp | null> {
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
  for (let done = 1; done <= ticks; done++) {
    sim.tick();
    yield { done, total: ticks };
  }
  const ops: ScenarioOp[] = nodes.map((n) => ({ type: 'moveNode', id: n.id, x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) }));
  return { type: 'batch', ops, label: 'layout' };
}
