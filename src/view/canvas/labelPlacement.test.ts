import { describe, expect, it } from 'vitest';
import { GALLERY } from '../../examples/gallery/index.ts';
import twoNic from '../../examples/twoNic.json';
import { loadScenario } from '../../scenario/load.ts';
import lvsFive from './__fixtures__/lvs-five.json';
import { computeGeometry, type Geometry } from './geometry.ts';
import { crosses, type Rect } from './labelPlacement.ts';

const overlap = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Every collision of a port label with a card, a switch, another label or a link that is not its own. */
function collisions(g: Geometry): string[] {
  const out: string[] = [];
  const ports = Object.values(g.ports);
  for (const p of ports) {
    const b = p.label.box;
    for (const h of g.hosts) if (overlap(b, { x0: h.x - h.w / 2, y0: h.y - h.h / 2, x1: h.x + h.w / 2, y1: h.y + h.h / 2 })) out.push(`${p.id} label on host ${h.name}`);
    for (const s of g.segments) if (overlap(b, { x0: s.x - s.w / 2, y0: s.y - s.h / 2, x1: s.x + s.w / 2, y1: s.y + s.h / 2 })) out.push(`${p.id} label on switch ${s.name}`);
    for (const q of ports) if (q.id < p.id && overlap(b, q.label.box)) out.push(`${p.id} label on ${q.id} label`);
    for (const q of ports) {
      const seg = q.segment !== null ? g.segments[g.segmentIndex[q.segment]] : null;
      if (!seg) continue;
      if (crosses({ x1: q.x, y1: q.y, x2: seg.x, y2: seg.y }, b)) out.push(`${p.id} label crossed by ${q.id}'s link`);
    }
  }
  return out;
}

function geometryOf(json: unknown): Geometry {
  const r = loadScenario(json);
  if (!r.ok) throw new Error('does not load');
  return computeGeometry(r.engine, r.scenario.layout);
}

describe('port labels', () => {
  it('do not collide in the LVS topology behind a router (client, router, director, two real servers)', () => {
    expect(collisions(geometryOf(lvsFive))).toEqual([]);
  });
  it('do not collide in the built-in example', () => {
    expect(collisions(geometryOf(twoNic))).toEqual([]);
  });
  it.each(GALLERY.map((e) => [e.id, e] as const))('do not collide in gallery %s', (_id, e) => {
    const found = collisions(geometryOf(e.scenario));
    // A generated data centre's fans of 250 cables cross labels wherever they go: there, no
    // label on a card, a switch or another label.
    expect(e.generated ? found.filter((c) => !c.includes(' crossed by ')) : found).toEqual([]);
  });
});
