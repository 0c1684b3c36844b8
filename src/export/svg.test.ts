// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { pngSize, serializeSvg, SVG_MIME } from './svg.ts';

// A page styled the way the app is: classes, and colours and fonts in custom properties.
const STYLE = `
  :root { --card: #fafbfc; --border: #445566; --text: #101820; --sans: Inter, sans-serif; --mono: monospace; }
  .canvas text { fill: var(--text); font-family: var(--sans); }
  .host-card { fill: var(--card); stroke: var(--border); stroke-width: 1.5; }
  .canvas text.port-mac { font-family: var(--mono); fill: #778899; }
  .link { stroke: var(--border); stroke-width: 2; stroke-dasharray: 4 2; }
  .hidden { display: none; }
  .faint { opacity: 0.5; }
`;
const BODY = `
  <svg class="canvas" width="100%" height="100%" style="width: 100%; height: 100%" role="group" aria-label="Topology">
    <g class="viewport" transform="translate(40,20) scale(2)">
      <line class="link" x1="0" y1="0" x2="10" y2="10" />
      <g class="host" tabindex="0" role="button">
        <rect class="host-card" x="0" y="0" width="200" height="96" rx="8" />
        <text x="12" y="22">A</text>
        <text class="port-mac" x="12" y="40">02:00:00:00:0a:00</text>
        <text class="hidden" x="0" y="0">not shown</text>
        <circle class="faint" r="3" />
      </g>
    </g>
  </svg>`;

function setUp(): SVGSVGElement {
  document.head.innerHTML = `<style>${STYLE}</style>`;
  document.body.innerHTML = BODY;
  return document.querySelector('svg') as SVGSVGElement;
}

function parse(text: string): Document {
  const doc = new DOMParser().parseFromString(text, SVG_MIME);
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

const styleOf = (el: Element | null, prop: string) => (el as SVGElement | null)?.style.getPropertyValue(prop) ?? '';

describe('serializeSvg', () => {
  let svg: SVGSVGElement;
  beforeEach(() => {
    svg = setUp();
  });

  it('writes a standalone, well-formed SVG document with its namespace, size and viewBox', () => {
    const text = serializeSvg(svg, { viewBox: { x: -10, y: -20, width: 640.5, height: 480 } });
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(text.match(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g)).toHaveLength(1);
    const root = parse(text).documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe('-10 -20 640.5 480');
    expect(root.getAttribute('width')).toBe('640.5');
    expect(root.getAttribute('height')).toBe('480');
    expect(styleOf(root, 'width')).toBe('');
  });

  it('inlines the styles that come from classes and custom properties', () => {
    // (The style declaration normalises colours to rgb().)
    const doc = parse(serializeSvg(svg, { viewBox: { x: 0, y: 0, width: 300, height: 200 } }));
    const card = doc.querySelector('.host-card');
    expect(styleOf(card, 'fill')).toBe('rgb(250, 251, 252)');
    expect(styleOf(card, 'stroke')).toBe('rgb(68, 85, 102)');
    expect(styleOf(card, 'stroke-width')).toBe('1.5');
    expect(styleOf(doc.querySelector('.link'), 'stroke-dasharray')).toBe('4 2');
    const [name, mac] = Array.from(doc.querySelectorAll('text'));
    expect(styleOf(name, 'fill')).toBe('rgb(16, 24, 32)');
    expect(styleOf(name, 'font-family')).toBe('Inter, sans-serif');
    expect(styleOf(mac, 'font-family')).toBe('monospace');
    expect(styleOf(mac, 'fill')).toBe('rgb(119, 136, 153)');
    expect(styleOf(doc.querySelector('.hidden'), 'display')).toBe('none');
    expect(styleOf(doc.querySelector('.faint'), 'opacity')).toBe('0.5');
    expect(doc.documentElement.outerHTML).not.toContain('var(');
  });

  it('writes an inherited value only where it changes, so the file stays small', () => {
    const doc = parse(serializeSvg(svg, { viewBox: { x: 0, y: 0, width: 300, height: 200 } }));
    // The host group's fill equals its parent's: not repeated.
    expect(styleOf(doc.querySelector('g.host'), 'fill')).toBe('');
    // Non-inherited properties at their initial value are not written either.
    expect(styleOf(doc.querySelector('.host-card'), 'opacity')).toBe('');
    expect(styleOf(doc.querySelector('.host-card'), 'display')).toBe('');
  });

  it('keeps the drawing and its accessible name, drops what only the live page needs', () => {
    const doc = parse(serializeSvg(svg, { viewBox: { x: 0, y: 0, width: 300, height: 200 }, resetTransform: '.viewport' }));
    expect(doc.querySelector('[tabindex]')).toBeNull();
    expect(doc.querySelector('.viewport')?.hasAttribute('transform')).toBe(false);
    expect(doc.documentElement.getAttribute('aria-label')).toBe('Topology');
    expect(doc.querySelectorAll('rect, text, line, circle')).toHaveLength(6);
    // Without resetTransform the view's transform stays.
    const kept = parse(serializeSvg(svg, { viewBox: { x: 0, y: 0, width: 300, height: 200 } }));
    expect(kept.querySelector('.viewport')?.getAttribute('transform')).toBe('translate(40,20) scale(2)');
  });

  it('paints a background behind the drawing when asked, over the whole viewBox', () => {
    const doc = parse(serializeSvg(svg, { viewBox: { x: -5, y: -6, width: 100, height: 50 }, background: '#fbfcfd', width: 200, height: 100 }));
    const first = doc.documentElement.firstElementChild;
    expect(first?.tagName).toBe('rect');
    expect(['x', 'y', 'width', 'height', 'fill'].map((a) => first?.getAttribute(a))).toEqual(['-5', '-6', '100', '50', '#fbfcfd']);
    expect(doc.documentElement.getAttribute('width')).toBe('200');
  });

  it('leaves the page untouched', () => {
    const before = svg.outerHTML;
    serializeSvg(svg, { viewBox: { x: 0, y: 0, width: 300, height: 200 }, resetTransform: '.viewport', background: 'white' });
    expect(svg.outerHTML).toBe(before);
  });

  it('takes the size from the viewBox or width/height attributes, and says so when there is none', () => {
    svg.setAttribute('viewBox', '0 0 120 80');
    expect(parse(serializeSvg(svg)).documentElement.getAttribute('width')).toBe('120');
    svg.removeAttribute('viewBox');
    svg.setAttribute('width', '300');
    svg.setAttribute('height', '150');
    expect(parse(serializeSvg(svg)).documentElement.getAttribute('viewBox')).toBe('0 0 300 150');
    svg.setAttribute('width', '100%');
    expect(() => serializeSvg(svg)).toThrow(/options.viewBox/);
  });
});

describe('pngSize', () => {
  it('scales the picture', () => {
    expect(pngSize(800, 600, 2)).toEqual({ width: 1600, height: 1200 });
    expect(pngSize(100.4, 50.2, 1)).toEqual({ width: 100, height: 50 });
  });

  it('stays within what a browser canvas can hold', () => {
    const side = pngSize(20000, 100, 2);
    expect(side.width).toBeLessThanOrEqual(16384);
    const area = pngSize(12000, 12000, 2);
    expect(area.width * area.height).toBeLessThanOrEqual(2 ** 28);
  });

  it('refuses sizes that are not positive', () => {
    expect(() => pngSize(0, 10, 2)).toThrow(/bad size/);
    expect(() => pngSize(10, 10, 0)).toThrow(/bad size/);
  });
});
