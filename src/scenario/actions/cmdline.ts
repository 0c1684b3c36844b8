/**
 * Helpers for reading command lines the way the real tools do: words split on blanks,
 * short options as getopt(3) reads them (`-c 1`, `-c1`, `-Db`), `ip`'s keyword arguments,
 * and errors in the tools' own words.
 */
import { isCidr, isIPv4, isMac } from '../net.ts';
import type { ParseResult } from './descriptor.ts';

/** Words of a command line (no quoting: no value of the format contains blanks). */
export function words(line: string): string[] {
  return line.trim().split(/\s+/).filter(Boolean);
}

export const fail = (error: string): ParseResult => ({ ok: false, error });

/** A number as the tools print it (`1`, `0.5`; never `1.0`). */
export const num = (n: number) => String(n);

export interface Getopt {
  /** Options in the order given; a flag's value is true, a later one wins. */
  opts: Map<string, string | true>;
  args: string[];
}

/**
 * getopt(3) with `spec` like "c:w:DUAbfI:s:": a letter followed by ':' takes a value, by '::'
 * an optional one (only attached, `-pFILE`; without it the option keeps a value given
 * earlier, as a C program that sets its variable only when optarg is set does).
 * Errors are glibc's, prefixed with the program name as iputils prints them; with an error,
 * `before` holds the options read before it (a tool that acts on an option as getopt returns
 * it, as procps's -h, has done so before the error).
 */
export function getopt(prog: string, argv: string[], spec: string): Getopt | { error: string; before: Getopt['opts'] } {
  const opts = new Map<string, string | true>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    if (w === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!w.startsWith('-') || w === '-') {
      args.push(w);
      continue;
    }
    for (let k = 1; k < w.length; k++) {
      const ch = w[k];
      const at = spec.indexOf(ch);
      if (at < 0 || ch === ':') return { error: `${prog}: invalid option -- '${ch}'`, before: opts };
      if (spec[at + 1] !== ':') {
        opts.set(ch, true);
        continue;
      }
      const rest = w.slice(k + 1);
      if (spec[at + 2] === ':') {
        if (rest) opts.set(ch, rest);
        else if (!opts.has(ch)) opts.set(ch, true);
        break;
      }
      if (rest) opts.set(ch, rest);
      else if (i + 1 < argv.length) opts.set(ch, argv[++i]);
      else return { error: `${prog}: option requires an argument -- '${ch}'`, before: opts };
      break;
    }
  }
  return { opts, args };
}

/** A number option as iputils reads it (strtol/strtod with a range), or its error. */
export function numberArg(prog: string, v: string, min: number, max: number, whole: boolean): number | { error: string } {
  const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v) ? Number(v) : NaN;
  if (Number.isNaN(n) || (whole && !Number.isInteger(n))) return { error: `${prog}: invalid argument: '${v}'` };
  if (n < min || n > max) return { error: `${prog}: invalid argument: '${v}': out of range: ${min} <= value <= ${max}` };
  return n;
}

/** iputils' message for a destination that is no IPv4 address (it would try DNS). */
export const unknownHost = (prog: string, v: string) => `${prog}: ${v}: Name or service not known`;

// ---------------------------------------------------------------- ip(8)

/**
 * `ip` objects by the prefix iproute2 accepts (matches() in ip.c: the first object in its
 * table that starts with the word): `ip a`, `ip r`, `ip n`, `ip l`.
 */
const IP_OBJECTS = ['address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable', 'link'];
const CANONICAL: Record<string, string> = { neighbor: 'neigh', neighbour: 'neigh', address: 'addr' };

/** `ip OBJECT` → canonical words (`ip r` → ['ip', 'route']), or null for an unknown object. */
export function ipObject(word: string): string | null {
  const hit = IP_OBJECTS.find((o) => o.startsWith(word));
  if (!hit || !['address', 'route', 'neighbor', 'neighbour', 'link'].includes(hit)) return null;
  return CANONICAL[hit] ?? hit;
}

/** iproute2's errors (utils.c). */
export const ipErr = {
  inet: (v: string) => `Error: inet address is expected rather than "${v}".`,
  prefix: (v: string) => `Error: any valid prefix is expected rather than "${v}".`,
  garbage: (k: string) => `Error: either "${k}" is duplicate, or "${k}" is a garbage.`,
  /** invarg(): `Error: argument "V" is wrong: WHY` */
  arg: (v: string, why: string) => `Error: argument "${v}" is wrong: ${why}`,
  lladdr: (v: string) => `"${v}" is invalid lladdr.`,
  missing: (_k: string) => `Command line is not complete. Try option "help"`,
  need: (what: string) => `Error: ${what}`,
  unknown: (obj: string, cmd: string) => `Command "${cmd}" is unknown, try "ip ${obj} help".`,
};

/**
 * `ip` keyword arguments: `dev eth0 lladdr … nud permanent`. `keys` take a value, `flags`
 * none; the first other word is the positional argument (`first`) when allowed.
 */
export function ipArgs(
  argv: string[], keys: readonly string[], flags: readonly string[] = [],
): { kv: Map<string, string>; flags: Set<string>; rest: string[] } | { error: string } {
  const kv = new Map<string, string>();
  const on = new Set<string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    if (keys.includes(w)) {
      if (kv.has(w)) return { error: ipErr.garbage(w) };
      if (i + 1 >= argv.length) return { error: ipErr.missing(w) };
      kv.set(w, argv[++i]);
    } else if (flags.includes(w)) {
      on.add(w);
    } else {
      rest.push(w);
    }
  }
  return { kv, flags: on, rest };
}

/**
 * `ip neigh {replace,del} [to] IP dev DEV …`: the destination and device every neighbour
 * command requires, checked as iproute2 checks them, and the other keys' values.
 */
export function neighArgs(argv: string[], keys: readonly string[]): { ip: string; dev: string; kv: Map<string, string> } | { error: string } {
  const r = ipArgs(argv, ['dev', 'to', ...keys]);
  if ('error' in r) return r;
  const ip = r.kv.get('to') ?? r.rest[0];
  if (r.rest.length > (r.kv.has('to') ? 0 : 1)) return { error: ipErr.garbage(r.rest[r.rest.length - 1]) };
  const dev = r.kv.get('dev');
  if (ip === undefined || dev === undefined) return { error: 'Device and destination are required arguments.' };
  if (!isIPv4(ip)) return { error: ipErr.inet(ip) };
  return { ip, dev, kv: r.kv };
}

export const checks = { isIPv4, isCidr, isMac };
