/**
 * Frames in tcpdump 4.99's wording (`tcpdump -n`, optionally `-e`), as the spec's §7.6 quotes
 * them: `ARP, Request who-has 192.168.100.36 tell 192.168.100.39, length 28`. The "(mac)"
 * after the target appears only when tha is non-zero (arping's requests; never the kernel's).
 */
import type { Frame } from '../../engine/index.ts';

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
  return ipText(frame.ip!, frame.length - ETH_HEADER);
}

/** tcpdump -n's line for an IPv4 datagram of `len` bytes (IP-in-IP prints the outer, then the inner). */
function ipText(ip: NonNullable<Frame['ip']>, len: number): string {
  const body = len - 20;
  if (ip.ipip) return `${ip.src} > ${ip.dst}: ${ipText(ip.ipip, body)}`;
  if (ip.tcp) {
    const t = ip.tcp;
    const dlen = t.data?.length ?? 0;
    const seq = dlen ? `seq ${t.seq}:${t.seq + dlen}` : `seq ${t.seq}`;
    const ack = t.flags.includes('.') ? `, ack ${t.ack}` : '';
    return `${ip.src}.${t.sport} > ${ip.dst}.${t.dport}: Flags [${t.flags}], ${seq}${ack}, length ${dlen}`;
  }
  if (ip.udp) return `${ip.src}.${ip.udp.sport} > ${ip.dst}.${ip.udp.dport}: UDP, length ${ip.udp.data?.length ?? 0}`;
  const icmp = ip.icmp!;
  if (icmp.type === 'redirect') return `${ip.src} > ${ip.dst}: ICMP redirect ${icmp.about ?? '?'} to host ${icmp.gateway ?? '?'}, length ${body}`;
  if (icmp.type === 'dest-unreachable') {
    if (icmp.quote) return `${ip.src} > ${ip.dst}: ICMP ${icmp.about ?? '?'} ${icmp.quote.proto} port ${icmp.quote.dport} unreachable, length ${body}`;
    return `${ip.src} > ${ip.dst}: ICMP host ${icmp.about ?? '?'} unreachable, length ${body}`;
  }
  const kind = icmp.type === 'echo-request' ? 'echo request' : 'echo reply';
  return `${ip.src} > ${ip.dst}: ICMP ${kind}, id ${icmp.id}, seq ${icmp.seq}, length ${body}`;
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
