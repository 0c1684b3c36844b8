/**
 * A derivation of one store object, computed once per object (by identity). zustand runs every
 * component's selector on every store update — about 60 a second while the playback runs —
 * so a selector that walks the scenario's hosts (a thousand of them in a data centre) must
 * not walk them again while they are the same object: the store replaces what an edit
 * changes and keeps the rest.
 */
export function perObject<T extends object, R>(derive: (o: T) => R): (o: T) => R {
  const seen = new WeakMap<T, { value: R }>();
  return (o) => {
    let c = seen.get(o);
    if (!c) seen.set(o, (c = { value: derive(o) }));
    return c.value;
  };
}
