/**
 * Address strings of the trace ("02:00:00:00:0a:00", "192.168.100.17") as the bytes that go
 * on the wire. Strict: an export must never write a frame that differs from the trace, so a
 * malformed address is an error rather than a guess.
 */

const MAC_RE = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/i;
const IPV4_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** "aa:bb:cc:dd:ee:ff" → 6 bytes. Throws on anything else. */
export function macBytes(mac: string): Uint8Array {
  if (!MAC_RE.test(mac)) throw new Error(`not a MAC address: "${mac}"`);
  return Uint8Array.from(mac.split(':'), (h) => parseInt(h, 16));
}

/** "a.b.c.d" → 4 bytes in network order. Throws on anything else. */
export function ipv4Bytes(ip: string): Uint8Array {
  const m = IPV4_RE.exec(ip);
  const parts = m ? m.slice(1).map(Number) : [];
  if (parts.length !== 4 || parts.some((n) => n > 255)) throw new Error(`not an IPv4 address: "${ip}"`);
  return Uint8Array.from(parts);
}
