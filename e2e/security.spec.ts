/**
 * What the built app sends and declares (vite build + vite preview, the same headers a
 * deployment should send — README "Deploying"): no dev allowance in its CSP, the app cannot
 * be framed by another site, the embed page can.
 */
import { expect, test } from '@playwright/test';
import config from '../playwright.config.ts';

test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [...(config.use?.launchOptions?.args ?? []), '--disable-features=LocalNetworkAccessChecks'],
  },
});

/** The <meta> CSP of a page's HTML (Vite writes ' as &#39;). */
const cspOf = (html: string) => (/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '').replaceAll('&#39;', "'");

test('the built pages: a CSP without dev allowances; frame headers on the app, not on the embed page', async ({ page, request, baseURL }) => {
  for (const path of ['/', '/index.html', '/?embed=1', '/embed.html']) {
    const r = await request.get(path);
    expect(r.status()).toBe(200);
    const html = await r.text();
    const csp = cspOf(html);
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).toContain("connect-src 'self';");
    expect(csp, path).not.toMatch(/ws:|localhost|127\.0\.0\.1|unsafe-eval/);
    // The <meta> comes before any script, so it covers all of them.
    expect(html.indexOf('Content-Security-Policy'), path).toBeLessThan(html.indexOf('<script'));
    const h = r.headers();
    expect(h['x-content-type-options'], path).toBe('nosniff');
    if (path === '/embed.html') {
      expect(h['x-frame-options'], path).toBeUndefined();
      expect(h['content-security-policy'] ?? '', path).not.toContain('frame-ancestors');
    } else {
      // Static servers cannot look at the query: ?embed=1 on the app's page is the app's page.
      expect(h['x-frame-options'], path).toBe('DENY');
      expect(h['content-security-policy'], path).toBe("frame-ancestors 'none'");
    }
  }

  // Framed by another site's page (a blog post): the app is refused, the embed page shows
  // the diagram. The post is served by Playwright, so Chromium would count it as a public
  // site framing a loopback address and block both frames for that reason alone
  // (ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS): the launch options below turn that off.
  const post = `${baseURL!.replace('127.0.0.1', 'localhost')}/blog-post.html`;
  await page.route(post, (r) => r.fulfill({ contentType: 'text/html', body: `<iframe id="app" src="${baseURL}/" width="600" height="300"></iframe><iframe id="embed" src="${baseURL}/embed.html" width="600" height="300"></iframe>` }));
  const blocked: string[] = [];
  page.on('requestfailed', (r) => blocked.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.goto(post);
  await expect(page.frameLocator('#embed').getByTestId('embed')).toBeVisible({ timeout: 15_000 });
  await expect(page.frameLocator('#embed').locator('[data-host="A"]')).toBeVisible();
  await expect.poll(() => blocked).toEqual([`${baseURL}/ net::ERR_BLOCKED_BY_RESPONSE`]);
  await expect(page.frameLocator('#app').locator('#root')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/security-framed.png' });
});
