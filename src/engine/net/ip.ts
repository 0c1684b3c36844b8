/**
 * IPv4 addresses as unsigned 32-bit numbers (fast to compare and mask), parsed and
 * formatted at the edges. Prefixes as {addr, len}.
 */

/** An IPv4 address as an unsigned 32-bit integer. */
export type Ip4 = number;

const parsed = new Map<string, Ip4 | null>();

/** Dotted quad → number (memoised: frames carry addresses as text). */
export function parseIp(text: string): Ip4 | null {
  const hit = parsed.get(text);
  if (hit !== undefined) return hit;
  const v = parseIpUncached(text);
  if (parsed.size > 100_000) parsed.clear();
  parsed.set(text, v);
  return v;
}

function parseIpUncached(text: string): Ip4 | null {
  let v = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return null;
      v = v * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return null;
    } else return null;
  }
  if (dots !== 3 || digits === 0) return null;
  return (v * 256 + part) >>> 0;
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
