/**
 * The page's security policy, in one place: the Content-Security-Policy that every HTML page
 * carries (as a <meta> tag, so a static deployment needs no server configuration for it),
 * the headers that only a server can send (frame-ancestors / X-Frame-Options cannot be set
 * from <meta>), and the Vite plugin that puts both in place. README "Deploying" lists the
 * same headers for a real server.
 */
import type { Plugin } from 'vite';

type Directives = Record<string, readonly string[]>;

/** What the app needs, and nothing more: its own scripts, styles, images, fonts and workers. */
export const CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React sets element styles (positions on the canvas); no <style> or style="" from data.
  'style-src': ["'self'", "'unsafe-inline'"],
  // SVG/PNG exports and the PNG preview are data: and blob: URLs.
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // The simulation runs in a module worker from the app's own origin.
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Only under `vite serve` (npm start): the dev server's hot-reload WebSocket. */
export const DEV_CSP: Directives = {
  'connect-src': ['ws://127.0.0.1:*', 'ws://localhost:*'],
};

export function cspText(dev: boolean): string {
  const all: Record<string, string[]> = Object.fromEntries(Object.entries(CSP).map(([k, v]) => [k, [...v]]));
  if (dev) for (const [k, v] of Object.entries(DEV_CSP)) all[k] = [...(all[k] ?? []), ...v];
  return Object.entries(all).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
}

/** The page that may be shown inside other sites' frames (blog posts, slides). */
export const EMBED_PAGE = 'embed.html';

/** Headers for every response. */
export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Headers for the app (every path except the embed page): no site may frame it (clickjacking). */
export const APP_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
};

/** The headers a server should send for a request path (query and fragment ignored, as a static server does). */
export function headersFor(path: string): Record<string, string> {
  const p = path.split(/[?#]/)[0];
  const embed = p === `/${EMBED_PAGE}` || p.endsWith(`/${EMBED_PAGE}`);
  return { ...COMMON_HEADERS, ...(embed ? {} : APP_HEADERS) };
}

/**
 * Puts the CSP <meta> first in <head> of every page (the dev allowance only under
 * `vite serve`), and makes `vite preview` send the headers a deployment should send.
 */
export function securityPlugin(): Plugin {
  return {
    name: 'arplab-security',
    transformIndexHtml: {
      order: 'pre',
      handler: (_html, ctx) => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: cspText(ctx.server !== undefined) }, injectTo: 'head-prepend' },
      ],
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        for (const [k, v] of Object.entries(headersFor(req.url ?? '/'))) res.setHeader(k, v);
        next();
      });
    },
  };
}
