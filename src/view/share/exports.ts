/**
 * Files made from the current state: the scenario (.json), the diagram (SVG, PNG) and the
 * captured frames (.pcap). Downloads go through a Blob and an object URL: nothing leaves the
 * browser.
 */
import type { SimResult } from '../../engine/index.ts';
import { PCAP_MIME, pngScale, pngSize, serializeSvg, simResultToPcap, SVG_MIME, svgToPngBlob, type ViewBox } from '../../export/index.ts';
import { exportScenarioFile, SCENARIO_FILE_TYPE, scenarioFileName } from '../../scenario/codec/file.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { canvasMeasure, rasterDrawing, rasterPng, rasterSvg } from '../canvas/raster/rasterExport.ts';

/** An export that cannot be made, with the Share dialog's words for why (share.shareDialog.<key>). */
export class ExportError extends Error {
  constructor(readonly key: 'noDiagram' | 'emptyDiagram') {
    super(key);
  }
}


/** The pan/zoom layer of the canvas (Canvas.tsx): its transform is dropped in exported pictures. */
export const VIEWPORT_SELECTOR = 'g.viewport';
/** Space around the drawing in exported pictures (user units). */
const MARGIN = 24;
/** PNG pixels per drawing unit (sharp on high-density screens). */
export const PNG_SCALE = 2;

/** "arp-flux-two-nics" from the scenario's title (file.ts's rule), without extension. */
export function fileStem(s: ScenarioV1): string {
  return scenarioFileName(s).replace(/\.json$/, '');
}

export function scenarioBlob(s: ScenarioV1): { blob: Blob; name: string } {
  return { blob: new Blob([exportScenarioFile(s)], { type: SCENARIO_FILE_TYPE }), name: scenarioFileName(s) };
}

export function pcapBlob(s: ScenarioV1, sim: SimResult, only: 'all' | 'arp'): { blob: Blob; name: string } {
  const bytes = simResultToPcap(sim, { only });
  return {
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: PCAP_MIME }),
    name: `${fileStem(s)}${only === 'arp' ? '-arp' : ''}.pcap`,
  };
}

/** The canvas's <svg> in this document, or null (nothing drawn yet). */
export function findCanvasSvg(root: ParentNode = document): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('svg.canvas');
}

/** The region the drawing covers, in drawing coordinates (whatever the pan and zoom), with a margin. */
export function drawingBox(svg: SVGSVGElement): ViewBox {
  const layer = svg.querySelector<SVGGraphicsElement>(VIEWPORT_SELECTOR);
  // getBBox is in the layer's own coordinates: its transform (the pan/zoom) is not applied.
  const b = layer?.getBBox();
  if (!b || !(b.width > 0 && b.height > 0)) throw new ExportError('emptyDiagram');
  return { x: Math.floor(b.x - MARGIN), y: Math.floor(b.y - MARGIN), width: Math.ceil(b.width + 2 * MARGIN), height: Math.ceil(b.height + 2 * MARGIN) };
}

/**
 * Class set on the canvas while it is copied: share.css hides the editor's handles and
 * outlines (`.edit-layer`) and stops animations (a flashing table row is copied in its final
 * colour). The copy takes computed styles, so what this class changes is what the file shows.
 */
export const EXPORTING_CLASS = 'exporting';

/** The canvas as a standalone SVG document, on the canvas's own background colour. */
export function diagramSvg(svg: SVGSVGElement): { text: string; box: ViewBox } {
  svg.classList.add(EXPORTING_CLASS);
  try {
    const box = drawingBox(svg);
    const wrap = svg.parentElement ?? svg;
    const bg = getComputedStyle(wrap).backgroundColor;
    const background = bg && bg !== 'transparent' && bg !== 'rgba(0, 0, 0, 0)' ? bg : undefined;
    const text = serializeSvg(svg, { viewBox: box, resetTransform: VIEWPORT_SELECTOR, background });
    return { text: text.replace(` class="canvas ${EXPORTING_CLASS}"`, ' class="canvas"'), box };
  } finally {
    svg.classList.remove(EXPORTING_CLASS);
  }
}

export function svgBlob(s: ScenarioV1, svg: SVGSVGElement): { blob: Blob; name: string } {
  return { blob: new Blob([diagramSvg(svg).text], { type: SVG_MIME }), name: `${fileStem(s)}.svg` };
}

export async function pngBlob(s: ScenarioV1, svg: SVGSVGElement): Promise<{ blob: Blob; name: string; width: number; height: number; scale: number }> {
  const { text, box } = diagramSvg(svg);
  const blob = await svgToPngBlob(text, box.width, box.height, PNG_SCALE);
  return { blob, name: `${fileStem(s)}.png`, ...pngSize(box.width, box.height, PNG_SCALE), scale: pngScale(box.width, box.height, PNG_SCALE) };
}

/** The canvas's <svg>, or an ExportError when nothing is drawn. */
function canvasSvg(): SVGSVGElement {
  const svg = findCanvasSvg();
  if (!svg) throw new ExportError('noDiagram');
  return svg;
}

/**
 * The diagram as an SVG file: a copy of the canvas's SVG, or for a topology drawn on the raster
 * canvas (whose SVG holds no cards), the same drawing written as SVG from the geometry.
 */
export function diagramSvgFile(s: ScenarioV1): { blob: Blob; name: string } {
  const raster = rasterDrawing();
  if (!raster) return svgBlob(s, canvasSvg());
  return { blob: new Blob([rasterSvg(raster, canvasMeasure())], { type: SVG_MIME }), name: `${fileStem(s)}.svg` };
}

/** The diagram as a PNG file; `scale` is the pixels per drawing unit, below PNG_SCALE when the picture had to be made smaller. */
export async function diagramPngFile(s: ScenarioV1): Promise<{ blob: Blob; name: string; width: number; height: number; scale: number }> {
  const raster = rasterDrawing();
  if (!raster) return pngBlob(s, canvasSvg());
  const png = await rasterPng(raster, PNG_SCALE);
  return { ...png, name: `${fileStem(s)}.png` };
}
