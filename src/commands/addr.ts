/** IPv4 text ↔ number, and netmasks, for the net-tools printers (ifconfig's netmask, route's Genmask). */
export function ipToInt(s: string): number {
  return s.split('.').reduce((a, p) => ((a << 8) | Number(p)) >>> 0, 0);
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function maskText(len: number): string {
  return intToIp(len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);
}

/** A dotted netmask's prefix length, or null when it is not contiguous. */
export function maskLen(mask: string): number | null {
  const n = ipToInt(mask);
  const len = 32 - Math.log2(((~n >>> 0) + 1) || 2 ** 32);
  return Number.isInteger(len) && maskText(len) === mask ? len : null;
}
