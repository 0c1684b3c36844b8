/**
 * One job in a fresh module worker that answers with progress messages, then `done` or
 * `error` (the explain and auto-layout workers). An abort terminates the worker, whatever it is
 * computing: a synchronous simulation or d3-force loop cannot be interrupted any other way.
 * The worker is made by the caller (`new Worker(new URL(...), ...)` must stay in the module
 * next to the worker's file, for Vite to bundle it).
 */
export type WorkerReply<P, D> = ({ kind: 'progress' } & P) | ({ kind: 'done' } & D) | { kind: 'error'; message: string };

export function runInWorker<Req, P, D>(
  make: () => Worker,
  req: Req,
  opts: {
    signal?: AbortSignal;
    onProgress?: (p: P) => void;
    /** What an abort rejects with. */
    aborted: () => unknown;
    /** What the worker's error (its message, or none when it could not run) rejects with. */
    failed: (message: string | undefined) => unknown;
  },
): Promise<D> {
  const { signal, onProgress, aborted, failed } = opts;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(aborted());
      return;
    }
    const w = make();
    const end = () => {
      w.terminate();
      signal?.removeEventListener('abort', stop);
    };
    const stop = () => {
      end();
      reject(aborted());
    };
    signal?.addEventListener('abort', stop, { once: true });
    w.onmessage = (ev: MessageEvent<WorkerReply<P, D>>) => {
      const m = ev.data;
      if (m.kind === 'progress') {
        onProgress?.(m);
        return;
      }
      end();
      if (m.kind === 'done') resolve(m);
      else reject(failed(m.message));
    };
    w.onerror = (e) => {
      e.preventDefault();
      end();
      reject(failed(e.message || undefined));
    };
    w.postMessage(req);
  });
}
