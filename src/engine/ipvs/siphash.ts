/**
 * SipHash as lib/siphash.c computes it, for IPVS's Maglev scheduler. On 64-bit kernels
 * hsiphash ("HalfSipHash1-3") is SipHash-1-3 with 64-bit keys, truncated to 32 bits
 * (lib/siphash.c: "on 64-bit, we make HalfSipHash1-3 actually be SipHash1-3"); the rounds
 * are a parameter so that the SipHash-2-4 reference vectors can check the implementation.
 * BigInt arithmetic: it runs when a service's table is built and once per scheduling.
 */
const M64 = (1n << 64n) - 1n;
const rol = (x: bigint, b: bigint) => ((x << b) | (x >> (64n - b))) & M64;

/** SipHash-c-d of `data` (little-endian bytes) with key (k0, k1): the 64-bit value. */
export function siphash(data: Uint8Array, k0: bigint, k1: bigint, c = 2, d = 4): bigint {
  let v0 = 0x736f6d6570736575n ^ k0;
  let v1 = 0x646f72616e646f6dn ^ k1;
  let v2 = 0x6c7967656e657261n ^ k0;
  let v3 = 0x7465646279746573n ^ k1;
  const round = () => {
    v0 = (v0 + v1) & M64; v1 = rol(v1, 13n); v1 ^= v0; v0 = rol(v0, 32n);
    v2 = (v2 + v3) & M64; v3 = rol(v3, 16n); v3 ^= v2;
    v0 = (v0 + v3) & M64; v3 = rol(v3, 21n); v3 ^= v0;
    v2 = (v2 + v1) & M64; v1 = rol(v1, 17n); v1 ^= v2; v2 = rol(v2, 32n);
  };
  const word = (at: number, n: number) => {
    let m = 0n;
    for (let i = n - 1; i >= 0; i--) m = (m << 8n) | BigInt(data[at + i]);
    return m;
  };
  const full = data.length - (data.length % 8);
  for (let at = 0; at < full; at += 8) {
    const m = word(at, 8);
    v3 ^= m;
    for (let i = 0; i < c; i++) round();
    v0 ^= m;
  }
  // PREAMBLE: b = len << 56, the last 0–7 bytes below it (POSTAMBLE).
  const b = ((BigInt(data.length) << 56n) | word(full, data.length - full)) & M64;
  v3 ^= b;
  for (let i = 0; i < c; i++) round();
  v0 ^= b;
  v2 ^= 0xffn;
  for (let i = 0; i < d; i++) round();
  return v0 ^ v1 ^ v2 ^ v3;
}

/** hsiphash(&v, sizeof(u32), key) on a 64-bit (little-endian) kernel: hsiphash_1u32. */
export function hsiphash32(v: number, key: readonly [bigint, bigint]): number {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, v >>> 0, true);
  return Number(siphash(bytes, key[0], key[1], 1, 3) & 0xffffffffn);
}
