/** An in-memory Storage for tests; `full` makes every write fail (quota), `failPrefix` only writes to keys with that prefix. */
export function memoryStorage(opts: { full?: boolean; failPrefix?: string } = {}): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => {
      if (opts.full || (opts.failPrefix && k.startsWith(opts.failPrefix))) throw new DOMException('full', 'QuotaExceededError');
      m.set(k, String(v));
    },
  };
}
