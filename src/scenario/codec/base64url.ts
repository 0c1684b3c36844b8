/**
 * base64url without padding (RFC 4648 §5), strict on the way in: any character outside the
 * alphabet is reported with its position, so a damaged link says where it is damaged.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

export type Base64Result =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'char'; char: string; position: number }
  | { ok: false; reason: 'length' };

/** Decodes base64url; trailing "=" padding is tolerated. */
export function fromBase64Url(text: string): Base64Result {
  const s = text.replace(/=+$/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || INDEX[c] < 0) return { ok: false, reason: 'char', char: String.fromCodePoint(s.codePointAt(i) ?? c), position: i };
  }
  if (s.length % 4 === 1) return { ok: false, reason: 'length' };
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < s.length; i += 4) {
    const n = (INDEX[s.charCodeAt(i)] << 18) | (INDEX[s.charCodeAt(i + 1)] << 12) | (INDEX[s.charCodeAt(i + 2)] << 6) | INDEX[s.charCodeAt(i + 3)];
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = s.length - i;
  if (rest >= 2) {
    const n = (INDEX[s.charCodeAt(i)] << 18) | (INDEX[s.charCodeAt(i + 1)] << 12) | (rest === 3 ? INDEX[s.charCodeAt(i + 2)] << 6 : 0);
    out[o++] = n >> 16;
    if (rest === 3) out[o++] = (n >> 8) & 255;
  }
  return { ok: true, bytes: out };
}
