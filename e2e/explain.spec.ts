/**
 * "What does this change?" in the host inspector (issue 13 part 7): on the LVS ARP-problem
 * gallery scenario, all.arp_ignore on a real server is re-simulated with every other value
 * in a worker, and the panel shows that with 1 the server ignores the request for the VIP;
 * lo.arp_ignore changes nothing, and the panel says why; a route's button explains the
 * route. Screenshots in English and 简体中文 (e2e/screenshots/explain-*.png).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ArpLabPage } from './pages/ArpLabPage.ts';

const SCENARIO = JSON.parse(readFileSync('src/examples/gallery/scenarios/lvs-arp-problem.json', 'utf8')) as unknown;

/** The viewport with the panel's top in view (the panel is taller than the inspector). */
async function shot(page: Page, name: string) {
  await page.getByTestId('explain-panel').locator('header').evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(150);
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

interface Bridge {
  __arplab: { loadScenario(json: unknown): { ok: boolean }; settled(): Promise<void> };
}

test('a real server\'s arp_ignore and route explained by re-simulation, in English and Chinese', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open('lang=en&speed=10');
  await page.evaluate(async (s) => {
    const w = window as unknown as Bridge;
    w.__arplab.loadScenario(s);
    await w.__arplab.settled();
  }, SCENARIO);
  await app.selectHost('RS1');
  await page.getByRole('tab', { name: 'Configure' }).click();
  await page.getByRole('button', { name: 'What does net.ipv4.conf.all.arp_ignore change in this scenario?' }).click();
  const panel = page.getByTestId('explain-panel');
  await expect(panel.getByRole('heading')).toHaveText('What net.ipv4.conf.all.arp_ignore changes');
  const result = panel.getByTestId('explain-result');
  await expect(result).toContainText('net.ipv4.conf.all.arp_ignore = 0 on RS1 at start.', { timeout: 20_000 });
  await expect(result).toContainText('Step 2 sets it to 1');
  const one = result.locator('[data-variant="1"]');
  await expect(one.locator('summary')).toContainText(/arp_ignore = 1: \d+ decisions change/);
  const vip = one.locator('li[data-host="RS1"][data-dev="eth0"]').filter({ hasText: 'tip=10.0.0.100' });
  await expect(vip.locator('.explain-was')).toContainText('RS1.eth0 answers “10.0.0.100 is-at');
  await expect(vip.locator('.explain-now')).toContainText('RS1.eth0 ignores the request for 10.0.0.100: arp_ignore=1 (max of all=1, eth0=0)');
  await shot(page, 'explain-all-en');

  // The same knob on lo: nothing changes, and why.
  await page.getByRole('combobox', { name: 'Setting' }).selectOption('lo');
  await expect(panel.getByRole('heading')).toHaveText('What net.ipv4.conf.lo.arp_ignore changes');
  for (const v of ['1', '2', '3', '8']) {
    const block = result.locator(`[data-variant="${v}"]`);
    await expect(block.locator('summary')).toHaveText(`arp_ignore = ${v}: changes nothing in this scenario`, { timeout: 20_000 });
    await expect(block.locator('.explain-why')).toHaveText('arp_ignore is read on eth0 (3), never on lo: the value used is max(all, eth0).');
  }
  await result.locator('[data-variant="1"] summary').click();
  await shot(page, 'explain-lo-en');
  expect(await app.seriousViolations()).toEqual([]);

  await app.setLang('zh');
  await expect(result.locator('[data-variant="1"] summary')).toContainText('在此场景中不改变任何东西');
  await page.getByRole('combobox', { name: '设置' }).selectOption('all');
  await expect(result.locator('[data-variant="1"] summary')).toContainText(/个决策改变/, { timeout: 20_000 });
  await expect(result.locator('[data-variant="1"] li[data-host="RS1"][data-dev="eth0"]').first().locator('.explain-now')).toContainText('RS1.eth0');
  await shot(page, 'explain-all-zh');
  await page.getByRole('button', { name: '关闭' }).first().click();
  await expect(panel).toHaveCount(0);

  // A route: without RS1's default route, its replies to the client cannot leave.
  await app.setLang('en');
  await page.getByRole('button', { name: 'What does default via 10.0.0.1 change in this scenario?' }).click();
  const without = result.locator('[data-variant="without"]');
  await expect(without.locator('summary')).toContainText(/Without this route: \d+ decisions change/, { timeout: 20_000 });
  await expect(without).toContainText('RS1 cannot send to 10.0.1.2: Network is unreachable');
  await expect(without.locator('.explain-steps')).toContainText('timeout ×2');
  await shot(page, 'explain-route-en');
});
