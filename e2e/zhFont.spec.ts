/**
 * The Chinese UI on a machine without CJK fonts. Chromium runs with a fontconfig that offers
 * only this machine's fonts that have no Chinese (symlinked into a temporary folder), so the
 * test means the same on a machine that does have CJK fonts installed.
 *
 * "Boxes or glyphs" is judged by drawing: two different ideographs drawn with the page's own
 * font stack give the same bitmap when both are the missing-glyph box, different ones when a
 * font has them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ArpLabPage } from './pages/ArpLabPage.ts';

function fontconfigWithoutCjk(): string {
  const list = (pattern: string) => new Set(execFileSync('fc-list', ['-f', '%{file}\n', pattern], { encoding: 'utf8' }).split('\n').filter(Boolean));
  const cjk = list(':lang=zh');
  const dir = mkdtempSync(join(tmpdir(), 'arplab-nocjk-'));
  mkdirSync(join(dir, 'fonts'));
  let n = 0;
  for (const f of list(':')) if (!cjk.has(f)) symlinkSync(f, join(dir, 'fonts', `${n++}-${basename(f)}`));
  writeFileSync(
    join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${join(dir, 'fonts')}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
  );
  return join(dir, 'fonts.conf');
}

const FONTCONFIG_FILE = fontconfigWithoutCjk();

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, FONTCONFIG_FILE },
  },
});

/** Whether two ideographs drawn in the page's body font come out as different bitmaps. */
async function drawsDistinctGlyphs(page: Page, a: string, b: string): Promise<boolean> {
  return page.evaluate(
    async ([a, b]) => {
      const family = getComputedStyle(document.body).fontFamily;
      await document.fonts.load(`32px ${family}`, a + b);
      const draw = (c: string) => {
        const cv = document.createElement('canvas');
        cv.width = 48;
        cv.height = 48;
        const g = cv.getContext('2d')!;
        g.font = `32px ${family}`;
        g.fillText(c, 4, 38);
        return Array.from(g.getImageData(0, 0, 48, 48).data).join(',');
      };
      return draw(a) !== draw(b);
    },
    [a, b],
  );
}

const faces = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    document.fonts.forEach((f) => {
      if (f.family.replace(/["']/g, '') === 'ARP Lab SC') out.push(f.status);
    });
    return out;
  });

/**
 * The largest difference of one colour channel between two screenshots of the same size
 * (decoded by the page: no image library here).
 */
function maxChannelDiff(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(async ([a64, b64]) => {
    const pixels = async (s: string) => {
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0))], { type: 'image/png' }));
      const g = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
      g.drawImage(bmp, 0, 0);
      return g.getImageData(0, 0, bmp.width, bmp.height).data;
    };
    const [pa, pb] = await Promise.all([pixels(a64), pixels(b64)]);
    if (pa.length !== pb.length) return 255;
    let max = 0;
    for (let i = 0; i < pa.length; i++) max = Math.max(max, Math.abs(pa[i] - pb[i]));
    return max;
  }, [a.toString('base64'), b.toString('base64')] as const);
}

/**
 * Chromium keeps the boxes of text laid out before the face arrived (until a relayout): the
 * UI as drawn must equal the UI drawn afresh. Equal up to anti-aliasing: rasterising the
 * same layout again may shade a rounded corner's edge pixels one or two levels differently
 * (seen in English too, where no font loads), while a missing-glyph box where a glyph belongs
 * changes pixels by far more than MAX_RASTER_NOISE.
 */
const MAX_RASTER_NOISE = 8;
async function drawnAsFresh(page: Page): Promise<void> {
  const shot = () => page.locator('.app').screenshot({ animations: 'disabled', caret: 'hide' });
  const before = await shot();
  await page.evaluate(() => {
    const r = document.getElementById('root')!;
    r.style.display = 'none';
    void r.offsetHeight;
    r.style.display = '';
  });
  const after = await shot();
  if (after.equals(before)) return;
  expect(await maxChannelDiff(page, before, after), 'the UI changed when laid out again: text was drawn before its font').toBeLessThanOrEqual(MAX_RASTER_NOISE);
}

test('switching to 简体中文 without any CJK font on the machine draws real glyphs', async ({ page }) => {
  const fontRequests: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'font') fontRequests.push(r.url());
  });
  const app = new ArpLabPage(page);
  await app.open('lang=en&speed=10');
  // The machine as Chromium sees it has no Chinese: ideographs are all the same box…
  expect(await drawsDistinctGlyphs(page, '简', '体')).toBe(false);
  // …and the English UI neither declares nor downloads the Chinese font.
  expect(await faces(page)).toEqual([]);
  expect(fontRequests).toEqual([]);

  await app.setLang('zh');
  await expect(page.getByRole('button', { name: '主机 A' })).toBeVisible();
  expect(await faces(page)).toEqual(['loaded']);
  expect(fontRequests).toHaveLength(1);
  expect(fontRequests[0]).toMatch(/arplab-sc-400.*\.woff2$/);
  expect(await drawsDistinctGlyphs(page, '简', '体')).toBe(true);
  await drawnAsFresh(page);
  await app.screenshot('zh-ui-without-cjk-fonts');
});

test('a page opened in 简体中文 without any CJK font draws real glyphs from the first screen', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open('lang=zh&speed=10');
  expect(await faces(page)).toEqual(['loaded']);
  expect(await drawsDistinctGlyphs(page, '简', '体')).toBe(true);
  await drawnAsFresh(page);
});
