/**
 * Which frames of a simulation a capture holds, and when. The lab's recordings captured on
 * the bridge ports, so a frame is captured once, when its host transmits it onto a segment.
 * Frames that reached no segment (interface down or attached to nothing) never were on a
 * wire and are left out.
 */
import type { Micros, SimResult, TxEvent } from '../engine/index.ts';
import { ETHERTYPE_ARP, frameBytes } from './frameBytes.ts';

/**
 * Unix time of simulated time 0: 2023-11-14T22:13:20Z. A fixed base (not the clock) keeps
 * exports reproducible, and it is the base of the spec's test vector (A.8), so
 * `tcpdump -tt` prints 1700000000.<µs of simulated time>.
 */
export const EPOCH_BASE_SECONDS = 1_700_000_000;

export interface CaptureOptions {
  /** 'arp': ARP frames only; 'all' (default): ARP and the ICMP echoes of ping. */
  only?: 'all' | 'arp';
  /** Capture on one segment (one bridge) only; default: every segment. */
  segment?: string;
  /** Pad short frames to 60 bytes as physical Ethernet would; default false (veth/bridge, as in the lab). */
  pad60?: boolean;
  /** Unix seconds at simulated time 0; default EPOCH_BASE_SECONDS. */
  epochSeconds?: number;
}

export interface CapturedFrame {
  /** Unix time of the capture, in microseconds. */
  unixMicros: number;
  /** The trace event that sent the frame. */
  tx: TxEvent;
  bytes: Uint8Array;
}

/** The frames a capture of `result` holds, in send order. */
export function capturedFrames(result: SimResult, options: CaptureOptions = {}): CapturedFrame[] {
  const base = (options.epochSeconds ?? EPOCH_BASE_SECONDS) * 1e6;
  // An echo reply repeats the request's data, whose first bytes are the request's send
  // time: remember when each request left its sender. A router's forwarded copy (same ids,
  // lower TTL) must not count as a new send.
  const echoSent = new Map<string, { t: Micros; ttl: number }>();
  const out: CapturedFrame[] = [];
  for (const e of result.events) {
    if (e.kind !== 'tx') continue;
    const { frame } = e;
    let echoTime = 0;
    if (frame.ip?.icmp) {
      const { src, dst, ttl, icmp } = frame.ip;
      const request = icmp.type === 'echo-request';
      const key = `${request ? `${src}>${dst}` : `${dst}>${src}`} ${icmp.id}/${icmp.seq}`;
      const seen = echoSent.get(key);
      if (request && (!seen || ttl >= seen.ttl)) echoSent.set(key, { t: e.t, ttl });
      echoTime = base + (echoSent.get(key)?.t ?? e.t);
    }
    if (e.segment === null) continue;
    if (options.segment !== undefined && e.segment !== options.segment) continue;
    if (options.only === 'arp' && frame.ethertype !== ETHERTYPE_ARP) continue;
    out.push({
      unixMicros: base + e.t,
      tx: e,
      bytes: frameBytes(frame, { pad60: options.pad60 ?? false, echoTimeMicros: echoTime }),
    });
  }
  return out;
}
