/**
 * IPv4 and MAC text formats as scenario files write them. Strict on purpose: a leading zero
 * ("010") is rejected because inet_aton would read it as octal, and a MAC needs six hex pairs.
 */

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const MAC_RE = /^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}$/;

export function isIPv4(s: string): boolean {
  return IPV4_RE.test(s);
}

/** "a.b.c.d" → unsigned 32-bit number, or null. */
export function parseIPv4(s: string): number | null {
  if (!IPV4_RE.test(s)) return null;
  return s.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export interface Cidr {
  addr: number;
  prefix: number;
}

/** "a.b.c.d/len" (len 0–32, no leading zeros) → address and prefix length, or null. */
export function parseCidr(s: string): Cidr | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = parseIPv4(s.slice(0, slash));
  const len = s.slice(slash + 1);
  if (addr === null || !/^(?:[0-9]|[12][0-9]|3[0-2])$/.test(len)) return null;
  return { addr, prefix: Number(len) };
}

export function isCidr(s: string): boolean {
  return parseCidr(s) !== null;
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function networkOf(addr: number, prefix: number): number {
  return (addr & maskOf(prefix)) >>> 0;
}

export function inSubnet(ip: number, net: Cidr): boolean {
  return networkOf(ip, net.prefix) === networkOf(net.addr, net.prefix);
}

/**
 * A route destination: "default", "a.b.c.d/len" or a bare address (/32), as `ip route` takes it.
 * Returns null when it is none of those.
 */
export function parseRouteDest(s: string): Cidr | null {
  if (s === 'default') return { addr: 0, prefix: 0 };
  if (s.includes('/')) return parseCidr(s);
  const addr = parseIPv4(s);
  return addr === null ? null : { addr, prefix: 32 };
}

export function isMac(s: string): boolean {
  return MAC_RE.test(s);
}

/** Group bit of the first octet: a multicast or broadcast MAC, which no interface may own. */
export function isMulticastMac(s: string): boolean {
  return (parseInt(s.slice(0, 2), 16) & 1) === 1;
}

export function isZeroMac(s: string): boolean {
  return /^00(?::00){5}$/.test(s);
}

/** A dotted netmask with contiguous ones (255.255.255.0; 0.0.0.0 and 255.255.255.255 too). */
export function isNetmask(s: string): boolean {
  const n = parseIPv4(s);
  if (n === null) return false;
  const inv = ~n >>> 0;
  return (inv & (inv + 1)) === 0;
}

const hex2 = (n: number) => (n & 0xff).toString(16).padStart(2, '0');

/** The contract's default MAC: host index from 1, interface index from 0. */
export function defaultMac(hostIndex: number, ifIndex: number): string {
  return `02:00:00:00:${hex2(hostIndex)}:${hex2(ifIndex)}`;
}
