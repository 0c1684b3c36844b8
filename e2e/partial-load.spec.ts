/**
 * Issue 11: links and files load like the autosave — what is valid opens, each part left
 * out is listed with its reason, the original is kept (in this browser and as a download);
 * the scenario layer's messages are shown in 简体中文 when the UI is.
 * Screenshots: e2e/screenshots/partial-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { LVS_TRAINER } from '../src/scenario/fixtures/lvsTrainer.ts';
import { ArpLabPage } from './pages/ArpLabPage.ts';

const fragmentOf = (json: string) => `#s=1.${deflateRawSync(Buffer.from(json)).toString('base64url')}`;
const HOSTS = ['C1', 'R1', 'D', 'RS1', 'RS2'];

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `e2e/screenshots/partial-${name}.png` });
};

const download = async (page: Page, click: () => Promise<void>) => {
  const d = page.waitForEvent('download');
  await click();
  const got = await d;
  return { name: got.suggestedFilename(), text: readFileSync(await got.path(), 'utf8') };
};

/** LVS_TRAINER plus a bad address on RS2: two parts to leave out. */
function twoBadParts(): string {
  const doc = structuredClone(LVS_TRAINER);
  doc.hosts.RS2.interfaces.eth0.addresses.push('192.168.100.300/24');
  return JSON.stringify(doc);
}

test('a share link with two bad parts opens without them, lists them, keeps the original (English and 简体中文)', async ({ page }) => {
  const json = twoBadParts();
  await page.goto(`/?lang=en${fragmentOf(json)}`);
  const app = new ArpLabPage(page);
  for (const h of HOSTS) await expect(app.host(h)).toBeVisible();
  await expect(page.locator('[data-action]')).toHaveCount(2);
  const notice = page.getByTestId('share-notice');
  await expect(notice).toHaveAttribute('data-kind', 'warning');
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText('Opened “LVS-DR lab” without 2 parts that are not valid');
  const items = notice.getByTestId('share-notice-items').locator('li');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toHaveText('hosts.RS2.interfaces.eth0.addresses[1]: "192.168.100.300/24" is not an address with a prefix length (expected a.b.c.d/len with len 0–32, like 192.168.100.17/24)');
  await expect(items.nth(1)).toHaveText('actions[1].iface: "eth1" is neither an interface of host C1 nor an IPv4 source address (did you mean "eth0"?)');
  await expect(notice).toContainText(/The original is kept as it was in this browser under “arplab\.scenario\.corrupt\.\d+”/);
  await shot(page, '01-link-en');
  // The original, from the notice and from storage, is the link's scenario as it was.
  const d = await download(page, () => notice.getByRole('button', { name: 'Download the original' }).click());
  expect(d).toEqual({ name: 'arplab-link.original.json', text: json });
  const key = (await notice.textContent())!.match(/arplab\.scenario\.corrupt\.\d+/)![0];
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(json);
  // It stays until dismissed.
  await page.waitForTimeout(500);
  await expect(notice).toBeVisible();

  // 简体中文: the same parts, each reason in Chinese.
  const zh = await page.context().newPage();
  await zh.goto(`/?lang=zh${fragmentOf(json)}`);
  const zhNotice = zh.getByTestId('share-notice');
  await expect(zhNotice).toContainText('已打开“LVS-DR lab”，但没有载入其中 2 个无效的部分');
  const zhItems = zhNotice.getByTestId('share-notice-items').locator('li');
  await expect(zhItems.nth(0)).toHaveText('hosts.RS2.interfaces.eth0.addresses[1]："192.168.100.300/24" 不是带前缀长度的地址（应为 a.b.c.d/len，len 为 0–32，如 192.168.100.17/24）');
  await expect(zhItems.nth(1)).toHaveText('actions[1].iface："eth1" 既不是主机 C1 的接口，也不是 IPv4 源地址（是否想写 "eth0"？）');
  await expect(zhNotice.getByRole('button', { name: '下载原始内容' })).toBeVisible();
  await shot(zh, '02-link-zh');
  await zh.close();
});

test('a dropped .json file with a bad part opens without it; the original downloads', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open();
  const text = `${JSON.stringify(LVS_TRAINER, null, 2)}\n`;
  await page.evaluate((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], 'lvs-lab.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'drop']) document.querySelector('.center')!.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  for (const h of HOSTS) await expect(app.host(h)).toBeVisible();
  await expect(page.locator('[data-action]')).toHaveCount(2);
  const notice = page.getByTestId('share-notice');
  await expect(notice).toContainText('Opened “LVS-DR lab” without 1 part that is not valid');
  await expect(notice.getByTestId('share-notice-items').locator('li')).toHaveText(['actions[1].iface: "eth1" is neither an interface of host C1 nor an IPv4 source address (did you mean "eth0"?)']);
  await expect(notice).toContainText('Undo (Ctrl+Z) brings back the previous scenario.');
  await shot(page, '03-file-en');
  const d = await download(page, () => notice.getByRole('button', { name: 'Download the original' }).click());
  expect(d).toEqual({ name: 'lvs-lab.original.json', text });
  // Undo brings back what was there before the file.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.host('A')).toBeVisible();
});

test('a validation error and a broken link in 简体中文', async ({ page }) => {
  await page.goto('/?lang=zh');
  const app = new ArpLabPage(page);
  await expect(app.host('A')).toBeVisible();
  await app.selectHost('A');
  await page.getByRole('tab', { name: '配置' }).click();
  const addr = page.locator('[data-iface="A.eth0"] [data-address="new"]');
  await addr.getByRole('textbox').first().fill('10.0.0.300/8');
  await addr.getByRole('button').click();
  const issues = addr.getByTestId('edit-issues');
  await expect(issues).toHaveText('"10.0.0.300/8" 不是带前缀长度的地址（应为 a.b.c.d/len，len 为 0–32，如 192.168.100.17/24）');
  await expect(issues.locator('li')).toHaveAttribute('lang', 'zh-CN');
  await issues.scrollIntoViewIfNeeded();
  await shot(page, '04-validation-zh');

  // A link whose scenario has no usable shape: refused, the reason in Chinese.
  await page.evaluate((h) => { location.hash = h; }, fragmentOf(JSON.stringify({ version: 1, hosts: [] })));
  const notice = page.getByTestId('share-notice');
  await expect(notice).toContainText('无法打开此链接');
  await notice.getByText('详细信息').click();
  await expect(notice).toContainText('hosts：应为主机对象，如 {"A": {"interfaces": {…}}}，实际是列表');
  await expect(notice).not.toContainText('expected');
  await shot(page, '05-link-error-zh');
});
