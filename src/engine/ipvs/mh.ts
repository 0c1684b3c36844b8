/**
 * The Maglev hashing scheduler (net/netfilter/ipvs/ip_vs_mh.c), without its flags: no
 * mh-fallback (an unavailable server's slot gives "no destination") and no mh-port (the
 * client's port is not hashed). Each real server gets a permutation of the lookup table's
 * slots (an offset and a skip from two keyed hashes of its address and port); the slots
 * are filled round-robin, each server taking `turns` slots per round in proportion to its
 * weight; a client goes to the server in the slot its source address hashes to.
 */
import type { Ip4 } from '../net/ip.ts';
import { hsiphash32 } from './siphash.ts';

/**
 * IP_VS_MH_TAB_SIZE: primes[CONFIG_IP_VS_MH_TAB_INDEX - 8] with the Kconfig default index
 * 12 — 4093 slots (the primes are 251, 509, 1021, 2039, 4093, …).
 */
export const MH_TAB_SIZE = 4093;
/** IP_VS_MH_TAB_BITS = CONFIG_IP_VS_MH_TAB_INDEX / 2: how many bits of weight/gcd count. */
const MH_TAB_BITS = 6;

/** generate_hash_secret: fixed keys, so every kernel builds the same table. */
export const MH_HASH1: readonly [bigint, bigint] = [2654435761n, 2654435761n];
export const MH_HASH2: readonly [bigint, bigint] = [2654446892n, 2654446892n];

/** ip_vs_mh_hashkey: hsiphash of offset + port + address (host order, one u32). */
export function mhHashkey(addr: Ip4, port: number, key: readonly [bigint, bigint], offset = 0): number {
  return hsiphash32((offset + port + addr) >>> 0, key);
}

/** ip_vs_mh_dest_setup: where a server's permutation starts, its step, its slots per round. */
export interface MhSetup {
  offset: number;
  skip: number;
  turns: number;
}

/**
 * ip_vs_mh_populate: fills the table round by round, each server (in list order) taking
 * its next free preferred slot `turns` times; a server with no turns is passed over.
 * Returns each slot's server (its index in the list), -1 where none (every weight 0).
 */
export function mhPopulate(setups: readonly MhSetup[], size = MH_TAB_SIZE): Int32Array {
  const table = new Int32Array(size).fill(-1);
  if (!setups.some((s) => s.turns >= 1)) return table;
  const taken = new Uint8Array(size);
  const perm = setups.map((s) => s.offset);
  let n = 0;
  let dt = 0;
  for (;;) {
    for (let i = 0; i < setups.length;) {
      const ds = setups[i];
      if (ds.turns < 1) {
        i++;
        continue;
      }
      while (taken[perm[i]]) {
        perm[i] += ds.skip;
        if (perm[i] >= size) perm[i] -= size;
      }
      taken[perm[i]] = 1;
      table[perm[i]] = i;
      if (++n === size) return table;
      if (++dt >= ds.turns) {
        dt = 0;
        i++;
      }
    }
  }
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** fls: the position of the highest set bit, 1-based; 0 for 0. */
const fls = (x: number) => (x === 0 ? 0 : 32 - Math.clz32(x));

/**
 * ip_vs_mh_gcd_weight, ip_vs_mh_shift_weight and ip_vs_mh_permutate: each server's setup
 * (servers in list order; `weight` is last_weight, the configured weight here).
 */
export function mhSetups(dests: readonly { addr: Ip4; port: number; weight: number }[], size = MH_TAB_SIZE): MhSetup[] {
  let g = 0;
  for (const d of dests) if (d.weight > 0) g = g > 0 ? gcd(d.weight, g) : d.weight;
  if (g < 1) return dests.map(() => ({ offset: 0, skip: 0, turns: 0 }));
  const mw = Math.floor(Math.max(...dests.map((d) => d.weight)) / g);
  const rshift = Math.max(0, fls(mw) - MH_TAB_BITS);
  return dests.map((d) => ({
    offset: mhHashkey(d.addr, d.port, MH_HASH1) % size,
    skip: (mhHashkey(d.addr, d.port, MH_HASH2) % (size - 1)) + 1,
    turns: (Math.floor(d.weight / g) >> rshift) || (d.weight !== 0 ? 1 : 0),
  }));
}

/** ip_vs_mh_get: the slot a client's source address hashes to (port 0: no mh-port flag). */
export const mhSlot = (saddr: Ip4, size = MH_TAB_SIZE) => mhHashkey(saddr, 0, MH_HASH1) % size;
