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
 * returns the indices of the rectangles whose cells touch an area, in index order, so that
 * scoring sums exactly as a scan of the whole list would (the same floating-point result), at
 * the cost of what is near rather than of the whole topology (1,000 hosts: 3 M comparisons
 * were half a second). A rectangle can be taken out again (with the box it was added with),
 * so that a moved card, link or label is re-filed where it now is.
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
  /** Calls `f` with the key of every cell `b` touches. */
  private each(b: Rect, f: (k: number) => void) {
    const c0 = Math.floor(b.x0 / this.cell), c1 = Math.floor(b.x1 / this.cell);
    const r0 = Math.floor(b.y0 / this.cell), r1 = Math.floor(b.y1 / this.cell);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) f(this.key(c, r));
  }
  add(i: number, b: Rect) {
    if (i >= this.seen.length) {
      const more = new Uint32Array(Math.max(i + 1, this.seen.length * 2));
      more.set(this.seen);
      this.seen = more;
    }
    // A very long rectangle (a cable across the drawing) is listed in every cell it spans.
    this.each(b, (k) => {
      const list = this.cells.get(k);
      if (list) list.push(i);
      else this.cells.set(k, [i]);
    });
  }
  remove(i: number, b: Rect) {
    this.each(b, (k) => {
      const list = this.cells.get(k);
      const at = list ? list.indexOf(i) : -1;
      if (at < 0) return;
      list!.splice(at, 1);
      if (list!.length === 0) this.cells.delete(k);
    });
  }
  near(b: Rect): number[] {
    const out: number[] = [];
    const q = ++this.query;
    this.each(b, (k) => {
      const list = this.cells.get(k);
      if (!list) return;
      for (const i of list) {
        if (this.seen[i] === q) continue;
        this.seen[i] = q;
        out.push(i);
      }
    });
    return out.sort((a, z) => a - z);
  }
}

const GRID_CELL = 400;

/** Do two rectangles meet (touching counts)? What a label's reach is tested with. */
const meets = (a: Rect, b: Rect) => a.x0 <= b.x1 && a.x1 >= b.x0 && a.y0 <= b.y1 && a.y1 >= b.y0;
const sameRect = (a: Rect, b: Rect) => a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;
const sameLink = (a: Segment, b: Segment) => a.x1 === b.x1 && a.y1 === b.y1 && a.x2 === b.x2 && a.y2 === b.y2;
const sameInput = (a: LabelInput, b: LabelInput) =>
  a.id === b.id && a.x === b.x && a.y === b.y && a.side === b.side && a.labelDir === b.labelDir && a.name === b.name && a.lines.length === b.lines.length && a.lines.every((s, i) => s === b.lines[i]);
const samePlace = (a: PortLabel, b: PortLabel) => a.dx === b.dx && a.dy === b.dy && a.anchor === b.anchor && sameRect(a.box, b.box);
const boxOfLink = (s: Segment): Rect => ({ x0: Math.min(s.x1, s.x2), y0: Math.min(s.y1, s.y2), x1: Math.max(s.x1, s.x2), y1: Math.max(s.y1, s.y2) });

/** What changed since the last placement, by index in the lists the placement was made from. */
export interface LabelChanges {
  labels?: Map<number, LabelInput>;
  obstacles?: Map<number, Rect>;
  links?: Map<number, Segment>;
}

/**
 * The greedy placement, kept so that it can be brought up to date when a few cards, links or
 * ports move (a host dragged on a 1,000-host canvas) instead of placing every label again.
 *
 * Each label is placed (in order) from what touches its reach — the union of its candidate
 * boxes — only: the cards, switches and links whose boxes meet the reach, and the labels placed
 * before it whose boxes meet it. So `update` places again exactly the labels
 *  - whose own input changed (their port moved or turned to another side), or
 *  - whose reach meets the old or the new box of a changed card or switch, or the old or the
 *    new box of a label before them that `update` placed somewhere else, or
 *  - whose reach the old or the new line of a changed cable crosses (a cable costs a candidate
 *    only where it crosses it),
 * in order, and keeps every other label where it was: a kept label sees the same things in its
 * reach as before, in the same order, so it would be placed where it is. The result is the one
 * placing every label again from scratch would give, to the bit (see labelLayout.test.ts);
 * a drag re-places the labels around the moved card and its links, and the labels those push.
 *
 * Mutable: `update` changes this object in place (the geometry that uses it keeps its own copy
 * of each label's placement).
 */
export class LabelLayout {
  /** Each label's placement, by index. */
  readonly placed: PortLabel[] = [];
  private labels: LabelInput[];
  private reaches: Rect[];
  private obstacles: Rect[];
  private links: Segment[];
  private linkBoxes: Rect[];
  private obstacleGrid = new RectGrid(GRID_CELL);
  private linkGrid = new RectGrid(GRID_CELL);
  private boxGrid = new RectGrid(GRID_CELL);

  /**
   * Places every label; `obstacles`: host cards and switches; `links`: every cable. With
   * `later`, none yet: placeUntil places them, in the same order, a slice at a time.
   */
  constructor(labels: LabelInput[], obstacles: Rect[], links: Segment[], later = false) {
    this.labels = [...labels];
    this.reaches = labels.map((l) => reachOf(l));
    this.obstacles = [...obstacles];
    this.links = [...links];
    this.linkBoxes = links.map(boxOfLink);
    this.obstacles.forEach((o, i) => this.obstacleGrid.add(i, o));
    this.linkBoxes.forEach((b, i) => this.linkGrid.add(i, b));
    if (!later) this.placeUntil(Infinity);
  }

  /** Have all labels been placed? */
  get done(): boolean {
    return this.placed.length === this.labels.length;
  }

  /**
   * Places the next labels until `deadline` (a performance.now() time; at least one label per
   * call). The same placement as all at once: each label still sees the ones before it.
   */
  placeUntil(deadline: number): boolean {
    for (let i = this.placed.length; i < this.labels.length; ) {
      this.placed.push(this.place(i));
      this.boxGrid.add(i, this.placed[i].box);
      // The clock is read every 16 labels (each is some microseconds).
      if (++i % 16 === 0 && performance.now() >= deadline) break;
    }
    return this.done;
  }

  /**
   * Brings the placement up to date with `changes` (see the class comment for which labels are
   * placed again). Returns the indices of the labels now placed somewhere else, in order.
   */
  update(changes: LabelChanges): number[] {
    if (!this.done) throw new Error('LabelLayout.update before every label is placed');
    // What moved, where it was and where it is: boxes (cards, switches, labels) and cables.
    const dirty = new RectGrid(GRID_CELL);
    const dirtyBoxes: Rect[] = [];
    // Around all of it: most labels are far from a drag and are passed over with one test.
    const hull = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    const grow = (r: Rect) => {
      hull.x0 = Math.min(hull.x0, r.x0);
      hull.y0 = Math.min(hull.y0, r.y0);
      hull.x1 = Math.max(hull.x1, r.x1);
      hull.y1 = Math.max(hull.y1, r.y1);
    };
    const mark = (r: Rect) => {
      dirty.add(dirtyBoxes.length, r);
      dirtyBoxes.push(r);
      grow(r);
    };
    const dirtyLinkGrid = new RectGrid(GRID_CELL);
    const dirtyLinks: Segment[] = [];
    const markLink = (s: Segment, box: Rect) => {
      dirtyLinkGrid.add(dirtyLinks.length, box);
      dirtyLinks.push(s);
      grow({ x0: box.x0 - 1, y0: box.y0 - 1, x1: box.x1 + 1, y1: box.y1 + 1 });
    };
    for (const [i, o] of changes.obstacles ?? []) {
      const old = this.obstacles[i];
      if (sameRect(old, o)) continue;
      mark(old);
      mark(o);
      this.obstacleGrid.remove(i, old);
      this.obstacleGrid.add(i, o);
      this.obstacles[i] = o;
    }
    for (const [i, s] of changes.links ?? []) {
      if (sameLink(this.links[i], s)) continue;
      const old = this.linkBoxes[i];
      const box = boxOfLink(s);
      markLink(this.links[i], old);
      markLink(s, box);
      this.linkGrid.remove(i, old);
      this.linkGrid.add(i, box);
      this.links[i] = s;
      this.linkBoxes[i] = box;
    }
    const moved = new Set<number>();
    for (const [i, l] of changes.labels ?? []) {
      if (sameInput(this.labels[i], l)) continue;
      this.labels[i] = l;
      this.reaches[i] = reachOf(l);
      moved.add(i);
    }
    const out: number[] = [];
    if (dirtyBoxes.length === 0 && dirtyLinks.length === 0 && moved.size === 0) return out;
    for (let i = 0; i < this.labels.length; i++) {
      const reach = this.reaches[i];
      if (!moved.has(i) && (!meets(hull, reach) || (!dirty.near(reach).some((d) => meets(dirtyBoxes[d], reach)) && !this.cablesCross(dirtyLinkGrid, dirtyLinks, reach)))) continue;
      const prev = this.placed[i];
      const next = this.place(i);
      if (samePlace(prev, next)) continue;
      // Labels after this one may now be placed differently: where it was and where it is are dirty.
      mark(prev.box);
      mark(next.box);
      this.boxGrid.remove(i, prev.box);
      this.boxGrid.add(i, next.box);
      this.placed[i] = next;
      out.push(i);
    }
    return out;
  }

  /**
   * Does one of `links` cross `reach`? A cable counts for a candidate box only if it crosses the
   * box, so one that misses the reach (grown by a unit, against rounding in the clipping) costs
   * the label nothing wherever it is: the long cable of a moved host does not re-place every
   * label in its bounding box.
   */
  private cablesCross(grid: RectGrid, links: Segment[], reach: Rect): boolean {
    const grown = { x0: reach.x0 - 1, y0: reach.y0 - 1, x1: reach.x1 + 1, y1: reach.y1 + 1 };
    return grid.near(grown).some((d) => crosses(links[d], grown));
  }

  /** Where label `i` goes, given the obstacles, the links and the labels before it. */
  private place(i: number): PortLabel {
    const l = this.labels[i];
    const { w, h } = labelSize(l);
    const cands = candidates(l, h).map((c) => ({ c, box: boxAt(l, w, h, c.dx, c.dy, c.anchor) }));
    // Only what touches the area of all candidates can cost anything: with 128 hosts, scoring
    // every candidate against every card, label and link was one long task when a link opened.
    const reach = this.reaches[i];
    const near = (r: Rect) => meets(r, reach);
    const nearObstacles = this.obstacleGrid.near(reach).map((k) => this.obstacles[k]).filter(near);
    const nearBoxes = this.boxGrid.near(reach).filter((k) => k < i).map((k) => this.placed[k].box).filter(near);
    const nearLinks = this.linkGrid.near(reach).filter((k) => near(this.linkBoxes[k]));
    let best: PortLabel | null = null;
    let bestCost = Infinity;
    for (const { c, box } of cands) {
      let cost = 0;
      for (const o of nearObstacles) cost += area(box, o);
      for (const b of nearBoxes) cost += 2 * area(box, b);
      // A link can cross the box only if its bounding box meets the box (a cheap test first: a bridge's fan of cables is near every label around it).
      for (const k of nearLinks) {
        const lb = this.linkBoxes[k];
        if (lb.x0 <= box.x1 && lb.x1 >= box.x0 && lb.y0 <= box.y1 && lb.y1 >= box.y0 && crosses(this.links[k], box)) cost += CROSSING;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = { ...c, box };
        if (cost === 0) break;
      }
    }
    return best!;
  }
}

/** The union of a label's candidate boxes: all that its placement looks at. */
function reachOf(l: LabelInput): Rect {
  const { w, h } = labelSize(l);
  const boxes = candidates(l, h).map((c) => boxAt(l, w, h, c.dx, c.dy, c.anchor));
  return boxes.reduce((u, b) => ({ x0: Math.min(u.x0, b.x0), y0: Math.min(u.y0, b.y0), x1: Math.max(u.x1, b.x1), y1: Math.max(u.y1, b.y1) }), boxes[0]);
}

/**
 * Places every label; `obstacles`: host cards and switches; `links`: every cable. Labels are
 * placed in the given order, each avoiding those placed before it.
 */
export function placeLabels(labels: LabelInput[], obstacles: Rect[], links: Segment[]): Map<string, PortLabel> {
  const layout = new LabelLayout(labels, obstacles, links);
  return new Map(labels.map((l, i) => [l.id, layout.placed[i]]));
}
