/**
 * Two tabs of ARP Lab in one browser save to the same place: an edit in one is never lost
 * silently by the other. Two pages of one browser context share localStorage, as two tabs
 * do. Screenshots: e2e/screenshots/tabs-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ArpLabPage } from './pages/ArpLabPage.ts';

const KEY = 'arplab.scenario';
const saved = (p: Page) => p.evaluate((k) => localStorage.getItem(k), KEY);
const copies = (p: Page) => p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('arplab.scenario.copy.')).sort());
const sysctl = (p: Page, key: string) => p.getByLabel(key, { exact: true });

test('another tab\'s save: said here; load it, keep both, or (when this tab saves first) kept aside', async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  const a = new ArpLabPage(one);
  const b = new ArpLabPage(two);
  await a.open();
  await b.open();

  // Tab 2 edits (autosaved); tab 1 says so at once.
  await b.selectHost('A');
  await b.setSysctl('net.ipv4.conf.eth0.arp_ignore', '1');
  await expect.poll(async () => (await saved(two))?.includes('"net.ipv4.conf.eth0.arp_ignore":1')).toBe(true);
  const notice = one.locator('[data-testid="edit-notice"][data-key="storage.otherTab"]');
  await expect(notice).toContainText('This topology was changed and saved in another tab of ARP Lab');
  await one.bringToFront();
  await one.screenshot({ path: 'e2e/screenshots/tabs-01-notice.png' });

  // Load that version: tab 1 shows tab 2's edit.
  await notice.getByRole('button', { name: 'Load that version' }).click();
  await a.selectHost('A');
  await expect(sysctl(one, 'net.ipv4.conf.eth0.arp_ignore')).toHaveValue('1');

  // Tab 2 edits again; tab 1 edits before answering: tab 2's save is kept aside, not overwritten.
  await b.setSysctl('net.ipv4.conf.eth1.arp_ignore', '2');
  await expect(notice).toBeVisible();
  const theirs = await saved(two);
  await a.setSysctl('net.ipv4.conf.eth0.arp_announce', '2');
  const kept = one.locator('[data-testid="edit-notice"][data-key="storage.otherTabKept"]');
  await expect(kept).toContainText('The other tab’s version is kept under “arplab.scenario.copy.');
  const [copy] = await copies(one);
  expect(await one.evaluate((k) => localStorage.getItem(k), copy)).toBe(theirs);
  expect(await saved(one)).toContain('"net.ipv4.conf.eth0.arp_announce":2');
  const download = one.waitForEvent('download');
  await kept.getByRole('button', { name: 'Download it' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe(theirs);
  await one.screenshot({ path: 'e2e/screenshots/tabs-02-kept.png' });

  // Tab 2 heard tab 1's save in turn: keep both there keeps tab 1's save as a copy and saves tab 2's.
  const noticeTwo = two.locator('[data-testid="edit-notice"][data-key="storage.otherTab"]');
  await expect(noticeTwo).toBeVisible();
  const ones = await saved(one);
  await noticeTwo.getByRole('button', { name: 'Keep both' }).click();
  await expect(two.locator('[data-key="storage.otherTabKept"]')).toBeVisible();
  expect(await copies(two)).toHaveLength(2);
  const values = await two.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('arplab.scenario.copy.')).map((k) => localStorage.getItem(k)));
  expect(values).toContain(ones);
  expect(await saved(two)).toContain('"net.ipv4.conf.eth1.arp_ignore":2');
  expect(await saved(two)).not.toContain('"net.ipv4.conf.eth0.arp_announce":2');
});
