/**
 * What a frame's token says on the canvas. ARP frames keep their short kind label; IP
 * frames say what they carry and between which ends, as a person reading a capture would:
 * `SYN 10.0.1.2:40000 → 10.0.0.100:80`, `ECHO 10.0.1.2 → 10.0.0.100`, and for IP-in-IP the
 * outer addresses with the packet inside in brackets (LVS-TUN). NAT needs nothing special:
 * a rewritten destination is simply what the frame after the director carries.
 * Protocol terms, not translated (like the kind labels in frameStyle.ts).
 */
import type { Frame, FrameKind, IpFields } from '../../engine/index.ts';
import { FRAME_STYLES } from './frameStyle.ts';

export interface PacketLabel {
  /** A word or two: drawn when many frames are in the air. */
  short: string;
  /** With the addresses: drawn when few are. */
  long: string;
}

const FLAG_NAMES: Record<string, string> = { S: 'SYN', F: 'FIN', R: 'RST', P: 'PSH', '.': 'ACK' };

/** tcpdump's flag letters ("S.", "P.", "F.") as names ("SYN-ACK", "PSH-ACK", "FIN-ACK"). */
export function tcpFlagNames(flags: string): string {
  return [...flags].map((c) => FLAG_NAMES[c] ?? c).join('-') || 'TCP';
}

function ipShort(ip: IpFields, kind: FrameKind): string {
  if (ip.tcp) return tcpFlagNames(ip.tcp.flags);
  if (ip.udp) return 'UDP';
  if (ip.ipip) return 'IPIP';
  return FRAME_STYLES[kind].label;
}

function ipLong(ip: IpFields, kind: FrameKind): string {
  if (ip.tcp) return `${tcpFlagNames(ip.tcp.flags)} ${ip.src}:${ip.tcp.sport} → ${ip.dst}:${ip.tcp.dport}`;
  if (ip.udp) return `UDP ${ip.src}:${ip.udp.sport} → ${ip.dst}:${ip.udp.dport}`;
  if (ip.ipip) return `IPIP ${ip.src} → ${ip.dst} [${ipLong(ip.ipip, innerKind(ip.ipip))}]`;
  return `${FRAME_STYLES[kind].label} ${ip.src} → ${ip.dst}`;
}

function innerKind(ip: IpFields): FrameKind {
  if (ip.tcp) return 'tcp';
  if (ip.udp) return 'udp';
  if (ip.ipip) return 'ipip';
  const t = ip.icmp?.type;
  return t === 'echo-request' ? 'icmp-echo-request' : t === 'echo-reply' ? 'icmp-echo-reply' : t === 'redirect' ? 'icmp-redirect' : 'icmp-unreachable';
}

export function packetLabel(frame: Frame, kind: FrameKind): PacketLabel {
  const ip = frame.ip;
  if (!ip) return { short: FRAME_STYLES[kind].label, long: FRAME_STYLES[kind].label };
  const short = ip.ipip ? `IPIP[${ipShort(ip.ipip, innerKind(ip.ipip))}]` : ipShort(ip, kind);
  return { short, long: ipLong(ip, kind) };
}

/**
 * Labels by frame id for one timeline: each is made once, when its frame is first drawn,
 * and reused on every animation frame after that (playback allocates no strings per frame).
 */
export class LabelCache {
  private owner: unknown = null;
  private readonly map = new Map<number, PacketLabel>();

  get(owner: unknown, frame: Frame, kind: FrameKind): PacketLabel {
    if (owner !== this.owner) {
      this.owner = owner;
      this.map.clear();
    }
    let l = this.map.get(frame.id);
    if (!l) {
      l = packetLabel(frame, kind);
      this.map.set(frame.id, l);
    }
    return l;
  }
}

/** Space kept between a token's label and the view's edge (px). */
const EDGE = 4;

/**
 * Where a token's label is drawn (the left end of its baseline), kept inside the view of
 * `w` × `h` px: to the right of the token and above it, as usual; on its left when it would
 * run past the right edge, below it when it would leave by the top; and then pushed in from
 * whatever edge it still crosses (a label longer than the view starts at its left edge).
 * `width` is the text's measured width, `ascent` its height above the baseline, `z` the
 * token's scale.
 */
export function tokenLabelAt(x: number, y: number, width: number, ascent: number, w: number, h: number, z: number): { x: number; y: number } {
  let lx = x + 12 * z;
  if (lx + width > w - EDGE) lx = x - 12 * z - width;
  lx = Math.max(EDGE, Math.min(lx, w - EDGE - width));
  let ly = y - 8 * z;
  if (ly - ascent < EDGE) ly = y + 8 * z + ascent;
  ly = Math.max(EDGE + ascent, Math.min(ly, h - EDGE));
  return { x: lx, y: ly };
}
