/**
 * The command form re-checks its options when the host or the command changes, adds through
 * the checked dispatch, and starts on the selected host. The flow, in the trainer's
 * LVS topology. Screenshot: e2e/screenshots/forms-*.png.
 */
import { expect, test } from '@playwright/test';
import { LVS_TRAINER } from '../src/scenario/fixtures/lvsTrainer.ts';
import { ArpLabPage } from './pages/ArpLabPage.ts';

interface FormWindow {
  __arplab: { loadScenario(json: unknown): { ok: boolean }; getState(): { scenario: { actions?: Record<string, unknown>[] } } };
}

test('arping -I eth1 on R1, then ping on C1: -I is cleared, the added action has no -I; "On host" follows the selection', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open();
  const valid = { ...LVS_TRAINER, actions: [LVS_TRAINER.actions[0]] };
  expect(await page.evaluate((s) => (window as unknown as FormWindow).__arplab.loadScenario(s).ok, valid)).toBe(true);
  const form = page.locator('form.action-form');
  const onHost = form.getByLabel('On host');

  // Selecting a host on the canvas makes it the form's host (not the last host added).
  await app.selectHost('R1');
  await expect(onHost).toHaveValue('R1');
  await form.getByLabel('Command').selectOption('arping');
  await form.getByLabel('-I').selectOption('eth1');
  await form.getByLabel('Target address').fill('192.168.100.200');

  await form.getByLabel('Command').selectOption('ping');
  await expect(form.getByLabel('-I')).toHaveValue('eth1');
  await form.getByLabel('Destination').fill('192.168.100.200');
  await onHost.selectOption('C1');
  // C1 has no eth1: the option is gone and so is the choice.
  await expect(form.getByLabel('-I')).toHaveValue('');
  await expect(form.getByLabel('-I').locator('option')).toHaveText(['(route decides)', 'eth0']);
  await page.screenshot({ path: 'e2e/screenshots/forms-01-cleared.png' });
  // Once picked in the form, the host stays when the selection changes.
  await app.selectHost('D');
  await expect(onHost).toHaveValue('C1');

  await form.getByRole('button', { name: 'Add and run' }).click();
  await expect(page.locator('[data-action]')).toHaveCount(2);
  const added = await page.evaluate(() => (window as unknown as FormWindow).__arplab.getState().scenario.actions?.[1]);
  expect(added).toEqual({ type: 'ping', host: 'C1', to: '192.168.100.200' });

  // Back to arping on R1: -I must be chosen again; without it the form says so and adds nothing.
  await form.getByLabel('Command').selectOption('arping');
  await onHost.selectOption('R1');
  await form.getByRole('button', { name: 'Add and run' }).click();
  await expect(form.getByRole('alert')).toContainText('arping needs an interface (-I).');
  await expect(page.locator('[data-action]')).toHaveCount(2);

  // Reload: everything is valid, nothing is left out.
  await page.reload();
  await expect(page.locator('[data-action]')).toHaveCount(2);
  await expect(page.locator('[data-key="storage.partial"]')).toHaveCount(0);
});

test('an action without form fields (sysctl) is edited as its command line: a bad line shows the tool\'s error, a good one is saved with its other fields', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open('lang=en');
  const doc = {
    ...LVS_TRAINER,
    actions: [{ type: 'sysctl', host: 'R1', set: { 'net.ipv4.conf.all.arp_ignore': 1 }, note: 'the fix' }, LVS_TRAINER.actions[0]],
  };
  expect(await page.evaluate((s) => (window as unknown as FormWindow).__arplab.loadScenario(s).ok, doc)).toBe(true);
  await page.getByRole('button', { name: 'Edit action 1' }).click();
  const form = page.locator('form.action-form');
  await expect(form.getByRole('heading', { name: 'Edit action 1' })).toBeVisible();
  const line = form.getByLabel('Command line');
  await expect(line).toHaveValue('R1$ sysctl -w net.ipv4.conf.all.arp_ignore=1');
  // ✎ puts the keyboard in the line.
  await expect(line).toBeFocused();
  await line.fill('R1$ sysctl -w net.ipv4.conf.all.arp_bogus=1');
  await line.press('Enter');
  await expect(form.getByRole('alert').or(form.locator('.issues'))).toContainText(/arp_bogus/);
  // Nothing changed.
  expect(await page.evaluate(() => (window as unknown as FormWindow).__arplab.getState().scenario.actions?.[0])).toMatchObject({ set: { 'net.ipv4.conf.all.arp_ignore': 1 } });
  await page.screenshot({ path: 'e2e/screenshots/forms-03-line-error.png' });
  await line.fill('R1$ sysctl -w net.ipv4.conf.all.arp_ignore=2 net.ipv4.conf.all.arp_announce=2');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('heading', { name: 'Run a command' })).toBeVisible();
  const saved = await page.evaluate(() => (window as unknown as FormWindow).__arplab.getState().scenario.actions?.[0]);
  expect(saved).toEqual({ type: 'sysctl', host: 'R1', set: { 'net.ipv4.conf.all.arp_ignore': 2, 'net.ipv4.conf.all.arp_announce': 2 }, note: 'the fix' });
  await expect(page.locator('[data-action="0"] .action-cmd')).toHaveText('R1$ sysctl -w net.ipv4.conf.all.arp_ignore=2 net.ipv4.conf.all.arp_announce=2');
  // In Chinese too.
  await app.setLang('zh');
  await page.getByRole('button', { name: '编辑第 1 个动作' }).click();
  await expect(form.getByLabel('命令行')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/forms-04-line-zh.png' });
});

test('packit -t ARP has a form: a reply to broadcast added field by field, a wrong MAC named, edited through ✎ in the same form (and in Chinese)', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open('lang=en');
  const valid = { ...LVS_TRAINER, actions: [LVS_TRAINER.actions[0]] };
  expect(await page.evaluate((s) => (window as unknown as FormWindow).__arplab.loadScenario(s).ok, valid)).toBe(true);
  const form = page.locator('form.action-form');
  await app.selectHost('RS1');
  await form.getByLabel('Command').selectOption('packit_arp');
  // packit's defaults as a new form shows them: a request, one frame, an interface to choose.
  await expect(form.getByLabel('-A ARP operation')).toHaveValue('1');
  await expect(form.getByLabel('-c')).toHaveValue('1');
  await expect(form.getByLabel('-i')).toHaveValue('');
  await form.getByLabel('-A ARP operation').selectOption('2');
  await form.getByLabel('-x sender IP').fill('192.168.100.200');
  await form.getByLabel('-y target IP').fill('192.168.100.200');
  await form.getByLabel('-Y target MAC').fill('FF:FF:FF:FF:FF:FF');
  await form.getByLabel('-e Ethernet source').fill('02:00:00:00:0a');
  await form.getByRole('button', { name: 'Add and run' }).click();
  // No interface yet: packit's own message; then the short MAC.
  await expect(form.getByRole('alert')).toHaveText('packit needs an interface (-i).');
  await form.getByLabel('-i').selectOption('eth0');
  await form.getByRole('button', { name: 'Add and run' }).click();
  await expect(form.getByRole('alert')).toHaveText('The Ethernet source (-e) must be a MAC address like 02:00:00:00:0a:00, or empty.');
  await expect(form.getByLabel('-e Ethernet source')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[data-action]')).toHaveCount(1);
  await form.getByLabel('-e Ethernet source').fill('');
  await page.screenshot({ path: 'e2e/screenshots/forms-05-packit.png' });
  await form.getByRole('button', { name: 'Add and run' }).click();
  await expect(page.locator('[data-action]')).toHaveCount(2);
  const added = await page.evaluate(() => (window as unknown as FormWindow).__arplab.getState().scenario.actions?.[1]);
  expect(added).toEqual({ type: 'packit_arp', host: 'RS1', op: 2, spa: '192.168.100.200', tpa: '192.168.100.200', tha: 'ff:ff:ff:ff:ff:ff', iface: 'eth0', count: 1 });
  await expect(page.locator('[data-action="1"] .action-cmd')).toHaveText('RS1$ packit -t ARP -A 2 -x 192.168.100.200 -y 192.168.100.200 -Y ff:ff:ff:ff:ff:ff -i eth0 -c 1');

  // ✎ opens the same form (not the line), filled with the action; a request to D's MAC, twice.
  await page.getByRole('button', { name: 'Edit action 2' }).click();
  await expect(form.getByRole('heading', { name: 'Edit action 2' })).toBeVisible();
  await expect(form.getByLabel('Command line')).toHaveCount(0);
  await expect(form.getByLabel('-A ARP operation')).toHaveValue('2');
  await expect(form.getByLabel('-Y target MAC')).toHaveValue('ff:ff:ff:ff:ff:ff');
  await expect(form.getByLabel('-i')).toHaveValue('eth0');
  await form.getByLabel('-A ARP operation').selectOption('1');
  await form.getByLabel('-Y target MAC').fill('');
  await form.getByLabel('-E Ethernet destination').fill('02:00:00:00:00:0B');
  await form.getByLabel('-c').fill('2');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('heading', { name: 'Run a command' })).toBeVisible();
  const saved = await page.evaluate(() => (window as unknown as FormWindow).__arplab.getState().scenario.actions?.[1]);
  expect(saved).toEqual({ type: 'packit_arp', host: 'RS1', op: 1, spa: '192.168.100.200', tpa: '192.168.100.200', ethDst: '02:00:00:00:00:0b', iface: 'eth0', count: 2 });
  await expect(page.locator('[data-action="1"] .action-cmd')).toHaveText('RS1$ packit -t ARP -A 1 -x 192.168.100.200 -y 192.168.100.200 -E 02:00:00:00:00:0b -i eth0 -c 2');

  await app.setLang('zh');
  await page.getByRole('button', { name: '编辑第 2 个动作' }).click();
  await expect(form.getByLabel('-A ARP 操作')).toHaveValue('1');
  await expect(form.getByLabel('-E 以太网目的地址')).toHaveValue('02:00:00:00:00:0b');
  await expect(form.getByLabel('-X 发送方 MAC')).toHaveAttribute('placeholder', '（全零）');
  await page.screenshot({ path: 'e2e/screenshots/forms-06-packit-zh.png' });
});
