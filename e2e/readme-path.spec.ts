/**
 * The README's path: every dialog and panel opens, stays open and works. This spec runs
 * twice (playwright.config.ts): against the built app (vite build + preview) and against
 * `npm start` (the Vite dev server, where React's StrictMode runs every effect twice —
 * the Gallery and Share dialogs used to close 7 ms after opening there).
 * Screenshots: e2e/screenshots/readme-<project>-*.png.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ArpLabPage } from './pages/ArpLabPage.ts';

let problems: string[] = [];
test.beforeEach(async ({ context }) => {
  problems = [];
  context.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
  });
  context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
});
test.afterEach(() => {
  expect(problems, 'CSP violations and console errors').toEqual([]);
});

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `e2e/screenshots/readme-${test.info().project.name}-${name}.png` });
};

/** Visible now and still visible a while later (a dialog that closes itself fails here). */
async function staysOpen(page: Page, dialog: Locator) {
  await expect(dialog).toBeVisible();
  await page.waitForTimeout(400);
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
}

test('every dialog and panel opens and stays open', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new ArpLabPage(page);
  await app.open();

  // Gallery: open, stays open, filter, close with Escape (focus back on the button).
  await page.getByTestId('open-gallery').click();
  const gallery = page.getByRole('dialog', { name: 'Gallery: the article’s experiments' });
  await staysOpen(page, gallery);
  await expect(gallery.locator('[data-gallery]')).toHaveCount(25);
  await shot(page, '01-gallery');
  await page.keyboard.press('Escape');
  await expect(gallery).toHaveCount(0);
  await expect(page.getByTestId('open-gallery')).toBeFocused();

  // Share: the link, the embed code and a .json export.
  await page.getByTestId('share').click();
  const share = page.getByRole('dialog', { name: 'Share and export' });
  await staysOpen(page, share);
  await expect(page.getByTestId('share-link')).toHaveValue(/#s=2\./);
  await expect(page.getByTestId('embed-code')).toHaveValue(/^<iframe src="[^"]+embed/);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  await shot(page, '02-share');
  await share.getByRole('button', { name: 'Close' }).click();
  await expect(share).toHaveCount(0);

  // A confirmation (New topology, once something was edited): stays open until answered.
  await app.selectHost('A');
  await app.setSysctl('net.ipv4.conf.eth0.arp_ignore', '1');
  await page.getByTestId('topo-new').click();
  const confirm = page.getByRole('alertdialog');
  await staysOpen(page, confirm);
  await shot(page, '03-confirm');
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(app.host('A')).toBeVisible();

  // Gallery → open an example (asks first: something was edited).
  await page.getByTestId('open-gallery').click();
  await staysOpen(page, gallery);
  await gallery.getByRole('button', { name: /^Open “LVS-DR real server/ }).click();
  const replace = page.getByRole('alertdialog', { name: 'Replace the current scenario?' });
  await staysOpen(page, replace);
  await replace.getByRole('button', { name: 'Open it' }).click();
  await expect(app.host('R1')).toBeVisible();

  // Inspector: State and Configure.
  await app.selectHost('R1');
  await page.getByRole('tab', { name: 'Configure' }).click();
  await expect(page.getByRole('tab', { name: 'Configure' })).toHaveAttribute('aria-selected', 'true');
  await shot(page, '04-configure');
  await page.getByRole('tab', { name: 'State' }).click();

  // Run a command from the form; the Why panel explains a frame.
  const form = page.locator('form.action-form');
  await form.getByLabel('Command').selectOption('ping');
  await form.getByLabel('On host').selectOption('C');
  await form.getByLabel('Destination').fill('192.168.100.200');
  await form.getByRole('button', { name: 'Add and run' }).click();
  await expect(page.locator('[data-action]').last().locator('[data-result]')).toBeVisible({ timeout: 15_000 });
  await page.locator('.events-box .ev').first().click();
  await expect(app.why()).toBeVisible();
  await shot(page, '05-ran');

  // Delete asks what goes with it.
  await app.host('R1').click();
  await page.keyboard.press('Delete');
  const del = page.getByRole('alertdialog');
  await staysOpen(page, del);
  await del.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.host('R1')).toBeVisible();
});

test('the dev server allows its hot-reload WebSocket; the built app does not', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '').replaceAll('&#39;', "'");
  expect(csp).toContain("default-src 'self'");
  if (test.info().project.name === 'dev') expect(csp).toContain('connect-src \'self\' ws://127.0.0.1:* ws://localhost:*');
  else expect(csp).not.toContain('ws:');
});
