/**
 * Where things are drawn: host cards, their ports (one per attached interface), segment
 * switches and the links between them. Pure: positions come from the scenario's `layout`
 * (presentation field) or, when missing, from a deterministic fallback layout.
 */
import type { EngineScenario } from '../../engine/index.ts';
import { LabelLayout, type LabelInput, type PortLabel, type Rect, type Segment } from './labelPlacement.ts';

export type Side = 'top' | 'bottom' | 'left' | 'right';

export interface PortGeom {
  id: string; // "A.eth0"
  host: string;
  dev: string;
  x: number;
  y: number;
  side: Side;
  segment: string | null;
  mac: string;
  addresses: string[];
  /** Which way the label extends from the port: -1 left/up, 1 right/down. */
  labelDir: 1 | -1;
  /** Where its label goes (labelPlacement.ts): clear of cards, switches, links and other labels where there is room. */
  label: PortLabel;
}

export interface HostGeom {
  name: string;
  kind: string | undefined;
  x: number;
  y: number;
  w: number;
  h: number;
  ports: PortGeom[];
  /** Addresses on lo other than 127/8 (VIPs), shown inside the card. */
  loAddresses: string[];
}

export interface SegmentGeom {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  ports: string[];
}

export interface Geometry {
  hosts: HostGeom[];
  hostIndex: Record<string, number>;
  segments: SegmentGeom[];
  segmentIndex: Record<string, number>;
  ports: Record<string, PortGeom>;
  bounds: { x0: number; y0: number; x1: number; y1: number };
  /** The port labels are still being placed (buildGeometry's `later`): not drawn, not in the bounds. */
  labelsPending?: boolean;
}

/** Wide enough for a cache row as `ip neigh` prints it: `192.168.100.21 dev eth0 → RS1.eth0 REACHABLE`. */
export const CARD_MIN_W = 300;
export const PORT_SPACING = 230;
export const CARD_H = 96;
export const SWITCH_W = 150;
export const SWITCH_H = 34;

export type Pos = { x: number; y: number };

const UNPLACED: PortLabel = { dx: 10, dy: 22, anchor: 'start', box: { x0: 0, y0: 0, x1: 0, y1: 0 } };

type Box = { x0: number; y0: number; x1: number; y1: number };

/** Room a host needs: its card (ports widen it) and the port labels above, below and beside it. */
function hostBox(h: EngineScenario['hosts'][number], c: Pos): Box {
  const ports = h.interfaces.filter((i) => i.name !== 'lo').length;
  const w = Math.max(CARD_MIN_W, Math.min(ports, 2) * PORT_SPACING) + 2 * 20;
  const hh = CARD_H + 2 * 40;
  return { x0: c.x - w / 2, y0: c.y - hh / 2, x1: c.x + w / 2, y1: c.y + hh / 2 };
}

const segBox = (c: Pos): Box => ({ x0: c.x - SWITCH_W / 2 - 20, y0: c.y - SWITCH_H / 2 - 20, x1: c.x + SWITCH_W / 2 + 20, y1: c.y + SWITCH_H / 2 + 20 });
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * The free spot nearest to `want` for a host (rings of candidates around it, nearest first),
 * so that a host without a layout entry is never drawn on top of one that has one.
 */
function freeSpot(h: EngineScenario['hosts'][number], want: Pos, taken: Box[]): Pos {
  const STEP_X = CARD_MIN_W / 2;
  const STEP_Y = CARD_H;
  for (let ring = 0; ring < 60; ring++) {
    const cands: Pos[] = [];
    for (let i = -ring; i <= ring; i++)
      for (let j = -ring; j <= ring; j++) if (Math.max(Math.abs(i), Math.abs(j)) === ring) cands.push({ x: want.x + i * STEP_X, y: want.y + j * STEP_Y });
    cands.sort((a, b) => Math.hypot(a.x - want.x, a.y - want.y) - Math.hypot(b.x - want.x, b.y - want.y) || a.y - b.y || a.x - b.x);
    for (const c of cands) {
      // One box per candidate (not one per box it is compared with): 128 hosts stay cheap.
      const b = hostBox(h, c);
      if (!taken.some((t) => overlaps(b, t))) return c;
    }
  }
  return want;
}

/** Fallback layout: segments on a middle row, their hosts in rows above and below them, each in free space. */
export function autoLayout(engine: EngineScenario, layout: Record<string, Pos>): Record<string, Pos> {
  const placed = autoRows(engine, layout);
  // Every host has its place (a loaded data centre, a drag in it): no free spot to find.
  if (engine.hosts.every((h) => layout[h.name])) return placed;
  const taken: Box[] = [];
  for (const h of engine.hosts) if (layout[h.name]) taken.push(hostBox(h, layout[h.name]));
  for (const sg of engine.segments) if (placed[sg.name]) taken.push(segBox(placed[sg.name]));
  const out: Record<string, Pos> = { ...placed };
  for (const h of engine.hosts) {
    if (layout[h.name]) continue;
    out[h.name] = freeSpot(h, placed[h.name], taken);
    taken.push(hostBox(h, out[h.name]));
  }
  return out;
}

function autoRows(engine: EngineScenario, layout: Record<string, Pos>): Record<string, Pos> {
  const out: Record<string, Pos> = { ...layout };
  const PER_ROW = 8;
  const DX = CARD_MIN_W + 60;
  const groups = new Map<string, string[]>();
  const lonely: string[] = [];
  for (const h of engine.hosts) {
    if (out[h.name]) continue;
    const seg = engine.segments.find((s) => s.ports.some((p) => p.host === h.name));
    if (seg) groups.set(seg.name, [...(groups.get(seg.name) ?? []), h.name]);
    else lonely.push(h.name);
  }
  let cursorX = 200;
  for (const s of engine.segments) {
    const members = groups.get(s.name) ?? [];
    // Three hosts or more: half above the switch, half below, so the drawing stays about as
    // wide as it is high and fits the canvas at a zoom where labels are readable.
    const perRow = members.length >= 3 ? Math.min(PER_ROW, Math.ceil(members.length / 2)) : PER_ROW;
    const rows = Math.ceil(members.length / perRow);
    const width = Math.min(members.length, perRow) * DX;
    const cx = out[s.name]?.x ?? cursorX + Math.max(width, DX) / 2;
    const cy = out[s.name]?.y ?? 200 + Math.ceil(rows / 2) * 190;
    out[s.name] ??= { x: cx, y: cy };
    members.forEach((name, n) => {
      const row = Math.floor(n / perRow);
      const inRow = Math.min(perRow, members.length - row * perRow);
      const col = n % perRow;
      const above = row % 2 === 0;
      const ring = Math.floor(row / 2);
      out[name] = { x: out[s.name].x + (col - (inRow - 1) / 2) * DX, y: out[s.name].y + (above ? -1 : 1) * (210 + ring * 190) };
    });
    cursorX += Math.max(width, DX) + 160;
  }
  lonely.forEach((name, i) => {
    out[name] = { x: cursorX + i * DX, y: 200 };
  });
  return out;
}

function sideToward(from: Pos, to: Pos): Side {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (Math.abs(dy) >= Math.abs(dx) * 0.6) return dy >= 0 ? 'bottom' : 'top';
  return dx >= 0 ? 'right' : 'left';
}

/** What a scenario's drawing is made of, whatever the layout: which segment each port is on, and the cables in order. */
export interface GeometryPlan {
  engine: EngineScenario;
  segOfPort: Map<string, string>;
  /** Per segment, the hosts with a port on it (indices into engine.hosts): they turn their ports when it moves. */
  hostsOfSegment: number[][];
  /** The cables, in the order the label placement indexes them: segment index and port id. */
  links: { segment: number; port: string }[];
  /** Per host, and per segment, the indices of its cables in `links`. */
  linksOfHost: number[][];
  linksOfSegment: number[][];
  /** Each port's label's index in the placement (hosts in order, each host's ports in interface order). */
  labelOfPort: Map<string, number>;
  portOfLabel: string[];
}

/** A geometry with what it was computed from, so that a move can update it (geometryMove.ts). */
export interface GeometryState {
  plan: GeometryPlan;
  pos: Record<string, Pos>;
  /** Mutable: belongs to the newest state made from it (moveGeometry updates it in place). */
  labels: LabelLayout;
  geometry: Geometry;
}

/** A host's card and ports at position `pos`, labels not yet placed. */
export function hostGeom(plan: GeometryPlan, h: EngineScenario['hosts'][number], pos: Record<string, Pos>): HostGeom {
  const c = pos[h.name];
  const ifs = h.interfaces.filter((i) => i.name !== 'lo');
  const bySide: Record<Side, typeof ifs> = { top: [], bottom: [], left: [], right: [] };
  for (const i of ifs) {
    const seg = plan.segOfPort.get(`${h.name}.${i.name}`);
    const side = seg ? sideToward(c, pos[seg]) : 'bottom';
    bySide[side].push(i);
  }
  const horiz = Math.max(bySide.top.length, bySide.bottom.length, 1);
  const w = Math.max(CARD_MIN_W, horiz * PORT_SPACING);
  const lo = h.interfaces.find((i) => i.name === 'lo');
  const loAddresses = (lo?.addresses ?? []).map((a) => a.cidr).filter((a) => !a.startsWith('127.'));
  const hh = CARD_H + Math.max(0, Math.max(bySide.left.length, bySide.right.length) - 2) * 40;
  const hostPorts: PortGeom[] = [];
  for (const side of ['top', 'bottom', 'left', 'right'] as Side[]) {
    const list = bySide[side];
    list.forEach((i, k) => {
      const seg = plan.segOfPort.get(`${h.name}.${i.name}`) ?? null;
      const frac = (k + 1) / (list.length + 1);
      let x = c.x;
      let y = c.y;
      if (side === 'top' || side === 'bottom') {
        x = c.x - w / 2 + frac * w;
        y = side === 'top' ? c.y - hh / 2 : c.y + hh / 2;
      } else {
        x = side === 'left' ? c.x - w / 2 : c.x + w / 2;
        y = c.y - hh / 2 + frac * hh;
      }
      const target = seg ? pos[seg] : { x, y: y + 1 };
      const labelDir: 1 | -1 = side === 'left' ? -1 : side === 'right' ? 1 : x < target.x - 1 ? -1 : 1;
      hostPorts.push({
        id: `${h.name}.${i.name}`, host: h.name, dev: i.name, x, y, side, segment: seg, mac: i.mac,
        addresses: i.addresses.map((a) => a.cidr), labelDir, label: UNPLACED,
      });
    });
  }
  // Ports in the host's interface order.
  hostPorts.sort((a, b) => ifs.findIndex((i) => i.name === a.dev) - ifs.findIndex((i) => i.name === b.dev));
  return { name: h.name, kind: h.kind, x: c.x, y: c.y, w, h: hh, ports: hostPorts, loAddresses };
}

export function segmentGeom(s: EngineScenario['segments'][number], pos: Record<string, Pos>): SegmentGeom {
  return { name: s.name, x: pos[s.name].x, y: pos[s.name].y, w: SWITCH_W, h: SWITCH_H, ports: s.ports.map((p) => `${p.host}.${p.dev}`) };
}

export const cardRect = (n: { x: number; y: number; w: number; h: number }): Rect => ({ x0: n.x - n.w / 2, y0: n.y - n.h / 2, x1: n.x + n.w / 2, y1: n.y + n.h / 2 });

export function linkSegment(s: SegmentGeom, p: PortGeom): Segment {
  const a = switchAnchor(s, p);
  return { x1: p.x, y1: p.y, x2: a.x, y2: a.y };
}

export const labelInput = (p: PortGeom): LabelInput => ({ id: p.id, x: p.x, y: p.y, side: p.side, labelDir: p.labelDir, name: p.dev, lines: [...p.addresses, p.mac] });

function planOf(engine: EngineScenario): GeometryPlan {
  const segOfPort = new Map<string, string>();
  for (const s of engine.segments) for (const p of s.ports) segOfPort.set(`${p.host}.${p.dev}`, s.name);
  const hostAt = new Map(engine.hosts.map((h, i) => [h.name, i]));
  const ifsOf = new Map(engine.hosts.map((h) => [h.name, new Set(h.interfaces.filter((i) => i.name !== 'lo').map((i) => i.name))]));
  const hostsOfSegment = engine.segments.map((s) => [...new Set(s.ports.flatMap((p) => (hostAt.has(p.host) ? [hostAt.get(p.host)!] : [])))]);
  // A segment's port that names no interface has no cable (as before: the drawing skips it).
  const links = engine.segments.flatMap((s, segment) => s.ports.filter((p) => ifsOf.get(p.host)?.has(p.dev)).map((p) => ({ segment, port: `${p.host}.${p.dev}` })));
  const linksOfHost: number[][] = engine.hosts.map(() => []);
  const linksOfSegment: number[][] = engine.segments.map(() => []);
  links.forEach((l, k) => {
    linksOfHost[hostAt.get(l.port.slice(0, l.port.indexOf('.')))!].push(k);
    linksOfSegment[l.segment].push(k);
  });
  const portOfLabel = engine.hosts.flatMap((h) => h.interfaces.filter((i) => i.name !== 'lo').map((i) => `${h.name}.${i.name}`));
  const labelOfPort = new Map(portOfLabel.map((id, k) => [id, k]));
  return { engine, segOfPort, hostsOfSegment, links, linksOfHost, linksOfSegment, labelOfPort, portOfLabel };
}

/** The drawing's extent: cards, switches and (once placed) the port labels that stick out of the cards. */
export function boundsOf(hosts: HostGeom[], segments: SegmentGeom[], labels = true): Geometry['bounds'] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const h of hosts) {
    x0 = Math.min(x0, h.x - h.w / 2); x1 = Math.max(x1, h.x + h.w / 2);
    y0 = Math.min(y0, h.y - h.h / 2); y1 = Math.max(y1, h.y + h.h / 2);
    // Port labels stick out of the card.
    if (labels) for (const p of h.ports) {
      x0 = Math.min(x0, p.label.box.x0); x1 = Math.max(x1, p.label.box.x1);
      y0 = Math.min(y0, p.label.box.y0); y1 = Math.max(y1, p.label.box.y1);
    }
  }
  for (const s of segments) {
    x0 = Math.min(x0, s.x - s.w / 2 - 20); x1 = Math.max(x1, s.x + s.w / 2 + 20);
    y0 = Math.min(y0, s.y - 40); y1 = Math.max(y1, s.y + 40);
  }
  if (!Number.isFinite(x0)) { x0 = 0; y0 = 0; x1 = 800; y1 = 600; }
  return { x0, y0, x1, y1 };
}

/**
 * The geometry of `engine` at `layout`, with what moveGeometry needs to update it. With
 * `later`, the port labels are not placed yet (labelsPending): placeLabelsUntil places them in
 * slices, so that a thousand hosts appear without one long task.
 */
export function buildGeometry(engine: EngineScenario, layout: Record<string, Pos> = {}, later = false): GeometryState {
  const plan = planOf(engine);
  const pos = autoLayout(engine, layout);
  const segments = engine.segments.map((s) => segmentGeom(s, pos));
  const segmentIndex = Object.fromEntries(segments.map((s, i) => [s.name, i]));
  const hosts = engine.hosts.map((h) => hostGeom(plan, h, pos));
  const hostIndex = Object.fromEntries(hosts.map((h, i) => [h.name, i]));
  const ports: Record<string, PortGeom> = {};
  for (const h of hosts) for (const p of h.ports) ports[p.id] = p;

  // Port labels: placed clear of cards, switches, links and each other where there is room.
  const labels = new LabelLayout(
    hosts.flatMap((h) => h.ports.map(labelInput)),
    [...hosts.map(cardRect), ...segments.map(cardRect)],
    plan.links.map((l) => linkSegment(segments[l.segment], ports[l.port])),
    later,
  );
  if (later) return { plan, pos, labels, geometry: { hosts, hostIndex, segments, segmentIndex, ports, bounds: boundsOf(hosts, segments, false), labelsPending: true } };
  for (const p of Object.values(ports)) p.label = labels.placed[plan.labelOfPort.get(p.id)!];
  const geometry = { hosts, hostIndex, segments, segmentIndex, ports, bounds: boundsOf(hosts, segments) };
  return { plan, pos, labels, geometry };
}

/**
 * Places the next labels of a `later` geometry until `deadline` (performance.now() time): the
 * complete geometry once every label is placed (new card and port objects), else null.
 */
export function placeLabelsUntil(state: GeometryState, deadline: number): GeometryState | null {
  if (!state.labels.placeUntil(deadline)) return null;
  const { plan, labels, geometry: g } = state;
  const ports: Record<string, PortGeom> = {};
  const hosts = g.hosts.map((h) => {
    const hostPorts = h.ports.map((p) => (ports[p.id] = { ...p, label: labels.placed[plan.labelOfPort.get(p.id)!] }));
    return { ...h, ports: hostPorts };
  });
  return { ...state, geometry: { hosts, hostIndex: g.hostIndex, segments: g.segments, segmentIndex: g.segmentIndex, ports, bounds: boundsOf(hosts, g.segments) } };
}

export function computeGeometry(engine: EngineScenario, layout: Record<string, Pos> = {}): Geometry {
  return buildGeometry(engine, layout).geometry;
}

/** Anchor of a link on a segment's switch: the point of the switch's edge facing the port. */
export function switchAnchor(s: SegmentGeom, p: { x: number; y: number }): { x: number; y: number } {
  const dx = p.x - s.x;
  const dy = p.y - s.y;
  if (Math.abs(dy) * s.w >= Math.abs(dx) * s.h) {
    const y = s.y + Math.sign(dy || 1) * (s.h / 2);
    const x = s.x + Math.max(-s.w / 2 + 8, Math.min(s.w / 2 - 8, dy === 0 ? 0 : (dx * (s.h / 2)) / Math.abs(dy)));
    return { x, y };
  }
  return { x: s.x + Math.sign(dx) * (s.w / 2), y: s.y };
}
