/**
 * Legibility and hostile display text: the LVS topology behind a router (labels that do not
 * collide), host cards that name the device of each cache entry, "what changed" where the user
 * is looking, bidi overrides and very long text.
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { linkVersion } from './pages/linkVersion.ts';
import { ArpLabPage } from './pages/ArpLabPage.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const lvsFive = JSON.parse(readFileSync(new URL('../src/view/canvas/__fixtures__/lvs-five.json', import.meta.url), 'utf8'));
const link = (scenario: unknown, query = 'lang=en&speed=10') => `/?${query}#s=${linkVersion(scenario)}.${deflateRawSync(Buffer.from(JSON.stringify(scenario))).toString('base64url')}`;

async function openScenario(page: Page, scenario: unknown, firstHost: string, query?: string) {
  await page.goto(link(scenario, query));
  await expect(page.locator(`[data-host="${firstHost}"]`)).toBeVisible();
}

test('LVS behind a router: screenshot', async ({ page }) => {
  const app = new ArpLabPage(page);
  await openScenario(page, lvsFive, 'RS2');
  await app.screenshot('display-01-lvs-five');
  await app.runAction(0);
  await app.expectResult(0, 'ok');
  await app.screenshot('display-02-lvs-five-after-ping');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.locator('.canvas-wrap').screenshot({ path: 'e2e/screenshots/display-02b-lvs-five-zoomed.png' });
});

test('host cards name the device of each cache entry, as ip neigh does', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open();
  await app.runAction(0);
  await app.expectResult(0, 'ok');
  await expect(app.cardNeigh('B').locator('[data-ip="192.168.100.36"]')).toContainText('192.168.100.36 dev eth0 → A.eth0 REACHABLE');
  // A learnt B from the request on both NICs: each entry says which one.
  await expect(app.cardNeigh('A').locator('[data-dev="eth0"]')).toContainText('192.168.100.39 dev eth0 → B.eth0');
  await app.screenshot('display-03-host-cards');
});

test('what changed: in view at 1440×900, since the last edit or since loaded', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open();
  await app.selectHost('A');
  await app.setSysctl('net.ipv4.conf.eth0.arp_ignore', '1');
  const panel = page.getByTestId('changes');
  await expect(panel).toContainText('now fails');
  await expect(panel).toBeInViewport({ ratio: 1 });
  // A second edit that changes nothing in the outcome.
  await app.setSysctl('net.ipv4.conf.eth1.arp_announce', '1');
  await expect(panel).toContainText('the outcome is the same');
  await expect(panel).not.toContainText('now fails');
  await panel.getByRole('radio', { name: 'as loaded' }).click();
  await expect(panel).toHaveAttribute('data-since', 'loaded');
  await expect(panel).toContainText('now fails');
  await expect(panel).toContainText('192.168.100.36 dev eth0');
  await expect(panel).toBeInViewport({ ratio: 1 });
  await app.screenshot('display-04-what-changed');
  // Still in view when the inspector is scrolled to its end.
  await page.locator('.inspector').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(panel).toBeInViewport({ ratio: 1 });
});

test('hostile display text: a right-to-left override is shown, not obeyed; long text wraps or is shortened', async ({ page }) => {
  const rlo = '\u202Egnp.exe';
  const scenario = {
    version: 1,
    title: rlo,
    description: 'd'.repeat(10_000),
    hosts: { A: { interfaces: { [rlo]: { addresses: ['10.0.0.1/24'] } } }, B: { interfaces: { eth0: { addresses: ['10.0.0.2/24'] } } } },
    segments: { lan: [`A.${rlo}`, 'B.eth0'] },
    actions: [{ type: 'ping', host: 'B', to: '10.0.0.1' }],
  };
  await openScenario(page, scenario, 'A');
  const title = page.locator('#scn-h');
  await expect(title).toContainText('‹U+202E›gnp.exe');
  const port = page.locator(`[data-port="A.${rlo}"] .port-label`);
  await expect(port).toContainText('‹U+202E›gnp.exe');
  // Nothing on the page obeys the override: every occurrence is isolated and made visible.
  const raw = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const where: string[] = [];
    while (walker.nextNode()) if (walker.currentNode.textContent?.includes('\u202E')) where.push(`${walker.currentNode.parentElement?.outerHTML.slice(0, 200)}`);
    if (document.title.includes('\u202E')) where.push('document.title');
    return where;
  });
  expect(raw).toEqual([]);
  // The 10,000-character description wraps inside the inspector.
  const overflow = await page.locator('.scenario-description').evaluate((el) => ({ w: el.scrollWidth, c: el.clientWidth, panel: el.closest('.inspector')!.scrollWidth - el.closest('.inspector')!.clientWidth }));
  expect(overflow.w).toBeLessThanOrEqual(overflow.c);
  expect(overflow.panel).toBeLessThanOrEqual(0);
  await new ArpLabPage(page).screenshot('display-05-hostile-text');

  // A link whose host name is 10,000 characters: the notice of what was left out names it
  // shortened in the middle, the whole text in the tooltip (the rest of the link opens).
  const long = `H${'x'.repeat(9_998)}Z`;
  await page.goto(link({ version: 1, hosts: { [long]: {} } }));
  const notice = page.getByTestId('share-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('not valid');
  const item = notice.locator('[data-shortened]').first();
  await expect(item).toBeVisible();
  const text = (await item.textContent()) ?? '';
  expect(text.length).toBeLessThan(400);
  expect(text).toMatch(/Hx+…x+Z/);
  expect((await item.getAttribute('title'))?.length).toBeGreaterThan(10_000);
  const box = await notice.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(1440);
  await new ArpLabPage(page).screenshot('display-06-long-name-error');
});

test('toasts stay off the nodes', async ({ page }) => {
  // A link with a view value ARP Lab does not offer: an info notice while the topology is on screen.
  await page.goto(`${link(lvsFive)}&v=1&speed=7`);
  await expect(page.locator('[data-host="RS2"]')).toBeVisible();
  const notice = page.getByTestId('share-notice');
  await expect(notice).toBeVisible();
  // Pan the drawing so that a host card sits right where the notice is now: it must move away.
  await page.evaluate(() => {
    const st = (window as unknown as { __arplab: { getState(): { viewport: { x: number; y: number; k: number }; setViewport(v: { x: number; y: number; k: number }): void } } }).__arplab.getState();
    const n = document.querySelector('[data-testid="share-notice"]')!.getBoundingClientRect();
    const c = document.querySelector('[data-host="R"] .host-card')!.getBoundingClientRect();
    const v = st.viewport;
    st.setViewport({ k: v.k, x: v.x + (n.left + n.width / 2) - (c.left + c.width / 2), y: v.y + (n.top + n.height / 2) - (c.top + c.height / 2) });
  });
  await page.waitForTimeout(300);
  const hit = await page.evaluate(() => {
    const n = document.querySelector('[data-testid="share-notice"]')!.getBoundingClientRect();
    return Array.from(document.querySelectorAll('.host-card, .switch-box'))
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.left < n.right && n.left < r.right && r.top < n.bottom && n.top < r.bottom).length;
  });
  expect(hit).toBe(0);
  await new ArpLabPage(page).screenshot('display-07-toast');
});
