import { describe, expect, it } from 'vitest';
import { GALLERY } from '../../examples/gallery/index.ts';
import twoNic from '../../examples/twoNic.json';
import { loadScenario } from '../../scenario/load.ts';
import lvsFive from './__fixtures__/lvs-five.json';
import { computeGeometry, type Geometry } from './geometry.ts';
import { crosses, LabelLayout, type LabelInput, type Rect, type Segment } from './labelPlacement.ts';

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

describe('updating a placement (LabelLayout.update)', () => {
  // Labels, cards and cables at random in a small area, then random changes to a few of each:
  // after every update, the placement is the one a placement from scratch gives.
  let seed = 11;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const at = (w: number, h: number) => ({ x: Math.round(rand() * w), y: Math.round(rand() * h) });
  const sides = ['top', 'bottom', 'left', 'right'] as const;
  const label = (i: number): LabelInput => {
    const p = at(1600, 1000);
    return { id: `p${i}`, x: p.x, y: p.y, side: sides[i % 4], labelDir: i % 3 === 0 ? -1 : 1, name: `eth${i % 3}`, lines: i % 5 === 0 ? [] : [`10.0.${i}.1/24`, '02:00:00:00:00:01'] };
  };
  const card = (): Rect => {
    const p = at(1600, 1000);
    return { x0: p.x, y0: p.y, x1: p.x + 120 + rand() * 200, y1: p.y + 60 + rand() * 40 };
  };
  const cable = (): Segment => {
    const a = at(1600, 1000);
    const b = at(1600, 1000);
    return { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
  };

  it('equals a placement from scratch after each change of labels, cards and cables', () => {
    const labels = Array.from({ length: 120 }, (_, i) => label(i));
    const cards = Array.from({ length: 30 }, card);
    const cables = Array.from({ length: 40 }, cable);
    const layout = new LabelLayout(labels, cards, cables);
    let moved = 0;
    for (let round = 0; round < 40; round++) {
      const changes = { labels: new Map<number, LabelInput>(), obstacles: new Map<number, Rect>(), links: new Map<number, Segment>() };
      // One kind of change per round, so that each kind has to be handled by itself.
      const kind = round % 3;
      for (let n = 0; n < 3; n++) {
        if (kind === 0) {
          const i = Math.floor(rand() * labels.length);
          changes.labels.set(i, (labels[i] = { ...label(i), id: labels[i].id }));
        } else if (kind === 1) {
          const i = Math.floor(rand() * cards.length);
          changes.obstacles.set(i, (cards[i] = card()));
        } else {
          const i = Math.floor(rand() * cables.length);
          changes.links.set(i, (cables[i] = cable()));
        }
      }
      moved += layout.update(changes).length;
      expect(layout.placed, `round ${round}`).toEqual(new LabelLayout(labels, cards, cables).placed);
    }
    expect(moved).toBeGreaterThan(40);
  });
});
