/**
 * Auto-layout with d3-force on a copy of the node positions (d3-force mutates x, y, vx,
 * vy): hosts and switches as nodes, each port membership as a link. Deterministic: it
 * starts from the current positions, d3's own seeded jiggle, `stop()` and a fixed number of
 * `tick()`s, so the same topology always gets the same layout. The result is written back
 * as one edit (a batch of moveNode ops).
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { ScenarioOp } from '../../store/ops.ts';

interface Node extends SimulationNodeDatum {
  id: string;
  r: number;
}

export const LAYOUT_TICKS = 300;

export function forceLayout(s: ScenarioV1, pos: Readonly<Record<string, { x: number; y: number }>>, ticks = LAYOUT_TICKS): ScenarioOp | null {
  const ids = [...Object.keys(s.hosts), ...Object.keys(s.segments ?? {})];
  if (ids.length < 2) return null;
  const isHost = (id: string) => Object.hasOwn(s.hosts, id);
  const nodes: Node[] = ids.map((id, i) => ({ id, r: isHost(id) ? 150 : 90, x: pos[id]?.x ?? i * 40, y: pos[id]?.y ?? (isHost(id) ? 0 : 200) }));
  const links = Object.entries(s.segments ?? {}).flatMap(([seg, ports]) =>
    [...new Set(ports.map((p) => p.slice(0, p.indexOf('.'))))].filter(isHost).map((h) => ({ source: h, target: seg })));
  const cx = nodes.reduce((a, n) => a + (n.x ?? 0), 0) / nodes.length;
  const cy = nodes.reduce((a, n) => a + (n.y ?? 0), 0) / nodes.length;
  const sim = forceSimulation<Node>(nodes)
    .force('link', forceLink<Node, { source: string; target: string }>(links).id((n) => n.id).distance(230).strength(0.7))
    .force('charge', forceManyBody<Node>().strength(-2200))
    .force('collide', forceCollide<Node>((n) => n.r).strength(1))
    .force('x', forceX<Node>(cx).strength(0.03))
    .force('y', forceY<Node>(cy).strength(0.05))
    .force('center', forceCenter(cx, cy))
    .stop();
  sim.tick(ticks);
  const ops: ScenarioOp[] = nodes.map((n) => ({ type: 'moveNode', id: n.id, x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) }));
  return { type: 'batch', ops, label: 'layout' };
}
