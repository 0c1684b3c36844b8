/**
 * Sharing in real Chromium: links (copy, reopen, tampered), files (export, import, drop),
 * the gallery, embed mode, SVG/PNG/pcap exports, accessibility of the dialogs, and no
 * Content-Security-Policy violation anywhere. Screenshots go to e2e/screenshots/share-*.png.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Download, type Page } from '@playwright/test';
import { linkVersion } from './pages/linkVersion.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { ArpLabPage } from './pages/ArpLabPage.ts';

/** The part of `window.__arplab` (src/view/bridge.ts) these specs use. */
interface ShareWindow {
  __arplab: {
    getState(): { scenario: unknown; cursor: number; dirty?: boolean; lang: string; sim: { events: unknown[] } | null };
    dispatch(op: unknown): void;
    loadScenario(json: unknown): { ok: boolean };
  };
  __pwned?: number;
}

const twoNic = JSON.parse(readFileSync(new URL('../src/examples/twoNic.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const basicGallery = readFileSync(new URL('../src/examples/gallery/scenarios/basic.json', import.meta.url), 'utf8');

/** A link as ARP Lab makes them (raw deflate, base64url, "#s=<the document's version>."); a version-1 document gives the links made before version 2, which still open. */
function fragmentOf(doc: unknown): string {
  return `#s=${linkVersion(doc)}.${deflateRawSync(Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc)), { level: 9 }).toString('base64url')}`;
}

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `e2e/screenshots/share-${name}.png` });
};

async function seriousViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const r = await builder.analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Every neighbour table drawn on the canvas, host by host. */
async function cardTables(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const el of await page.locator('[data-neigh-host]').all()) out[(await el.getAttribute('data-neigh-host')) ?? '?'] = (await el.textContent()) ?? '';
  return out;
}

/** The scenario in the store, with object keys sorted (two equal scenarios give the same text). */
async function scenarioText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const sort = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(sort);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sort(x)]));
      return v;
    };
    return JSON.stringify(sort((window as unknown as ShareWindow).__arplab.getState().scenario));
  });
}

async function openShare(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  const dialog = page.getByRole('dialog', { name: /Share and export|分享与导出/ });
  await expect(dialog).toBeVisible();
  return page.getByTestId('share-link').inputValue();
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ d: Download; bytes: Buffer }> {
  const wait = page.waitForEvent('download');
  await click();
  const d = await wait;
  const path = await d.path();
  return { d, bytes: readFileSync(path) };
}

// No page of these specs may violate the Content-Security-Policy of index.html, or log an error.
let problems: string[] = [];
test.beforeEach(async ({ context }) => {
  problems = [];
  watch(context);
});
test.afterEach(() => {
  expect(problems, 'CSP violations and console errors').toEqual([]);
});
function watch(context: BrowserContext) {
  context.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
  });
  context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
  void context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
}

test.describe('share links', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('one click copies a link; opened in a new page it restores the scenario, the view and the same trace', async ({ page, context }) => {
    const app = new ArpLabPage(page);
    await app.open();
    // Work to share: a sysctl, a moved host, a position in the trace, a selected host.
    await app.selectHost('A');
    await app.setSysctl('net.ipv4.conf.eth0.arp_ignore', '1');
    await page.evaluate(() => (window as unknown as ShareWindow).__arplab.dispatch({ type: 'moveNode', id: 'B', x: 123, y: 456 }));
    await app.selectHost('B');
    for (let i = 0; i < 5; i++) await page.getByTestId('step-forward').click();
    await expect(app.position()).toContainText('event 5 of');

    const link = await openShare(page);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s=2\.[A-Za-z0-9_-]+&v=1&at=5&host=B&speed=10$/);
    await expect(page.getByTestId('share-dialog')).toContainText('Link copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expect(page.getByTestId('share-length')).toHaveText(`${link.length.toLocaleString('en')} characters`);
    await shot(page, '01-dialog-light');
    expect(await seriousViolations(page)).toEqual([]);

    // Escape closes the dialog and gives the focus back to Share.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('share-dialog')).toHaveCount(0);
    await expect(page.getByTestId('share')).toBeFocused();

    const other = await context.newPage();
    await other.goto(link);
    const app2 = new ArpLabPage(other);
    await expect(app2.host('B')).toBeVisible();
    expect(await scenarioText(other)).toBe(await scenarioText(page));
    await expect(app2.position()).toHaveText((await app.position().textContent()) ?? '');
    await expect(other.getByRole('heading', { name: 'Host B' })).toBeVisible();
    // Opening a link is not an edit, and no notice stands in the way.
    expect(await other.evaluate(() => (window as unknown as ShareWindow).__arplab.getState().dirty)).toBe(false);
    await expect(other.getByTestId('share-notice')).toHaveCount(0);
    expect(new URL(other.url()).hash).toBe(new URL(link).hash);

    // The simulation reproduces the same trace: same results, same neighbour tables.
    for (const [a, p] of [[app, page], [app2, other]] as const) {
      await a.runAction(0);
      await a.expectResult(0, 'fail');
      await a.runAction(1);
      await a.expectResult(1, 'ok');
      await expect(a.position()).toContainText('step 2');
      void p;
    }
    const tables = await cardTables(page);
    expect(tables.B).toContain('192.168.100.17');
    expect(await cardTables(other)).toEqual(tables);
    await expect(app2.events()).toHaveText((await app.events().textContent()) ?? '');
    // Once edited, the address no longer holds the link: a reload does not undo the edit.
    await other.evaluate(() => (window as unknown as ShareWindow).__arplab.dispatch({ type: 'moveNode', id: 'A', x: 10, y: 10 }));
    await expect.poll(() => new URL(other.url()).hash).toBe('');
    await other.close();
  });

  test('a tampered, truncated or oversized link shows what is wrong and keeps the current work', async ({ page, context }) => {
    const app = new ArpLabPage(page);
    await app.open();
    await app.selectHost('A');
    await app.setSysctl('net.ipv4.conf.eth1.arp_ignore', '2');
    const link = await openShare(page);
    await page.keyboard.press('Escape');
    const work = await scenarioText(page);

    // A character that cannot be in base64url, pasted into the address bar (hashchange).
    const hash = link.slice(link.indexOf('#'));
    const tampered = `${hash.slice(0, 40)}*${hash.slice(41)}`;
    await page.evaluate((h) => { location.hash = h; }, tampered);
    const notice = page.getByTestId('share-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(notice).toContainText('This link cannot be opened');
    await expect(notice).toContainText('character "*" at position');
    await expect(notice).toContainText('Your current scenario is unchanged.');
    expect(await scenarioText(page)).toBe(work);
    await expect(page.getByLabel('net.ipv4.conf.eth1.arp_ignore', { exact: true })).toHaveValue('2');
    await shot(page, '02-tampered-link');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);

    // Valid characters, damaged data: the deflate stream or the JSON breaks.
    const flipped = `${hash.slice(0, 30)}${hash[30] === 'A' ? 'B' : 'A'}${hash.slice(31)}`;
    await page.evaluate((h) => { location.hash = h; }, flipped);
    await expect(notice).toContainText('This link cannot be opened');
    expect(await scenarioText(page)).toBe(work);

    // Cut off, in a fresh page: the autosaved work is what opens, untouched.
    const cut = await context.newPage();
    await cut.goto(link.slice(0, Math.floor(link.length / 2)));
    await expect(cut.getByTestId('share-notice')).toContainText(/incomplete|cut off/);
    await expect(new ArpLabPage(cut).host('A')).toBeVisible();
    expect(await scenarioText(cut)).toBe(work);
    await cut.close();

    // A good link over autosaved work: it opens, says so, and Undo brings the work back.
    const over = await context.newPage();
    await over.goto(`/?lang=en${fragmentOf(basicGallery)}`);
    await expect(over.getByRole('heading', { name: 'Basic resolution: A pings B' })).toBeVisible();
    await expect(over.getByTestId('share-notice')).toContainText('Opened “Basic resolution: A pings B”.');
    await expect(over.getByTestId('share-notice')).toContainText('Undo (Ctrl+Z) brings back the previous scenario.');
    await over.getByRole('button', { name: 'Undo' }).click();
    expect(await scenarioText(over)).toBe(work);
    await over.close();

    // A deflate bomb: 2 MB of spaces in a few kilobytes.
    const bomb = `#s=1.${deflateRawSync(Buffer.alloc(2_000_000, 32), { level: 9 }).toString('base64url')}`;
    await page.evaluate((h) => { location.hash = h; }, bomb);
    await expect(notice).toContainText('too large once unpacked');
    // A valid link with a scenario that has no usable shape (nothing to salvage: a link with
    // a bad part opens without it, e2e/partial-load.spec.ts): each problem is listed.
    await page.evaluate((h) => { location.hash = h; }, fragmentOf({ ...twoNic, hosts: [] }));
    await expect(notice).toContainText('scenario is not valid');
    await notice.getByText('Details').click();
    await expect(notice.locator('li').first()).toContainText('hosts: expected an object of hosts');
    expect(await scenarioText(page)).toBe(work);
    // A bad view part is dropped, the scenario still opens (after asking: there are edits).
    await page.evaluate((h) => { location.hash = h; }, `${fragmentOf(basicGallery)}&v=1&at=-3&lang=xx`);
    const confirm = page.getByRole('alertdialog', { name: 'Replace the current scenario?' });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Keep my work' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Open it' }).click();
    await expect(notice).toContainText('Some of the link’s view settings were ignored');
    await expect(notice).toContainText('lang=xx is not a valid value');
    await expect(page.getByRole('heading', { name: 'Basic resolution: A pings B' })).toBeVisible();
    // Undo brings the previous work back.
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await scenarioText(page)).toBe(work);
  });

  test('names and notes from a link are text, never markup', async ({ page }) => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const doc = { ...twoNic, title: evil, description: `<script>window.__pwned=2</script>${evil}` };
    await page.goto(`/?lang=en${fragmentOf(doc)}`);
    await expect(page.getByRole('heading', { name: evil })).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as ShareWindow).__pwned)).toBeUndefined();
    // The embed code escapes the title.
    await page.getByTestId('share').click();
    const code = await page.getByTestId('embed-code').inputValue();
    expect(code).toContain('title="ARP Lab: &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;"');
  });

  test('a long link: its length, a warning, and the file instead', async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open();
    // Text that hardly compresses: more than 8,000 characters of link.
    let x = 12345;
    const noise = Array.from({ length: 14000 }, () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return 'abcdefghijklmnopqrstuvwxyz0123456789'[(x >>> 12) % 36];
    }).join('');
    expect(await page.evaluate((d) => (window as unknown as ShareWindow).__arplab.loadScenario(d).ok, { ...twoNic, description: noise })).toBe(true);
    const link = await openShare(page);
    expect(link.length).toBeGreaterThan(8000);
    const warn = page.getByTestId('share-too-long');
    await expect(warn).toContainText(`This link is ${link.length.toLocaleString('en')} characters long`);
    await shot(page, '10-long-link');
    const { d, bytes } = await downloadOf(page, () => warn.getByRole('button', { name: 'Download the scenario file' }).click());
    expect(d.suggestedFilename()).toBe('two-nics-on-one-segment-arp-flux-rp-filter-1.json');
    expect(JSON.parse(bytes.toString('utf8')).description).toBe(noise);
  });
});

test.describe('files', () => {
  test('export .json, import it back with the file input; a bad file changes nothing', async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open();
    await app.selectHost('A');
    await app.setSysctl('net.ipv4.conf.eth0.arp_ignore', '1');
    await page.getByTestId('share').click();
    const { d, bytes } = await downloadOf(page, () => page.getByTestId('export-json').click());
    expect(d.suggestedFilename()).toMatch(/\.json$/);
    await expect(page.getByTestId('export-status')).toContainText(`Downloaded ${d.suggestedFilename()}`);
    await page.keyboard.press('Escape');
    const exported = await scenarioText(page);

    // A broken file: message, nothing changes.
    await page.getByTestId('file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "version": 1,\n  "hosts": { oops } }') });
    const notice = page.getByTestId('share-notice');
    await expect(notice).toContainText('The file “broken.json” cannot be opened');
    await expect(notice).toContainText('JSON syntax error at line 2');
    expect(await scenarioText(page)).toBe(exported);
    // Not a scenario at all.
    await page.getByTestId('file-input').setInputFiles({ name: 'capture.pcap', mimeType: 'application/octet-stream', buffer: Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0]) });
    await expect(notice).toContainText('The file “capture.pcap” cannot be opened');
    expect(await scenarioText(page)).toBe(exported);

    // Another scenario, then the exported file again (no edits since loading: no question).
    await page.getByTestId('file-input').setInputFiles({ name: 'basic.json', mimeType: 'application/json', buffer: Buffer.from(basicGallery) });
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await page.getByRole('button', { name: 'Open it' }).click();
    await expect(notice).toContainText('Opened “Basic resolution: A pings B”');
    await page.getByTestId('file-input').setInputFiles({ name: d.suggestedFilename(), mimeType: 'application/json', buffer: bytes });
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(notice).toContainText('Opened “Two NICs on one segment');
    expect(await scenarioText(page)).toBe(exported);
  });

  test('drag a file onto the page: an overlay, then the scenario opens', async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open();
    const drop = async (type: 'dragenter' | 'drop', text: string) => page.evaluate(([t, body]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], 'basic.json', { type: 'application/json' }));
      document.querySelector('.center')!.dispatchEvent(new DragEvent(t, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [type, text] as const);
    await drop('dragenter', basicGallery);
    await expect(page.getByTestId('drop-overlay')).toHaveText('Drop a scenario file (.json) to open it');
    await shot(page, '03-drop-overlay');
    await drop('drop', basicGallery);
    await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Basic resolution: A pings B' })).toBeVisible();
    await app.runAction(0);
    await app.expectResult(0, 'ok');
    await expect(app.cardNeigh('A')).toContainText('REACHABLE');
  });
});

test.describe('exports', () => {
  test('pcap starts with the pcap magic; SVG is well-formed; PNG is a PNG', async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open();
    await app.runAction(0);
    await app.expectResult(0, 'ok');
    await page.getByTestId('share').click();

    const pcap = await downloadOf(page, () => page.getByTestId('export-pcap').click());
    expect(pcap.d.suggestedFilename()).toBe('two-nics-on-one-segment-arp-flux-rp-filter-1.pcap');
    expect([...pcap.bytes.subarray(0, 4)]).toEqual([0xd4, 0xc3, 0xb2, 0xa1]);
    expect(pcap.bytes.readUInt32LE(20)).toBe(1); // Ethernet
    expect(pcap.bytes.length).toBeGreaterThan(24 + 16 + 42);

    const svg = await downloadOf(page, () => page.getByTestId('export-svg').click());
    expect(svg.d.suggestedFilename()).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: root.localName,
        ns: root.namespaceURI,
        viewBox: root.getAttribute('viewBox'),
        transformed: doc.querySelectorAll('g.viewport[transform]').length,
        handles: Array.from(doc.querySelectorAll('.link-handle')).filter((el) => !/display:\s*none/.test(el.closest('.edit-layer')?.getAttribute('style') ?? '')).length,
        text: root.textContent ?? '',
      };
    }, text);
    expect(parsed).toMatchObject({ error: 0, root: 'svg', ns: 'http://www.w3.org/2000/svg', transformed: 0, handles: 0 });
    expect(parsed.viewBox).toMatch(/^-?\d+ -?\d+ \d+ \d+$/);
    expect(parsed.text).toContain('192.168.100.36');

    const png = await downloadOf(page, () => page.getByTestId('export-png').click());
    expect(png.d.suggestedFilename()).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the drawing's size (PNG_SCALE), from the SVG's viewBox.
    const [, , w, h] = (parsed.viewBox ?? '').split(' ').map(Number);
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([w * 2, h * 2]);
    writeFileSync('e2e/screenshots/share-09-exported-diagram.png', png.bytes);
  });
});

test.describe('gallery', () => {
  test('lists the experiments; opening LVS-DR (after asking) shows what the kernel did', async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open();
    await app.selectHost('A');
    await app.setSysctl('net.ipv4.conf.eth0.arp_ignore', '1');
    const work = await scenarioText(page);

    await page.getByTestId('open-gallery').click();
    const gallery = page.getByRole('dialog', { name: 'Gallery: the article’s experiments' });
    await expect(gallery).toBeVisible();
    await expect(gallery.locator('[data-gallery]')).toHaveCount(25);
    await expect(gallery.locator('[data-gallery="lvs-dr"]')).toContainText('LVS-DR real server');
    await expect(gallery.locator('[data-gallery="lvs-dr"] .gallery-tags')).toContainText('arp_announce');
    await shot(page, '04-gallery-light');
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard: Tab stays inside the dialog.
    for (let i = 0; i < 50; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);

    await gallery.getByLabel('Topic').selectOption('lvs');
    // the article's LVS-DR experiment, the five LVS setups and the generated data centre
    await expect(gallery.locator('[data-gallery]')).toHaveCount(7);
    await gallery.getByRole('button', { name: 'Open “LVS-DR real server: with and without arp_ignore/arp_announce”' }).click();
    // The edit is not saved anywhere: asked first. Keeping it changes nothing.
    const confirm = page.getByRole('alertdialog', { name: 'Replace the current scenario?' });
    await expect(confirm).toContainText('Your changes to “Two NICs on one segment (ARP flux, rp_filter=1)” are not saved');
    await shot(page, '11-confirm');
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Keep my work' }).click();
    expect(await scenarioText(page)).toBe(work);

    await page.getByTestId('open-gallery').click();
    await page.getByRole('button', { name: /^Open “LVS-DR real server/ }).click();
    await page.getByRole('button', { name: 'Open it' }).click();
    await expect(app.host('R1')).toBeVisible();
    await expect(page.getByRole('heading', { name: /^LVS-DR real server/ })).toBeVisible();
    // Phase 1 (R1 with defaults): C's ping to the VIP ends on R1's MAC: traffic bypasses the director.
    await app.runAction(2);
    await app.expectResult(2, 'ok');
    await expect(app.cardNeigh('C')).toContainText('192.168.100.200 dev eth0 → R1.eth0');
    // Phase 2 (arp_ignore=1, arp_announce=2 on R1): only D answers.
    await app.runAction(15);
    await app.expectResult(15, 'ok');
    await expect(app.cardNeigh('C')).toContainText('192.168.100.200 dev eth0 → D.eth0');

    // S05 (arp_ignore=1 on eth0): no question (nothing edited since), the ping to .36 fails.
    await page.getByTestId('open-gallery').click();
    await page.getByRole('button', { name: 'Open “arp_ignore=1 on eth0: no reply at all for .36”' }).click();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await app.runAction(0);
    await app.expectResult(0, 'fail');
    await expect(app.cardNeigh('B')).not.toContainText('REACHABLE');
  });

  test('in Chinese and dark: gallery, share dialog, confirmation', async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open('lang=zh&speed=10&theme=dark');
    await page.getByRole('button', { name: '示例库' }).click();
    const gallery = page.getByRole('dialog', { name: '示例库：文章中的实验' });
    await expect(gallery.locator('[data-gallery="lvs-dr"] h3')).toHaveText('LVS-DR 真实服务器：有无 arp_ignore/arp_announce');
    await expect(gallery).toContainText('共 25 个场景，显示 25 个');
    await shot(page, '05-gallery-zh-dark');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(gallery).toHaveCount(0);

    await page.getByRole('button', { name: '分享' }).click();
    const dialog = page.getByRole('dialog', { name: '分享与导出' });
    await expect(dialog).toContainText('个字符');
    await expect(dialog.getByRole('button', { name: '复制嵌入代码' })).toBeVisible();
    await shot(page, '06-dialog-zh-dark');
    expect(await seriousViolations(page)).toEqual([]);
    // Language and theme travel in the link only when asked.
    expect(await page.getByTestId('share-link').inputValue()).not.toContain('lang=');
    await dialog.getByLabel(/包含语言和主题/).check();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/&v=1&lang=zh&theme=dark/);
    await page.keyboard.press('Escape');
    const reader = await page.context().newPage();
    await reader.goto(link);
    await expect(reader.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(reader.locator('html')).toHaveAttribute('data-theme', 'dark');
    await reader.close();

    await page.evaluate((h) => { location.hash = h; }, '#s=1.AAAA');
    await expect(page.getByTestId('share-notice')).toContainText('无法打开此链接');
    await expect(page.getByTestId('share-notice')).toContainText('当前场景没有改变。');
  });
});

test.describe('embed mode', () => {
  test('the embed code opens the diagram with playback controls only, and it plays', async ({ page, context }) => {
    const app = new ArpLabPage(page);
    await app.open();
    await page.getByTestId('share').click();
    await page.getByLabel('Width (px)').fill('820');
    const code = await page.getByTestId('embed-code').inputValue();
    expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#s=2\.[^"]+" width="820" height="500" title="ARP Lab: Two NICs on one segment \(ARP flux, rp_filter=1\)" loading="lazy" style="border:0"><\/iframe>$/);
    const src = (/src="([^"]+)"/.exec(code)?.[1] ?? '').replaceAll('&amp;', '&');

    const embed = await context.newPage();
    await embed.setViewportSize({ width: 820, height: 500 });
    await embed.goto(src);
    await expect(embed.getByTestId('embed')).toBeVisible();
    await expect(embed.locator('[data-host="A"]')).toBeVisible();
    // Canvas and playback only: no toolbar, no commands, no inspector, no events.
    for (const gone of ['.toolbar', '.side', '.inspector', '.events-box', '[data-testid="share"]']) await expect(embed.locator(gone)).toHaveCount(0);
    await expect(embed.getByRole('link', { name: /Open in ARP Lab/ })).toHaveAttribute('href', /\/#s=2\./);
    await shot(embed, '07-embed-start');
    expect(await seriousViolations(embed)).toEqual([]);

    await embed.getByRole('combobox', { name: 'Speed' }).selectOption('10');
    await embed.getByTestId('play').click();
    const pos = embed.getByTestId('position');
    await expect(pos).not.toContainText('event 0 of');
    await expect(async () => {
      const m = /event (\d+) of (\d+)/.exec((await pos.textContent()) ?? '');
      expect(m && m[1] === m[2]).toBe(true);
    }).toPass({ timeout: 30_000 });
    await expect(embed.locator('[data-neigh-host="B"]')).toContainText('192.168.100.36 dev eth0 → A.eth0 REACHABLE');
    await shot(embed, '08-embed-played');
    await embed.close();

    // Small and in Chinese, dark: the controls wrap, nothing is cut off.
    const small = await context.newPage();
    await small.setViewportSize({ width: 560, height: 420 });
    await small.goto(src.replace('embed.html#', 'embed.html?lang=zh&theme=dark#'));
    await expect(small.getByRole('link', { name: /在 ARP Lab 中打开/ })).toBeVisible();
    await expect(small.getByTestId('play')).toBeVisible();
    await shot(small, '12-embed-small-zh-dark');
    expect(await seriousViolations(small)).toEqual([]);
    await small.close();
  });
});
