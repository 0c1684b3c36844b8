/**
 * Where each interface's label (name, addresses, MAC) goes: a greedy placement over a few
 * candidate positions around the port, each scored by what it would cover — host cards,
 * switches, labels already placed (overlapping area) and links (crossings) — first candidate
 * wins ties. A label that fits nowhere free takes the least-covering spot. Pure and
 * deterministic; the text's size is estimated from character counts (the canvas's fonts at
 * their CSS sizes), generously, so an estimate that is free is free on screen too.
 */

export type Anchor = 'start' | 'end' | 'middle';

export interface PortLabel {
  /** Offset of the first line's baseline from the port's centre. */
  dx: number;
  dy: number;
  anchor: Anchor;
  /** The label's box in canvas coordinates (for bounds and tests). */
  box: Rect;
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelInput {
  id: string;
  x: number;
  y: number;
  side: 'top' | 'bottom' | 'left' | 'right';
  /** -1: the link leaves toward the left/up, so the label prefers the other side. */
  labelDir: 1 | -1;
  /** Lines after the name (addresses, MAC). */
  lines: string[];
  name: string;
}

export const LINE = 13;
/** Width per character: the port name (12.5px bold sans) and the monospace lines (11.5px). */
const NAME_CH = 8;
const MONO_CH = 7.1;
const PAD = 3;

function labelSize(l: LabelInput): { w: number; h: number } {
  const w = Math.max([...l.name].length * NAME_CH, ...l.lines.map((s) => [...s].length * MONO_CH));
  return { w: w + 2 * PAD, h: (l.lines.length + 1) * LINE + 2 * PAD };
}

/** The label's box for a baseline offset and anchor. */
function boxAt(l: LabelInput, w: number, h: number, dx: number, dy: number, anchor: Anchor): Rect {
  const left = anchor === 'start' ? l.x + dx - PAD : anchor === 'end' ? l.x + dx - w + PAD : l.x + dx - w / 2;
  const top = l.y + dy - LINE + 1 - PAD;
  return { x0: left, y0: top, x1: left + w, y1: top + h };
}

/** Candidate offsets, best first: beside the port away from its link, then the other side, then further out. */
function candidates(l: LabelInput, h: number): { dx: number; dy: number; anchor: Anchor }[] {
  const d = l.labelDir;
  const near: Anchor = d === 1 ? 'start' : 'end';
  const far: Anchor = d === 1 ? 'end' : 'start';
  const block = h - 2 * PAD; // height of the text lines
  if (l.side === 'bottom' || l.side === 'top') {
    const out = l.side === 'bottom' ? 1 : -1;
    // First baseline so the block starts (bottom) or ends (top) `gap` from the port.
    const at = (gap: number) => (out === 1 ? gap + LINE - 1 : -gap - block + LINE - 1);
    return [
      { dx: d * 10, dy: at(12), anchor: near },
      { dx: -d * 10, dy: at(12), anchor: far },
      { dx: d * 10, dy: at(12 + block + 6), anchor: near },
      { dx: -d * 10, dy: at(12 + block + 6), anchor: far },
      { dx: d * 10, dy: at(12 + 2 * (block + 6)), anchor: near },
      { dx: -d * 10, dy: at(12 + 2 * (block + 6)), anchor: far },
      { dx: 0, dy: at(12 + 3 * (block + 6)), anchor: 'middle' },
    ];
  }
  const out = l.side === 'right' ? 1 : -1;
  const a: Anchor = out === 1 ? 'start' : 'end';
  return [
    { dx: out * 12, dy: -10 - block + LINE, anchor: a },
    { dx: out * 12, dy: 12 + LINE - 1, anchor: a },
    { dx: out * 12, dy: -10 - 2 * block - 6 + LINE, anchor: a },
    { dx: out * 12, dy: 12 + block + 6 + LINE - 1, anchor: a },
  ];
}

const area = (a: Rect, b: Rect) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** Does the segment cross (or lie in) the rectangle? (Liang–Barsky clipping) */
export function crosses(s: Segment, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const clip = (p: number, q: number) => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return clip(-dx, s.x1 - r.x0) && clip(dx, r.x1 - s.x1) && clip(-dy, s.y1 - r.y0) && clip(dy, r.y1 - s.y1) && t0 <= t1;
}

/** A crossing link costs as much as this much covered area (a line through text is hard to read). */
const CROSSING = 400;

/**
 * Rectangles bucketed in a uniform grid, each found again by its insertion index: a query
 * returns the indices of the rectangles whose cells touch an area, in insertion order, so that
 * scoring sums exactly as a scan of the whole list would (the same floating-point result), at
 * the cost of what is near rather than of the whole topology (1,000 hosts: 3 M comparisons
 * were half a second).
 */
class RectGrid {
  private cells = new Map<number, number[]>();
  /** Per rectangle, the query that last listed it (no Set per query). */
  private seen = new Uint32Array(64);
  private query = 0;
  constructor(private cell: number) {}
  private key(c: number, r: number) {
    return (r + 32768) * 65536 + (c + 32768);
  }
  add(i: number, b: Rect) {
    if (i >= this.seen.length) {
      const more = new Uint32Array(Math.max(i + 1, this.seen.length * 2));
      more.set(this.seen);
      this.seen = more;
    }
    const c0 = Math.floor(b.x0 / this.cell), c1 = Math.floor(b.x1 / this.cell);
    const r0 = Math.floor(b.y0 / this.cell), r1 = Math.floor(b.y1 / this.cell);
    // A very long rectangle (a cable across the drawing) is listed in every cell it spans.
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const k = this.key(c, r);
        const list = this.cells.get(k);
        if (list) list.push(i);
        else this.cells.set(k, [i]);
      }
  }
  near(b: Rect): number[] {
    const out: number[] = [];
    const q = ++this.query;
    const c0 = Math.floor(b.x0 / this.cell), c1 = Math.floor(b.x1 / this.cell);
    const r0 = Math.floor(b.y0 / this.cell), r1 = Math.floor(b.y1 / this.cell);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const list = this.cells.get(this.key(c, r));
        if (!list) continue;
        for (const i of list) {
          if (this.seen[i] === q) continue;
          this.seen[i] = q;
          out.push(i);
        }
      }
    return out.sort((a, z) => a - z);
  }
}

const GRID_CELL = 400;

/**
 * Places every label; `obstacles`: host cards and switches; `links`: every cable. Labels are
 * placed in the given order, each avoiding those placed before it.
 */
export function placeLabels(labels: LabelInput[], obstacles: Rect[], links: Segment[]): Map<string, PortLabel> {
  const placed = new Map<string, PortLabel>();
  const boxes: Rect[] = [];
  const linkBoxes = links.map((s) => ({ x0: Math.min(s.x1, s.x2), y0: Math.min(s.y1, s.y2), x1: Math.max(s.x1, s.x2), y1: Math.max(s.y1, s.y2) }));
  const obstacleGrid = new RectGrid(GRID_CELL);
  obstacles.forEach((o, i) => obstacleGrid.add(i, o));
  const linkGrid = new RectGrid(GRID_CELL);
  linkBoxes.forEach((b, i) => linkGrid.add(i, b));
  const boxGrid = new RectGrid(GRID_CELL);
  for (const l of labels) {
    const { w, h } = labelSize(l);
    const cands = candidates(l, h).map((c) => ({ c, box: boxAt(l, w, h, c.dx, c.dy, c.anchor) }));
    // Only what touches the area of all candidates can cost anything: with 128 hosts, scoring
    // every candidate against every card, label and link was one long task when a link opened.
    const reach = cands.reduce((u, { box }) => ({ x0: Math.min(u.x0, box.x0), y0: Math.min(u.y0, box.y0), x1: Math.max(u.x1, box.x1), y1: Math.max(u.y1, box.y1) }), cands[0].box);
    const near = (r: Rect) => r.x0 <= reach.x1 && r.x1 >= reach.x0 && r.y0 <= reach.y1 && r.y1 >= reach.y0;
    const nearObstacles = obstacleGrid.near(reach).map((i) => obstacles[i]).filter(near);
    const nearBoxes = boxGrid.near(reach).map((i) => boxes[i]).filter(near);
    const nearLinks = linkGrid.near(reach).filter((i) => near(linkBoxes[i]));
    let best: PortLabel | null = null;
    let bestCost = Infinity;
    for (const { c, box } of cands) {
      let cost = 0;
      for (const o of nearObstacles) cost += area(box, o);
      for (const b of nearBoxes) cost += 2 * area(box, b);
      // A link can cross the box only if its bounding box meets the box (a cheap test first: a bridge's fan of cables is near every label around it).
      for (const i of nearLinks) {
        const lb = linkBoxes[i];
        if (lb.x0 <= box.x1 && lb.x1 >= box.x0 && lb.y0 <= box.y1 && lb.y1 >= box.y0 && crosses(links[i], box)) cost += CROSSING;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = { ...c, box };
        if (cost === 0) break;
      }
    }
    placed.set(l.id, best!);
    boxGrid.add(boxes.length, best!.box);
    boxes.push(best!.box);
  }
  return placed;
}
