/**
 * Issue 15 part 1 in real Chromium: a 1,001-host data centre (src/examples/dataCentre.ts)
 * opened as a share link is drawn on the raster canvas (src/view/canvas/raster/), not as SVG
 * nodes. Picking is exact — a click on a card selects that host, on a port that interface, on a
 * switch that segment, hover names the host under the pointer —, a drag moves the host by the
 * pointer's distance, the keyboard reaches every host through the accessible list, and labels
 * follow the zoom; auto-layout runs in its worker (progress, Cancel, one undo step, no
 * long task). Screenshots: e2e/screenshots/raster-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { dataCentre } from '../src/examples/dataCentre.ts';
import { CARD_H, computeGeometry } from '../src/view/canvas/geometry.ts';
import { stopPlace } from '../src/view/canvas/stopPlace.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { linkVersion } from './pages/linkVersion.ts';

interface RasterWindow {
  __longtasks: { start: number; duration: number }[];
  /** When the scenario's history next grows (auto-layout's test). */
  __edited?: Promise<number>;
  __arplab: {
    store: { subscribe(f: (s: { past: unknown[] }) => void): () => void };
    dispatch(op: unknown): unknown[];
    getState(): {
      past: unknown[];
      scenario: { layout?: Record<string, { x: number; y: number }> };
      selection: unknown;
      viewport: { x: number; y: number; k: number };
      setViewport(v: { x: number; y: number; k: number }): void;
      reset(): void;
      play(): void;
      pause(): void;
      setSpeed(x: number): void;
      finish(step?: number): void;
      select(sel: unknown): void;
      timeline: { stops: { index: number; frameId: number; host: string; dev: string; verdict: string; rule: string }[] };
      sim: { steps: { events: [number, number] }[] } | null;
    };
    settled(): Promise<void>;
  };
}

const fragmentOf = (doc: unknown) => `#s=${linkVersion(doc)}.${deflateRawSync(Buffer.from(JSON.stringify(doc)), { level: 9 }).toString('base64url')}`;
/** Chromium reports tasks over 50 ms; the goal is none over this while a topology opens. */
const LONG_TASK_MS = 200;
const DOC = dataCentre({ realServers: 1000, segments: 4 });

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    const w = window as unknown as RasterWindow;
    w.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
});

async function open(page: Page) {
  await page.goto(`/?lang=en&animate=0${fragmentOf(DOC)}`);
  const raster = page.getByTestId('topology-raster');
  await expect(raster).toHaveAttribute('data-hosts', '1001', { timeout: 30_000 });
  await expect(raster).toHaveAttribute('data-hosts-drawn', /\d+/);
  await page.evaluate(() => (window as unknown as RasterWindow).__arplab.settled());
  return raster;
}

/** Screen coordinates of a canvas point, under the current viewport. */
async function screenOf(page: Page, x: number, y: number) {
  const box = (await page.locator('svg.canvas').boundingBox())!;
  const v = await page.evaluate(() => (window as unknown as RasterWindow).__arplab.getState().viewport);
  return { x: box.x + v.x + x * v.k, y: box.y + v.y + y * v.k };
}

const layoutOf = (page: Page, name: string) => page.evaluate((n) => (window as unknown as RasterWindow).__arplab.getState().scenario.layout![n], name);
const selection = (page: Page) => page.evaluate(() => (window as unknown as RasterWindow).__arplab.getState().selection);

/** Zoom so that 1 canvas unit is k pixels with the canvas point (x, y) at the middle of the view. */
async function zoomTo(page: Page, x: number, y: number, k: number) {
  const box = (await page.locator('svg.canvas').boundingBox())!;
  await page.evaluate(([x, y, k, w, h]) => (window as unknown as RasterWindow).__arplab.getState().setViewport({ k, x: w / 2 - x * k, y: h / 2 - y * k }), [x, y, k, box.width, box.height]);
}

test('1,001 hosts are drawn on the canvas, not as SVG nodes; the page stays responsive while it opens', async ({ page }) => {
  const raster = await open(page);
  await expect(page.locator('svg.canvas .host')).toHaveCount(0);
  expect(Number(await raster.getAttribute('data-hosts-drawn'))).toBe(1001);
  const tasks = await page.evaluate(() => {
    const started = performance.getEntriesByName('arplab:started')[0]?.startTime ?? 0;
    return (window as unknown as RasterWindow).__longtasks.filter((t) => t.start > started);
  });
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  test.info().annotations.push({ type: 'longtasks', description: `longest ${longest} ms: ${JSON.stringify(tasks)}` });
  console.log(`1,001-host link: longest main-thread task after start ${longest} ms ${JSON.stringify(tasks)}`);
  await page.screenshot({ path: 'e2e/screenshots/raster-01-fitted.png' });
});

/**
 * The same data centre opened as a user does, from the Gallery (not a link): the scenario is
 * generated and validated in a worker and the app is drawn around it as a transition (slices),
 * as for a link, so the click leaves the page free. Before that, the click was one task of
 * 170–370 ms (validation, then React's commit of the app around 1,001 hosts). The load average
 * is reported with the figure: the machine is shared.
 */
test('opened from the Gallery: drawn on the canvas, "Opened …" with Undo, no main-thread task over 200 ms after the click', async ({ page }) => {
  await page.goto('/?lang=en&animate=0');
  const shown = await page.evaluate(() => performance.now());
  await page.getByTestId('open-gallery').click();
  const open = page.getByRole('button', { name: /^Open “Data centre/ });
  await open.scrollIntoViewIfNeeded();
  // The dialog's thumbnails (the data centre's among them) are drawn when it opens: their
  // tasks are reported apart, as the dialog's, not the opening's.
  await page.waitForTimeout(500);
  const t0 = await page.evaluate(() => performance.now());
  await open.click();
  const raster = page.getByTestId('topology-raster');
  await expect(raster).toHaveAttribute('data-hosts', '1001', { timeout: 30_000 });
  await expect(raster).toHaveAttribute('data-hosts-drawn', '1001');
  await page.evaluate(() => (window as unknown as RasterWindow).__arplab.settled());
  await expect(page.getByRole('dialog', { name: /Gallery/ })).toHaveCount(0);
  await expect(page.getByText(/^Opened “Data centre/)).toBeVisible();
  // Labels are placed in slices after the first drawing: wait for them to be in the measure.
  await page.waitForTimeout(500);
  const all = await page.evaluate(() => (window as unknown as RasterWindow).__longtasks);
  const dialog = all.filter((t) => t.start >= shown && t.start < t0);
  const tasks = all.filter((t) => t.start >= t0);
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const report = `load average ${load}; Gallery → data centre: longest main-thread task after the click ${longest} ms ${JSON.stringify(tasks)} (the dialog's opening: ${JSON.stringify(dialog)})`;
  test.info().annotations.push({ type: 'longtasks', description: report });
  console.log(report);
  await page.screenshot({ path: 'e2e/screenshots/raster-06-gallery.png' });
  expect(longest, report).toBeLessThan(LONG_TASK_MS);
});

test('picking is exact: a card selects its host, a port its interface, a switch its segment; hover names the host', async ({ page }) => {
  const raster = await open(page);
  await zoomTo(page, 4000, 200, 0.5);
  await expect(raster).toHaveAttribute('data-viewport', /,0\.5000$/);
  // RS12 sits above lan0's switch: its port is on the card's bottom edge.
  const rs = await layoutOf(page, 'RS12');
  let at = await screenOf(page, rs.x, rs.y - 20);
  await page.mouse.move(at.x, at.y);
  await expect(raster).toHaveAttribute('data-hovered', 'RS12');
  await page.mouse.click(at.x, at.y);
  expect(await selection(page)).toEqual({ kind: 'host', host: 'RS12' });
  await expect(raster).toHaveAttribute('data-selected', 'RS12');
  await expect(page.locator('.inspector')).toContainText('RS12');
  // Its neighbour (RS13) 340 units to the right: the other card.
  at = await screenOf(page, rs.x + 340, rs.y - 20);
  await page.mouse.click(at.x, at.y);
  expect(await selection(page)).toEqual({ kind: 'host', host: 'RS13' });
  // The port: the middle of the card's bottom edge.
  at = await screenOf(page, rs.x, rs.y + CARD_H / 2);
  await page.mouse.click(at.x, at.y);
  expect(await selection(page)).toEqual({ kind: 'iface', host: 'RS12', dev: 'eth0' });
  await expect(raster).toHaveAttribute('data-selected', 'RS12.eth0');
  // The switch.
  const sw = await layoutOf(page, 'lan0');
  at = await screenOf(page, sw.x, sw.y);
  await page.mouse.click(at.x, at.y);
  expect(await selection(page)).toEqual({ kind: 'segment', segment: 'lan0' });
  // Between two cards: the background, nothing selected.
  at = await screenOf(page, rs.x + 170, rs.y);
  await page.mouse.click(at.x, at.y);
  expect(await selection(page)).toBeNull();
  await page.screenshot({ path: 'e2e/screenshots/raster-02-zoomed-in.png' });
});

test('dragging a card moves that host by the pointer’s distance (one undo step)', async ({ page }) => {
  await open(page);
  await zoomTo(page, 4000, 200, 0.5);
  const before = await layoutOf(page, 'RS12');
  const other = await layoutOf(page, 'RS13');
  // Close enough for port labels (LOD.details), then back to 0.5 for the drag.
  await zoomTo(page, before.x + 100, before.y + 100, 0.9);
  await expect(page.getByTestId('topology-raster')).toHaveAttribute('data-viewport', /,0\.9000$/);
  await page.screenshot({ path: 'e2e/screenshots/raster-07-before-drag.png' });
  await zoomTo(page, 4000, 200, 0.5);
  await expect(page.getByTestId('topology-raster')).toHaveAttribute('data-viewport', /,0\.5000$/);
  const at = await screenOf(page, before.x, before.y - 20);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 20, at.y + 10, { steps: 4 });
  await page.mouse.move(at.x + 40, at.y + 20, { steps: 4 });
  await page.mouse.move(at.x + 90, at.y + 70, { steps: 4 });
  await page.mouse.up();
  // 90 × 70 pixels at zoom 0.5: 180 × 140 canvas units, onto its neighbours' labels (the geometry
  // is updated around the move, not computed whole: the labels there make way as they would).
  await expect.poll(() => layoutOf(page, 'RS12')).toEqual({ x: before.x + 180, y: before.y + 140 });
  await zoomTo(page, before.x + 100, before.y + 100, 0.9);
  await expect(page.getByTestId('topology-raster')).toHaveAttribute('data-viewport', /,0\.9000$/);
  await page.screenshot({ path: 'e2e/screenshots/raster-08-after-drag.png' });
  expect(await layoutOf(page, 'RS13')).toEqual(other);
  await page.keyboard.press('Control+z');
  await expect.poll(() => layoutOf(page, 'RS12')).toEqual(before);
});

test('the keyboard reaches every host: a list of buttons named as the SVG cards are, Enter selects, arrows move', async ({ page }) => {
  const raster = await open(page);
  const list = page.locator('.raster-list');
  await expect(list.getByRole('button', { name: 'Host RS1000' })).toHaveCount(1);
  await expect(list.getByRole('button', { name: /^Segment lan3, a bridge with 251 ports/ })).toHaveCount(1);
  const rs = list.getByRole('button', { name: 'Host RS500', exact: true });
  await rs.focus();
  await expect(raster).toHaveAttribute('data-hovered', 'RS500');
  await page.keyboard.press('Enter');
  expect(await selection(page)).toEqual({ kind: 'host', host: 'RS500' });
  await expect(rs).toHaveAttribute('aria-pressed', 'true');
  // The selected host's interfaces follow it in the list.
  await expect(list.getByRole('button', { name: /^Interface RS500\.eth0, MAC/ })).toHaveCount(1);
  const before = await layoutOf(page, 'RS500');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => layoutOf(page, 'RS500')).toEqual({ x: before.x + 10, y: before.y });
});

test('labels follow the zoom: none far out, names, then every row; screenshots mid-animation', async ({ page }) => {
  const raster = await open(page);
  // Playing the director's pings: tokens on their way over a segment's 251 ports.
  await page.evaluate(() => {
    const s = (window as unknown as RasterWindow).__arplab.getState();
    s.reset();
    s.setSpeed(0.25);
    s.play();
  });
  await expect.poll(() => page.getByTestId('tokens').getAttribute('data-in-air').then(Number), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.evaluate(() => (window as unknown as RasterWindow).__arplab.getState().pause());
  const fitted = await page.evaluate(() => (window as unknown as RasterWindow).__arplab.getState().viewport);
  const texts = async () => Number(await raster.getAttribute('data-texts'));
  const k0 = fitted.k;
  expect(k0).toBeLessThan(0.12);
  expect(await texts()).toBe(0);
  await page.screenshot({ path: 'e2e/screenshots/raster-03-fitted-mid-animation.png' });
  const d = await layoutOf(page, 'D');
  await zoomTo(page, d.x + 600, d.y, 0.2);
  await expect(raster).toHaveAttribute('data-viewport', /,0\.2000$/);
  const names = await texts();
  expect(names).toBeGreaterThan(10);
  await page.screenshot({ path: 'e2e/screenshots/raster-04-names-mid-animation.png' });
  await zoomTo(page, d.x + 600, d.y, 0.8);
  await expect(raster).toHaveAttribute('data-viewport', /,0\.8000$/);
  // Each visible host: its name, its neighbour rows (or "empty"), lo's VIP and its port's three label lines.
  expect(await texts()).toBeGreaterThan(4 * Number(await raster.getAttribute('data-hosts-drawn')));
  await page.screenshot({ path: 'e2e/screenshots/raster-05-details-mid-animation.png' });
});

test('stop marks are drawn on the canvas: a click on one opens why, the keyboard reaches the selected host’s marks', async ({ page }) => {
  const raster = await open(page);
  // The last step run to its end: its frames stopped at real servers' ports (arp_ignore, not for us…).
  const stops = await page.evaluate(() => {
    const s = (window as unknown as RasterWindow).__arplab.getState();
    s.finish();
    const st = (window as unknown as RasterWindow).__arplab.getState();
    const steps = st.sim!.steps;
    const [first] = steps[steps.length - 1].events;
    return st.timeline.stops.filter((m) => m.index >= first);
  });
  expect(stops.length).toBeGreaterThan(0);
  await expect.poll(() => raster.getAttribute('data-marks').then(Number)).toBeGreaterThan(0);
  // No SVG marks: the canvas draws them.
  await expect(page.locator('svg.canvas [data-stop]')).toHaveCount(0);
  // The last mark of some port, where the canvas draws it.
  const m = stops[stops.length - 1];
  const loaded = loadScenario(DOC);
  if (!loaded.ok) throw new Error('data centre rejected');
  const g = computeGeometry(loaded.engine, loaded.scenario.layout);
  const at = stopPlace(g, `${m.host}.${m.dev}`)!;
  await zoomTo(page, at.x, at.y, 1);
  await expect(raster).toHaveAttribute('data-viewport', /,1\.0000$/);
  await page.screenshot({ path: 'e2e/screenshots/raster-06-stop-marks.png' });
  const p = await screenOf(page, at.x, at.y);
  await page.mouse.move(p.x, p.y);
  await page.mouse.click(p.x, p.y);
  const sel = (await selection(page)) as { kind: string; frameId: number; at: { host: string; dev: string } };
  expect(sel.kind).toBe('frame');
  expect(sel.at).toEqual({ host: m.host, dev: m.dev });
  await expect(page.locator('.why, [data-testid="why"]').first()).toBeVisible();
  // The keyboard: select the host from the list, Tab reaches its mark, Enter opens why.
  await page.evaluate((h) => (window as unknown as RasterWindow).__arplab.getState().select({ kind: 'host', host: h }), m.host);
  const button = page.locator(`.raster-marks button[data-stop="${m.host}.${m.dev}"]`);
  await expect(button).toHaveAccessibleName(new RegExp(`^${m.host}\\.${m.dev} (dropped a frame|did not answer) \\(${m.rule}\\): show why$`));
  await button.focus();
  await page.keyboard.press('Enter');
  expect(((await selection(page)) as { kind: string }).kind).toBe('frame');
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
});

test('in 简体中文 the data centre is titled in Chinese where nothing is selected (the gallery’s title)', async ({ page }) => {
  await page.goto(`/?lang=zh&animate=0${fragmentOf(DOC)}`);
  await expect(page.getByTestId('topology-raster')).toHaveAttribute('data-hosts', '1001', { timeout: 30_000 });
  await expect(page.locator('.inspector h2#scn-h')).toHaveText('数据中心：一台调度器和分布在 4 个网段上的 1,000 台真实服务器');
});

test('the list view lists all 1,001 hosts, a few hundred per frame (the longest task is reported)', async ({ page }) => {
  await open(page);
  await page.evaluate(() => { (window as unknown as RasterWindow).__longtasks.length = 0; });
  await page.getByRole('button', { name: 'List view' }).click();
  const list = page.getByTestId('topology-list');
  await expect(list.getByRole('heading', { name: 'Hosts (1001)' })).toBeVisible();
  await expect(list.locator(':scope > ul').first().locator(':scope > li')).toHaveCount(1001, { timeout: 15_000 });
  await expect(list.getByRole('status')).toHaveCount(0);
  // The last host is there with its interfaces, and selects from the list.
  await list.getByRole('button', { name: 'RS1000 (real server)' }).click();
  expect(await selection(page)).toEqual({ kind: 'host', host: 'RS1000' });
  const tasks = await page.evaluate(() => (window as unknown as RasterWindow).__longtasks);
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  test.info().annotations.push({ type: 'longtasks', description: `longest ${longest} ms: ${JSON.stringify(tasks)}` });
  console.log(`list view of 1,001 hosts: longest main-thread task ${longest} ms ${JSON.stringify(tasks)}`);
});

test('auto-layout runs in a worker: progress and Cancel, an edit meanwhile stops it, the result is one undo step, no task over 200 ms', async ({ page }) => {
  await open(page);
  const state = () => page.evaluate(() => {
    const s = (window as unknown as RasterWindow).__arplab.getState();
    return { past: s.past.length, layout: JSON.stringify(s.scenario.layout) };
  });
  const before = await state();
  const button = page.getByRole('button', { name: 'Auto-layout' });
  const status = page.getByTestId('layout-status');
  const notice = page.getByTestId('edit-notice');
  // Cancel: the worker is terminated, nothing moves.
  await button.click();
  await expect(status).toContainText(/^Auto-layout: step \d+ of 300/);
  await expect(status).toHaveAttribute('role', 'status');
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveCount(0);
  await expect(notice).toHaveAttribute('data-key', 'notice.layoutCancelled');
  await expect(button).toBeFocused();
  expect(await state()).toEqual(before);
  // An edit while it runs: the layout, computed for the scenario before it, is not applied.
  await page.keyboard.press('Enter');
  await expect(status).toContainText(/step \d+ of 300/);
  const rs = await layoutOf(page, 'RS500');
  expect(await page.evaluate((p) => (window as unknown as RasterWindow).__arplab.dispatch({ type: 'moveNode', id: 'RS500', x: p.x + 10, y: p.y }), rs)).toEqual([]);
  await expect(status).toHaveCount(0);
  await expect(notice).toHaveAttribute('data-key', 'notice.layoutStale');
  await page.waitForTimeout(500);
  const edited = await state();
  expect(edited.past).toBe(before.past + 1);
  expect(await layoutOf(page, 'RS500')).toEqual({ x: rs.x + 10, y: rs.y });
  // To the end, started from the keyboard.
  const started = await page.evaluate(() => {
    const w = window as unknown as RasterWindow;
    const n = w.__arplab.getState().past.length;
    w.__edited = new Promise((resolve) => {
      const stop = w.__arplab.store.subscribe((s) => {
        if (s.past.length === n) return;
        stop();
        resolve(performance.now());
      });
    });
    return performance.now();
  });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => status.locator('progress').evaluate((p) => (p as HTMLProgressElement).value)).toBeGreaterThan(30);
  await page.screenshot({ path: 'e2e/screenshots/raster-09-layout-running.png' });
  const ended = await page.evaluate(() => (window as unknown as RasterWindow).__edited!);
  await expect(status).toHaveCount(0);
  const after = await state();
  expect(after.past).toBe(edited.past + 1);
  expect(after.layout).not.toBe(edited.layout);
  await page.evaluate(() => (window as unknown as RasterWindow).__arplab.settled());
  await page.getByRole('button', { name: 'Fit' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'e2e/screenshots/raster-10-layout-done.png' });
  const tasks = await page.evaluate(([a, b]) => (window as unknown as RasterWindow).__longtasks.filter((t) => t.start >= a && t.start <= b), [started, ended]);
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const report = `auto-layout of 1,001 hosts: ${Math.round(ended - started)} ms from the key press to the edit; longest main-thread task ${longest} ms ${JSON.stringify(tasks)}; load average ${load}`;
  test.info().annotations.push({ type: 'longtasks', description: report });
  console.log(report);
  expect(longest, report).toBeLessThan(LONG_TASK_MS);
  // One undo step restores every position.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await state()).layout).toBe(edited.layout);
});

test('Share exports the whole drawing: an SVG with all 1,001 cards and a PNG drawn on the canvas (size, time and longest task reported)', async ({ page }) => {
  test.setTimeout(180_000);
  const raster = await open(page);
  // The last step run to its end: its stop marks are in the files too.
  const rules = await page.evaluate(() => {
    const w = window as unknown as RasterWindow;
    w.__arplab.getState().finish();
    const st = w.__arplab.getState();
    const steps = st.sim!.steps;
    const [first] = steps[steps.length - 1].events;
    return [...new Set(st.timeline.stops.filter((m) => m.index >= first).map((m) => m.rule))];
  });
  expect(rules.length).toBeGreaterThan(0);
  await expect.poll(() => raster.getAttribute('data-marks').then(Number)).toBeGreaterThan(0);
  await page.getByTestId('share').click();
  const status = page.getByTestId('export-status');
  const download = async (id: string) => {
    await page.evaluate(() => { (window as unknown as RasterWindow).__longtasks.length = 0; });
    const wait = page.waitForEvent('download', { timeout: 120_000 });
    const t0 = Date.now();
    await page.getByTestId(id).click();
    const d = await wait;
    const ms = Date.now() - t0;
    const bytes = readFileSync((await d.path())!);
    const tasks = await page.evaluate(() => (window as unknown as RasterWindow).__longtasks);
    const longest = Math.max(0, ...tasks.map((t) => t.duration));
    const figure = `${id}: ${bytes.length} bytes in ${ms} ms, longest main-thread task ${longest} ms (${JSON.stringify(tasks)}), load ${readFileSync('/proc/loadavg', 'utf8').trim()}`;
    test.info().annotations.push({ type: 'export', description: figure });
    console.log(figure);
    writeFileSync(`test-results/raster-export.${id.slice(7)}`, bytes);
    // The PNG's bitmap and encoding are a worker's, the page draws slices: no long freeze either way.
    expect(longest, figure).toBeLessThan(LONG_TASK_MS);
    return { d, bytes };
  };

  const svg = await download('export-svg');
  await expect(status).toHaveText(`Downloaded ${svg.d.suggestedFilename()}.`);
  expect(svg.d.suggestedFilename()).toMatch(/\.svg$/);
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const texts = new Set(Array.from(doc.querySelectorAll('text')).map((e) => e.textContent ?? ''));
    return {
      error: doc.getElementsByTagName('parsererror').length,
      cards: doc.querySelectorAll('rect[rx="8"]').length,
      named: Array.from(doc.querySelectorAll('text')).filter((e) => /^(RS\d+|D)( |$)/.test(e.textContent ?? '')).length,
      texts: [...texts],
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error).toBe(0);
  expect(parsed.cards).toBe(1001);
  expect(parsed.named).toBeGreaterThanOrEqual(1001);
  for (const rule of rules) expect(parsed.texts).toContain(rule);

  const png = await download('export-png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const [w, h] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
  // Within what a browser can encode, and large enough that names and rows are drawn (≥ 0.6 px a unit).
  expect(Math.max(w, h)).toBeLessThanOrEqual(16_384);
  expect(w * h).toBeLessThanOrEqual(64 * 2 ** 20);
  const [, , vw, vh] = (await page.evaluate((t) => new DOMParser().parseFromString(t, 'image/svg+xml').documentElement.getAttribute('viewBox'), svg.bytes.toString('utf8')))!.split(' ').map(Number);
  expect(w / vw).toBeGreaterThan(0.6);
  expect(Math.abs(w / vw - h / vh)).toBeLessThan(0.01);
  // The PNG's pixels: mostly the canvas colour, with cards, text and links drawn on it.
  const pixels = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const colours = new Map<string, number>();
    for (let y = 0; y < bitmap.height; y += 97) {
      const row = ctx.getImageData(0, y, bitmap.width, 1).data;
      for (let x = 0; x < row.length; x += 4 * 13) {
        const k = `${row[x]},${row[x + 1]},${row[x + 2]},${row[x + 3]}`;
        colours.set(k, (colours.get(k) ?? 0) + 1);
      }
    }
    const sorted = [...colours].sort((a, b) => b[1] - a[1]);
    const total = sorted.reduce((n, [, c]) => n + c, 0);
    return { top: sorted[0][0], share: sorted[0][1] / total, colours: sorted.length };
  }, png.bytes.toString('base64'));
  const canvasColour = await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="topology-raster"]')!).getPropertyValue('--canvas').trim());
  expect(canvasColour).toBe('#fbfcfd');
  expect(pixels.top).toBe('251,252,253,255');
  expect(pixels.share).toBeLessThan(0.95);
  expect(pixels.colours).toBeGreaterThan(20);
  // The bitmap at 2 px a unit would be too large: the status says it was made smaller.
  await expect(status).toContainText(`Downloaded ${png.d.suggestedFilename()}: ${w.toLocaleString('en')} × ${h.toLocaleString('en')} px, drawn at`);
  await page.screenshot({ path: 'e2e/screenshots/raster-07-exported.png' });
});
