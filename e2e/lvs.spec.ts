/**
 * LVS in the browser: the real servers' ARP problem end to end (who the router's cache
 * points at for the VIP, the why-panel's note on the VIP on lo, the one-click fix and its
 * undo). Screenshots in e2e/screenshots/lvs-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { linkVersion } from './pages/linkVersion.ts';
import { deflateRawSync } from 'node:zlib';
import { ArpLabPage } from './pages/ArpLabPage.ts';
import { EditorPage } from './pages/EditorPage.ts';

const VIP = '10.0.0.100';
const link = (doc: unknown, query = 'lang=en&speed=10') => `/?${query}#s=${linkVersion(doc)}.${deflateRawSync(Buffer.from(JSON.stringify(doc))).toString('base64url')}`;

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

  test('a DR cluster built with the mouse: the connections bypass the director until one click applies the ARP fix, then every one goes through it', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new ArpLabPage(page);
    const ed = new EditorPage(page);
    await page.goto('/?lang=en&speed=10');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    // A client, a director and two real servers without the fix, on one switch.
    await ed.addFromPalette('switch', 0.45, 0.55);
    await ed.addFromPalette('client', 0.15, 0.55);
    await ed.addFromPalette('director', 0.45, 0.18);
    await ed.addFromPalette('real-server-nofix', 0.78, 0.3);
    await ed.addFromPalette('real-server-nofix', 0.78, 0.8);
    for (const n of ['C1', 'DR1', 'RS1', 'RS2']) await ed.link(n, ed.segment('sw1'));
    await expect(ed.port('RS2.eth0')).toBeVisible();
    // The VIP the palette gave the director (eth0:0).
    const vip = await page.evaluate(() => {
      const h = (window as unknown as { __arplab: { getState(): { scenario: { hosts: Record<string, { interfaces?: Record<string, { addresses?: ({ cidr: string } | string)[] }> }> } } } }).__arplab.getState().scenario.hosts.DR1;
      const a = h.interfaces?.eth0.addresses?.[0];
      return (typeof a === 'string' ? a : a?.cidr)?.split('/')[0];
    });
    expect(vip).toBeTruthy();
    const addrs: Record<string, string> = { C1: '192.168.100.10', DR1: '192.168.100.2', RS1: '192.168.100.11', RS2: '192.168.100.12' };
    for (const [h, a] of Object.entries(addrs)) {
      await ed.hostBody(h).click();
      await ed.configureTab();
      await ed.addAddress(`${h}.eth0`, `${a}/24`);
    }
    // The director's service: VIP:80, rr, both real servers (DR).
    await ed.hostBody('DR1').click();
    const ipvs = page.getByTestId('ipvs-editor');
    await ipvs.getByLabel('VIP of the new service').fill(vip!);
    await ipvs.getByLabel('Scheduler of the new service').selectOption('rr');
    await ipvs.getByRole('button', { name: 'Add service' }).click();
    await expect(ipvs).toContainText(`ipvsadm -A -t ${vip}:80 -s rr`);
    for (const rs of ['RS1', 'RS2']) {
      await ipvs.getByLabel('Address of a new real server of service 1').fill(addrs[rs]);
      await ipvs.getByRole('button', { name: 'Add real server' }).click();
      await expect(ipvs.locator(`[data-ipvs-dest="${addrs[rs]}"]`)).toBeVisible();
    }
    // A web server on each real server.
    for (const rs of ['RS1', 'RS2']) {
      await ed.hostBody(rs).click();
      const listen = page.getByTestId('listen-editor');
      await listen.getByRole('button', { name: 'Listen' }).click();
      await expect(listen).toContainText('tcp 0.0.0.0:80');
    }
    // The client opens four connections to the VIP (the command form).
    const form = page.getByRole('form', { name: 'Run a command' });
    await form.getByRole('combobox', { name: 'Command' }).selectOption('connect');
    await form.getByRole('combobox', { name: 'On host' }).selectOption('C1');
    await form.getByLabel('Service (VIP:port)').fill(`${vip}:80`);
    await form.getByLabel('Connections').fill('4');
    await form.getByLabel('Interval (s)').fill('0.5');
    await form.getByRole('button', { name: 'Add and run' }).click();
    await finish(page);
    // Bypassed: the client's cache took a real server's MAC for the VIP; the director saw nothing.
    const bar = page.getByTestId('lvs-bar');
    await expect(bar.getByRole('status')).toHaveAttribute('data-bypassed', '4');
    await page.keyboard.press('Escape');
    await page.locator('svg.canvas').click({ position: { x: 5, y: 5 } });
    const conns = page.getByTestId('connections');
    await expect(conns.locator('[data-conn]')).toHaveCount(4);
    await expect(conns.locator('[data-conn][data-director=""]')).toHaveCount(4);
    await expect(conns.locator('.lvs-servers li[data-bypassed="4"]')).toHaveCount(1);
    await expect(conns).toContainText('directly — the director was bypassed');
    await app.screenshot('lvs-04-dr-bypassed');

    // One click: the fix on both real servers; every connection now goes through DR1.
    const sw = page.getByRole('switch', { name: 'ARP fix on the real servers' });
    await sw.click();
    await expect(sw).toHaveAttribute('aria-checked', 'true');
    await finish(page);
    await expect(bar.getByRole('status')).toHaveAttribute('data-via', '4');
    await expect(bar.getByRole('status')).toHaveAttribute('data-bypassed', '0');
    await page.locator('svg.canvas').click({ position: { x: 5, y: 5 } });
    await expect(conns.locator('[data-conn][data-director="DR1"]')).toHaveCount(4);
    await expect(conns.locator('[data-conn][data-result="served"]')).toHaveCount(4);
    await expect(conns.locator('.lvs-servers li[data-server="RS1"]')).toHaveAttribute('data-served', '2');
    await expect(conns.locator('.lvs-servers li[data-server="RS2"]')).toHaveAttribute('data-served', '2');
    await app.screenshot('lvs-05-dr-through-director');

    // Why: the scheduler's choice for connection 1, with what it saw.
    await conns.getByRole('button', { name: 'Show why connection 1 went this way' }).click();
    const sched = app.why().getByTestId('ipvs-sched');
    await expect(sched).toBeVisible();
    await expect(sched.locator('tr[data-chosen="true"]')).toHaveCount(1);
    await expect(app.why()).toContainText('IPVS on DR1: rr sends');
    await app.screenshot('lvs-06-why-scheduler');

    // The director's ipvsadm views at the end.
    await app.selectHost('DR1');
    await page.getByRole('tab', { name: 'State' }).click();
    const adm = page.getByTestId('ipvsadm');
    await expect(adm.locator('[data-ipvsadm="Ln"]')).toContainText(`TCP  ${vip}:80 rr`);
    await expect(adm.locator('[data-ipvsadm="Ln"]')).toContainText('-> 192.168.100.11:80');
    await expect(adm.locator('[data-ipvsadm="Lnc"]')).toContainText('192.168.100.10:');
    await app.screenshot('lvs-07-ipvsadm');
    // Inside the step the views follow the playback cursor: just after the director scheduled
    // the second connection, -Lnc lists two and -Ln counts them.
    await page.evaluate(() => {
      type Ev = { kind: string; rule?: string; host?: string };
      const b = (window as unknown as { __arplab: { getState(): { sim: { events: { length: number; at(i: number): Ev | undefined } }; timeline: { vt: number[] }; seek(v: number): void } } }).__arplab;
      const s = b.getState();
      const made: number[] = [];
      for (let i = 0; i < s.sim.events.length; i++) {
        const e = s.sim.events.at(i);
        if (e?.kind === 'decision' && e.rule === 'ip_vs.conn') made.push(i);
      }
      s.seek(s.timeline.vt[made[1]]);
    });
    await expect(adm).toHaveAttribute('data-within', /\d+/);
    await expect(adm).toContainText('during step');
    await expect(adm.locator('[data-ipvsadm="Lnc"]')).toContainText('SYN_RECV');
    expect((await adm.locator('[data-ipvsadm="Lnc"]').innerText()).match(/192\.168\.100\.10:/g)).toHaveLength(2);
    await app.screenshot('lvs-08-ipvsadm-mid-step');
    expect(await app.seriousViolations()).toEqual([]);
  });

  test('packets drawn along their path, mid-flight: DR (the frame to the real server keeps the VIP), TUN (IP-in-IP, outer [inner]), NAT (the rewritten destination)', async ({ page }) => {
    const app = new ArpLabPage(page);
    await page.goto('/?lang=en&speed=1');
    // The test bridge exists once the store does, and the store waits for the scenario model's chunk.
    await page.waitForFunction(() => !!(window as unknown as { __arplab?: unknown }).__arplab);
    const cases = [
      { name: 'dr', doc: cluster('dr'), label: /^SYN 10\.0\.1\.2:\d+ → 10\.0\.0\.100:80$/m, kind: 'tcp' },
      { name: 'tun', doc: cluster('tun'), label: /^IPIP 10\.0\.0\.2 → 10\.0\.0\.1[12] \[SYN 10\.0\.1\.2:\d+ → 10\.0\.0\.100:80\]$/m, kind: 'ipip' },
      { name: 'nat', doc: cluster('nat'), label: /^SYN 10\.0\.1\.2:\d+ → 192\.168\.10\.1[12]:80$/m, kind: 'tcp' },
    ];
    for (const c of cases) {
      const ok = await page.evaluate((doc) => (window as unknown as { __arplab: { loadScenario(j: unknown): { ok: boolean } } }).__arplab.loadScenario(doc).ok, c.doc);
      expect(ok).toBe(true);
      await page.getByRole('button', { name: 'Fit' }).click();
      // Half-way through the director's first SYN to a real server.
      await page.evaluate(async (kind) => {
        const b = (window as unknown as { __arplab: { settled(): Promise<void>; getState(): { timeline: { flights: { start: number; host: string; kind: string; frame: { ip?: { tcp?: { flags: string }; ipip?: unknown } } }[] }; seek(v: number): void } } }).__arplab;
        await b.settled();
        const s = b.getState();
        const f = s.timeline.flights.find((x) => x.host === 'D' && x.kind === kind && (x.frame.ip?.ipip || x.frame.ip?.tcp?.flags === 'S'));
        if (f) s.seek(f.start + 600);
      }, c.kind);
      const tokens = page.getByTestId('tokens');
      await expect(tokens).toHaveAttribute('data-labels', c.label);
      await app.screenshot(`lvs-1${cases.indexOf(c)}-${c.name}-mid-flight`);
    }
  });
});

/** The engine tests' cluster (src/engine/test/lvsCluster.ts) as a version-2 document: C — R — D, RS1, RS2 (NAT: behind D). */
function cluster(method: 'dr' | 'tun' | 'nat') {
  const nat = method === 'nat';
  const net = nat ? '192.168.10' : '10.0.0';
  const rs = (n: number) => ({
    kind: 'real-server',
    interfaces: {
      eth0: { addresses: [`${net}.${10 + n}/24`] },
      ...(method === 'dr' ? { lo: { addresses: [{ cidr: `${VIP}/32`, label: 'lo:0' }] } } : {}),
      ...(method === 'tun' ? { tunl0: { addresses: [`${VIP}/32`] } } : {}),
    },
    routes: [`default via ${nat ? `${net}.1` : '10.0.0.1'}`],
    sysctls: {
      ...(nat ? {} : { 'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2 }),
      ...(method === 'tun' ? { 'net.ipv4.conf.all.rp_filter': 0, 'net.ipv4.conf.tunl0.rp_filter': 0 } : {}),
    },
    listen: [{ port: 80 }],
  });
  return {
    version: 2,
    title: `LVS-${method.toUpperCase()}`,
    hosts: {
      C: { kind: 'client', interfaces: { eth0: { addresses: ['10.0.1.2/24'] } }, routes: ['default via 10.0.1.1'] },
      R: { kind: 'router', interfaces: { eth0: { addresses: ['10.0.1.1/24'] }, eth1: { addresses: ['10.0.0.1/24'] } }, sysctls: { 'net.ipv4.ip_forward': 1 } },
      D: {
        kind: 'director',
        interfaces: { eth0: { addresses: ['10.0.0.2/24', { cidr: `${VIP}/24`, label: 'eth0:0' }] }, ...(nat ? { eth1: { addresses: [`${net}.1/24`] } } : {}) },
        routes: ['default via 10.0.0.1'],
        ...(nat ? { sysctls: { 'net.ipv4.ip_forward': 1 } } : {}),
        ipvs: [{ vip: VIP, port: 80, scheduler: 'rr', dests: [1, 2].map((n) => ({ ip: `${net}.${10 + n}`, method })) }],
      },
      RS1: rs(1),
      RS2: rs(2),
    },
    segments: nat ? { wan: ['C.eth0', 'R.eth0'], lan: ['R.eth1', 'D.eth0'], priv: ['D.eth1', 'RS1.eth0', 'RS2.eth0'] } : { wan: ['C.eth0', 'R.eth0'], lan: ['R.eth1', 'D.eth0', 'RS1.eth0', 'RS2.eth0'] },
    layout: { C: { x: 80, y: 300 }, wan: { x: 230, y: 300 }, R: { x: 380, y: 300 }, lan: { x: 540, y: 300 }, D: { x: 700, y: 140 }, ...(nat ? { priv: { x: 860, y: 300 } } : {}), RS1: { x: nat ? 1020 : 760, y: nat ? 180 : 330 }, RS2: { x: nat ? 1020 : 760, y: 480 } },
    actions: [{ type: 'connect', host: 'C', to: `${VIP}:80`, count: 2, interval: 0.5 }],
  };
}
