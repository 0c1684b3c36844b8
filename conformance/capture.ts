/**
 * Capturing every ARP frame on every bridge port, and working out where each frame
 * entered the bridge and which ports it left by.
 *
 * Two tcpdumps per bridge-side veth: `-Q in` sees frames the host sent into the bridge,
 * `-Q out` sees frames the bridge delivered to the host. A port's text output does not
 * say the direction, hence one process per direction. Matching an outgoing copy with the
 * ingress it came from uses the frame's bytes and time (the bridge forwards in the same
 * softirq, so the copy follows its ingress by microseconds).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { SLOW, track } from './exec.ts';
import { arpBytes, decodeArp, droppedByKernel, parseTcpdump, type ArpFields } from './frames.ts';

/**
 * ARPLAB_CAPTURE=in: ingress captures only (the VM's job sets it). Under emulation every
 * tcpdump costs seconds to start; the comparison needs only where each frame entered the
 * bridge (its sender), not the ports it left by (`delivered_to` stays empty).
 */
const INGRESS_ONLY = process.env.ARPLAB_CAPTURE === 'in';

export interface PortCapture {
  veth: string;
  dir: 'in' | 'out';
  child: ChildProcess;
  stdout: string;
  stderr: string;
}

function startOne(ns: string, veth: string, dir: 'in' | 'out', timeoutMs: number): Promise<PortCapture> {
  return new Promise((resolve, reject) => {
    // -U/-l/--immediate-mode: packets are written as they arrive, not when a buffer fills,
    // so stopping with SIGINT loses nothing. -s 128: an ARP frame is 42 bytes.
    const child = spawn('ip', ['netns', 'exec', ns, 'tcpdump', '-i', veth, '-Q', dir, '-e', '-xx', '-n', '-tt',
      '--time-stamp-precision=nano', '-U', '-l', '--immediate-mode', '-s', '128', 'arp'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
    track(child);
    const cap: PortCapture = { veth, dir, child, stdout: '', stderr: '' };
    let started = false;
    const timer = setTimeout(() => {
      if (started) return;
      child.kill('SIGKILL');
      reject(new Error(`tcpdump on ${veth} (${dir}) did not start within ${timeoutMs} ms: ${cap.stderr.trim()}`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (cap.stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      cap.stderr += d;
      if (!started && /listening on/.test(cap.stderr)) {
        started = true;
        clearTimeout(timer);
        resolve(cap);
      }
    });
    child.on('exit', (code) => {
      if (!started) {
        clearTimeout(timer);
        reject(new Error(`tcpdump on ${veth} (${dir}) exited with ${code}: ${cap.stderr.trim()}`));
      }
    });
  });
}

/** Stops a capture with SIGINT (tcpdump then flushes and prints its statistics). */
function stopOne(cap: PortCapture, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (cap.child.exitCode !== null || cap.child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => cap.child.kill('SIGKILL'), timeoutMs);
    cap.child.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (cap.child.pid !== undefined) process.kill(cap.child.pid, 'SIGINT');
  });
}

export class BridgeCapture {
  private caps: PortCapture[] = [];

  constructor(
    private readonly ns: string,
    private readonly veths: string[],
  ) {}

  async start(timeoutMs = 5000 * SLOW): Promise<void> {
    const all = await Promise.allSettled(
      this.veths.flatMap((v) => (INGRESS_ONLY ? [startOne(this.ns, v, 'in', timeoutMs)] : [startOne(this.ns, v, 'in', timeoutMs), startOne(this.ns, v, 'out', timeoutMs)])),
    );
    for (const r of all) if (r.status === 'fulfilled') this.caps.push(r.value);
    const failed = all.find((r) => r.status === 'rejected');
    if (failed) {
      await this.stop();
      throw (failed as PromiseRejectedResult).reason;
    }
  }

  /** Stops every tcpdump and returns what each saw. */
  async stop(timeoutMs = 3000 * SLOW): Promise<{ packets: PortPackets[]; dropped: number }> {
    await Promise.all(this.caps.map((c) => stopOne(c, timeoutMs)));
    let dropped = 0;
    const packets = this.caps.map((c) => {
      dropped += droppedByKernel(c.stderr);
      return { veth: c.veth, dir: c.dir, packets: parseTcpdump(c.stdout) };
    });
    this.caps = [];
    return { packets, dropped };
  }
}

export interface PortPackets {
  veth: string;
  dir: 'in' | 'out';
  packets: { tsNs: bigint; hex: string }[];
}

export interface BridgedFrame extends ArpFields {
  tsNs: bigint;
  /** Port (bridge-side veth) where the frame entered the bridge. */
  fromVeth: string;
  /** Ports it left by, in the order they were sent (bridge floods newest port first). */
  deliveredTo: { veth: string; seq: number; tsNs: bigint }[];
}

/** How far after its ingress an outgoing copy may be captured and still be its copy. */
const MATCH_WINDOW_NS = 50_000_000n;

/**
 * Joins the per-port, per-direction packets into frames: one per ingress, with the ports
 * it was delivered to. `seq` is the copy's position in its port's outgoing capture.
 */
export function joinCaptures(ports: PortPackets[]): { frames: BridgedFrame[]; raw: number } {
  const ingress: { frame: BridgedFrame; bytes: string }[] = [];
  let raw = 0;
  for (const p of ports) {
    if (p.dir !== 'in') continue;
    for (const pk of p.packets) {
      raw++;
      const f = decodeArp(pk.hex);
      if (f) ingress.push({ frame: { ...f, tsNs: pk.tsNs, fromVeth: p.veth, deliveredTo: [] }, bytes: arpBytes(pk.hex) });
    }
  }
  ingress.sort((a, b) => cmpNs(a.frame.tsNs, b.frame.tsNs));
  for (const p of ports) {
    if (p.dir !== 'out') continue;
    p.packets.forEach((pk, seq) => {
      raw++;
      const bytes = arpBytes(pk.hex);
      // The latest ingress of the same bytes on another port, not yet delivered here,
      // captured no later than this copy (a copy cannot precede its ingress).
      let best: BridgedFrame | null = null;
      for (const { frame, bytes: b } of ingress) {
        if (frame.tsNs > pk.tsNs + 1_000n) break;
        if (frame.fromVeth === p.veth || b !== bytes) continue;
        if (pk.tsNs - frame.tsNs > MATCH_WINDOW_NS) continue;
        if (frame.deliveredTo.some((d) => d.veth === p.veth)) continue;
        best = frame;
      }
      if (best) best.deliveredTo.push({ veth: p.veth, seq, tsNs: pk.tsNs });
    });
  }
  const frames = ingress.map((i) => i.frame);
  for (const f of frames) f.deliveredTo.sort((a, b) => cmpNs(a.tsNs, b.tsNs));
  return { frames, raw };
}

function cmpNs(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
