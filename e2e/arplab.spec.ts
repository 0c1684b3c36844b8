import { expect, test } from '@playwright/test';
import { ArpLabPage } from './pages/ArpLabPage.ts';

test.describe('default scenario: two NICs on one segment, rp_filter=1', () => {
  test('first screen: the topology, a button that runs B’s ping, the neighbour tables', async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open();
    await expect(app.host('A')).toBeVisible();
    await expect(app.host('B')).toBeVisible();
    for (const port of ['A.eth0', 'A.eth1', 'A.eth2', 'B.eth0']) await expect(page.locator(`[data-port="${port}"]`)).toBeVisible();
    await expect(app.cardNeigh('B')).toContainText('neighbour table empty');
    await app.screenshot('01-start-light');
    await app.runAction(0);
    await app.expectResult(0, 'ok');
    await expect(app.cardNeigh('B')).toContainText('192.168.100.36 dev eth0 → A.eth0 REACHABLE');
    await app.screenshot('02-after-ping-light');
  });

  test('arp_ignore=9 through the picker’s “other…”: the kernel stores it, it acts as 0, A.eth0 still replies', async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open();
    await app.selectHost('A');
    const key = 'net.ipv4.conf.eth0.arp_ignore';
    await app.setSysctl(key, 'other');
    const field = page.getByRole('spinbutton', { name: key, exact: true });
    await expect(field).toBeFocused();
    await field.fill('9');
    const open = await page.locator('table.sysctl-grid').boundingBox();
    await page.screenshot({ path: 'e2e/screenshots/sysctl-other-field-light.png', clip: { x: open!.x, y: open!.y, width: Math.min(open!.width, 420), height: 120 } });
    await field.press('Enter');
    // Back to the picker, with 9 chosen, and what it acts as.
    await expect(page.getByLabel(key, { exact: true })).toHaveValue('9');
    await expect(page.locator(`[data-acts-as="${key}"]`)).toHaveText('acts as 0');
    await expect(page.locator('[data-eff="eth0.arp_ignore"] strong')).toHaveText('=9 → 0');
    await app.runAction(0);
    await app.expectResult(0, 'ok');
    await expect(page.getByTestId('changes')).toContainText('the outcome is the same');
    await page.getByTestId('changes').getByRole('button', { name: 'Dismiss', exact: false }).click();
    await page.getByLabel(key, { exact: true }).scrollIntoViewIfNeeded();
    const grid = await page.locator('table.sysctl-grid').boundingBox();
    await page.screenshot({ path: 'e2e/screenshots/sysctl-out-of-range-light.png', clip: { x: grid!.x, y: grid!.y, width: Math.min(grid!.width, 420), height: 190 } });
    await app.screenshot('sysctl-out-of-range-page-light');
    // Escape in "other…" puts the picker back unchanged.
    await app.setSysctl('net.ipv4.conf.eth1.arp_announce', 'other');
    await page.getByRole('spinbutton', { name: 'net.ipv4.conf.eth1.arp_announce', exact: true }).press('Escape');
    await expect(page.getByLabel('net.ipv4.conf.eth1.arp_announce', { exact: true })).toHaveValue('');
    // 中文
    await app.setLang('zh');
    await expect(page.locator(`[data-acts-as="${key}"]`)).toHaveText('按 0 处理');
    await expect(page.getByLabel(key, { exact: true }).locator('option[value="other"]')).toHaveText('其他…');
    const zh = await page.locator('table.sysctl-grid').boundingBox();
    await page.screenshot({ path: 'e2e/screenshots/sysctl-out-of-range-zh-light.png', clip: { x: zh!.x, y: zh!.y, width: Math.min(zh!.width, 420), height: 190 } });
  });

  test('ping .36: request reaches both of A’s ports, only A.eth0 replies; arp_ignore=1 on eth0 makes it fail', async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open();
    await app.runAction(0);
    await app.expectResult(0, 'ok');

    // The event list, in tcpdump's words, ARP only.
    await page.getByLabel('ARP only').check();
    const request = 'ARP, Request who-has 192.168.100.36 tell 192.168.100.39, length 28';
    await expect(app.eventRow('B.eth0 >', request)).toHaveCount(1);
    await expect(app.eventRow('A.eth0 <', request)).toHaveCount(1);
    await expect(app.eventRow('A.eth1 <', request)).toHaveCount(1);
    await expect(app.eventRow('A.eth0 >', 'ARP, Reply 192.168.100.36 is-at 02:00:00:00:0a:00, length 28')).toHaveCount(1);
    await expect(app.eventRow('A.eth1 >', 'ARP, Reply')).toHaveCount(0);
    await expect(app.eventRow('A', 'STALE → DELAY (a packet uses the entry)')).toHaveCount(1);

    // The request's frame inspector: delivered to both ports, 42 bytes.
    await app.eventRow('B.eth0 >', request).click();
    await expect(page.locator('.frame-inspector')).toContainText('delivered to A.eth1, A.eth0');
    await expect(page.locator('.hex')).toContainText('0x0020:  0000 0000 0000 c0a8 6424');
    await app.screenshot('03-frame-light');
    await page.getByLabel('ARP only').uncheck();

    // B's neighbour table, as ip neigh shows it.
    await app.selectHost('B');
    await expect(page.locator('[data-neigh-table="B"]')).toContainText('192.168.100.36 dev eth0 lladdr 02:00:00:00:0a:00 REACHABLE');
    await app.screenshot('04-host-b-light');

    // arp_ignore=1 on A.eth0: A.eth0 ignores the request (.36 is on eth1), A.eth1 fails rp_filter.
    await app.selectHost('A');
    await app.setSysctl('net.ipv4.conf.eth0.arp_ignore', '1');
    await expect(page.getByTestId('changes')).toContainText('now fails');
    await app.runAction(0);
    await app.expectResult(0, 'fail');
    await expect(app.cardNeigh('B')).not.toContainText('REACHABLE');
    await app.screenshot('05-arp-ignore-host-a-light');

    // Why: the drop mark on A.eth1 names rp_filter on eth1.
    const mark = page.locator('[data-stop="A.eth1"]');
    await expect(mark).toHaveAttribute('data-rule', 'rp_filter');
    await mark.click();
    const eth1 = app.why().locator('[data-why-port="A.eth1"]');
    await expect(eth1.locator('[data-rule="rp_filter"][data-verdict="drop"]')).toContainText('rp_filter=1');
    await expect(eth1).toContainText('net.ipv4.conf.eth1.rp_filter');
    await expect(app.why().locator('[data-why-port="A.eth0"] [data-rule="arp_ignore"]')).toBeVisible();
    await app.screenshot('06-why-light');

    // 中文: the panel is translated.
    await app.setLang('zh');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(app.why().getByRole('heading', { name: '为什么？' })).toBeVisible();
    const zhDrop = eth1.locator('[data-rule="rp_filter"]');
    await expect(zhDrop).toContainText('反向路径过滤');
    await expect(zhDrop).toContainText('不应答对 192.168.100.36 的请求');
    await expect(zhDrop).toContainText('决定者');
    await expect(zhDrop).not.toContainText('does not answer');
    await app.screenshot('07-why-zh-light');

    // Step back and forth through the timeline.
    const before = await app.position().textContent();
    const cursorOf = (s: string | null) => Number(/第 (\d+)\//.exec(s ?? '')?.[1]);
    const n = cursorOf(before);
    await page.getByTestId('step-back').click();
    await expect(app.position()).toContainText(`第 ${n - 1}/`);
    await page.getByTestId('step-back').click();
    await expect(app.position()).toContainText(`第 ${n - 2}/`);
    await page.getByTestId('step-forward').click();
    await expect(app.position()).toContainText(`第 ${n - 1}/`);
    await page.getByTestId('step-forward').click();
    await expect(app.position()).toContainText(`第 ${n}/`);
  });

  test('keyboard: every control is reachable and the focus is visible', async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open();
    // Tab to the first host on the canvas and select it with Enter.
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Host A');
    }
    expect(found).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.host-card')!).strokeWidth);
    expect(parseFloat(outline)).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Host A' })).toBeVisible();
    // Space plays, "." and "," step; Escape clears the selection.
    await page.locator('body').press('Escape');
    await page.locator('body').press('.');
    await expect(app.position()).toContainText('event 1 of');
  });
});

test.describe('accessibility', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no serious or critical violation (${theme})`, async ({ page }) => {
      const app = new ArpLabPage(page);
      await app.open(`lang=en&speed=10&theme=${theme}`);
      expect(await app.seriousViolations()).toEqual([]);
      await app.runAction(0);
      await app.expectResult(0, 'ok');
      await app.selectHost('A');
      expect(await app.seriousViolations()).toEqual([]);
      await app.setSysctl('net.ipv4.conf.eth0.arp_ignore', '1');
      await app.runAction(0);
      await app.expectResult(0, 'fail');
      await page.locator('[data-stop="A.eth1"]').click();
      expect(await app.seriousViolations()).toEqual([]);
      await app.setLang('zh');
      expect(await app.seriousViolations()).toEqual([]);
      if (theme === 'dark') {
        await app.screenshot('08-why-zh-dark');
        await app.setLang('en');
        await app.screenshot('09-why-dark');
        await app.selectHost('B');
        await app.screenshot('10-host-b-dark');
        await page.getByTestId('step-back').click();
        await app.screenshot('11-step-dark');
      }
    });
  }
});

test.describe('browser preferences', () => {
  test.use({ locale: 'zh-CN', colorScheme: 'dark', reducedMotion: 'reduce' });
  test('follows the browser language, colour scheme and reduced motion', async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open('speed=10');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: '减少动画' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { name: '同一网段上的两块网卡（ARP flux，rp_filter=1）' })).toBeVisible();
    // Reduced motion: playback jumps from event to event, with the same outcome.
    await app.runAction(0);
    await app.expectResult(0, 'ok');
    await expect(app.cardNeigh('B')).toContainText('192.168.100.36 dev eth0 → A.eth0 REACHABLE');
    // The event list words a neighbour change's cause in the reader's language, not as its code.
    await expect(page.locator('.events')).toContainText('192.168.100.39 dev eth0 lladdr 02:00:00:00:0b:00 STALE → DELAY (有数据包要使用该表项)');
  });
});
