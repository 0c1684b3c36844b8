/**
 * The console in the browser: a classic LVS real-server script typed line by line into R1's
 * terminal (xterm.js), the client's cache for the VIP before and after it, as its own
 * terminal shows it; every line became one action (one undo step each). Screenshots of the
 * console in English and 简体中文, light and dark (e2e/screenshots/console-*.png).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ArpLabPage } from './pages/ArpLabPage.ts';

const LVS = JSON.parse(readFileSync('src/commands/__fixtures__/lvs-rs.json', 'utf8')) as unknown;

interface Bridge {
  __arplab: {
    loadScenario(json: unknown): { ok: boolean };
    settled(): Promise<void>;
    getState(): { scenario: { actions?: unknown[]; hosts: Record<string, { sysctls?: Record<string, number> }> }; past: unknown[]; undo(): void };
  };
}

async function load(page: Page, doc: unknown = LVS) {
  await page.evaluate(async (s) => {
    const w = window as unknown as Bridge;
    w.__arplab.loadScenario(s);
    await w.__arplab.settled();
  }, doc);
}

const screen = (page: Page, host: string) => page.getByTestId(`console-term-${host}`).locator('.xterm-rows');

/** Types a line into the focused terminal and waits for the next prompt after its output. */
async function typeLine(page: Page, host: string, line: string) {
  const before = await countPrompts(page, host);
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(() => countPrompts(page, host), { timeout: 15_000 }).toBeGreaterThan(before);
}

async function countPrompts(page: Page, host: string) {
  const text = await screen(page, host).innerText();
  return text.split('\n').filter((l) => l.startsWith(`${host}$`)).length;
}

const actions = (page: Page) => page.evaluate(() => (window as unknown as Bridge).__arplab.getState().scenario.actions?.length ?? 0);

test('an LVS real-server script typed into R1 moves the client\'s VIP entry back to the director', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open('lang=en&speed=10');
  await load(page);
  await app.selectHost('R1');
  await page.getByTestId('inspector-console').click();
  await expect(page.getByRole('tab', { name: 'R1$' })).toHaveAttribute('aria-selected', 'true');
  await expect(screen(page, 'R1')).toContainText('R1$');

  await typeLine(page, 'R1', 'ifconfig lo:0 192.168.100.200 netmask 255.255.255.255 up');
  await typeLine(page, 'R1', 'ip -4 addr show lo');
  await expect(screen(page, 'R1')).toContainText('inet 192.168.100.200/32 scope global lo:0');
  expect(await actions(page)).toBe(1);

  // The client, without the fix on R1: R1 answers for the VIP too, and its answer wins.
  await page.getByLabel('Open a console on another host').selectOption('C');
  await expect(page.getByRole('tab', { name: 'C$' })).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('console-term-C').click();
  await typeLine(page, 'C', 'ping -c 1 192.168.100.200');
  await typeLine(page, 'C', 'ip neigh show 192.168.100.200');
  await expect(screen(page, 'C')).toContainText('192.168.100.200 dev eth0 lladdr 02:00:00:00:0e:00 REACHABLE');

  // The real server's script, line by line, in R1's terminal.
  await page.getByRole('tab', { name: 'R1$' }).click();
  await page.getByTestId('console-term-R1').click();
  for (const line of [
    'echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore',
    'echo 2 > /proc/sys/net/ipv4/conf/lo/arp_announce',
    'echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore',
    'echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce',
    'route add -host 192.168.100.200 dev lo:0',
  ]) await typeLine(page, 'R1', line);
  await typeLine(page, 'R1', 'sysctl net.ipv4.conf.all.arp_ignore');
  await expect(screen(page, 'R1')).toContainText('net.ipv4.conf.all.arp_ignore = 1');
  expect(await actions(page)).toBe(7);

  // History and completion: ↑ recalls the last line; Tab completes a sysctl key.
  await page.keyboard.press('ArrowUp');
  await expect(screen(page, 'R1')).toContainText('R1$ sysctl net.ipv4.conf.all.arp_ignore');
  await page.keyboard.press('Control+c');
  await page.keyboard.type('cat /proc/sys/net/ipv4/conf/all/arp_ann');
  await page.keyboard.press('Tab');
  await expect(screen(page, 'R1')).toContainText('cat /proc/sys/net/ipv4/conf/all/arp_announce');
  await page.keyboard.press('Enter');
  await expect(screen(page, 'R1')).toContainText(/arp_announce\s*\n?2/);

  // The client again: its entry for the VIP now points at the director.
  await page.getByRole('tab', { name: 'C$' }).click();
  await page.getByTestId('console-term-C').click();
  await typeLine(page, 'C', 'ip neigh flush all; ping -c 1 192.168.100.200; ip neigh show 192.168.100.200');
  await expect(screen(page, 'C')).toContainText('192.168.100.200 dev eth0 lladdr 02:00:00:00:0d:00 REACHABLE');
  await app.screenshot('console-en-light');

  // Each command was one edit: one undo takes the last one back.
  const n = await actions(page);
  await page.evaluate(() => (window as unknown as Bridge).__arplab.getState().undo());
  expect(await actions(page)).toBe(n - 1);
});

test('the console in 简体中文 and dark, and "at start" writes the setup', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open('lang=zh&speed=10&theme=dark');
  await load(page);
  await app.selectHost('R1');
  await page.getByTestId('inspector-console').click();
  await expect(screen(page, 'R1')).toContainText('输入 help 查看命令');
  await page.getByLabel('开始时（初始配置）').check();
  await page.getByTestId('console-term-R1').click();
  await typeLine(page, 'R1', 'sysctl -w net.ipv4.conf.all.arp_ignore=1');
  await expect(screen(page, 'R1')).toContainText('net.ipv4.conf.all.arp_ignore = 1');
  const setup = await page.evaluate(() => (window as unknown as Bridge).__arplab.getState().scenario);
  expect(setup.hosts.R1.sysctls).toEqual({ 'net.ipv4.conf.all.arp_ignore': 1 });
  expect(setup.actions ?? []).toEqual([]);
  await typeLine(page, 'R1', 'ip -4 a; route -n');
  await typeLine(page, 'R1', 'foo');
  await expect(screen(page, 'R1')).toContainText('bash: foo: command not found');
  await app.screenshot('console-zh-dark');
  expect(await app.seriousViolations()).toEqual([]);
  await app.setTheme(false);
  await app.screenshot('console-zh-light');
  await app.setLang('en');
  await app.setTheme(true);
  await app.screenshot('console-en-dark');
});

test('paste a config: lo.arp_ignore alone changes nothing in the LVS-DR scenario, and the panel says why', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open('lang=en&speed=10');
  const dr = JSON.parse(readFileSync('src/examples/gallery/scenarios/lvs-dr.json', 'utf8')) as unknown;
  await load(page, dr);
  await app.selectHost('R1');
  await page.getByTestId('inspector-console').click();
  await page.getByRole('button', { name: 'Paste a config…' }).click();
  await page.getByLabel('Config text').fill('# a well-known balancer\'s fix\nnet.ipv4.conf.lo.arp_ignore = 1\necho 2 > /proc/sys/net/ipv4/conf/all/arp_announce\nfrobnicate');
  await page.getByRole('button', { name: 'Apply to R1' }).click();
  const marks = page.locator('.paste-marks li');
  await expect(marks.filter({ hasText: 'net.ipv4.conf.lo.arp_ignore = 1' })).toHaveAttribute('data-status', 'no-effect');
  await expect(marks.filter({ hasText: 'net.ipv4.conf.lo.arp_ignore = 1' })).toContainText(/arp_ignore is read on eth0 \(\d+ decisions\), never on lo: the value used is max\(all, eth0\)/);
  await expect(marks.filter({ hasText: 'frobnicate' })).toHaveAttribute('data-status', 'not-understood');
  const sysctls = await page.evaluate(() => (window as unknown as Bridge).__arplab.getState().scenario.hosts.R1.sysctls);
  expect(sysctls).toMatchObject({ 'net.ipv4.conf.lo.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2 });
  await app.screenshot('console-paste-en-light');
  expect(await app.seriousViolations()).toEqual([]);
  await app.setLang('zh');
  await app.setTheme(true);
  await expect(marks.first()).toContainText(/已跳过|在此场景中没有改变任何结果/);
  // The why, in Chinese too (the tools' own errors stay as they print them).
  await expect(marks.filter({ hasText: 'net.ipv4.conf.lo.arp_ignore = 1' })).toContainText(/arp_ignore 在 eth0（\d+ 个决策）\s?上被读取，从不在 lo 上读取：使用的值是 max\(all, eth0\)/);
  await marks.filter({ hasText: 'net.ipv4.conf.lo.arp_ignore = 1' }).scrollIntoViewIfNeeded();
  await app.screenshot('console-paste-zh-dark');
});

test('explain runs in a worker: the page stays responsive, its progress shows, and Ctrl+C stops it', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open('lang=en&speed=10');
  // The LVS fixture with 100 × ping -c 1000 -i 0 from the client: each of explain's five runs takes a second or more.
  const slow = { ...(LVS as Record<string, unknown>), actions: Array.from({ length: 100 }, () => ({ type: 'ping', host: 'C', to: '192.168.100.21', count: 1000, interval: 0 })) };
  await load(page, slow);
  await app.selectHost('R1');
  await page.getByTestId('inspector-console').click();
  await expect(screen(page, 'R1')).toContainText('R1$');
  const prompts = await countPrompts(page, 'R1');
  // Main-thread tasks from here on (the re-simulations must not be among them).
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  await page.keyboard.type('explain net.ipv4.conf.all.arp_ignore; sysctl -w net.ipv4.conf.all.arp_announce=2');
  await page.keyboard.press('Enter');
  // Two whole runs of the scenario (the base and one variant) pass before Ctrl+C.
  await expect(screen(page, 'R1')).toContainText(/re-simulating [3-5]\/5/, { timeout: 30_000 });
  await page.keyboard.press('Control+C');
  await expect(screen(page, 'R1')).toContainText('^C');
  await expect.poll(() => countPrompts(page, 'R1')).toBeGreaterThan(prompts);
  await expect(screen(page, 'R1')).not.toContainText('re-simulated');
  // The rest of the line did not run either.
  expect(await actions(page)).toBe(100);
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  expect(Math.max(0, ...long), `main-thread tasks: ${JSON.stringify(long)}`).toBeLessThan(200);

  // Without Ctrl+C the explanation arrives, as `npm run -s console` prints it.
  await typeLine(page, 'R1', 'explain net.ipv4.conf.eth0.arp_announce');
  await expect(screen(page, 'R1')).toContainText('re-simulated 2 times', { timeout: 30_000 });
  await app.screenshot('console-explain-en-light');
});
