/**
 * Building and sending ARP frames (arp.c arp_create / arp_send_dst): Ethernet II + ARP,
 * 42 bytes. Kernel requests carry tha = 00:00:00:00:00:00; a NULL destination means
 * broadcast.
 */
import { fmtIp, type Ip4 } from '../net/ip.ts';
import { BROADCAST_MAC, ZERO_MAC, type Mac } from '../net/mac.ts';
import type { Device } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { Frame, FrameKind } from '../trace.ts';
import { transmit } from '../l2/bridge.ts';

export function arpSend(
  w: World,
  dev: Device,
  op: number,
  destHw: Mac | null,
  sip: Ip4,
  tip: Ip4,
  tha: Mac | null,
  kind: FrameKind,
  sha: Mac = dev.mac,
  srcHw: Mac = dev.mac,
): Frame | null {
  if (dev.noarp) return null;
  const frame = w.newFrame(srcHw, destHw ?? BROADCAST_MAC, {
    arp: { op, sha, spa: fmtIp(sip), tha: tha ?? ZERO_MAC, tpa: fmtIp(tip) },
  });
  transmit(w, dev, frame, kind);
  return frame;
}
