import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/index.ts';
import { GALLERY } from '../../examples/gallery/index.ts';
import twoNic from '../../examples/twoNic.json';
import { decodeShareLink, encodeShareFragment } from '../../scenario/codec/url.ts';
import { serializeScenario } from '../../scenario/serialize.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { createAppStore } from '../../store/createAppStore.ts';
import { currentView, hasUnsavedEdits, openScenario } from './openScenario.ts';
import { embedSnippet, embedUrl, fullAppUrl, escapeAttribute, isEmbedUrl, LINK_WARN_CHARS, pageBase, readLocationLink, shareUrl } from './shareLink.ts';
import { encodeViewParams, parseViewParams } from './viewParams.ts';

const scenario = twoNic as ScenarioV1;
const PAGE = 'https://lab.example/arp/?lang=zh&animate=0#s=1.old&v=1&at=3';

describe('view parameters', () => {
  it('round-trip every field', () => {
    const view = { at: 42, host: 'R1', lang: 'zh', theme: 'dark', speed: 0.25 } as const;
    const text = encodeViewParams(view);
    expect(text).toBe('&v=1&at=42&host=R1&lang=zh&theme=dark&speed=0.25');
    expect(parseViewParams(`#s=1.abc${text}`)).toEqual({ view, warnings: [] });
  });

  it('an empty view adds nothing, and a link without v= has no view', () => {
    expect(encodeViewParams({})).toBe('');
    expect(encodeViewParams(null)).toBe('');
    expect(parseViewParams('#s=1.abc')).toEqual({ view: null, warnings: [] });
    expect(parseViewParams('#s=1.abc&at=3')).toEqual({ view: null, warnings: [] });
  });

  it('drops bad values one by one, with a warning each, and keeps the good ones', () => {
    const r = parseViewParams('#s=1.x&v=1&at=-1&host=%3Cscript%3E&lang=fr&theme=neon&speed=3');
    expect(r.view).toEqual({ host: '<script>' });
    expect(r.warnings.map((w) => (w.code === 'viewBadValue' ? w.key : w.code))).toEqual(['at', 'lang', 'theme', 'speed']);
  });

  it('refuses a newer view format as a whole, and a malformed one', () => {
    expect(parseViewParams('#s=1.x&v=2&at=3')).toEqual({ view: null, warnings: [{ code: 'viewTooNew', version: 2 }] });
    expect(parseViewParams('#s=1.x&v=one&at=3').warnings[0]).toMatchObject({ code: 'viewBadVersion', value: 'one' });
  });

  it('never throws on hostile input', () => {
    for (const s of ['#v=1&host=%E0%A4%A', '#v=1&host=%00', `#v=1&host=${'x'.repeat(100)}`, '#v=1&at=99999999999', '#&&&=&v=1&=', '', '#v=1&host=']) {
      const r = parseViewParams(s);
      expect(r.view === null || typeof r.view === 'object').toBe(true);
      if (r.view) expect(r.view.host ?? '').not.toContain(String.fromCharCode(0));
    }
  });
});

describe('share and embed links', () => {
  it('keep the scenario part exactly the #s=1. codec and drop the query', () => {
    const url = shareUrl(PAGE, scenario, { at: 5 });
    expect(pageBase(PAGE)).toBe('https://lab.example/arp/');
    expect(url).toBe(`https://lab.example/arp/${encodeShareFragment(scenario)}&v=1&at=5`);
    const back = decodeShareLink(url);
    expect(back.ok && serializeScenario(back.scenario)).toBe(serializeScenario(scenario));
    expect(parseViewParams(url).view).toEqual({ at: 5 });
  });

  it('embed links go to the embed page (its own path, so servers can allow framing it alone), same fragment', () => {
    const url = embedUrl(PAGE, scenario, { at: 2 });
    expect(url).toBe(`https://lab.example/arp/embed.html${encodeShareFragment(scenario)}&v=1&at=2`);
    expect(embedUrl('https://lab.example/arp/index.html?lang=zh', scenario).startsWith('https://lab.example/arp/embed.html#s=2.')).toBe(true);
    expect(isEmbedUrl(url)).toBe(true);
    // Snippets made before the embed page had ?embed=1 on the app's page: still embed mode.
    expect(isEmbedUrl('https://lab.example/arp/?embed=1#s=1.a')).toBe(true);
    expect(isEmbedUrl(PAGE)).toBe(false);
    expect(readLocationLink(url)).toMatchObject({ kind: 'link', result: { ok: true } });
    // "Open in ARP Lab" from an embed: the app's page, the reader's options and the same fragment.
    expect(fullAppUrl('https://lab.example/arp/embed.html?lang=zh#s=1.a&v=1')).toBe('https://lab.example/arp/?lang=zh#s=1.a&v=1');
    expect(fullAppUrl('https://lab.example/arp/?embed=1#s=1.a')).toBe('https://lab.example/arp/#s=1.a');
  });

  it('the iframe snippet escapes the title and the address', () => {
    const s = embedSnippet('https://x/?embed=1#s=1.a&v=1&at=2', 640, 99999, 'ARP "lab" <script>&');
    expect(s).toBe('<iframe src="https://x/?embed=1#s=1.a&amp;v=1&amp;at=2" width="640" height="4000" title="ARP &quot;lab&quot; &lt;script&gt;&amp;" loading="lazy" style="border:0"></iframe>');
    expect(escapeAttribute(`'`)).toBe('&#39;');
  });

  it('a page without a scenario is not a link; a damaged one is a rejection with a message', () => {
    expect(readLocationLink('#')).toEqual({ kind: 'none' });
    expect(readLocationLink('')).toEqual({ kind: 'none' });
    const bad = readLocationLink(`${encodeShareFragment(scenario).slice(0, 60)}`);
    expect(bad.kind === 'link' && !bad.result.ok && bad.result.message.length > 10).toBe(true);
  });

  it('every gallery scenario fits in a link well under the warning length', () => {
    // (The generated 1,001-host data centre is opened from the gallery, not shared as a link.)
    for (const e of GALLERY.filter((x) => !x.generated)) expect(shareUrl(PAGE, e.scenario, { at: 100, host: 'A' }).length, e.id).toBeLessThan(LINK_WARN_CHARS);
  });
});

describe('opening a scenario in the store', () => {
  const store = () => createAppStore({ scenario, engine: { simulate } });

  it('is one undoable step, starts at the beginning, then applies the view', () => {
    const api = store();
    api.getState().finish();
    const lvs = GALLERY.find((e) => e.id === 'lvs-dr')!.scenario;
    const warnings = openScenario(api, lvs, { at: 7, host: 'C', lang: 'zh', theme: 'dark', speed: 2 });
    const s = api.getState();
    expect(warnings).toEqual([]);
    expect(s.scenario).toBe(lvs);
    expect(s.changes).toBeNull();
    expect(s.cursor).toBe(7);
    expect(s.vtime).toBe(s.timeline.vt[6]);
    expect(s.playing).toBe(false);
    expect(s.selection).toEqual({ kind: 'host', host: 'C' });
    expect([s.lang, s.theme, s.speed]).toEqual(['zh', 'dark', 2]);
    s.undo();
    expect(api.getState().scenario).toBe(scenario);
  });

  it('clamps the position to the trace and reports a host that is not there', () => {
    const api = store();
    const warnings = openScenario(api, scenario, { at: 10_000_000, host: 'Z' });
    expect(api.getState().cursor).toBe(api.getState().timeline.vt.length);
    expect(warnings).toEqual([{ code: 'viewNoHost', host: 'Z' }]);
    expect(api.getState().selection).toBeNull();
  });

  it('the view written for a link is the one read back', () => {
    const api = store();
    api.getState().stepForward();
    api.getState().stepForward();
    api.getState().select({ kind: 'iface', host: 'A', dev: 'eth1' });
    const view = currentView(api.getState(), { position: true, looks: true });
    expect(view).toEqual({ at: 2, host: 'A', lang: 'en', theme: 'light' });
    expect(parseViewParams(shareUrl(PAGE, scenario, view)).view).toEqual(view);
    expect(currentView(api.getState(), { position: false, looks: false })).toEqual({});
  });

  it('unsaved edits: the store’s dirty flag, or without one any change from the baseline', () => {
    const api = store();
    const base = api.getState().scenario;
    const withoutFlag = () => {
      const { dirty: _dirty, ...rest } = api.getState() as unknown as Record<string, unknown>;
      return rest as never;
    };
    expect(hasUnsavedEdits(api.getState(), base)).toBe(false);
    expect(hasUnsavedEdits(withoutFlag(), base)).toBe(false);
    api.getState().dispatch({ type: 'moveNode', id: 'A', x: 1, y: 2 });
    expect(hasUnsavedEdits(api.getState(), base)).toBe(true);
    expect(hasUnsavedEdits(withoutFlag(), base)).toBe(true);
    api.getState().undo();
    expect(hasUnsavedEdits(withoutFlag(), base)).toBe(false);
    // Loading is not an edit.
    openScenario(api, GALLERY[0].scenario);
    expect(hasUnsavedEdits(api.getState(), base)).toBe(false);
  });
});
