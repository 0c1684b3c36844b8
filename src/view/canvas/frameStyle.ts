/**
 * How each kind of frame looks: a shape and a short label as well as a colour, so that
 * requests, replies, gratuitous ARP and DAD probes are told apart without colour.
 */
import type { FrameKind } from '../../engine/index.ts';

/** `nested`: a pill inside a wider outline, for a packet inside a packet (IP-in-IP). */
export type Shape = 'circle' | 'square' | 'diamond' | 'triangle' | 'pill' | 'nested';

export interface FrameStyle {
  shape: Shape;
  /** Short label drawn next to the token (not translated: these are protocol terms). */
  label: string;
  /** CSS class that sets the colour. */
  cls: string;
  /** i18n key of the kind's name. */
  nameKey: string;
}

export const FRAME_STYLES: Record<FrameKind, FrameStyle> = {
  'arp-request': { shape: 'circle', label: 'REQ', cls: 'f-req', nameKey: 'frameKind.arp-request' },
  'arp-probe': { shape: 'circle', label: 'PROBE', cls: 'f-req', nameKey: 'frameKind.arp-probe' },
  'arping-request': { shape: 'circle', label: 'ARPING', cls: 'f-req', nameKey: 'frameKind.arping-request' },
  packit: { shape: 'diamond', label: 'PACKIT', cls: 'f-garp', nameKey: 'frameKind.packit' },
  'arp-reply': { shape: 'square', label: 'REPLY', cls: 'f-rep', nameKey: 'frameKind.arp-reply' },
  'arp-proxy-reply': { shape: 'square', label: 'PROXY', cls: 'f-rep', nameKey: 'frameKind.arp-proxy-reply' },
  'arp-dad-reply': { shape: 'square', label: 'DAD-REPLY', cls: 'f-rep', nameKey: 'frameKind.arp-dad-reply' },
  garp: { shape: 'diamond', label: 'GARP', cls: 'f-garp', nameKey: 'frameKind.garp' },
  'garp-reply': { shape: 'diamond', label: 'GARP-REPLY', cls: 'f-garp', nameKey: 'frameKind.garp-reply' },
  'dad-probe': { shape: 'triangle', label: 'DAD', cls: 'f-dad', nameKey: 'frameKind.dad-probe' },
  'icmp-echo-request': { shape: 'pill', label: 'ECHO', cls: 'f-icmp', nameKey: 'frameKind.icmp-echo-request' },
  'icmp-echo-reply': { shape: 'pill', label: 'ECHO-REPLY', cls: 'f-icmp', nameKey: 'frameKind.icmp-echo-reply' },
  'icmp-unreachable': { shape: 'pill', label: 'UNREACH', cls: 'f-icmp', nameKey: 'frameKind.icmp-unreachable' },
  'icmp-redirect': { shape: 'pill', label: 'REDIRECT', cls: 'f-icmp', nameKey: 'frameKind.icmp-redirect' },
  tcp: { shape: 'pill', label: 'TCP', cls: 'f-tcp', nameKey: 'frameKind.tcp' },
  udp: { shape: 'pill', label: 'UDP', cls: 'f-tcp', nameKey: 'frameKind.udp' },
  ipip: { shape: 'nested', label: 'IPIP', cls: 'f-ipip', nameKey: 'frameKind.ipip' },
};

const IP_KINDS: ReadonlySet<FrameKind> = new Set<FrameKind>(['icmp-echo-request', 'icmp-echo-reply', 'icmp-unreachable', 'icmp-redirect', 'tcp', 'udp', 'ipip']);
export const isArpKind = (k: FrameKind) => !IP_KINDS.has(k);
