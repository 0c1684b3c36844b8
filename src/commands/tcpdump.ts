/**
 * `tcpdump -n [-e] [-i DEV] [FILTER]` over the trace: the frames the host's device sent
 * and received from the start up to the end of the cursor's step, in tcpdump 4.99's words
 * (src/view/format/tcpdump.ts), time of day counted from the simulation's start. Filters:
 * `arp`, `icmp`, `tcp`, `udp`, `ip`, `host X`, `src|dst [host] X`, `ether host MAC`,
 * joined by `and`/`or`/`not` (left to right, `not` binding tightest; no parentheses).
 */
import type { Frame } from '../engine/index.ts';
import { tcpdumpLine } from '../view/format/tcpdump.ts';
import { framesSeen } from './counters.ts';
import { err, viewOf, type CommandResult, type ConsoleState } from './state.ts';

type Pred = (f: Frame) => boolean;

const ips = (f: Frame, which: 'src' | 'dst' | 'any'): string[] => {
  if (f.arp) return which === 'src' ? [f.arp.spa] : which === 'dst' ? [f.arp.tpa] : [f.arp.spa, f.arp.tpa];
  if (f.ip) return which === 'src' ? [f.ip.src] : which === 'dst' ? [f.ip.dst] : [f.ip.src, f.ip.dst];
  return [];
};

const SYNTAX = 'tcpdump: syntax error in filter expression: syntax error';

/** A filter expression, or the error tcpdump prints for it. */
export function parseFilter(words: string[]): Pred | { error: string } {
  let i = 0;
  const primitive = (): Pred | null => {
    const w = words[i++];
    if (w === undefined) return null;
    if (w === 'not' || w === '!') {
      const p = primitive();
      return p && ((f) => !p(f));
    }
    if (w === 'arp') return (f) => f.arp !== undefined;
    if (w === 'ip') return (f) => f.ip !== undefined;
    if (w === 'icmp') return (f) => f.ip?.icmp !== undefined;
    if (w === 'tcp') return (f) => f.ip?.tcp !== undefined;
    if (w === 'udp') return (f) => f.ip?.udp !== undefined;
    if (w === 'ether') {
      const dir = words[i] === 'src' || words[i] === 'dst' ? words[i++] : 'any';
      if (words[i++] !== 'host') return null;
      const mac = words[i++]?.toLowerCase();
      if (mac === undefined) return null;
      return (f) => (dir !== 'dst' && f.src === mac) || (dir !== 'src' && f.dst === mac);
    }
    const dir = w === 'src' || w === 'dst' ? w : 'any';
    if (dir !== 'any' && words[i] === 'host') i++;
    if (dir === 'any' && w !== 'host') return null;
    const a = words[i++];
    if (a === undefined || !/^\d{1,3}(\.\d{1,3}){3}$/.test(a)) return null;
    return (f) => ips(f, dir).includes(a);
  };
  if (words.length === 0) return () => true;
  let acc = primitive();
  if (!acc) return { error: SYNTAX };
  while (i < words.length) {
    const op = words[i++];
    const next = primitive();
    if (!next || !['and', '&&', 'or', '||'].includes(op)) return { error: SYNTAX };
    const left: Pred = acc;
    acc = op === 'and' || op === '&&' ? (f: Frame): boolean => left(f) && next(f) : (f: Frame): boolean => left(f) || next(f);
  }
  return acc;
}

/** Simulated µs as tcpdump's time of day, counted from 00:00:00. */
export function timeOfDay(us: number): string {
  const s = Math.floor(us / 1e6);
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}.${String(us % 1e6).padStart(6, '0')}`;
}

export function tcpdumpCommand(st: ConsoleState, argv: string[]): CommandResult {
  let link = false;
  let dev: string | undefined;
  let count = Infinity;
  const rest: string[] = [];
  for (let k = 1; k < argv.length; k++) {
    const w = argv[k];
    if (w === '-i') {
      dev = argv[++k];
      if (dev === undefined) return err(1, "tcpdump: option requires an argument -- 'i'");
    } else if (w === '-c') {
      count = Number(argv[++k]);
      if (!Number.isInteger(count) || count <= 0) return err(1, `tcpdump: invalid packet count ${argv[k]}`);
    } else if (/^-[nelq]+$/.test(w)) {
      if (w.includes('e')) link = true;
    } else if (w.startsWith('-') && w.length > 1) return err(1, `tcpdump: invalid option -- '${w[1]}'`);
    else rest.push(w);
  }
  const v = viewOf(st);
  // Without -i, tcpdump takes the first interface that is up and not loopback.
  const devName = dev ?? v.devices.find((d) => d.up && !d.loopback)?.name ?? 'lo';
  const d = v.devices.find((x) => x.name === devName);
  if (!d) return err(1, `tcpdump: ${devName}: No such device exists`, '(No such device exists)');
  if (!d.up) return err(1, `tcpdump: ${devName}: That device is not up`);
  const filter = parseFilter(rest);
  if ('error' in filter) return err(1, filter.error);
  const frames = framesSeen(st.sim, st.host, st.step).filter((s) => s.dev === devName && filter(s.frame));
  const shown = frames.slice(0, count);
  const out = [
    'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode',
    `listening on ${devName}, link-type EN10MB (Ethernet), snapshot length 262144 bytes`,
    ...shown.map((s) => `${timeOfDay(s.t)} ${tcpdumpLine(s.frame, { link })}`),
    '',
    `${shown.length} packet${shown.length === 1 ? '' : 's'} captured`,
    `${frames.length} packet${frames.length === 1 ? '' : 's'} received by filter`,
    '0 packets dropped by kernel',
  ];
  return { out, rc: 0 };
}
