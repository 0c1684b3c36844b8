/**
 * Page object for the topology editor: palette drags, link drags, the Configure tab's forms.
 * Every gesture is done with the mouse (move, down, move in steps, up), as a user would.
 */
import { expect, type Locator, type Page } from '@playwright/test';

type Pt = { x: number; y: number };

export class EditorPage {
  constructor(readonly page: Page) {}

  canvas(): Locator {
    return this.page.locator('svg.canvas');
  }

  /** A point of the canvas, as a fraction of its width and height. */
  async at(fx: number, fy: number): Promise<Pt> {
    const b = await this.canvas().boundingBox();
    if (!b) throw new Error('no canvas');
    return { x: b.x + b.width * fx, y: b.y + b.height * fy };
  }

  async center(l: Locator): Promise<Pt> {
    const b = await l.boundingBox();
    if (!b) throw new Error('not visible');
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }

  /** Presses at `from`, moves in steps to `to`; `beforeRelease` runs while the button is still down. */
  async drag(from: Pt, to: Pt, beforeRelease?: () => Promise<void>) {
    const m = this.page.mouse;
    await m.move(from.x, from.y);
    await m.down();
    await m.move(from.x + 8, from.y + 8, { steps: 2 });
    await m.move(to.x, to.y, { steps: 12 });
    if (beforeRelease) await beforeRelease();
    await m.up();
  }

  paletteItem(kind: string): Locator {
    return this.page.locator(`[data-palette="${kind}"]`);
  }

  /** Drags a palette item onto the canvas at (fx, fy) of its size. */
  async addFromPalette(kind: string, fx: number, fy: number, beforeRelease?: () => Promise<void>) {
    await this.drag(await this.center(this.paletteItem(kind)), await this.at(fx, fy), beforeRelease);
  }

  host(name: string): Locator {
    return this.page.locator(`[data-host="${name}"]`);
  }

  hostBody(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^(Host|主机) ${name}$`) });
  }

  segment(name: string): Locator {
    return this.page.locator(`[data-segment="${name}"]`);
  }

  port(id: string): Locator {
    return this.page.locator(`[data-port="${id}"]`);
  }

  handle(node: string): Locator {
    return this.page.locator(`[data-link-handle="${node}"]`);
  }

  /** Drags from a node's ⊕ handle to another node (host or switch). */
  async link(from: string, to: Locator, beforeRelease?: () => Promise<void>) {
    await this.drag(await this.center(this.handle(from)), await this.center(to), beforeRelease);
  }

  async configureTab() {
    await this.page.getByRole('tab', { name: /^(Configure|配置)$/ }).click();
  }

  iface(port: string): Locator {
    return this.page.locator(`[data-iface="${port}"]`);
  }

  /** Adds an address to an interface in the Configure tab. */
  async addAddress(port: string, cidr: string, opts: { noprefixroute?: boolean; label?: string } = {}) {
    const row = this.iface(port).locator('[data-address="new"]');
    await row.getByRole('textbox', { name: /^(Address of|.*的地址)/ }).fill(cidr);
    if (opts.label) await row.getByRole('textbox', { name: /^(Label on|.*上的标签)/ }).fill(opts.label);
    if (opts.noprefixroute) await row.getByRole('checkbox').check();
    await row.getByRole('button').click();
    // Applied: the canvas labels the port with it (and the form for a new address is empty again).
    await expect(this.port(port)).toContainText(cidr);
    await expect(row.getByRole('textbox', { name: /^(Address of|.*的地址)/ })).toHaveValue('');
  }

  newRoute(): Locator {
    return this.page.locator('[data-route-edit="new"]');
  }

  async addRoute(r: { dest: string; dev?: string; metric?: string; via?: string }) {
    const row = this.newRoute();
    await row.getByLabel('New route: destination').fill(r.dest);
    if (r.dev) await row.getByLabel('New route: device').selectOption(r.dev);
    if (r.metric !== undefined) await row.getByLabel('New route: metric').fill(r.metric);
    if (r.via) await row.getByLabel('New route: gateway').fill(r.via);
    await row.getByRole('button', { name: 'Add route' }).click();
  }

  async setSysctl(key: string, value: string) {
    await this.page.getByLabel(key, { exact: true }).selectOption(value);
    await expect(this.page.getByLabel(key, { exact: true })).toHaveValue(value);
  }

  undo(): Locator {
    return this.page.getByRole('button', { name: /Undo|撤销/ });
  }

  redo(): Locator {
    return this.page.getByRole('button', { name: /Redo|重做/ });
  }

  /** Number of hosts and switches drawn on the canvas. */
  async nodeCount(): Promise<number> {
    return (await this.page.locator('svg.canvas [data-host]').count()) + (await this.page.locator('svg.canvas [data-segment]').count());
  }

  async screenshot(name: string) {
    await this.page.waitForTimeout(150);
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png` });
  }
}
