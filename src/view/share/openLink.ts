/**
 * Share links decoded and validated in a worker (openOffThread.ts, open.worker.ts), and the results kept for
 * the share layer: main.tsx opens the page's own link before the first render (awaiting the
 * worker leaves the page free), so ShareRoot finds it decoded; a link pasted later
 * (hashchange) is opened the same way. Where there is no Worker (unit tests) the link is
 * opened in this thread.
 *
 * A link opened in the worker was validated there by the same code: its load is handed to
 * the scenario layer (`reuseLoad`), so the store's checked dispatch does not validate the
 * 1,000 actions of a heavy link a second time.
 */
import type { OpenedLink } from '../../scenario/codec/url.ts';
import { loadModel } from '../../store/lazyModel.ts';
import { openOffThread } from './openOffThread.ts';

/** Links already opened, by the address fragment they came from. */
const opened = new Map<string, OpenedLink>();

/** Opens the link in this thread (the scenario model loads first if it has not yet). */
const inThisThread = (hash: string) => loadModel().then((m) => m.openShareLink(hash));

/** Opens the link in `hash` off the page's thread and keeps the result for `takeOpenedLink`. */
export async function openLinkOffThread(hash: string): Promise<OpenedLink> {
  // The worker starts at once, while the model is still loading (main.tsx); the model is
  // needed to hand the worker's load over (openOffThread awaits it).
  const r = await openOffThread({ kind: 'link', hash }, () => inThisThread(hash));
  opened.set(hash, r);
  return r;
}

/** The link of `hash` if it was opened already (once: it is forgotten after). */
export function takeOpenedLink(hash: string): OpenedLink | null {
  const r = opened.get(hash) ?? null;
  opened.delete(hash);
  return r;
}
