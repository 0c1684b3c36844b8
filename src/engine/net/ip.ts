/**
 * IPv4 addresses as unsigned 32-bit numbers (fast to compare and mask), parsed and
 * formatted at the edges. Prefixes as {addr, len}.
 */

/** An IPv4 address as an unsigned 32-bit integer. */
export type Ip4 = number;

export function parseIp(text: string): Ip4 | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let v = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = v * 256 + n;
  }
  return v >>> 0;
}

export function ip(text: string): Ip4 {
  const v = parseIp(text);
  if (v === null) throw new Error(`invalid IPv4 address "${text}"`);
  return v;
}

export function fmtIp(v: Ip4): string {
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

export function maskOf(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

export interface Prefix {
  addr: Ip4;
  len: number;
}

export function parsePrefix(text: string): Prefix | null {
  if (text === 'default') return { addr: 0, len: 0 };
  const slash = text.indexOf('/');
  const a = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (a === null) return null;
  const len = slash < 0 ? 32 : Number(text.slice(slash + 1));
  if (!Number.isInteger(len) || len < 0 || len > 32) return null;
  return { addr: a, len };
}

export function prefix(text: string): Prefix {
  const p = parsePrefix(text);
  if (!p) throw new Error(`invalid prefix "${text}"`);
  return p;
}

export function inPrefix(a: Ip4, net: Ip4, len: number): boolean {
  const m = maskOf(len);
  return ((a & m) >>> 0) === ((net & m) >>> 0);
}

export function networkOf(a: Ip4, len: number): Ip4 {
  return (a & maskOf(len)) >>> 0;
}

export function fmtPrefix(addr: Ip4, len: number): string {
  if (len === 0 && addr === 0) return 'default';
  return len === 32 ? fmtIp(addr) : `${fmtIp(networkOf(addr, len))}/${len}`;
}

export const isMulticast = (a: Ip4) => a >>> 28 === 0xe;
export const isLimitedBroadcast = (a: Ip4) => a === 0xffffffff;
export const isZeronet = (a: Ip4) => a >>> 24 === 0;
export const isLoopbackNet = (a: Ip4) => a >>> 24 === 127;
export const ZERO_IP: Ip4 = 0;
