/**
 * A scenario's topology made of real kernel objects: one network namespace per host, one
 * namespace holding one Linux bridge per segment, a veth pair per host interface.
 *
 * Nothing is created in the root namespace: every veth pair is created inside the switch
 * namespace with its host end placed directly into the host's namespace, and every other
 * command runs with `ip -n` or `ip netns exec`. Frames can only travel between our
 * namespaces: no interface of ours has a peer outside them.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { NAME_PREFIX, deleteNamespaces, registerNamespace } from './cleanup.ts';
import { must, run, sleep, SLOW } from './exec.ts';
import { addrArgs, routeArgs, type HostPlan, type TopologyPlan } from './scenario.ts';

/** A run id: 4 base-36 characters, so `arplab-<id>-NN` fits the 15-character ifname limit. */
export function newRunId(): string {
  for (;;) {
    const n = randomBytes(4).readUInt32BE(0) % 36 ** 4;
    const id = n.toString(36).padStart(4, '0');
    if (!existsSync(`/run/netns/${NAME_PREFIX}${id}-sw`)) return id;
  }
}

/**
 * Kernel defaults for the per-device IPv4 knobs that matter to ARP and routing.
 * A new namespace copies `all`/`default` from the initial namespace
 * (net.core.devconf_inherit_init_net=0), so a distribution's rp_filter=2 would leak in:
 * the scenarios are defined against the kernel's own defaults, so they are written back.
 */
const CONF_DEFAULTS: [string, number, number][] = [
  // key, value for `all`, value for `default`
  ['rp_filter', 0, 0],
  ['arp_ignore', 0, 0],
  ['arp_announce', 0, 0],
  ['arp_filter', 0, 0],
  ['arp_accept', 0, 0],
  ['arp_notify', 0, 0],
  ['arp_evict_nocarrier', 1, 1],
  ['proxy_arp', 0, 0],
  ['proxy_arp_pvlan', 0, 0],
  ['accept_local', 0, 0],
  ['route_localnet', 0, 0],
  ['drop_gratuitous_arp', 0, 0],
  ['drop_unicast_in_l2_multicast', 0, 0],
  ['promote_secondaries', 0, 0],
  ['src_valid_mark', 0, 0],
  ['accept_redirects', 1, 1],
  ['secure_redirects', 1, 1],
  ['send_redirects', 1, 1],
  ['shared_media', 1, 1],
  ['accept_source_route', 0, 1],
  ['forwarding', 0, 0],
];

function defaultSysctlArgs(): string[] {
  const out = ['net.ipv4.ip_forward=0'];
  for (const [k, all, dflt] of CONF_DEFAULTS) {
    out.push(`net.ipv4.conf.all.${k}=${all}`, `net.ipv4.conf.default.${k}=${dflt}`);
  }
  // IPv6 is switched off in our namespaces: it adds neighbour entries and frames
  // (ND, MLD) that have nothing to do with ARP, and it never changes IPv4 ARP decisions.
  out.push('net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1');
  return out;
}

/**
 * Devices the kernel makes in every namespace by itself: `tunl0` exists once the ipip
 * module is loaded (LVS-TUN real servers hold the VIP on it). The scenario configures
 * them; no veth is made for them.
 */
export const KERNEL_DEVICES: ReadonlySet<string> = new Set(['tunl0']);

export interface PortNames {
  /** "Host.iface" → bridge-side veth name in the switch namespace. */
  byPort: Map<string, string>;
  /** bridge-side veth name → "Host.iface". */
  byVeth: Map<string, string>;
}

export class Lab {
  readonly id: string;
  readonly switchNs: string;
  readonly hostNs = new Map<string, string>();
  readonly bridges = new Map<string, string>();
  readonly ports: PortNames = { byPort: new Map(), byVeth: new Map() };
  /** Bridge-side veths on a bridge (captured); loose ones are on none. */
  readonly bridgedVeths: string[] = [];

  constructor(
    readonly plan: TopologyPlan,
    id = newRunId(),
    /** Aborting kills whatever command the lab is running (the scenario's deadline). */
    private readonly signal?: AbortSignal,
  ) {
    this.id = id;
    this.switchNs = `${NAME_PREFIX}${id}-sw`;
    for (const h of plan.hosts) this.hostNs.set(h.name, `${NAME_PREFIX}${id}-h${h.index}`);
    plan.segments.forEach((s, i) => this.bridges.set(s.name, `${NAME_PREFIX}${id}-${i}`));
    let n = 0;
    for (const s of plan.segments) {
      for (const p of s.ports) {
        const veth = `p${n++}`;
        this.ports.byPort.set(p.name, veth);
        this.ports.byVeth.set(veth, p.name);
        this.bridgedVeths.push(veth);
      }
    }
    for (const p of plan.loose) {
      if (KERNEL_DEVICES.has(p.iface)) continue;
      const veth = `p${n++}`;
      this.ports.byPort.set(p.name, veth);
      this.ports.byVeth.set(veth, p.name);
    }
    for (const b of this.bridges.values()) {
      if (b.length > 15) throw new Error(`bridge name ${b} is longer than 15 characters`);
    }
  }

  private must(argv: string[], timeoutMs = 10_000) {
    return must(argv, timeoutMs, this.signal);
  }

  private run(argv: string[], timeoutMs: number) {
    return run(argv, timeoutMs, undefined, this.signal);
  }

  namespaces(): string[] {
    return [this.switchNs, ...this.hostNs.values()];
  }

  ns(host: string): string {
    const ns = this.hostNs.get(host);
    if (!ns) throw new Error(`no host "${host}" in this scenario`);
    return ns;
  }

  /** Builds the topology. Order matters and is documented in conformance/README.md. */
  async build(): Promise<void> {
    // 1. Namespaces, registered before creation so that cleanup also finds half-made ones.
    await Promise.all(
      this.namespaces().map(async (ns) => {
        registerNamespace(ns);
        await this.must(['ip', 'netns', 'add', ns]);
        await this.must(['ip', '-n', ns, 'link', 'set', 'lo', 'up']);
        await this.must(['ip', 'netns', 'exec', ns, 'sysctl', '-q', '-w', ...defaultSysctlArgs()]);
      }),
    );
    // Bridged frames must not pass through the switch namespace's (empty) arptables or
    // iptables when br_netfilter happens to be loaded; -e: the keys may not exist.
    await this.run(['ip', 'netns', 'exec', this.switchNs, 'sysctl', '-q', '-e', '-w',
      'net.bridge.bridge-nf-call-arptables=0', 'net.bridge.bridge-nf-call-iptables=0'], 5000);

    // 2. Bridges (STP off, the kernel default: ports forward as soon as they have carrier).
    for (const br of this.bridges.values()) {
      await this.must(['ip', '-n', this.switchNs, 'link', 'add', br, 'type', 'bridge']);
      await this.must(['ip', '-n', this.switchNs, 'link', 'set', br, 'up']);
    }

    // 3. Veth pairs, created in the switch namespace, host end moved at creation.
    for (const h of this.plan.hosts) {
      for (const i of h.ifaces) {
        if (KERNEL_DEVICES.has(i.name)) continue;
        const veth = this.ports.byPort.get(`${h.name}.${i.name}`)!;
        await this.must(['ip', '-n', this.switchNs, 'link', 'add', veth, 'type', 'veth',
          'peer', 'name', i.name, 'address', i.mac, 'netns', this.ns(h.name)]);
      }
    }
    // Attachment in segment order: the bridge floods to the latest attached port first.
    for (const s of this.plan.segments) {
      const br = this.bridges.get(s.name)!;
      for (const p of s.ports) {
        await this.must(['ip', '-n', this.switchNs, 'link', 'set', this.ports.byPort.get(p.name)!, 'master', br]);
      }
    }
    for (const veth of this.ports.byVeth.keys()) {
      await this.must(['ip', '-n', this.switchNs, 'link', 'set', veth, 'up']);
    }

    // 4. Per host: sysctls (after the devices exist, so per-interface keys can be set;
    //    `default.*` then only affects devices made later, as on a running system),
    //    links up, addresses in order, routes in order, static neighbours.
    await Promise.all(this.plan.hosts.map((h) => this.configureHost(h)));

    // 5. Wait until every cable carries frames: links are operationally up and every
    //    bridge port forwards (carrier changes reach the bridge through linkwatch).
    await this.waitForCarrier();
  }

  private async configureHost(h: HostPlan): Promise<void> {
    const ns = this.ns(h.name);
    if (h.sysctls.length > 0) {
      await this.must(['ip', 'netns', 'exec', ns, 'sysctl', '-q', '-w', ...h.sysctls.map(([k, v]) => `${k}=${v}`)]);
    }
    for (const i of h.ifaces) {
      if (i.up) await this.must(['ip', '-n', ns, 'link', 'set', i.name, 'up']);
    }
    for (const a of h.loAddresses) await this.must(['ip', '-n', ns, 'addr', 'add', ...addrArgs(a, 'lo', 'add')]);
    for (const i of h.ifaces) {
      for (const a of i.addresses) await this.must(['ip', '-n', ns, 'addr', 'add', ...addrArgs(a, i.name, 'add')]);
    }
    for (const r of h.routes) await this.must(['ip', '-n', ns, 'route', 'add', ...routeArgs(r)]);
    for (const n of h.neigh) {
      const args = ['ip', '-n', ns, 'neigh', 'replace', n.ip];
      if (n.lladdr) args.push('lladdr', n.lladdr.toLowerCase());
      args.push('dev', n.dev, 'nud', (n.nud ?? 'permanent').toLowerCase());
      await must(args);
    }
  }

  private async waitForCarrier(timeoutMs = 8000 * SLOW): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const wantUp = new Set<string>();
    for (const h of this.plan.hosts) for (const i of h.ifaces) if (i.up && !KERNEL_DEVICES.has(i.name)) wantUp.add(`${h.name}.${i.name}`);
    for (;;) {
      const pending: string[] = [];
      const br = await this.run(['bridge', '-n', this.switchNs, '-j', 'link', 'show'], 5000);
      const states = new Map<string, string>();
      try {
        for (const l of JSON.parse(br.stdout || '[]') as { ifname: string; state?: string }[]) {
          states.set(l.ifname, l.state ?? '');
        }
      } catch {
        /* retried below */
      }
      for (const s of this.plan.segments) {
        for (const p of s.ports) {
          if (!wantUp.has(p.name)) continue;
          const st = states.get(this.ports.byPort.get(p.name)!);
          if (st !== 'forwarding') pending.push(`${p.name} bridge port ${st ?? '?'}`);
        }
      }
      await Promise.all(
        this.plan.hosts.map(async (h) => {
          const r = await this.run(['ip', '-n', this.ns(h.name), '-j', 'link', 'show'], 5000);
          try {
            for (const l of JSON.parse(r.stdout || '[]') as { ifname: string; operstate: string }[]) {
              if (wantUp.has(`${h.name}.${l.ifname}`) && l.operstate !== 'UP') pending.push(`${h.name}.${l.ifname} ${l.operstate}`);
            }
          } catch {
            pending.push(`${h.name}: ip link unreadable`);
          }
        }),
      );
      if (pending.length === 0) return;
      if (this.signal?.aborted) throw new Error('aborted while waiting for links');
      if (Date.now() > deadline) throw new Error(`links not up after ${timeoutMs} ms: ${pending.join(', ')}`);
      await sleep(50);
    }
  }

  /** Removes every namespace of this lab (and with them every object inside). */
  async destroy(): Promise<string[]> {
    return deleteNamespaces(this.namespaces());
  }
}
