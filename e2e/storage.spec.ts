/**
 * Saved work in the browser is never lost silently: a save with one bad part loads without
 * it (and lists it, and offers the original), a full storage still restores what is saved.
 * Screenshots: e2e/screenshots/storage-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LVS_TRAINER } from '../src/scenario/fixtures/lvsTrainer.ts';
import { ArpLabPage } from './pages/ArpLabPage.ts';

const KEY = 'arplab.scenario';

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `e2e/screenshots/storage-${name}.png` });
};

test('a save with -I eth1 on a host without eth1: the 5-host topology comes back, the action is listed as left out, the original downloads', async ({ page }) => {
  const raw = JSON.stringify({ app: 'arplab-autosave', format: 1, savedAt: '2026-12-07T01:00:00.000Z', scenario: LVS_TRAINER });
  const app = new ArpLabPage(page);
  await page.goto('/?lang=en');
  // Written once this page has restored (nothing) — the page awaits the scenario model before it
  // reads storage — so that the save is what the reload finds.
  await expect(app.host('A')).toBeVisible();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, raw]);
  await page.reload();
  for (const h of ['C1', 'R1', 'D', 'RS1', 'RS2']) await expect(app.host(h)).toBeVisible();
  await expect(page.locator('[data-action]')).toHaveCount(2);
  const notice = page.locator('[data-testid="edit-notice"][data-key="storage.partial"]');
  await expect(notice).toBeVisible();
  await expect(notice.getByTestId('edit-issues').locator('li')).toHaveCount(1);
  await expect(notice.getByTestId('edit-issues')).toContainText('actions[1].iface: "eth1" is neither an interface of host C1');
  await shot(page, '01-left-out');
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download it' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe(raw);

  // The restored topology is the save now: a reload brings it back without the notice.
  await page.reload();
  await expect(app.host('RS2')).toBeVisible();
  await expect(page.locator('[data-key="storage.partial"]')).toHaveCount(0);

  // In Chinese: the same notice, translated headline.
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, raw]);
  await page.goto('/?lang=zh');
  await expect(page.locator('[data-key="storage.partial"]')).toContainText('已从本浏览器恢复你的拓扑，但不包括下列无效的部分');
  // …and the reason in Chinese too (src/i18n/scenarioMessages.ts).
  await expect(page.locator('[data-key="storage.partial"] [data-testid="edit-issues"]')).toHaveText('actions[1].iface："eth1" 既不是主机 C1 的接口，也不是 IPv4 源地址（是否想写 "eth0"？）');
  await shot(page, '02-left-out-zh');
});

test('storage full: the saved work is restored and the app says storage is full', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open();
  await app.selectHost('A');
  await app.setSysctl('net.ipv4.conf.eth0.arp_ignore', '1');
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k)?.includes('"net.ipv4.conf.eth0.arp_ignore":1') ?? false, KEY)).toBe(true);
  // Fill the origin's storage to the last character.
  const filled = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler.${n++}`, chunk);
        } catch {
          break;
        }
      }
    }
    try {
      localStorage.setItem('probe', '1');
      return 'not full';
    } catch {
      return 'full';
    }
  });
  expect(filled).toBe('full');
  await page.reload();
  await expect(app.host('A')).toBeVisible();
  const notice = page.locator('[data-testid="edit-notice"][data-key="storage.fullRestored"]');
  await expect(notice).toContainText('This browser’s storage is full. Your saved topology was restored');
  await app.selectHost('A');
  await expect(page.getByLabel('net.ipv4.conf.eth0.arp_ignore', { exact: true })).toHaveValue('1');
  await shot(page, '03-full');
  // An edit now cannot be saved: no second notice, the first one already says so.
  await app.setSysctl('net.ipv4.conf.eth1.arp_ignore', '1');
  await expect(page.locator('[data-testid="edit-notice"]')).toHaveCount(1);
  await page.evaluate(() => localStorage.clear());
});
