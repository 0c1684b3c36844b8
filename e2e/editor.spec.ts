/**
 * The topology editor, mouse only: build the article's two-NIC experiment from an empty
 * canvas, get the built-in scenario's outcome, undo it all and redo it, find it again after
 * a reload, and survive a poisoned autosave. Screenshots in e2e/screenshots/editor-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { linkVersion } from './pages/linkVersion.ts';
import { deflateRawSync } from 'node:zlib';
import { ArpLabPage } from './pages/ArpLabPage.ts';
import { EditorPage } from './pages/EditorPage.ts';

const RP = ['all', 'default', 'lo'];

async function buildTwoNic(page: Page, ed: EditorPage, shots: boolean) {
  // New: the example is untouched, so no confirmation.
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.locator('svg.canvas [data-host]')).toHaveCount(0);
  if (shots) await ed.screenshot('editor-01-palette');

  // Palette → canvas: two switches and two hosts.
  await ed.addFromPalette('switch', 0.5, 0.55, shots ? () => ed.screenshot('editor-02-palette-drag') : undefined);
  await expect(ed.segment('sw1')).toBeVisible();
  await ed.addFromPalette('switch', 0.84, 0.2);
  await ed.addFromPalette('host', 0.42, 0.18);
  await ed.addFromPalette('host', 0.5, 0.8);
  await expect(ed.host('H1')).toBeVisible();
  await expect(ed.host('H2')).toBeVisible();

  // Names, in the Configure tab: renaming updates everything that names the node.
  await ed.hostBody('H1').click();
  await ed.configureTab();
  await page.getByTestId('host-name').fill('A');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(ed.host('A')).toBeVisible();
  await ed.hostBody('H2').click();
  await page.getByTestId('host-name').fill('B');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(ed.host('B')).toBeVisible();
  for (const [from, to] of [['sw1', 'lan'], ['sw2', 'net172']]) {
    await ed.segment(from).click();
    await page.getByTestId('segment-name').fill(to);
    await page.getByRole('button', { name: 'Rename' }).click();
    await expect(ed.segment(to)).toBeVisible();
  }

  // Links: A twice to the LAN (eth0, eth1), A to the second switch (eth2), B to the LAN.
  await ed.link('A', ed.segment('lan'), shots ? () => ed.screenshot('editor-03-link-drag') : undefined);
  await expect(ed.port('A.eth0')).toBeVisible();
  await ed.link('A', ed.segment('lan'));
  await expect(ed.port('A.eth1')).toBeVisible();
  await ed.link('A', ed.segment('net172'));
  await expect(ed.port('A.eth2')).toBeVisible();
  await ed.link('B', ed.segment('lan'));
  await expect(ed.port('B.eth0')).toBeVisible();
  await page.locator('[data-segment="lan"]').click();
  await expect(page.getByTestId('segment-editor')).toContainText('A.eth0');
  await expect(page.locator('.seg-ports li')).toHaveText([/A\.eth0/, /A\.eth1/, /B\.eth0/]);

  // A: addresses (noprefixroute), routes with metrics, rp_filter=1 everywhere.
  await ed.hostBody('A').click();
  await ed.addAddress('A.eth0', '192.168.100.17/24', { noprefixroute: true });
  await ed.addAddress('A.eth1', '192.168.100.36/24', { noprefixroute: true });
  await ed.addAddress('A.eth2', '172.16.10.10/16', { noprefixroute: true });
  await ed.addRoute({ dest: '192.168.100.0/24', dev: 'eth0', metric: '0' });
  await ed.addRoute({ dest: '192.168.100.0/24', dev: 'eth1', metric: '101' });
  await ed.addRoute({ dest: '172.16.0.0/16', dev: 'eth2', metric: '100' });
  await expect(page.locator('[data-route-edit]')).toHaveCount(4);

  // Invalid values are refused with the validator's message; the form keeps them.
  await ed.addRoute({ dest: 'default', via: '10.9.9.1' });
  const routeErr = ed.newRoute().getByTestId('edit-issues');
  await expect(routeErr).toContainText('gateway 10.9.9.1 is not on a directly connected subnet');
  await expect(ed.newRoute().getByLabel('New route: gateway')).toHaveValue('10.9.9.1');
  const badAddr = ed.iface('A.eth0').locator('[data-address="new"]');
  await badAddr.getByRole('textbox', { name: /^Address of/ }).fill('192.168.100.300/24');
  await badAddr.getByRole('button').click();
  await expect(badAddr.getByTestId('edit-issues')).toContainText('is not an address with a prefix length');
  await ed.iface('A.eth1').getByRole('textbox', { name: 'MAC address of A.eth1' }).fill(await macOf(ed, 'A.eth0'));
  await ed.iface('A.eth1').getByRole('button', { name: 'Apply name and MAC of A.eth1' }).click();
  await expect(ed.iface('A.eth1').getByTestId('edit-issues')).toContainText('every interface needs its own MAC');
  if (shots) {
    await ed.iface('A.eth0').scrollIntoViewIfNeeded();
    await ed.screenshot('editor-04-errors');
    await ed.newRoute().scrollIntoViewIfNeeded();
    await ed.screenshot('editor-04b-route-error');
  }
  // Nothing of that was applied: the scenario still simulates, and the port keeps its MAC.
  await expect(ed.port('A.eth1')).not.toContainText(await macOf(ed, 'A.eth0'));
  await badAddr.getByRole('textbox', { name: /^Address of/ }).fill('');
  await ed.newRoute().getByLabel('New route: destination').fill('');
  await ed.newRoute().getByLabel('New route: gateway').fill('');

  for (const scope of [...RP, 'eth0', 'eth1', 'eth2']) await ed.setSysctl(`net.ipv4.conf.${scope}.rp_filter`, '1');
  if (shots) {
    await ed.iface('A.eth0').scrollIntoViewIfNeeded();
    await ed.screenshot('editor-05-configure');
  }

  // B: its address and rp_filter=1.
  await ed.hostBody('B').click();
  await ed.addAddress('B.eth0', '192.168.100.39/24');
  for (const scope of [...RP, 'eth0']) await ed.setSysctl(`net.ipv4.conf.${scope}.rp_filter`, '1');
}

async function macOf(ed: EditorPage, port: string): Promise<string> {
  const text = await ed.port(port).locator('.port-mac').textContent();
  expect(text).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
  return text as string;
}

/** B's ping of .36: as in the built-in scenario, only A.eth0 answers and B caches .36 → A.eth0's MAC. */
async function expectTwoNicOutcome(page: Page, app: ArpLabPage, ed: EditorPage) {
  await app.expectResult(0, 'ok');
  const mac = await macOf(ed, 'A.eth0');
  await expect(app.cardNeigh('B')).toContainText('192.168.100.36 dev eth0 → A.eth0 REACHABLE');
  await page.getByLabel('ARP only').check();
  await expect(app.eventRow('A.eth0 <', 'Request who-has 192.168.100.36 tell 192.168.100.39')).toHaveCount(1);
  await expect(app.eventRow('A.eth1 <', 'Request who-has 192.168.100.36 tell 192.168.100.39')).toHaveCount(1);
  await expect(app.eventRow('A.eth0 >', `Reply 192.168.100.36 is-at ${mac}`)).toHaveCount(1);
  await expect(app.eventRow('A.eth1 >', 'Reply')).toHaveCount(0);
  await page.getByLabel('ARP only').uncheck();
  await ed.hostBody('B').click();
  await page.getByRole('tab', { name: 'State' }).click();
  await expect(page.locator('[data-neigh-table="B"]')).toContainText(`192.168.100.36 dev eth0 lladdr ${mac} REACHABLE`);
  await ed.configureTab();
  return mac;
}

test.describe('topology editor', () => {
  test('build the two-NIC experiment by mouse, same outcome as the built-in scenario; undo all, redo all, reload, poisoned autosave', async ({ page }) => {
    test.setTimeout(180_000);
    const app = new ArpLabPage(page);
    const ed = new EditorPage(page);
    await app.open();
    await buildTwoNic(page, ed, true);

    // Run B's ping .36 from the command form.
    await page.getByRole('combobox', { name: 'On host' }).selectOption('B');
    await page.getByRole('textbox', { name: 'Destination', exact: true }).fill('192.168.100.36');
    await page.getByRole('button', { name: 'Add and run' }).click();
    const mac = await expectTwoNicOutcome(page, app, ed);
    await ed.screenshot('editor-06-outcome');

    // Undo everything back to the empty canvas, then redo it all.
    let undos = 0;
    while ((await ed.nodeCount()) > 0) {
      await ed.undo().click();
      undos++;
      expect(undos).toBeLessThan(120);
    }
    await expect(page.locator('svg.canvas [data-port]')).toHaveCount(0);
    await expect(page.getByText('No actions yet')).toBeVisible();
    for (let i = 0; i < undos; i++) await ed.redo().click();
    await expect(ed.redo()).toBeDisabled();
    await expect(ed.host('A')).toBeVisible();
    expect(await macOf(ed, 'A.eth0')).toBe(mac);
    await app.runAction(0);
    await expectTwoNicOutcome(page, app, ed);

    // Reload: the autosaved topology is back, with a notice saying so.
    await page.reload();
    await expect(ed.host('A')).toBeVisible();
    await expect(page.getByTestId('edit-notice')).toContainText('Restored your topology');
    for (const p of ['A.eth0', 'A.eth1', 'A.eth2', 'B.eth0']) await expect(ed.port(p)).toBeVisible();
    expect(await macOf(ed, 'A.eth0')).toBe(mac);
    await app.runAction(0);
    await expectTwoNicOutcome(page, app, ed);

    // Poison the stored value: the app starts (with the example), says what happened, keeps the value aside.
    const poison = '{"app":"arplab-autosave","scenario":{"hosts":{"A":';
    await page.evaluate((v) => localStorage.setItem('arplab.scenario', v), poison);
    await page.reload();
    await expect(ed.host('A')).toBeVisible();
    await expect(ed.port('A.eth0')).toContainText('02:00:00:00:0a:00');
    const notice = page.getByTestId('edit-notice');
    await expect(notice).toContainText('could not be read');
    await expect(notice).toContainText('Nothing was deleted');
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('arplab.scenario.corrupt.')));
    expect(kept).toHaveLength(1);
    await expect(notice).toContainText(kept[0]);
    expect(await page.evaluate((k) => localStorage.getItem(k), kept[0])).toBe(poison);
    expect(await page.evaluate(() => localStorage.getItem('arplab.scenario'))).toBeNull();
    await ed.screenshot('editor-07-poisoned');
    // A foreign value is set aside the same way, and the earlier one is still there.
    await page.evaluate(() => localStorage.setItem('arplab.scenario', '["not ours"]'));
    await page.reload();
    await expect(page.getByTestId('edit-notice')).toContainText('not written by ARP Lab');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('arplab.scenario.corrupt.')).length)).toBe(2);
  });

  test('delete shows what goes with it; multi-select, duplicate, list view, keyboard, 中文', async ({ page }) => {
    const app = new ArpLabPage(page);
    const ed = new EditorPage(page);
    await app.open();

    // Delete B (the example): its cable to lan and the two pings that name it go too.
    await ed.hostBody('B').click();
    await page.keyboard.press('Delete');
    const dialog = page.getByTestId('edit-confirm');
    await expect(dialog).toContainText('Delete B?');
    await expect(dialog).toContainText('B.eth0: its cable to lan');
    await expect(dialog).toContainText('action 1: B$ ping -c 1 -W 1 192.168.100.36');
    await ed.screenshot('editor-08-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(ed.host('B')).toHaveCount(0);
    await expect(page.getByText('No actions yet')).toBeVisible();
    // Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo.
    await page.keyboard.press('Control+z');
    await expect(ed.host('B')).toBeVisible();
    await page.keyboard.press('Control+y');
    await expect(ed.host('B')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+Shift+z');
    await expect(ed.host('B')).toHaveCount(0);
    await ed.undo().click();
    await expect(ed.host('B')).toBeVisible();
    await expect(app.action(1)).toBeVisible();

    // Arrow keys nudge the focused node (Shift: five times further), one undo step each.
    const layoutB = () => page.evaluate(() => (window as unknown as { __arplab: { getState(): { scenario: { layout: Record<string, { x: number; y: number }> } } } }).__arplab.getState().scenario.layout.B);
    const b0 = await layoutB();
    await ed.hostBody('B').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(layoutB).toEqual({ x: b0.x, y: b0.y + 10 });
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(layoutB).toEqual({ x: b0.x + 50, y: b0.y + 10 });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(layoutB).toEqual(b0);

    // Shift-click selects several; dragging one moves both as one undo step.
    await ed.hostBody('A').click();
    await ed.hostBody('B').click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('selection-bar')).toContainText('2 selected');
    const before = await ed.center(ed.hostBody('A'));
    const beforeB = await ed.center(ed.hostBody('B'));
    const pastBefore = await page.evaluate(() => (window as unknown as { __arplab: { getState(): { past: unknown[] } } }).__arplab.getState().past.length);
    await ed.drag({ x: before.x - 60, y: before.y + 20 }, { x: before.x - 20, y: before.y + 60 });
    const after = await ed.center(ed.hostBody('A'));
    const afterB = await ed.center(ed.hostBody('B'));
    expect(Math.round(after.x - before.x)).toBe(Math.round(afterB.x - beforeB.x));
    expect(after.y - before.y).toBeGreaterThan(20);
    expect(await page.evaluate(() => (window as unknown as { __arplab: { getState(): { past: unknown[] } } }).__arplab.getState().past.length)).toBe(pastBefore + 1);

    // Rubber band (Shift + drag on the background) selects what it encloses.
    await page.locator('svg.canvas').click({ position: { x: 120, y: 20 } });
    const lan = await ed.center(ed.segment('lan'));
    await page.keyboard.down('Shift');
    await ed.drag({ x: lan.x - 110, y: lan.y - 30 }, { x: lan.x + 110, y: lan.y + 30 });
    await page.keyboard.up('Shift');
    await expect(page.getByRole('button', { name: /^Segment lan/ })).toHaveAttribute('aria-pressed', 'true');

    // Duplicate B: B2 on the same switch, with a new MAC and the next address.
    await ed.hostBody('B').click();
    await ed.configureTab();
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await expect(ed.port('B2.eth0')).toContainText('192.168.100.40/24');
    await expect(ed.port('B2.eth0')).not.toContainText('02:00:00:00:0b:00');

    // Escape cancels a link drag.
    await ed.link('B2', ed.segment('net172'), async () => {
      await expect(page.getByTestId('link-preview')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('link-preview')).toHaveCount(0);
    });
    await expect(page.locator('[data-segment="net172"]')).toHaveAttribute('aria-label', /1 ports/);

    // An interface already on a switch cannot be put on a second one: the validator says why.
    await ed.drag(await ed.center(ed.port('B2.eth0').locator('.port-box')), await ed.center(ed.segment('net172')));
    await expect(page.getByTestId('edit-notice')).toContainText('already attached to segment "lan"');

    // The list view (Shift+W) lists hosts, interfaces and switches.
    await page.locator('body').press('Shift+W');
    const list = page.getByTestId('topology-list');
    await expect(list).toContainText('B2 (host)');
    await expect(list).toContainText('lan: A.eth0, A.eth1, B.eth0, B2.eth0');
    await ed.screenshot('editor-09-list-view');
    await list.getByRole('button', { name: 'Close' }).click();

    // 中文
    await app.setLang('zh');
    await expect(page.getByRole('tab', { name: '配置' })).toBeVisible();
    await expect(page.getByTestId('palette')).toContainText('真实服务器');
    const addr = ed.iface('B2.eth0').locator('[data-address="new"]');
    await addr.getByRole('textbox').first().fill('10.0.0.300/8');
    await addr.getByRole('button').click();
    await expect(addr.getByTestId('edit-issues')).toContainText('不是带前缀长度的地址');
    await ed.screenshot('editor-10-zh');
    expect(await app.seriousViolations()).toEqual([]);
  });

  test('a share link wins over the autosaved work on screen, but does not overwrite it until the user edits', async ({ page }) => {
    const ed = new EditorPage(page);
    await page.goto('/?lang=en&speed=10');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await ed.addFromPalette('real-server', 0.5, 0.4);
    await expect(ed.host('RS1')).toBeVisible();
    const saved = () => page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('arplab.scenario') ?? '{}').scenario?.hosts ?? {}));
    expect(await saved()).toEqual(['RS1']);
    const link = { version: 1, title: 'From a link', hosts: { L1: { interfaces: { eth0: { addresses: ['10.0.0.1/24'] } } } } };
    await page.goto(`/?lang=en#s=${linkVersion(link)}.${deflateRawSync(Buffer.from(JSON.stringify(link))).toString('base64url')}`);
    await expect(ed.host('L1')).toBeVisible();
    await expect(ed.host('RS1')).toHaveCount(0);
    expect(await saved()).toEqual(['RS1']);
    // The first edit saves (the link's scenario, edited).
    await ed.paletteItem('switch').click();
    await expect(ed.segment('sw1')).toBeVisible();
    expect(await saved()).toEqual(['L1']);
    // Undo brings back what was on screen before the link; that is saved too.
    await ed.undo().click();
    await ed.undo().click();
    await expect(ed.host('RS1')).toBeVisible();
    expect(await saved()).toEqual(['RS1']);
  });

  test('LVS roles from the palette, with their defaults', async ({ page }) => {
    const app = new ArpLabPage(page);
    const ed = new EditorPage(page);
    await app.open('lang=en&speed=10&theme=dark');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await ed.addFromPalette('switch', 0.5, 0.5);
    await ed.addFromPalette('director', 0.35, 0.2);
    await ed.addFromPalette('real-server', 0.65, 0.2);
    await ed.addFromPalette('client', 0.5, 0.85);
    await ed.addFromPalette('router', 0.85, 0.85);
    for (const n of ['DR1', 'RS1', 'C1']) await ed.link(n, ed.segment('sw1'));
    await expect(ed.port('DR1.eth0')).toContainText('192.168.100.200/32');
    await expect(ed.host('RS1')).toContainText('lo 192.168.100.200/32');
    await ed.hostBody('RS1').click();
    await ed.configureTab();
    await expect(page.getByLabel('net.ipv4.conf.all.arp_ignore', { exact: true })).toHaveValue('1');
    await expect(page.getByLabel('net.ipv4.conf.all.arp_announce', { exact: true })).toHaveValue('2');
    await expect(page.locator('[data-sysctl-edit="net.ipv4.conf.all.arp_ignore"]')).toBeVisible();
    await ed.hostBody('R1').click();
    await expect(page.locator('[data-sysctl-edit="net.ipv4.ip_forward"]')).toBeVisible();
    // Auto-layout: d3-force, one undo step.
    const past = () => page.evaluate(() => (window as unknown as { __arplab: { getState(): { past: unknown[] } } }).__arplab.getState().past.length);
    const n = await past();
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    // d3-force loads on first use, so the layout commits a moment after the click.
    await expect.poll(past).toBe(n + 1);
    await page.getByRole('button', { name: 'Fit' }).click();
    await ed.screenshot('editor-11-lvs-dark');
    expect(await app.seriousViolations()).toEqual([]);
  });
});
