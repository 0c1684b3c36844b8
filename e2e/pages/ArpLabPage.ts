/** Page object for the ARP Lab app: the flows the specs use, by role and label where possible. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The part of `window.__arplab` (src/view/bridge.ts) the specs use. The specs compile without
 * the DOM library, so the bridge's own global declaration is not visible here.
 */
export interface TestWindow {
  __arplab: {
    getState(): { timeline: { flights: { start: number; frameId: number }[] }; seek(v: number): void };
  };
}

export class ArpLabPage {
  constructor(readonly page: Page) {}

  async open(query = 'lang=en&speed=10') {
    await this.page.goto(`/?${query}`);
    await expect(this.page.getByRole('button', { name: /^Host A$|^主机 A$/ })).toBeVisible();
  }

  host(name: string): Locator {
    return this.page.locator(`[data-host="${name}"]`);
  }

  /** The neighbour table drawn inside a host's card on the canvas. */
  cardNeigh(host: string): Locator {
    return this.page.locator(`[data-neigh-host="${host}"]`);
  }

  action(i: number): Locator {
    return this.page.locator(`[data-action="${i}"]`);
  }

  async runAction(i: number) {
    await this.action(i).getByRole('button', { name: /^(Run|运行) / }).click();
  }

  async expectResult(i: number, result: 'ok' | 'fail') {
    await expect(this.action(i).locator(`[data-result="${result}"]`)).toBeVisible({ timeout: 15_000 });
  }

  async selectHost(name: string) {
    await this.page.getByRole('button', { name: new RegExp(`^(Host|主机) ${name}$`) }).click();
  }

  async setSysctl(key: string, value: string) {
    await this.page.getByLabel(key, { exact: true }).selectOption(value);
  }

  events(): Locator {
    return this.page.locator('.events-box');
  }

  eventRow(who: string, text: string): Locator {
    return this.events().locator('.ev', { has: this.page.locator('.ev-who', { hasText: who }) }).filter({ hasText: text });
  }

  position(): Locator {
    return this.page.getByTestId('position');
  }

  why(): Locator {
    return this.page.getByTestId('why');
  }

  async setLang(lang: 'en' | 'zh') {
    await this.page.getByTestId('lang').selectOption(lang);
  }

  async setTheme(dark: boolean) {
    const btn = this.page.getByTestId('theme');
    if ((await btn.getAttribute('aria-pressed')) !== String(dark)) await btn.click();
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', dark ? 'dark' : 'light');
  }

  async screenshot(name: string) {
    await this.page.waitForTimeout(150);
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png` });
  }

  /** axe-core: violations of impact serious or critical. */
  async seriousViolations() {
    const r = await new AxeBuilder({ page: this.page }).analyze();
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }
}
