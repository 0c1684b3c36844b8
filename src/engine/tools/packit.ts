/**
 * packit 1.8 (Debian's `packit`) injecting ARP (`packit -t ARP`): it writes the frame it is
 * told to write on a packet socket through libnet, one per second, and listens to nothing.
 * Every field is taken as given; what is not given is what packit 1.8.1 writes (measured
 * in network namespaces): ARP sender and target hardware addresses 00:00:00:00:00:00, the
 * device's MAC as the Ethernet source, ff:ff:ff:ff:ff:ff as the Ethernet destination. The
 * kernel of the sending host never sees the frame (a packet socket's output is not looped
 * back into arp_rcv), so only the other hosts on the segment process it, with arp_process
 * deciding whether it is a gratuitous ARP (arp.c arp_is_garp).
 */
import { parseIp } from '../net/ip.ts';
import { BROADCAST_MAC, ZERO_MAC } from '../net/mac.ts';
import type { Device, Host } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { PackitArpAction } from '../input.ts';
import { transmit } from '../l2/bridge.ts';
import type { ToolRun } from './ping.ts';

const opName = (op: number) => (op === 1 ? 'Request(1)' : op === 2 ? 'Reply(2)' : `Unknown(${op})`);
/** packit prints MACs with %0X: upper case, no leading zeros ("2:0:0:0:0:A"). */
const packitMac = (m: string) => m.split(':').map((b) => parseInt(b, 16).toString(16).toUpperCase()).join(':');

export class PackitSession implements ToolRun {
  done = false;
  ok: boolean | null = null;
  rc = 1;
  lines: string[] = [];
  private readonly w: World;
  private readonly a: PackitArpAction;
  private dev: Device | null = null;
  private sent = 0;

  constructor(w: World, host: Host, a: PackitArpAction) {
    this.w = w;
    this.a = a;
    this.lines.push(`Mode:  Packet Injection using device: ${a.iface}`);
    const dev = host.dev(a.iface);
    // libnet_init(LIBNET_LINK) fails on a missing device and on one that is down.
    let error: string | null = null;
    if (!dev || !dev.up) error = 'Unable to initialize packet injection';
    else if (parseIp(a.spa) === null || a.spa === '255.255.255.255') error = `Invalid sender protocol address: ${a.spa}`;
    // libnet_name2addr4 returns -1 for an error, so it cannot tell 255.255.255.255 from one.
    else if (parseIp(a.tpa) === null || a.tpa === '255.255.255.255') error = `Invalid receiver protocol address: ${a.tpa}`;
    if (error !== null || !dev) {
      this.fail(error ?? '');
      return;
    }
    this.dev = dev;
    this.send();
  }

  private fail(msg: string): void {
    this.lines.push('', `Error: ${msg}`);
    this.rc = 1;
    this.done = true;
  }

  private send(): void {
    const a = this.a;
    const dev = this.dev!;
    if (!dev.up) {
      this.fail('Unable to inject packet');
      return;
    }
    const sha = a.sha ?? ZERO_MAC;
    const tha = a.tha ?? ZERO_MAC;
    const frame = this.w.newFrame(a.ethSrc ?? dev.mac, a.ethDst ?? BROADCAST_MAC, { arp: { op: a.op, sha, spa: a.spa, tha, tpa: a.tpa } });
    transmit(this.w, dev, frame, 'packit');
    this.sent++;
    if (this.sent === 1) {
      // What a terminal shows (stdout and stderr interleaved), measured with packit 1.8.1.
      this.lines.push(
        '',
        `ARP header:  Type: ${opName(a.op)}`,
        `     Sender:  Protocol Address: ${a.spa}  Hardware Address: ${packitMac(sha)}`,
        `     Target:  Protocol Address: ${a.tpa}  Hardware Address: ${packitMac(tha)}`,
      );
      if (a.ethSrc !== undefined || a.ethDst !== undefined) {
        this.lines.push(`Eth header:  Src Address: ${packitMac(a.ethSrc ?? dev.mac)}  Dst Address: ${packitMac(a.ethDst ?? BROADCAST_MAC)}`, '');
      } else {
        this.lines.push('', '');
      }
      this.lines.push(`Writing packet(s) (${a.count ?? 1}): `);
    }
    this.lines[this.lines.length - 1] += '.';
    // One packet per burst, a second between bursts, none after the last (injection.c without_response).
    if (this.sent < (a.count ?? 1)) this.w.after(1_000_000, () => this.send());
    else this.finish();
  }

  interrupt(): void {
    this.finish();
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.rc = 0;
    // stats.c: integer division by the whole seconds between the first and the last packet
    // (gettimeofday's tv_sec; 0 counts as 1), printed as "quotient.remainder". A run that
    // crosses one more second boundary than its length divides by one more.
    const secs = Math.max(1, this.sent - 1);
    const bytes = 42 * this.sent;
    const rate = (n: number) => `${Math.floor(n / secs)}.${n % secs}`;
    this.lines.push(
      '',
      '-| Packet Injection Statistics |--------------------------------------------',
      `Injected: ${this.sent}  Packets/Sec: ${rate(this.sent)}  Bytes/Sec: ${rate(bytes)}  Errors: 0`,
      '',
    );
  }
}
