/**
 * Every form control has an accessible name of its own (two inputs named alike cannot be
 * told apart by a screen reader user or by voice control), and axe finds no serious or
 * critical violation, on the screens with the most inputs: the Configure tab of a
 * multi-NIC host (existing and new addresses, routes, neighbours, sysctls) and the command form.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ArpLabPage } from './pages/ArpLabPage.ts';

const CONTROLS = new Set(['textbox', 'combobox', 'checkbox', 'spinbutton', 'searchbox', 'radio', 'slider', 'listbox', 'switch']);

/** Names of the form controls Chromium's accessibility tree exposes, with how often each occurs. */
async function repeatedControlNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
  await cdp.detach();
  const count = new Map<string, number>();
  for (const n of nodes) {
    if (n.ignored || !CONTROLS.has(n.role?.value ?? '')) continue;
    const key = `${n.role?.value} "${n.name?.value ?? ''}"`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return [...count].filter(([, c]) => c > 1).map(([k, c]) => `${k} ×${c}`);
}

async function serious(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const lang of ['en', 'zh'] as const) {
  test(`every input has a name of its own; axe: no serious violation (Configure tab, command form, ${lang})`, async ({ page }) => {
    const app = new ArpLabPage(page);
    await app.open(`lang=${lang}&speed=10`);
    await app.selectHost('A');
    await page.getByRole('tab', { name: lang === 'en' ? 'Configure' : '配置' }).click();
    await expect(page.locator('[data-address="new"]').first()).toBeVisible();
    expect(await repeatedControlNames(page)).toEqual([]);
    expect(await serious(page)).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/a11y-configure-${lang}.png` });
  });
}
