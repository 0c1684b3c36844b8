/**
 * Frames in tcpdump 4.99's wording (`tcpdump -n`, optionally `-e`), as the spec's §7.6 quotes
 * them: `ARP, Request who-has 192.168.100.36 tell 192.168.100.39, length 28`. The "(mac)"
 * after the target appears only when tha is non-zero (arping's requests; never the kernel's).
 */
import type { Frame } from '../../engine/trace.ts';

const ZERO_MAC = '00:00:00:00:00:00';
const ETH_HEADER = 14;
/** Minimum Ethernet frame without FCS: a physical NIC pads shorter frames to this. */
export const MIN_FRAME = 60;

export function wireLength(frame: Frame, padded: boolean): number {
  return padded ? Math.max(MIN_FRAME, frame.length) : frame.length;
}

function arpBody(frame: Frame, padded: boolean): string {
  const a = frame.arp!;
  const len = wireLength(frame, padded) - ETH_HEADER;
  switch (a.op) {
    case 1:
      return `Request who-has ${a.tpa}${a.tha !== ZERO_MAC ? ` (${a.tha})` : ''} tell ${a.spa}, length ${len}`;
    case 2:
      return `Reply ${a.spa} is-at ${a.sha}, length ${len}`;
    case 3:
      return `Reverse Request who-is ${a.tha} tell ${a.sha}, length ${len}`;
    case 4:
      return `Reverse Reply ${a.tha} at ${a.tpa}, length ${len}`;
    default:
      return `Unknown (${a.op}), length ${len}`;
  }
}

function ipBody(frame: Frame): string {
  const ip = frame.ip!;
  if (ip.icmp.type === 'redirect') {
    return `${ip.src} > ${ip.dst}: ICMP redirect ${ip.icmp.about ?? '?'} to host ${ip.icmp.gateway ?? '?'}, length ${frame.length - ETH_HEADER - 20}`;
  }
  if (ip.icmp.type === 'dest-unreachable') {
    return `${ip.src} > ${ip.dst}: ICMP host ${ip.icmp.about ?? '?'} unreachable, length ${frame.length - ETH_HEADER - 20}`;
  }
  const kind = ip.icmp.type === 'echo-request' ? 'echo request' : 'echo reply';
  return `${ip.src} > ${ip.dst}: ICMP ${kind}, id ${ip.icmp.id}, seq ${ip.icmp.seq}, length ${frame.length - ETH_HEADER - 20}`;
}

/** One line as `tcpdump -n` prints it (without the timestamp). */
export function tcpdumpLine(frame: Frame, opts: { link?: boolean; padded?: boolean } = {}): string {
  const padded = opts.padded ?? false;
  const isArp = frame.ethertype === 0x0806 && frame.arp !== undefined;
  const body = isArp ? arpBody(frame, padded) : frame.ip ? ipBody(frame) : `ethertype 0x${frame.ethertype.toString(16).padStart(4, '0')}`;
  if (!opts.link) return isArp ? `ARP, ${body}` : frame.ip ? `IP ${body}` : body;
  const et = isArp ? 'ARP (0x0806)' : 'IPv4 (0x0800)';
  return `${frame.src} > ${frame.dst}, ethertype ${et}, length ${wireLength(frame, padded)}: ${body}`;
}

/** tcpdump's `-tt`-style timestamp for simulated microseconds: seconds with six decimals. */
export function formatSeconds(us: number): string {
  const s = Math.floor(us / 1e6);
  return `${s}.${String(us - s * 1e6).padStart(6, '0')}`;
}
