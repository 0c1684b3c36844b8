// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { dataCentre } from '../../../examples/dataCentre.ts';
import { isolate } from '../../../i18n/displayText.ts';
import { loadScenario } from '../../../scenario/load.ts';
import type { NeighView } from '../../../store/derive/neighAt.ts';
import { computeGeometry, type Geometry } from '../geometry.ts';
import { STOP_R, stopPlace } from '../stopPlace.ts';
import type { VisibleStop } from '../visibleStops.ts';
import { drawingBounds, rasterSvg, type Drawing } from './rasterExport.ts';

function geometryOf(doc: unknown): Geometry {
  const r = loadScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return computeGeometry(r.engine, r.scenario.layout);
}

const colors = {
  canvas: '#fbfcfd', panel: '#f4f6f8', text: '#1a2430', muted: '#5b6b7c', card: '#ffffff', cardBorder: '#c5ced8', link: '#8a99a8',
  switchFill: '#e6ebf0', accent: '#2f6fdf', focus: '#d97706', ok: '#1a7f37', fail: '#cf222e', warn: '#9a6700',
  sans: "system-ui, 'Noto Sans', sans-serif", mono: 'ui-monospace, monospace',
};
/** 7 px a character: the test does not need a font, only widths that grow with the text. */
const measure = (_font: string, text: string) => text.length * 7;

describe('raster SVG export', () => {
  const g = geometryOf(dataCentre({ realServers: 60, segments: 2 }));
  const rs = g.hosts.filter((h) => h.name !== 'D');
  const marks: VisibleStop[] = [
    [rs[0].ports[0].id, { index: 5, frameId: 2, host: rs[0].name, dev: rs[0].ports[0].dev, verdict: 'ignore', rule: 'arp_process.dad' }],
    [rs[7].ports[0].id, { index: 6, frameId: 2, host: rs[7].name, dev: rs[7].ports[0].dev, verdict: 'drop', rule: 'rp_filter' }],
  ];
  const row: NeighView = { ip: '192.168.1.1', dev: 'eth0', lladdr: null, state: 'INCOMPLETE', timer: null, changedAt: 3 };
  const drawing: Drawing = {
    g, colors, selectedHost: null, selectedPort: null, selectedSegment: null, hovered: null,
    neighOf: (h) => (h === rs[3].name ? [row] : []), owners: {}, stepFirst: 0,
    words: { bridge: 'bridge', neighEmpty: '(no entries)', more: (n) => `+${n} more` },
    marks, selectedFrame: null, focusedMark: null,
  };
  const text = rasterSvg(drawing, measure);
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;

  it('is a well-formed SVG document sized to the drawing, on the canvas colour', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const box = drawingBounds(g);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${box.width} ${box.height}`);
    expect(svg.querySelector(':scope > rect')?.getAttribute('fill')).toBe(colors.canvas);
  });

  it('has every host card, switch and name, and each port labelled', () => {
    const cards = [...svg.querySelectorAll('rect[rx="8"]')];
    expect(cards).toHaveLength(g.hosts.length);
    for (const h of g.hosts)
      expect(cards.some((c) => Number(c.getAttribute('x')) === h.x - h.w / 2 && Number(c.getAttribute('y')) === h.y - h.h / 2 && Number(c.getAttribute('width')) === h.w), h.name).toBe(true);
    expect(cards[0].parentElement?.getAttribute('fill')).toBe(colors.card);
    expect(cards[0].parentElement?.getAttribute('stroke')).toBe(colors.cardBorder);
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    for (const h of g.hosts) expect(texts.some((t) => t?.startsWith(isolate(h.name))), h.name).toBe(true);
    for (const s of g.segments) expect(texts).toContain(`${isolate(s.name)} bridge`);
    for (const p of Object.values(g.ports)) expect(texts).toContain(p.mac);
    // Fonts resolved to values, in the document's own style sheet.
    expect(svg.querySelector('style')?.textContent).toContain(`font-family:${colors.sans};font-size:16px;font-weight:700`);
  });

  it('draws the neighbour rows at the playback position and the empty tables', () => {
    const texts = [...svg.querySelectorAll('text')];
    const head = texts.find((t) => t.textContent?.startsWith('192.168.1.1 dev'));
    expect(head?.getAttribute('fill')).toBe(colors.text);
    expect(texts.find((t) => t.textContent === 'INCOMPLETE')?.getAttribute('fill')).toBe(colors.fail);
    expect(texts.filter((t) => t.textContent === '(no entries)')).toHaveLength(g.hosts.length - 1);
  });

  it('draws the stop marks with their rules', () => {
    for (const [id, m] of marks) {
      const at = stopPlace(g, id)!;
      const n = (v: number) => String(Math.round(v * 100) / 100);
      const disc = [...svg.querySelectorAll('path')].find((p) => p.getAttribute('d')?.includes(`M${n(at.x + STOP_R)} ${n(at.y)}`) && p.getAttribute('stroke') === (m.verdict === 'drop' ? colors.fail : colors.warn));
      expect(disc, id).toBeDefined();
      const label = [...svg.querySelectorAll('text')].filter((t) => t.textContent === isolate(m.rule));
      // The halo and the name.
      expect(label.map((t) => t.getAttribute('fill'))).toEqual(['none', m.verdict === 'drop' ? colors.fail : colors.warn]);
    }
  });
});
