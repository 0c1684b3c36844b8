/**
 * Seeded PRNG (mulberry32): the engine's only source of randomness, so the same
 * scenario and seed give a byte-identical trace. The kernel draws reachable_time and
 * the proxy_arp delay at random (neigh_rand_reach_time, pneigh_enqueue).
 */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = (seed >>> 0) ^ 0x9e3779b9;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Uniform integer in [0, n). */
  below(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.next() * n);
  }
}
