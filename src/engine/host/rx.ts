/**
 * A frame arrives at a device (netif_receive_skb): classify it as the kernel does
 * (PACKET_HOST / BROADCAST / MULTICAST / OTHERHOST), give it to packet sockets (arping),
 * then to ARP or IPv4.
 */
import { BROADCAST_MAC, isGroupMac } from '../net/mac.ts';
import type { Device } from './model.ts';
import type { World } from '../sim/world.ts';
import type { Frame } from '../trace.ts';
import { arpRcv } from '../arp/receive.ts';
import { ipRcv } from '../ip/input.ts';

export type PktType = 'host' | 'broadcast' | 'multicast' | 'otherhost';

export function pktType(dev: Device, dst: string): PktType {
  if (dst === dev.mac) return 'host';
  if (dst === BROADCAST_MAC) return 'broadcast';
  if (isGroupMac(dst)) return 'multicast';
  return 'otherhost';
}

export function receiveFrame(w: World, dev: Device, frame: Frame): void {
  if (!dev.up) return;
  const prevCause = w.causeFrame;
  w.causeFrame = frame.id;
  dispatch(w, dev, frame);
  w.causeFrame = prevCause;
}

function dispatch(w: World, dev: Device, frame: Frame): void {
  const pkt = pktType(dev, frame.dst);
  if (frame.arp) {
    arpRcv(w, dev, frame, pkt);
    const taps = w.arpingTaps.get(dev);
    if (taps && pkt !== 'otherhost') for (const s of [...taps]) s.onFrame(frame, pkt);
  } else if (frame.ip) {
    ipRcv(w, dev, frame, pkt);
  }
}
