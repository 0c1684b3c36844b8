/**
 * Every gallery entry is the exact input of one recorded kernel run, and the engine replays
 * it as the kernel did, step by step (the oracle's definition: ok, neighbour tables, ARP
 * frames), with no step excluded.
 */
import { describe, expect, it } from 'vitest';
import { compareStep, describeDiff, type StepLike } from '../../../conformance/compare.ts';
import { applyRecordedRpFilter, type ScenarioV1 as ConfScenario } from '../../../conformance/scenario.ts';
import { simulate } from '../../engine/index.ts';
import { loadScenario } from '../../scenario/load.ts';
import { computeGeometry } from '../../view/canvas/geometry.ts';
import { GALLERY, galleryEntry } from './index.ts';

interface Recording {
  runs: { rp_filter: number; steps?: (StepLike & { desc?: string })[] }[];
}

// The project's own copies: the inputs of the recorded runs and what the kernel did in them.
const byName = <T>(files: Record<string, unknown>): Record<string, T> =>
  Object.fromEntries(Object.entries(files).map(([path, doc]) => [path.replace(/^.*\/|\.json$/g, ''), doc as T]));
const ORIGINALS = byName<ConfScenario>(import.meta.glob('../../../conformance/scenarios/article/*.json', { eager: true, import: 'default' }));
const RECORDINGS = byName<Recording>(import.meta.glob('../../../test/oracle/results/*.json', { eager: true, import: 'default' }));

/** What the app adds for presentation (and the version, which absent means 1); the kernel run had none of it. */
function withoutPresentation(s: ConfScenario): ConfScenario {
  const { layout: _l, title: _t, description: _d, version: _v, ...rest } = JSON.parse(JSON.stringify(s)) as ConfScenario;
  for (const h of Object.values(rest.hosts)) delete h.kind;
  return rest;
}

describe('gallery entries', () => {
  it('have unique, URL-safe ids, and every oracle experiment has at least one entry', () => {
    const ids = GALLERY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const experiments = Object.keys(RECORDINGS);
    expect(experiments.length).toBe(17);
    expect([...new Set(GALLERY.flatMap((e) => (e.oracle ? [e.oracle] : [])))].sort()).toEqual(experiments.sort());
    // the others are the LVS setups, checked by lvs.test.ts
    expect(GALLERY.filter((e) => !e.oracle).map((e) => e.id)).toEqual(['lvs-dr-connections', 'lvs-tun', 'lvs-nat', 'lvs-arp-problem', 'lvs-failover', 'data-centre']);
    expect(galleryEntry('arp-flux')?.oracle).toBe('S03_arp_flux');
    expect(galleryEntry('no-such-entry')).toBeUndefined();
  });

  it('have a title and a summary in English and Simplified Chinese, and tags', () => {
    for (const e of GALLERY) {
      for (const lang of ['en', 'zh'] as const) {
        expect(e.title[lang].trim(), `${e.id} title.${lang}`).not.toBe('');
        expect(e.summary[lang].trim().length, `${e.id} summary.${lang}`).toBeGreaterThan(60);
      }
      expect(e.title.zh, e.id).toMatch(/[\u4e00-\u9fff]/);
      expect(e.summary.zh, e.id).toMatch(/[\u4e00-\u9fff]/);
      expect(e.summary.en.length, e.id).toBeLessThan(800);
      expect(e.tags.length, e.id).toBeGreaterThan(0);
      // The file carries the English title, so an exported file is recognisable.
      expect(e.scenario.title, e.id).toBe(e.title.en);
    }
  });
});

describe.each(GALLERY.map((e) => [e.id, e] as const))('gallery %s', (_id, e) => {
  it('loads without issues', () => {
    const r = loadScenario(e.scenario);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it.runIf(e.oracle)('is the recorded run’s input: annotations stripped, rp_filter applied as the recordings apply it', () => {
    if (!e.oracle || e.rpFilter === undefined) throw new Error(`${e.id} has no recording`);
    const original = ORIGINALS[e.oracle];
    const recorded = applyRecordedRpFilter(original, e.rpFilter);
    expect(withoutPresentation(e.scenario as ConfScenario)).toEqual(withoutPresentation(recorded));
    const doc = JSON.stringify(e.scenario);
    for (const annotation of ['"id"', '"article"', '"expect"', '"note"', '"rp_filter_values"', '"rp_filter_fixed"']) expect(doc).not.toContain(`${annotation}:`);
    for (const [name, h] of Object.entries(e.scenario.hosts)) {
      const devs = ['all', 'default', 'lo', ...Object.keys(h.interfaces ?? {}).filter((d) => d !== 'lo')];
      for (const d of devs) expect(h.sysctls?.[`net.ipv4.conf.${d}.rp_filter`], `${name} ${d}`).toBe(e.rpFilter);
    }
  });

  it.runIf(e.oracle)('agrees with the kernel, step by step, in the recorded run with the same rp_filter', () => {
    if (!e.oracle) throw new Error(`${e.id} has no recording`);
    const steps = RECORDINGS[e.oracle].runs.find((r) => r.rp_filter === e.rpFilter)?.steps;
    if (!steps?.length) throw new Error(`no recorded run of ${e.oracle} with rp_filter=${e.rpFilter}`);
    const loaded = loadScenario(e.scenario);
    if (!loaded.ok) throw new Error(`${e.id} does not load`);
    const res = simulate(loaded.engine);
    expect(res.steps.length).toBe(steps.length);
    const byIndex = new Map(res.steps.map((s) => [s.i, s as unknown as StepLike]));
    const failures = steps.flatMap((k) => {
      const diffs = compareStep(k, byIndex.get(k.i));
      return diffs.length ? [`step ${k.i} (${k.desc ?? k.type}): ${diffs.map((d) => describeDiff(d)).join(' | ')}`] : [];
    });
    expect(failures).toEqual([]);
  });

  it('has a readable layout: a position for every host and segment, nothing drawn over anything else', () => {
    const loaded = loadScenario(e.scenario);
    if (!loaded.ok) throw new Error(`${e.id} does not load`);
    const names = [...loaded.engine.hosts.map((h) => h.name), ...loaded.engine.segments.map((s) => s.name)].sort();
    expect(Object.keys(e.scenario.layout ?? {}).sort()).toEqual(names);
    const boxes = drawnBoxes(computeGeometry(loaded.engine, e.scenario.layout));
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) if (intersect(boxes[i], boxes[j])) overlaps.push(`${boxes[i].what} × ${boxes[j].what}`);
    }
    expect(overlaps).toEqual([]);
  });
});

interface Box {
  what: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const intersect = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Host cards, switches and port labels as the canvas draws them: each label in the box
 * labelPlacement.ts placed it in (SVG PortNode and the raster canvas both draw it there).
 */
function drawnBoxes(g: ReturnType<typeof computeGeometry>): Box[] {
  const out: Box[] = [];
  for (const h of g.hosts) out.push({ what: `host ${h.name}`, x0: h.x - h.w / 2, y0: h.y - h.h / 2, x1: h.x + h.w / 2, y1: h.y + h.h / 2 });
  for (const s of g.segments) out.push({ what: `segment ${s.name}`, x0: s.x - s.w / 2, y0: s.y - s.h / 2, x1: s.x + s.w / 2, y1: s.y + s.h / 2 });
  for (const p of Object.values(g.ports)) out.push({ what: `label ${p.id}`, ...p.label.box });
  return out;
}
