/**
 * LVS in the browser: the real servers' ARP problem end to end (who the router's cache
 * points at for the VIP, the why-panel's note on the VIP on lo, the one-click fix and its
 * undo). Screenshots in e2e/screenshots/lvs-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';
import { ArpLabPage } from './pages/ArpLabPage.ts';

const VIP = '10.0.0.100';
const link = (doc: unknown, query = 'lang=en&speed=10') => `/?${query}#s=1.${deflateRawSync(Buffer.from(JSON.stringify(doc))).toString('base64url')}`;

/** C — R — (D, RS1, RS2), the real servers without the fix: the VIP on lo only; C pings the VIP. */
const problem = {
  version: 1,
  title: 'The LVS-DR ARP problem',
  hosts: {
    C: { kind: 'client', interfaces: { eth0: { addresses: ['10.0.1.2/24'] } }, routes: ['default via 10.0.1.1'] },
    R: { kind: 'router', interfaces: { eth0: { addresses: ['10.0.1.1/24'] }, eth1: { addresses: ['10.0.0.1/24'] } }, sysctls: { 'net.ipv4.ip_forward': 1 } },
    D: { kind: 'director', interfaces: { eth0: { addresses: ['10.0.0.2/24', { cidr: `${VIP}/24`, label: 'eth0:0' }] } }, routes: ['default via 10.0.0.1'] },
    RS1: { kind: 'real-server', interfaces: { eth0: { addresses: ['10.0.0.11/24'] }, lo: { addresses: [{ cidr: `${VIP}/32`, label: 'lo:0' }] } }, routes: ['default via 10.0.0.1'] },
    RS2: { kind: 'real-server', interfaces: { eth0: { addresses: ['10.0.0.12/24'] }, lo: { addresses: [{ cidr: `${VIP}/32`, label: 'lo:0' }] } }, routes: ['default via 10.0.0.1'] },
  },
  segments: { wan: ['C.eth0', 'R.eth0'], lan: ['R.eth1', 'D.eth0', 'RS1.eth0', 'RS2.eth0'] },
  layout: { C: { x: 120, y: 300 }, wan: { x: 260, y: 300 }, R: { x: 400, y: 300 }, lan: { x: 560, y: 300 }, D: { x: 760, y: 120 }, RS1: { x: 760, y: 300 }, RS2: { x: 760, y: 480 } },
  actions: [{ type: 'ping', host: 'C', to: VIP, count: 1 }],
};

interface Bridge {
  __arplab: {
    finish(step?: number): void;
    settled(): Promise<void>;
    getState(): {
      timeline: { flights: { frameId: number; host: string; dev: string; kind: string; frame: { arp?: { tpa: string } } }[] };
      select(sel: unknown): void;
    };
  };
}

async function finish(page: Page) {
  await page.evaluate(async () => {
    const b = (window as unknown as Bridge).__arplab;
    await b.settled();
    b.finish();
  });
}

/** Selects the router's request for the VIP as it reached `host` (a click on its token there would). */
async function selectVipRequestAt(page: Page, host: string) {
  const found = await page.evaluate(([h, vip]) => {
    const s = (window as unknown as Bridge).__arplab.getState();
    const f = s.timeline.flights.find((x) => x.host === 'R' && x.kind === 'arp-request' && x.frame.arp?.tpa === vip);
    if (f) s.select({ kind: 'frame', frameId: f.frameId, at: { host: h, dev: 'eth0' } });
    return !!f;
  }, [host, VIP] as const);
  expect(found).toBe(true);
}

test.describe('LVS', () => {
  test('the ARP problem: a real server answers for the VIP (lo alone does nothing); one click fixes every real server, one undo breaks them again', async ({ page }) => {
    const app = new ArpLabPage(page);
    await page.goto(link(problem));
    const sw = page.getByRole('switch', { name: 'ARP fix on the real servers' });
    await expect(sw).toHaveAttribute('aria-checked', 'false');
    await finish(page);
    // The router's cache: the VIP at a real server's MAC.
    await expect(app.cardNeigh('R')).toContainText(VIP);
    await app.selectHost('R');
    await expect(page.locator('[data-neigh-table="R"] [data-ip="10.0.0.100"]')).toContainText('(RS2.eth0)');
    await selectVipRequestAt(page, 'RS2');
    const note = app.why().locator('[data-why-port="RS2.eth0"]').getByTestId('lo-note');
    await expect(note).toHaveAttribute('data-note', 'loAlone');
    await expect(note).toContainText('arp_ignore is read for eth0, the interface the request came in on — max(all=0, eth0=0) = 0');
    await app.screenshot('lvs-01-problem-why');

    // One click: the fix on both real servers, one history entry.
    await sw.click();
    await expect(sw).toHaveAttribute('aria-checked', 'true');
    await finish(page);
    await app.selectHost('R');
    await expect(page.locator('[data-neigh-table="R"] [data-ip="10.0.0.100"]')).toContainText('(D.eth0)');
    await app.selectHost('RS1');
    await page.getByRole('tab', { name: 'Configure' }).click();
    await expect(page.getByLabel('net.ipv4.conf.all.arp_ignore', { exact: true })).toHaveValue('1');
    await expect(page.getByLabel('net.ipv4.conf.all.arp_announce', { exact: true })).toHaveValue('2');
    await page.getByRole('tab', { name: 'State' }).click();
    await app.screenshot('lvs-02-fixed');

    // Keyboard: the switch toggles with Space; undo (Ctrl+Z) brings the problem back.
    await sw.focus();
    await page.keyboard.press('Space');
    await expect(sw).toHaveAttribute('aria-checked', 'false');
    await page.getByRole('button', { name: /Undo/ }).click();
    await expect(sw).toHaveAttribute('aria-checked', 'true');
    await page.getByRole('button', { name: /Undo/ }).click();
    await expect(sw).toHaveAttribute('aria-checked', 'false');

    // 中文
    await app.setLang('zh');
    await expect(page.getByRole('switch', { name: '真实服务器上的 ARP 修正' })).toBeVisible();
    await finish(page);
    await selectVipRequestAt(page, 'RS1');
    await expect(app.why().locator('[data-why-port="RS1.eth0"]').getByTestId('lo-note')).toContainText('arp_ignore 取的是请求到达的接口 eth0 的值');
    await app.screenshot('lvs-03-problem-zh');
    expect(await app.seriousViolations()).toEqual([]);
  });
});
