/**
 * Issue 11 point 3 in real Chromium: the two heavy scenarios opened as share links (and as
 * an embed). The simulation runs in a Web Worker: progress and Cancel while it runs, the
 * work budget's message when it stops, the scenario stays editable. Main-thread tasks are
 * recorded with PerformanceObserver('longtask'); the last test holds the page to no task over
 * 200 ms while either link opens and simulates, in the app and in the embed. Progress and
 * Cancel are checked on every run: the test holds the worker's script (holdWorker) so the run
 * cannot end before them. Screenshots: e2e/screenshots/heavy-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { linkVersion } from './pages/linkVersion.ts';
import { deflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { garpStorm, pingFlood } from '../test/heavy/scenarios.ts';

const LONG_TASK_MS = 200;

interface HeavyWindow {
  __longtasks: { start: number; duration: number }[];
  __arplab: {
    getState(): { scenario: { actions?: unknown[]; hosts: Record<string, unknown> }; simStatus: string; sim: unknown; dispatch(op: unknown): void };
  };
}

const fragmentOf = (doc: unknown) => `#s=${linkVersion(doc)}.${deflateRawSync(Buffer.from(JSON.stringify(doc)), { level: 9 }).toString('base64url')}`;

const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: `e2e/screenshots/heavy-${name}.png` });
};

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    const w = window as unknown as HeavyWindow;
    w.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
});

/**
 * Every main-thread task over 50 ms (Chromium reports those) that started after the app's
 * scripts had run (the mark 'arplab:started' in main.tsx): opening the link, drawing it,
 * simulating, the messages from the worker. The evaluation of the app's own bundle, before
 * anything is opened, is reported but not judged here.
 */
async function longTasks(page: Page) {
  return page.evaluate(() => {
    const started = performance.getEntriesByName('arplab:started')[0]?.startTime ?? 0;
    const all = (window as unknown as HeavyWindow).__longtasks;
    return { started: Math.round(started), all, after: all.filter((t) => t.start > started) };
  });
}

async function reportLongTasks(page: Page) {
  const { started, all } = await longTasks(page);
  test.info().annotations.push({ type: 'longtasks', description: `app started at ${started} ms; ${JSON.stringify(all)}` });
  console.log(`${test.info().title}: app started at ${started} ms; long tasks ${JSON.stringify(all)}`);
}

/**
 * Holds the simulation worker's script while `held` (Playwright's routing, nothing in the app):
 * a run asked for meanwhile cannot have started, let alone ended, so Cancel is always reachable
 * and the progress banner always shows before the engine runs — no race with a fast engine.
 */
async function holdWorker(page: Page) {
  let release: () => void = () => {};
  let held = true;
  let gate = new Promise<void>((r) => (release = r));
  let requests = 0;
  await page.route(/\/sim\.worker[^/]*\.js(\?.*)?$/, async (route) => {
    requests++;
    if (held) await gate;
    await route.continue();
  });
  return {
    requests: () => requests,
    release() {
      held = false;
      release();
    },
    hold() {
      held = true;
      gate = new Promise<void>((r) => (release = r));
    },
  };
}

test('128 hosts × 1,000 arping -U -c 60 as a link: progress and Cancel while it simulates, Run again stops at the budget with its message, editable', async ({ page }) => {
  const worker = await holdWorker(page);
  // Every text the progress banner shows, as it shows it (progress comes every 100 ms).
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __progress: string[] }).__progress = []);
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="sim-running"]');
      const text = el?.textContent ?? '';
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const link = fragmentOf(garpStorm());
  test.info().annotations.push({ type: 'link', description: `${link.length} characters` });
  await page.goto(`/?lang=en&animate=0${link}`);
  const progress = page.getByTestId('sim-running');
  const stopped = page.getByTestId('sim-budget');
  const cancelled = page.getByTestId('sim-cancelled');
  // The link's run waits for its worker: progress and Cancel show, the page is drawn and answers.
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect(progress).toContainText('Simulating… step 0 of');
  await expect(page.locator('[data-host="H128"]')).toHaveCount(1);
  expect(worker.requests()).toBeGreaterThan(0);
  await page.getByTestId('sim-cancel').click();
  await expect(cancelled).toBeVisible();
  await expect(cancelled).toContainText('Simulation cancelled. Your scenario is unchanged');
  await expect(progress).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as HeavyWindow).__arplab.getState().scenario.actions?.length)).toBe(1000);
  await shot(page, '02-cancelled');
  // Run again: a fresh worker (the cancelled one was terminated), held until its progress shows, then let go.
  worker.hold();
  const before = worker.requests();
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(progress).toBeVisible();
  await expect.poll(() => worker.requests()).toBeGreaterThan(before);
  await shot(page, '01-progress');
  worker.release();
  await expect(stopped).toBeVisible({ timeout: 60_000 });
  // The engine's own progress was shown on the way: a step of the 1,000 and the deliveries against the budget.
  const seen = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  test.info().annotations.push({ type: 'progress', description: `${seen.length} texts, last: ${seen[seen.length - 1]}` });
  expect(seen.some((t) => /Simulating… step \d+ of 1000.*[1-9][\d,]* of at most 500,000 frame deliveries/.test(t)), seen.join('\n')).toBe(true);
  await expect(stopped).toHaveAttribute('role', 'alert');
  await expect(stopped).toContainText('This scenario is too big to simulate');
  await expect(stopped).toContainText(/This scenario needs more than 500,000 frame deliveries \(the limit\): lower arping -c or -w on action \d+ \(on H\d+\), or remove hosts or actions\./);
  await shot(page, '03-budget');
  // The scenario is still there and editable: an edit is taken (and runs it again).
  await page.evaluate(() => (window as unknown as HeavyWindow).__arplab.getState().dispatch({ type: 'deleteAction', index: 999 }));
  expect(await page.evaluate(() => (window as unknown as HeavyWindow).__arplab.getState().scenario.actions?.length)).toBe(999);
  await expect(stopped).toBeVisible({ timeout: 60_000 });
  await reportLongTasks(page);
});

test('1,000 × ping -c 1000 -i 0 as an embedded link: the budget message in 简体中文', async ({ page }) => {
  await page.goto(`/embed.html?lang=zh&animate=0${fragmentOf(pingFlood())}`);
  await expect(page.getByTestId('embed')).toBeVisible();
  const budget = page.getByTestId('sim-budget');
  await expect(budget).toBeVisible({ timeout: 60_000 });
  await expect(budget).toContainText('此场景太大，无法模拟');
  await expect(budget).toContainText(/此场景需要超过 [\d,]+ (次帧投递|条跟踪事件)（上限）：减小动作 \d+（在 A 上）的 ping -c 或增大 -i/);
  await shot(page, '04-budget-embed-zh');
  await reportLongTasks(page);
});

test('a normal scenario still simulates and plays (in the worker), with no banner', async ({ page }) => {
  await page.goto('/?lang=en&animate=0');
  await expect(page.locator('[data-action="0"] [data-result]')).toHaveCount(0);
  await page.locator('[data-action="0"]').getByRole('button', { name: /^Run / }).click();
  await expect(page.locator('[data-action="0"] [data-result="ok"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('sim-running')).toHaveCount(0);
  await expect(page.getByTestId('sim-budget')).toHaveCount(0);
  await reportLongTasks(page);
});

/**
 * The goal of issue 11 point 3: no main-thread task over 200 ms while a heavy link opens and
 * simulates, in the app and in the embed. The link is decoded and validated in a worker
 * (src/view/share/openLink.ts) and the store reuses that load; the simulation runs in its
 * worker; the app is drawn once, as a transition React renders in slices; and a topology of
 * 48 hosts or more is drawn on the raster canvas (src/view/canvas/raster/), whose first
 * drawing costs milliseconds where 128 SVG host cards cost 300–520 ms of style and layout under load.
 * The load average is reported with the figures (the machine is shared).
 */
// Since the trace streams, the app's 1,000-ping link had failed it about one run in two (235–238 ms
// tasks: the page deserialised chunks of event objects — 1.95 s of onmessage self time and 1.0 s of
// GC over the run). Chunks now carry the compact trace log's columns (transferred typed arrays),
// other events as JSON text parsed when read, and the page appends them ~12 ms a frame and renders
// at most every 100 ms. Longest task per link (app 128 hosts / embed 128 / app 1,000 pings / embed
// 1,000 pings), over the runs:
//   before, load 4.6–5.4: 145–265 / 75–105 / 139–362 / 202–395 ms — 0 of 3 runs passed;
//   after, load 5.3–5.8 (other sessions' work): 65–85 / 68–95 / 65–140 / 69–191 ms — 5 of 5 passed;
//   after, load 0.8–1.3 (as in CI): 0–56 / 0 / 0–52 / 0–52 ms — 5 of 5 passed;
//   after, one `node -e "for(;;){}"` on the 2 cores, load 2.1–3.1: 0–78 / 55–86 / 62–84 / 0–92 ms — 3 of 3;
//   after, that hog on top of a machine already at load 6.0–6.5: 85–236 / 152–213 / 69–99 / 359–445 ms
//   — 0 of 3. What was left in those tasks (CPU profiles): an animation frame appending a whole step
//   to the timeline at once (6,005 events for a ping step, parsing each frame sent and each tool
//   line), React commits, and major GCs.
// Since then the timeline reads a streamed run's rows in slices, ~12 ms an animation frame (a ping
// step over several frames: store/traceStream.ts), and a frame either reads or renders what was
// read, never both. Alternating runs of this test on the same machine with that hog (other sessions'
// work besides): before, load 5.7–7.4, 4 of 12 runs passed — 0–260 / 0–285 / 61–423 / 0–222 ms;
// after, load 4.5–6.4, 8 of 12 — 0–184 / 0–286 / 0–298 / 53–229 ms. Without the hog (load 4.9–5.6)
// both passed 5 of 6, each failing once on one >250 ms task. What still exceeds 200 ms under such
// load (long-animation-frame entries, CPU profiles) is not the timeline's reading: a frame rendering
// a snapshot, the worker's message handler (157–281 ms for a handler that queues the chunk), a
// 293 ms major GC — the thread descheduled mid-task (a frame's 12 ms of reading took 69–80 ms).
test('no main-thread task over 200 ms after the app started, for either heavy link, in the app and in the embed', async ({ page }) => {
  const runs: { path: string; started: number; after: { start: number; duration: number }[] }[] = [];
  for (const [path, doc] of [['/?lang=en&animate=0', garpStorm()], ['/embed.html?lang=en&animate=0', garpStorm()], ['/?lang=en&animate=0', pingFlood()], ['/embed.html?lang=en&animate=0', pingFlood()]] as const) {
    await page.goto(`${path}${fragmentOf(doc)}`);
    await expect(page.getByTestId('sim-budget')).toBeVisible({ timeout: 60_000 });
    await expect(page.locator(`[data-host="${doc.title?.startsWith('128') ? 'H128' : 'B'}"]`)).toBeVisible();
    const { started, after } = await longTasks(page);
    runs.push({ path: `${path} ${doc.title}`, started, after });
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const report = `load average ${load}\n` + runs.map((r) => `${r.path}: longest ${Math.max(0, ...r.after.map((t) => t.duration))} ms ${JSON.stringify(r.after)}`).join('\n');
  test.info().annotations.push({ type: 'longtasks', description: report });
  console.log(report);
  for (const r of runs) expect(Math.max(0, ...r.after.map((t) => t.duration)), `${r.path}: main-thread tasks after the app started: ${JSON.stringify(r.after)}`).toBeLessThan(LONG_TASK_MS);
});
