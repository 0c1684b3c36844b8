/** Small pieces several action descriptors share. */

/** `host` or `hosts` of a format-v1 action, as a list. */
export function hostsOf(a: object): string[] {
  const x = a as { host?: unknown; hosts?: unknown };
  if (Array.isArray(x.hosts)) return x.hosts as string[];
  return typeof x.host === 'string' ? [x.host] : [];
}

/** One host as `host`, several as `hosts` (the spelling a person would write). */
export function hostField(hosts: string[]): { host: string } | { hosts: string[] } {
  return hosts.length === 1 ? { host: hosts[0] } : { hosts };
}

export const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];
export const hex = (n: number) => (n & 255).toString(16).padStart(2, '0');

/** Copies the fields of `a` that are set (not undefined). */
export function defined<T extends object>(a: T): T {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as T;
}

const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A per-device sysctl key (`net.ipv4.conf.eth0.…`, `net.ipv4.neigh.eth0.…`) with the device renamed. */
export const renameDevKey = (key: string, from: string, to: string) =>
  key.replace(new RegExp(`^(net\\.ipv4\\.(?:conf|neigh)\\.)${escapeRe(from)}\\.`), `$1${to}.`);

/** The device a per-device sysctl key names (not all/default), or null. */
export function devOfKey(key: string): string | null {
  const m = /^net\.ipv4\.(?:conf|neigh)\.([^.]+)\./.exec(key);
  return m && m[1] !== 'all' && m[1] !== 'default' ? m[1] : null;
}
