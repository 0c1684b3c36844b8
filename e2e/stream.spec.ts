/**
 * Issue 15 part 2 in real Chromium: a long run streams its trace from the worker, so
 * playback starts before the run ends. 16 hosts × 1,000 `arping -U -c 10` (within the work
 * budget, seconds of work) is loaded; the first steps arrive and play — the cursor moves —
 * while the run is still reported running; the timeline says how much has been computed; then
 * the run completes, and the streamed result is byte for byte (SHA-256 of its JSON) what
 * simulate() gives in Node. Cancel mid-stream keeps the steps computed, says so, and they play.
 * Times (first playable steps vs whole run) are printed and kept as annotations.
 * Screenshots: e2e/screenshots/stream-*.png.
 */
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { simulate } from '../src/engine/index.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { longRun } from '../test/heavy/scenarios.ts';
import { plain } from '../src/view/sim/plain.ts';

interface StreamWindow {
  __stream: {
    t0: number;
    firstPartial: number | null;
    clicked: number | null;
    done: number | null;
    samples: { t: number; cursor: number; running: boolean; steps: number }[];
  };
  __arplab: {
    store: { subscribe(fn: (s: StreamState) => void): () => void };
    getState(): StreamState;
  };
}
interface StreamState {
  simStatus: string;
  simPartial: boolean;
  cursor: number;
  sim: { steps: unknown[]; events: { length: number; slice(): unknown[] } } | null;
  simError: unknown;
  dispatch(op: unknown): unknown;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/screenshots/stream-${name}.png` });

/**
 * Loads the long run and records, in the page, when its first steps and its end arrive and
 * where the cursor is (every 50 ms). The whole run takes only seconds (the work budget bounds
 * it), so the button `click` names (Play, Cancel) is clicked by the page itself as soon as it
 * is there while the run streams — the real button, without a round trip to the test.
 */
async function startLongRun(page: Page, click: 'play' | 'sim-cancel') {
  await page.evaluate(({ doc, click }) => {
    const w = window as unknown as StreamWindow;
    const rec: StreamWindow['__stream'] = { t0: performance.now(), firstPartial: null, clicked: null, done: null, samples: [] };
    w.__stream = rec;
    // The run ends when the status leaves 'running' (after it was seen running: the store may change before the run starts).
    let seen = false;
    const unsub = w.__arplab.store.subscribe((s) => {
      const t = performance.now() - rec.t0;
      if (s.simStatus === 'running') seen = true;
      if (rec.firstPartial === null && s.simPartial) rec.firstPartial = t;
      if (seen && s.simStatus !== 'running' && rec.done === null) {
        rec.done = t;
        unsub();
      }
    });
    const sample = () => {
      const s = w.__arplab.getState();
      const t = performance.now() - rec.t0;
      rec.samples.push({ t, cursor: s.cursor, running: s.simStatus === 'running', steps: s.sim?.steps.length ?? 0 });
      const button = document.querySelector<HTMLButtonElement>(`[data-testid="${click}"]`);
      if (rec.clicked === null && s.simPartial && s.simStatus === 'running' && button && !button.disabled) {
        button.click();
        rec.clicked = t;
      }
      if (rec.done === null || rec.samples.length < 2) setTimeout(sample, click === 'play' ? 50 : 10);
    };
    w.__arplab.getState().dispatch({ type: 'replaceScenario', scenario: doc });
    sample();
  }, { doc: longRun(), click });
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as StreamWindow).__stream);

test('a long run plays before it ends: the cursor moves while the run is reported running, then it completes, identical to simulate()', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?lang=en');
  await expect(page.locator('[data-host="A"]')).toBeVisible();
  await page.getByLabel('Speed').selectOption('10');
  await startLongRun(page, 'play');
  // The first steps are there while the run goes on: Play is pressed, and the cursor moves
  // while the run is still reported running (two samples apart, not one).
  await expect.poll(async () => {
    const r = await recorded(page);
    const moving = r.samples.filter((x) => x.running && x.cursor > 0);
    return (moving.length >= 2 && moving[moving.length - 1].cursor > moving[0].cursor) || r.done !== null;
  }, { timeout: 60_000 }).toBe(true);
  // The banner and the timeline while it computes (if the run has not ended meanwhile: the screenshot is kept either way).
  const computed = page.getByTestId('sim-computed');
  await shot(page, '01-playing-while-computing');
  // Then the run completes: no more partial result, every step there, the banner gone, still playing.
  await expect.poll(async () => (await recorded(page)).done, { timeout: 90_000 }).not.toBeNull();
  const r = await recorded(page);
  const state = await page.evaluate(() => {
    const s = (window as unknown as StreamWindow).__arplab.getState();
    return { simStatus: s.simStatus, simPartial: s.simPartial, steps: s.sim?.steps.length, cursor: s.cursor, error: s.simError };
  });
  expect(state).toMatchObject({ simStatus: 'idle', simPartial: false, steps: 1001, error: null });
  await expect(computed).toHaveCount(0);
  await expect(page.getByTestId('sim-running')).toHaveCount(0);
  expect(r.clicked, 'Play was pressed while the run streamed').not.toBeNull();
  const before = r.samples.filter((x) => x.running && x.cursor > 0);
  expect(before.length).toBeGreaterThanOrEqual(2);
  expect(before[before.length - 1].cursor).toBeGreaterThan(before[0].cursor);
  expect(before[0].steps).toBeLessThan(1001);
  const figures = `first playable steps after ${Math.round(r.firstPartial!)} ms; whole run after ${Math.round(r.done!)} ms; cursor ${before[0].cursor} → ${before[before.length - 1].cursor} (steps ${before[0].steps} → ${before[before.length - 1].steps} of 1001) while still running`;
  test.info().annotations.push({ type: 'stream', description: figures });
  console.log(`stream: ${figures}`);
  expect(r.firstPartial!).toBeLessThan(r.done!);
  await shot(page, '02-complete');
  // Determinism: the result streamed through the worker is byte for byte simulate()'s in Node.
  const inPage = await page.evaluate(async () => {
    const s = (window as unknown as StreamWindow).__arplab.getState();
    // Its events as a plain array, whatever holds them (as src/view/sim/plain.ts writes it).
    const sim = s.sim!;
    const bytes = new TextEncoder().encode(JSON.stringify({ ...sim, events: sim.events.slice() }));
    const d = await crypto.subtle.digest('SHA-256', bytes);
    return { hash: [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join(''), length: bytes.length };
  });
  const loaded = loadScenario(longRun());
  if (!loaded.ok) throw new Error('longRun() does not load');
  const json = plain(simulate(loaded.engine));
  expect(inPage.length).toBe(Buffer.byteLength(json));
  expect(inPage.hash).toBe(createHash('sha256').update(json).digest('hex'));
});

test('Cancel during a streamed run keeps the steps computed, says so, and they play', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?lang=en&animate=0');
  await expect(page.locator('[data-host="A"]')).toBeVisible();
  await startLongRun(page, 'sim-cancel');
  const cancelled = page.getByTestId('sim-cancelled');
  await expect(cancelled).toBeVisible();
  await expect(cancelled).toContainText(/Simulation cancelled after step \d+ of 1000\. Your scenario is unchanged: edit it, or run it again\. The steps computed so far are kept: play them\./);
  const kept = await page.evaluate(() => {
    const s = (window as unknown as StreamWindow).__arplab.getState();
    return { partial: s.simPartial, status: s.simStatus, steps: s.sim?.steps.length ?? 0, error: s.simError };
  });
  expect(kept).toMatchObject({ partial: true, status: 'idle', error: { kind: 'cancelled' } });
  expect(kept.steps).toBeGreaterThan(1);
  expect(kept.steps).toBeLessThan(1001);
  await expect(page.getByTestId('sim-computed')).toContainText(`Computed ${kept.steps - 1} of 1,000 steps`);
  await page.getByTestId('play').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as StreamWindow).__arplab.getState().cursor), { timeout: 10_000 }).toBeGreaterThan(0);
  await shot(page, '03-cancelled-kept');
  // Run again: from the start, streamed again.
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(page.getByTestId('sim-running')).toBeVisible({ timeout: 30_000 });
});
