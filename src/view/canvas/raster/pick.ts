/**
 * Picking on the raster canvas: which port, switch or host is under a point, from the same
 * geometry the canvas is drawn from (nothing is read back from pixels). A uniform grid of
 * buckets (about one host card per cell) holds every item's box, so a pick looks at one cell's
 * few items whatever the topology's size: exact, and constant time for 1,000 hosts.
 * Order where items overlap, as in the SVG drawing: a port (on a card's edge, drawn over it)
 * wins over a switch, a switch over a host card.
 */
import { CARD_H, CARD_MIN_W, type Geometry, type HostGeom, type SegmentGeom } from '../geometry.ts';

export type Picked = { kind: 'port'; host: string; dev: string } | { kind: 'segment'; segment: string } | { kind: 'host'; host: string };

/** Half the side of a port's square as drawn (14), plus a little slack for the pointer. */
export const PORT_HALF = 9;
/** On screen a port stays at least this many pixels wide for the pointer, however far the view is zoomed out. */
const PORT_MIN_SCREEN = 6;

const enum Kind {
  Port = 0,
  Segment = 1,
  Host = 2,
}

interface Item {
  kind: Kind;
  /** Index into geometry's hosts / segments, or the port's id. */
  ref: number | string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PickIndex {
  g: Geometry;
  cell: number;
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  cells: Item[][];
}

/** The grid over the geometry; built once per topology (a few ms for 1,000 hosts), then updated by nextPickIndex. */
export function buildPickIndex(g: Geometry): PickIndex {
  const cell = Math.max(CARD_MIN_W, CARD_H * 2);
  // Ports get room for their largest pick radius at the smallest zoom (0.02 → 6 px = 300 units): kept
  // out of the grid's boxes, they are found by a search around the point instead (see pickAt).
  const { x0, y0, x1, y1 } = g.bounds;
  const cols = Math.max(1, Math.ceil((x1 - x0) / cell) + 1);
  const rows = Math.max(1, Math.ceil((y1 - y0) / cell) + 1);
  const cells: Item[][] = Array.from({ length: cols * rows }, () => []);
  const idx: PickIndex = { g, cell, x0, y0, cols, rows, cells };
  g.hosts.forEach((h, i) => fileHost(idx, h, i, (c) => cells[c]));
  g.segments.forEach((s, i) => fileSegment(idx, s, i, (c) => cells[c]));
  return idx;
}

/** Every cell an item's box touches (an item outside the grid goes to the cells on its edge). */
function eachCell(idx: PickIndex, b: { x0: number; y0: number; x1: number; y1: number }, f: (c: number) => void) {
  const { cell, cols, rows } = idx;
  const c0 = clamp(Math.floor((b.x0 - idx.x0) / cell), cols);
  const c1 = clamp(Math.floor((b.x1 - idx.x0) / cell), cols);
  const r0 = clamp(Math.floor((b.y0 - idx.y0) / cell), rows);
  const r1 = clamp(Math.floor((b.y1 - idx.y0) / cell), rows);
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) f(r * cols + c);
}

const hostItems = (h: HostGeom, i: number): Item[] => [
  { kind: Kind.Host, ref: i, x0: h.x - h.w / 2, y0: h.y - h.h / 2, x1: h.x + h.w / 2, y1: h.y + h.h / 2 },
  ...h.ports.map((p) => ({ kind: Kind.Port, ref: p.id, x0: p.x - PORT_HALF, y0: p.y - PORT_HALF, x1: p.x + PORT_HALF, y1: p.y + PORT_HALF })),
];
const segmentItem = (s: SegmentGeom, i: number): Item => ({ kind: Kind.Segment, ref: i, x0: s.x - s.w / 2, y0: s.y - s.h / 2, x1: s.x + s.w / 2, y1: s.y + s.h / 2 });

function fileHost(idx: PickIndex, h: HostGeom, i: number, cellAt: (c: number) => Item[]) {
  for (const it of hostItems(h, i)) eachCell(idx, it, (c) => cellAt(c).push(it));
}
function fileSegment(idx: PickIndex, s: SegmentGeom, i: number, cellAt: (c: number) => Item[]) {
  const it = segmentItem(s, i);
  eachCell(idx, it, (c) => cellAt(c).push(it));
}

const samePlace = (a: HostGeom, b: HostGeom) =>
  a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h && a.ports.length === b.ports.length && a.ports.every((p, k) => p.id === b.ports[k].id && p.x === b.ports[k].x && p.y === b.ports[k].y);

/**
 * The index for `g`, from the one for the geometry before it: after a move of a few nodes
 * (moveGeometry keeps the other cards' objects), only the moved cards, ports and switches are
 * taken out of their cells and filed where they now are, in copies of the cells they touch, so
 * that `prev` stays as it was. A new topology, or most of it moved: built again.
 */
export function nextPickIndex(prev: PickIndex | null, g: Geometry): PickIndex {
  if (!prev || prev.g === g) return prev ?? buildPickIndex(g);
  const old = prev.g;
  // The same index maps: the same hosts and switches in the same order (moveGeometry keeps them).
  if (old.hostIndex !== g.hostIndex || old.segmentIndex !== g.segmentIndex) return buildPickIndex(g);
  const hosts = g.hosts.flatMap((h, i) => (h !== old.hosts[i] && !samePlace(h, old.hosts[i]) ? [i] : []));
  const segs = g.segments.flatMap((s, i) => (s.x !== old.segments[i].x || s.y !== old.segments[i].y ? [i] : []));
  if (hosts.length + segs.length > (g.hosts.length + g.segments.length) / 4) return buildPickIndex(g);
  const idx: PickIndex = { ...prev, g, cells: [...prev.cells] };
  const copied = new Set<number>();
  const own = (c: number) => {
    if (!copied.has(c)) {
      copied.add(c);
      idx.cells[c] = [...idx.cells[c]];
    }
    return idx.cells[c];
  };
  const unfile = (it: Item) => eachCell(idx, it, (c) => {
    const list = own(c);
    const at = list.findIndex((x) => x.kind === it.kind && x.ref === it.ref);
    if (at >= 0) list.splice(at, 1);
  });
  for (const i of hosts) hostItems(old.hosts[i], i).forEach(unfile);
  for (const i of segs) unfile(segmentItem(old.segments[i], i));
  for (const i of hosts) fileHost(idx, g.hosts[i], i, own);
  for (const i of segs) fileSegment(idx, g.segments[i], i, own);
  return idx;
}

const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));

/**
 * What is under the canvas point (x, y) at zoom k. A port is hit within PORT_HALF canvas
 * units of its centre, or PORT_MIN_SCREEN / 2 screen pixels when zoomed far out; the nearest
 * port wins. Then a switch, then a host card (the last drawn on top where cards overlap).
 */
export function pickAt(idx: PickIndex, x: number, y: number, k = 1): Picked | null {
  const { g, cell, cols, rows, cells } = idx;
  const portR = Math.max(PORT_HALF, PORT_MIN_SCREEN / 2 / k);
  // Ports: every cell the port radius reaches around the point.
  let best: string | null = null;
  let bestD = Infinity;
  const c0 = clamp(Math.floor((x - portR - idx.x0) / cell), cols);
  const c1 = clamp(Math.floor((x + portR - idx.x0) / cell), cols);
  const r0 = clamp(Math.floor((y - portR - idx.y0) / cell), rows);
  const r1 = clamp(Math.floor((y + portR - idx.y0) / cell), rows);
  for (let r = r0; r <= r1; r++)
    for (let c = c0; c <= c1; c++)
      for (const it of cells[r * cols + c]) {
        if (it.kind !== Kind.Port) continue;
        const p = g.ports[it.ref as string];
        const dx = Math.abs(p.x - x);
        const dy = Math.abs(p.y - y);
        if (dx > portR || dy > portR) continue;
        const d = dx * dx + dy * dy;
        if (d < bestD) {
          bestD = d;
          best = p.id;
        }
      }
  if (best !== null) {
    const p = g.ports[best];
    return { kind: 'port', host: p.host, dev: p.dev };
  }
  // Clamped: a card dragged out of the grid's extent is filed in the cells on its edge.
  const c = clamp(Math.floor((x - idx.x0) / cell), cols);
  const r = clamp(Math.floor((y - idx.y0) / cell), rows);
  // The first switch and the last host in the topology's order, whatever the order in the cell.
  let host = -1;
  let seg = Infinity;
  for (const it of cells[r * cols + c]) {
    if (x < it.x0 || x > it.x1 || y < it.y0 || y > it.y1) continue;
    if (it.kind === Kind.Segment) seg = Math.min(seg, it.ref as number);
    if (it.kind === Kind.Host) host = Math.max(host, it.ref as number);
  }
  if (seg !== Infinity) return { kind: 'segment', segment: g.segments[seg].name };
  return host >= 0 ? { kind: 'host', host: g.hosts[host].name } : null;
}
