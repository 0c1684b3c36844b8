/**
 * The topology drawn on a 2D canvas, for topologies too large for SVG (RasterTopology.tsx):
 * the same cards, ports, switches, links and labels as HostNode/PortNode/SegmentNode, in
 * the theme's colours. Only what is in view is drawn, shapes of a kind go in one path, and
 * text follows the zoom (level of detail): none when a card is a few pixels wide; the host
 * names at a fixed screen size, cut to the card, while they would be too small to read at
 * scale; then names at scale; then the neighbour rows and the port labels once those are
 * readable. The stop marks are drawn here too (drawStopMarks.ts); the SVG layer above keeps the
 * editing handles.
 */
import type { NeighView } from '../../../store/derive/neighAt.ts';
import { switchAnchor, type Geometry } from '../geometry.ts';
import { LINE } from '../labelPlacement.ts';
import { isolate } from '../../../i18n/displayText.ts';
import type { VisibleStop } from '../visibleStops.ts';
import { drawStopMarks } from './drawStopMarks.ts';
import type { Surface2D } from './surface.ts';

export interface TopologyColors {
  canvas: string;
  /** The stop marks' discs (StopMarks.tsx's --panel). */
  panel: string;
  text: string;
  muted: string;
  card: string;
  cardBorder: string;
  link: string;
  switchFill: string;
  accent: string;
  focus: string;
  ok: string;
  fail: string;
  warn: string;
  sans: string;
  mono: string;
}

export function readTopologyColors(el: Element): TopologyColors {
  const cs = getComputedStyle(el);
  const v = (n: string) => cs.getPropertyValue(n).trim();
  return {
    canvas: v('--canvas'), panel: v('--panel'), text: v('--text'), muted: v('--muted'), card: v('--card'), cardBorder: v('--card-border'), link: v('--link'),
    switchFill: v('--switch'), accent: v('--accent'), focus: v('--focus'), ok: v('--ok'), fail: v('--fail'), warn: v('--warn'),
    sans: v('--sans') || 'sans-serif', mono: v('--mono') || 'monospace',
  };
}

/** Zoom levels of the level of detail, chosen so that text is drawn only where it can be read (≥ ~6.5 px). */
export const LOD = {
  /** Below: shapes only. Above: host names at NAME_PX screen pixels, cut to the card. */
  names: 0.12,
  /** Above: host and switch names at canvas scale (16 px × k). */
  scaledNames: 0.42,
  /** Above: neighbour rows, port labels, VIPs (11 px × k). */
  details: 0.6,
} as const;
const NAME_PX = 11;
const MAX_ROWS = 3;

export interface TopologyState {
  g: Geometry;
  viewport: { x: number; y: number; k: number };
  /** CSS pixels of the canvas. */
  width: number;
  height: number;
  dpr: number;
  colors: TopologyColors;
  /** The selected host (or the host of the selected interface), interface, switch. */
  selectedHost: string | null;
  selectedPort: string | null;
  selectedSegment: string | null;
  /** Under the pointer: outlined, and named at any zoom. */
  hovered: string | null;
  /** A host's neighbour table at the playback position (asked only for the hosts whose rows are drawn). */
  neighOf(host: string): NeighView[];
  owners: Record<string, string>;
  /** First event of the step on screen: rows changed since then are bold. */
  stepFirst: number;
  /** Translated words: the bridge's kind, the empty table, "+N more". */
  words: { bridge: string; neighEmpty: string; more(n: number): string };
  /** Where frames stopped in the step on screen (visibleStops.ts), the selected frame and the mark focused from the keyboard. */
  marks: VisibleStop[];
  selectedFrame: number | null;
  focusedMark: string | null;
}

export interface DrawStats {
  hosts: number;
  texts: number;
  /** Whether neighbour rows were drawn (the drawing then depends on the playback position). */
  rows: boolean;
  /** Stop marks drawn (those in view). */
  marks: number;
}

/** Draws the whole topology for `s` onto `ctx` (cleared first); returns what it drew, for tests and the bench. */
export function drawTopology(ctx: Surface2D, s: TopologyState): DrawStats {
  const { g, viewport: v, width, height, dpr, colors: c } = s;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, Math.round(width * dpr), Math.round(height * dpr));
  ctx.setTransform(dpr * v.k, 0, 0, dpr * v.k, dpr * v.x, dpr * v.y);
  // What is in view, in canvas units, with a margin for labels sticking out of cards.
  const m = 120;
  const vx0 = -v.x / v.k - m;
  const vy0 = -v.y / v.k - m;
  const vx1 = (width - v.x) / v.k + m;
  const vy1 = (height - v.y) / v.k + m;
  const inView = (x0: number, y0: number, x1: number, y1: number) => x1 >= vx0 && x0 <= vx1 && y1 >= vy0 && y0 <= vy1;
  /** A line stays at least one device pixel wide however far the view is zoomed out. */
  const px = (w: number) => Math.max(w, 1 / (v.k * dpr));
  let texts = 0;

  // Links: one path.
  ctx.beginPath();
  for (const sg of g.segments)
    for (const id of sg.ports) {
      const p = g.ports[id];
      if (!p) continue;
      const a = switchAnchor(sg, p);
      if (!inView(Math.min(p.x, a.x), Math.min(p.y, a.y), Math.max(p.x, a.x), Math.max(p.y, a.y))) continue;
      ctx.moveTo(p.x, p.y);
      ctx.lineTo(a.x, a.y);
    }
  ctx.strokeStyle = c.link;
  ctx.lineWidth = px(2);
  ctx.stroke();

  // Host cards, then their ports: one path each (rounded corners only when they show).
  const round = v.k * 8 >= 1.5;
  const shown: number[] = [];
  ctx.beginPath();
  g.hosts.forEach((h, i) => {
    const x0 = h.x - h.w / 2;
    const y0 = h.y - h.h / 2;
    if (!inView(x0, y0, x0 + h.w, y0 + h.h)) return;
    shown.push(i);
    if (round) ctx.roundRect(x0, y0, h.w, h.h, 8);
    else ctx.rect(x0, y0, h.w, h.h);
  });
  ctx.fillStyle = c.card;
  ctx.fill();
  ctx.strokeStyle = c.cardBorder;
  ctx.lineWidth = px(1.5);
  ctx.stroke();
  ctx.beginPath();
  for (const i of shown) for (const p of g.hosts[i].ports) ctx.rect(p.x - 7, p.y - 7, 14, 14);
  ctx.lineWidth = px(2);
  ctx.stroke();
  ctx.fill();

  // Switches.
  ctx.beginPath();
  for (const sg of g.segments) if (inView(sg.x - sg.w / 2, sg.y - sg.h / 2, sg.x + sg.w / 2, sg.y + sg.h / 2)) ctx.rect(sg.x - sg.w / 2, sg.y - sg.h / 2, sg.w, sg.h);
  ctx.fillStyle = c.switchFill;
  ctx.fill();
  ctx.strokeStyle = c.cardBorder;
  ctx.lineWidth = px(1.5);
  ctx.stroke();

  // Selection and hover outlines.
  const outline = (x0: number, y0: number, w: number, h: number, color: string, width: number) => {
    ctx.beginPath();
    ctx.rect(x0, y0, w, h);
    ctx.strokeStyle = color;
    ctx.lineWidth = px(width);
    ctx.stroke();
  };
  const hostBox = (name: string | null) => {
    const h = name === null ? undefined : g.hosts[g.hostIndex[name]];
    return h ? ([h.x - h.w / 2, h.y - h.h / 2, h.w, h.h] as const) : null;
  };
  const hov = hostBox(s.hovered);
  if (hov) outline(hov[0] - 3, hov[1] - 3, hov[2] + 6, hov[3] + 6, c.focus, 2);
  const sel = hostBox(s.selectedHost);
  if (sel) outline(sel[0], sel[1], sel[2], sel[3], c.accent, Math.max(3, 2 / v.k));
  const selSeg = s.selectedSegment === null ? undefined : g.segments[g.segmentIndex[s.selectedSegment]];
  if (selSeg) outline(selSeg.x - selSeg.w / 2, selSeg.y - selSeg.h / 2, selSeg.w, selSeg.h, c.accent, Math.max(3, 2 / v.k));
  const selPort = s.selectedPort === null ? undefined : g.ports[s.selectedPort];
  if (selPort) {
    ctx.beginPath();
    ctx.rect(selPort.x - 7, selPort.y - 7, 14, 14);
    ctx.fillStyle = c.accent;
    ctx.fill();
  }

  // Text by level of detail.
  ctx.textBaseline = 'alphabetic';
  if (v.k >= LOD.scaledNames) {
    ctx.font = `700 16px ${c.sans}`;
    ctx.fillStyle = c.text;
    ctx.textAlign = 'left';
    for (const i of shown) {
      const h = g.hosts[i];
      ctx.fillText(isolate(h.kind && h.kind !== 'host' && h.loAddresses.length === 0 ? `${h.name} ${h.kind}` : h.name), h.x - h.w / 2 + 12, h.y - h.h / 2 + 22, h.w - 24);
      texts++;
    }
    ctx.font = `700 13px ${c.sans}`;
    ctx.textAlign = 'center';
    for (const sg of g.segments) {
      if (!inView(sg.x - sg.w / 2, sg.y - sg.h / 2, sg.x + sg.w / 2, sg.y + sg.h / 2)) continue;
      ctx.fillText(`${isolate(sg.name)} ${s.words.bridge}`, sg.x, sg.y + 5, sg.w - 8);
      texts++;
    }
  } else if (v.k >= LOD.names) {
    // Names at a fixed screen size, in screen coordinates: readable while the cards are small.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = `700 ${NAME_PX}px ${c.sans}`;
    ctx.fillStyle = c.text;
    ctx.textAlign = 'left';
    for (const i of shown) {
      const h = g.hosts[i];
      const w = h.w * v.k - 6;
      if (w < 14) continue;
      ctx.fillText(isolate(h.name), v.x + (h.x - h.w / 2) * v.k + 3, v.y + (h.y - h.h / 2) * v.k + NAME_PX + 1, w);
      texts++;
    }
    ctx.textAlign = 'center';
    for (const sg of g.segments) {
      if (!inView(sg.x - sg.w / 2, sg.y - sg.h / 2, sg.x + sg.w / 2, sg.y + sg.h / 2)) continue;
      ctx.fillText(isolate(sg.name), v.x + sg.x * v.k, v.y + sg.y * v.k + 4, Math.max(20, sg.w * v.k));
      texts++;
    }
    ctx.setTransform(dpr * v.k, 0, 0, dpr * v.k, dpr * v.x, dpr * v.y);
  }
  const rows = v.k >= LOD.details && shown.length > 0;
  if (rows) texts += drawDetails(ctx, s, shown);
  const marks = drawStopMarks(ctx, { g, marks: s.marks, k: v.k, colors: c, selectedFrame: s.selectedFrame, focused: s.focusedMark, inView });
  // The hovered host is named at any zoom (a tooltip drawn on the canvas).
  if (s.hovered !== null && v.k < LOD.scaledNames && hov) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = `700 12px ${c.sans}`;
    ctx.textAlign = 'left';
    const x = v.x + hov[0] * v.k;
    const y = v.y + hov[1] * v.k - 6;
    const name = isolate(s.hovered);
    const w = ctx.measureText(name).width;
    ctx.fillStyle = c.canvas;
    ctx.fillRect(x - 3, y - 13, w + 6, 17);
    ctx.fillStyle = c.text;
    ctx.fillText(name, x, y);
    texts++;
  }
  return { hosts: shown.length, texts, rows, marks };
}

/** Neighbour rows (as `ip neigh` prints them, with the device), VIPs on lo and port labels of the hosts in view. */
function drawDetails(ctx: Surface2D, s: TopologyState, shown: number[]): number {
  const { g, colors: c } = s;
  let texts = 0;
  const stateColor = (st: string) => (st === 'REACHABLE' || st === 'PERMANENT' ? c.ok : st === 'FAILED' || st === 'INCOMPLETE' ? c.fail : c.warn);
  for (const i of shown) {
    const h = g.hosts[i];
    const x0 = h.x - h.w / 2;
    const y0 = h.y - h.h / 2;
    const rows = s.neighOf(h.name);
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0 + 4, y0, h.w - 8, h.h);
    ctx.clip();
    ctx.textAlign = 'left';
    if (rows.length === 0) {
      ctx.font = `400 11px ${c.mono}`;
      ctx.fillStyle = c.muted;
      ctx.fillText(s.words.neighEmpty, x0 + 12, y0 + 44);
      texts++;
    }
    rows.slice(0, MAX_ROWS).forEach((r, n) => {
      const who = isolate(r.lladdr ? (s.owners[r.lladdr] ?? r.lladdr) : '—');
      const y = y0 + 44 + n * 16;
      const weight = r.changedAt >= s.stepFirst ? 700 : 400;
      ctx.font = `${weight} 11px ${c.mono}`;
      const head = `${r.ip} dev ${isolate(r.dev)} → ${who} `;
      ctx.fillStyle = c.text;
      ctx.fillText(head, x0 + 12, y);
      ctx.font = `700 11px ${c.mono}`;
      ctx.fillStyle = stateColor(r.state);
      ctx.fillText(r.state, x0 + 12 + ctx.measureText(head).width, y);
      texts += 2;
    });
    if (rows.length > MAX_ROWS) {
      ctx.font = `400 11px ${c.mono}`;
      ctx.fillStyle = c.muted;
      ctx.textAlign = 'right';
      ctx.fillText(s.words.more(rows.length - MAX_ROWS), x0 + h.w - 12, y0 + h.h - 8);
      texts++;
    }
    ctx.restore();
    if (h.loAddresses.length > 0) {
      ctx.font = `400 11.5px ${c.sans}`;
      ctx.fillStyle = c.text;
      ctx.textAlign = 'right';
      ctx.fillText(`lo ${h.loAddresses.join(' ')}`, x0 + h.w - 12, y0 + 22);
      texts++;
    }
    // Labels still being placed (the first moments of a large topology): drawn once placed.
    if (!s.g.labelsPending) for (const p of h.ports) {
      const lines = [isolate(p.dev), ...p.addresses, p.mac];
      ctx.textAlign = p.label.anchor === 'middle' ? 'center' : p.label.anchor === 'end' ? 'right' : 'left';
      lines.forEach((l, n) => {
        ctx.font = n === 0 ? `700 11.5px ${c.sans}` : `400 11.5px ${c.sans}`;
        ctx.fillStyle = n === lines.length - 1 ? c.muted : c.text;
        ctx.fillText(l, p.x + p.label.dx, p.y + p.label.dy + n * LINE);
        texts++;
      });
    }
  }
  return texts;
}
