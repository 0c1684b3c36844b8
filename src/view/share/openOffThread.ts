/**
 * Opening a scenario off the page's thread: a share link (base64, inflate, JSON,
 * validation), a scenario file (JSON, validation, salvage) or a Gallery entry (the 1,001-host
 * data centre is generated there too) is answered by a worker (open.worker.ts) with plain
 * data, and the page stays free meanwhile. The load is then handed to the scenario layer
 * (`reuseLoad`), so the store's checked dispatch does not validate it a second time. Where no
 * Worker can start (unit tests, a CSP without worker-src, a failed fetch) `here` does the
 * same work in this thread.
 */
import type { OpenedLink } from '../../scenario/codec/url.ts';
import type { LoadResult } from '../../scenario/load.ts';
import type { SalvageResult } from '../../scenario/salvage.ts';
import { loadModel } from '../../store/lazyModel.ts';

export type OpenRequest = { kind: 'link'; hash: string } | { kind: 'file'; text: string } | { kind: 'gallery'; id: string };

/** What the worker answers to each kind of request. */
export interface OpenAnswers {
  link: OpenedLink;
  file: SalvageResult;
  gallery: LoadResult;
}

export type OpenAnswer<R extends OpenRequest> = OpenAnswers[R['kind']];

function viaWorker<R extends OpenRequest>(req: R, here: () => Promise<OpenAnswer<R>>): Promise<OpenAnswer<R>> {
  return new Promise((resolve) => {
    let w: Worker;
    try {
      w = new Worker(new URL('./open.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(here());
      return;
    }
    const done = (r: OpenAnswer<R> | Promise<OpenAnswer<R>>) => {
      w.terminate();
      resolve(r);
    };
    w.onmessage = (ev: MessageEvent<OpenAnswer<R>>) => done(ev.data);
    // A worker that cannot start: open it here.
    w.onerror = (ev) => {
      ev.preventDefault();
      done(here());
    };
    w.postMessage(req);
  });
}

/** Answers `req` in a worker (or, without one, with `here`), and hands a successful load to the store's checks. */
export async function openOffThread<R extends OpenRequest>(req: R, here: () => Promise<OpenAnswer<R>>): Promise<OpenAnswer<R>> {
  const r = typeof Worker === 'undefined' ? await here() : await viaWorker(req, here);
  if (r.ok) (await loadModel()).reuseLoad({ ok: true, scenario: r.scenario, engine: r.engine });
  return r;
}
