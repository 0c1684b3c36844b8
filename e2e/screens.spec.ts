/**
 * Screenshots of every screen in light and dark (e2e/screenshots/, not committed), with the
 * checks that make each screen what its name says.
 */
import { expect, test } from '@playwright/test';
import { ArpLabPage, type TestWindow } from './pages/ArpLabPage.ts';

for (const theme of ['light', 'dark'] as const) {
  test(`screens (${theme})`, async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open(`lang=en&speed=10&theme=${theme}`);
    await app.screenshot(`${theme}-01-start`);

    // Mid-flight: the broadcast request after the switch, on its way to both of A's ports.
    await page.evaluate(() => {
      const s = (window as unknown as TestWindow).__arplab.getState();
      const f = s.timeline.flights[0];
      s.seek(f.start + 700);
    });
    await expect(page.getByTestId('tokens')).toHaveAttribute('data-in-air', '1');
    await app.screenshot(`${theme}-02-broadcast-in-flight`);

    await app.runAction(0);
    await app.expectResult(0, 'ok');
    await app.screenshot(`${theme}-03-after-ping`);

    await page.getByLabel('ARP only').check();
    await app.eventRow('A.eth0 >', 'ARP, Reply').click();
    await expect(page.locator('.frame-inspector')).toBeVisible();
    await app.screenshot(`${theme}-04-frame-and-why`);
    await page.getByLabel('ARP only').uncheck();

    await app.selectHost('A');
    await app.screenshot(`${theme}-05-host-a`);
    await page.locator('.inspector').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await app.screenshot(`${theme}-06-host-a-routes-neigh`);

    await app.setSysctl('net.ipv4.conf.eth0.arp_ignore', '1');
    await app.runAction(0);
    await app.expectResult(0, 'fail');
    await page.locator('[data-stop="A.eth1"]').click();
    await app.screenshot(`${theme}-07-why-rp-filter`);

    await app.setLang('zh');
    await expect(app.why().getByRole('heading', { name: '为什么？' })).toBeVisible();
    await app.screenshot(`${theme}-08-why-zh`);
    await app.selectHost('A');
    await app.screenshot(`${theme}-09-host-a-zh`);
    await app.setLang('en');

    await page.getByRole('combobox', { name: 'Command' }).selectOption('arping');
    await page.getByRole('combobox', { name: 'On host' }).selectOption('A');
    await page.getByRole('textbox', { name: 'Target address' }).fill('192.168.100.39');
    await page.getByRole('combobox', { name: '-I' }).selectOption('eth1');
    await page.getByLabel('-U').check();
    await app.screenshot(`${theme}-10-arping-form`);
    await page.getByRole('button', { name: 'Add and run' }).click();
    await expect(app.action(2).locator('[data-result]')).toBeVisible({ timeout: 15_000 });
    await expect(app.action(2)).toContainText('A$ arping -U -I eth1 -c 1 192.168.100.39');
    await page.getByTestId('step-back').click();
    await app.screenshot(`${theme}-11-arping-step`);
  });
}
