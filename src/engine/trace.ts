/**
 * What the engine returns: typed trace events. The UI plays them back, the lessons test
 * them, the CLI prints them. Every decision carries the rule that made it, the settings
 * it read (with the effective value and where it came from), a reason code and the values
 * its explanation needs — data only: sentences are made from i18n templates when shown
 * (src/i18n/decision.ts), in the reader's language. Times are integer microseconds of
 * simulated time.
 */
import type { AnyAction } from './input.ts';

export type Micros = number;

export type NudState =
  | 'INCOMPLETE'
  | 'REACHABLE'
  | 'STALE'
  | 'DELAY'
  | 'PROBE'
  | 'FAILED'
  | 'NOARP'
  | 'PERMANENT';

export interface ArpFields {
  /** 1 request, 2 reply, other numbers as received. */
  op: number;
  sha: string;
  spa: string;
  tha: string;
  tpa: string;
}

export interface IcmpFields {
  /**
   * dest-unreachable quotes the echo request it reports (its id and seq); redirect quotes
   * the packet it was sent about (an echo request or reply, `quoted`).
   */
  type: 'echo-request' | 'echo-reply' | 'dest-unreachable' | 'redirect';
  id: number;
  seq: number;
  /** For dest-unreachable: 1 = host unreachable (the next hop did not answer ARP). */
  code?: number;
  /** For dest-unreachable and redirect: the destination of the packet it reports. */
  about?: string;
  /** For redirect: the better first hop it advises. */
  gateway?: string;
  /** For redirect: the kind of packet it quotes. */
  quoted?: 'echo-request' | 'echo-reply';
  /** For an error about a TCP segment or UDP datagram (port unreachable is code 3): the quoted ports. */
  quote?: { proto: 'tcp' | 'udp'; sport: number; dport: number };
}

/** TCP flags as tcpdump prints them: S, F, R, P and "." for ACK, in that order (e.g. "S.", "P.", "F."). */
export interface TcpFields {
  sport: number;
  dport: number;
  flags: string;
  seq: number;
  ack: number;
  /** Payload bytes (the engine carries short text payloads: a request line, a server's name). */
  data?: string;
}

export interface UdpFields {
  sport: number;
  dport: number;
  data?: string;
}

/**
 * An IPv4 header and exactly one payload: ICMP, TCP, UDP, or (protocol 4, IP-in-IP) an
 * inner IPv4 packet. ICMP frames carry only `icmp`, as before TCP/UDP existed.
 */
export interface IpFields {
  src: string;
  dst: string;
  ttl: number;
  icmp?: IcmpFields;
  tcp?: TcpFields;
  udp?: UdpFields;
  /** IP-in-IP (protocol 4): the encapsulated packet (ipip.c; IPVS -i). */
  ipip?: IpFields;
  /** skb->dst_pending_confirm (not on the wire; see IpPacket.confirm): hosts that transmit it confirm their next hop. */
  confirm?: true;
}

/** An Ethernet frame on the wire (no padding: veth/bridge links do not pad). */
export interface Frame {
  /** Unique within one simulation, in send order. */
  id: number;
  src: string;
  dst: string;
  ethertype: 0x0806 | 0x0800;
  arp?: ArpFields;
  ip?: IpFields;
  /** Bytes on the wire: 42 for ARP, 98 for an ICMP echo with 56 bytes of data, 126 for an ICMP error quoting one. */
  length: number;
}

/** What built the frame, and so how the UI should draw it. */
export type FrameKind =
  | 'arp-request' // kernel broadcast request (arp_solicit, INCOMPLETE)
  | 'arp-probe' // kernel unicast re-probe (PROBE state)
  | 'arp-reply' // kernel reply to a request for a local address
  | 'arp-proxy-reply' // kernel proxy_arp reply
  | 'arp-dad-reply' // kernel reply to a DAD probe (tpa 0.0.0.0)
  | 'garp' // gratuitous request sent by the kernel (arp_notify) or arping -U
  | 'garp-reply' // arping -A
  | 'dad-probe' // arping -D
  | 'arping-request' // arping's own request
  | 'packit' // an ARP frame written field by field by packit -t ARP
  | 'icmp-echo-request'
  | 'icmp-echo-reply'
  | 'icmp-unreachable'
  | 'icmp-redirect'
  | 'tcp'
  | 'udp'
  /** IP-in-IP: an IPVS -i director's packet to a real server. */
  | 'ipip';

/** Which sysctl a decision read, with the values that made its effective value. */
export interface SettingUse {
  /** Knob name, e.g. "arp_ignore", "rp_filter", "forwarding", "locktime". */
  name: string;
  /** Device the knob was evaluated for. */
  dev: string;
  /** Effective value used. */
  value: number;
  /** How the kernel combines conf/all and conf/<dev> for this knob. */
  combine: 'max' | 'or' | 'and' | 'dev' | 'neigh';
  all?: number;
  devValue?: number;
  /** Which setting decided: the all value, the device's, both equal, or a neigh param. */
  from: 'all' | 'dev' | 'both' | 'neigh';
  /** Whether the device value was inherited from conf/default. */
  devFromDefault?: boolean;
}

export type Verdict = 'accept' | 'drop' | 'reply' | 'ignore' | 'update' | 'create' | 'choose' | 'deliver' | 'forward' | 'info';

/** arp_ignore's outcome (arp.c arp_ignore): these answer (4–7 reserved, any other int the switch's default)… */
export const IGNORE_PASS = ['any_local', 'on_dev', 'shared_subnet', 'not_scope_host', 'reserved', 'unknown_mode'] as const;
/** …these do not. */
export const IGNORE_FAIL = ['not_on_dev', 'no_shared_subnet', 'scope_host', 'never'] as const;
export type IgnoreReason = (typeof IGNORE_PASS)[number] | (typeof IGNORE_FAIL)[number];

/** Source validation (fib_validate_source): passes, then failures. */
export const CHECK_PASS = ['no_check', 'accept_local', 'no_route_ok', 'dev_match', 'no_addr_ok', 'loose_ok', 'rp_off'] as const;
export const CHECK_FAIL = ['martian_local', 'no_route', 'route_type', 'no_addr', 'strict_other_dev'] as const;
export type CheckReason = (typeof CHECK_PASS)[number] | (typeof CHECK_FAIL)[number];

/** ip_route_input_slow's errors before and after source validation. */
export const ROUTE_ERRORS = ['martian_source', 'broadcast_target', 'martian_dest', 'loopback_dest', 'loopback_source', 'broadcast_dest', 'route_type_to', 'same_dev', ...CHECK_FAIL] as const;
/** Input route lookups that find no local or forwarding route. */
export const ROUTE_UNREACHABLE = ['no_route_to', 'not_local_no_forward', 'broadcast'] as const;
export type RouteReason = (typeof ROUTE_ERRORS)[number] | (typeof ROUTE_UNREACHABLE)[number];

/** Why arp_announce picked the sender address of a request (arp.c arp_solicit). */
export const ANNOUNCE_REASONS = ['no_packet', 'src_onlink', 'src_not_onlink', 'best_of_dev', 'src_local', 'src_not_local'] as const;

/** Why nothing was learned from an ARP packet (arp_process's tail). */
export const LEARN_NONE = ['request_never_creates', 'accept_off'] as const;

/**
 * Every decision the engine can make: rule → verdict → the reason codes it can give.
 * The engine's `World.decision` only accepts these combinations (checked by tsc), and a
 * test checks that each one has a template in every language.
 */
export const DECISIONS = {
  'arp_rcv.noarp': { drop: ['noarp'] },
  'arp_rcv.otherhost': { drop: ['otherhost'] },
  'arp_rcv.down': { drop: ['dev_down'] },
  'arp_process.opcode': { drop: ['opcode'] },
  'arp_process.bad_tip': { drop: ['multicast_or_loopback', 'gratuitous'] },
  'arp_process.dad': { reply: IGNORE_PASS, ignore: [...IGNORE_FAIL, 'not_local', 'reply_from_zero'] },
  'arp_process.route': { drop: ROUTE_ERRORS, ignore: [...ROUTE_ERRORS, ...ROUTE_UNREACHABLE] },
  rp_filter: { drop: CHECK_FAIL },
  arp_ignore: { ignore: IGNORE_FAIL },
  arp_filter: { ignore: ['no_route', 'route_other_dev'] },
  arp_reply: { reply: IGNORE_PASS },
  proxy_arp: { reply: ['proxy'], info: ['proxy_delay'], ignore: ['proxy_off', 'same_dev', 'same_medium'] },
  arp_learn: { ignore: LEARN_NONE, update: ['learned', 'gratuitous'] },
  arp_accept: { create: ['gratuitous', 'unsolicited_reply'] },
  // reply_not_garp: a reply with spa == tpa whose tha is not its sha (arp_is_garp).
  'neigh.locktime': { ignore: ['locktime', 'reply_not_garp'] },
  'neigh.static': { ignore: ['static'] },
  arp_announce: { choose: ANNOUNCE_REASONS, info: ['notify_mac', 'notify_up'] },
  'ip_rcv.otherhost': { drop: ['otherhost'] },
  'ip_input.rp_filter': { drop: CHECK_FAIL },
  'ip_input.local': { accept: ['echo_request'] },
  'ip_input.forward': { drop: ['ttl'], forward: ['forward'] },
  'ip_forward.redirect': { info: ['redirect_sent'] },
  'icmp.redirect': {
    accept: ['redirect_resolve', 'redirect_exception'],
    ignore: ['redirect_rx_off', 'redirect_bad_gw', 'redirect_not_onlink', 'redirect_secure', 'redirect_local_gw'],
  },
  'ip_input.no_route': { drop: [...ROUTE_ERRORS, ...ROUTE_UNREACHABLE] },
  'ip_output.no_route': { drop: ['net_unreachable', 'bad_source', 'route_type_to'] },
  'neigh.failed': { drop: ['local_sender', 'remote_sender', 'error_packet'] },
  'ping.reply': { drop: ['bound_dev_reply', 'bound_dev_error'] },
  'ipip.rcv': { accept: ['decap'], drop: ['no_tunl0', 'tunl0_down'] },
  'tcp.rcv': { accept: ['listener'], reply: ['no_listener', 'no_socket'] },
  'udp.rcv': { accept: ['listener'], reply: ['no_listener'] },
  'ip_vs.schedule': { choose: ['rr', 'wrr', 'lc', 'wlc', 'sh', 'dh', 'sed', 'nq', 'mh', 'persistent'], drop: ['no_dest'] },
  'ip_vs.conn': { create: ['dr', 'tun', 'nat'] },
  'ip_vs.state': { update: ['input', 'output', 'input-only', 'udp'] },
  'ip_vs.xmit': { forward: ['dr', 'tun', 'nat'], deliver: ['local_node'], drop: ['no_route', 'ttl'] },
  'ip_vs.out': { update: ['snat'] },
  'ip_vs.expire': { info: ['conn', 'template'] },
} as const satisfies Record<string, Partial<Record<Verdict, readonly string[]>>>;

/** Rules the engine applies, named after the kernel function or sysctl that implements them. */
export type RuleId = keyof typeof DECISIONS;
export type VerdictOf<R extends RuleId> = keyof (typeof DECISIONS)[R] & Verdict;
export type ReasonOf<R extends RuleId, V extends VerdictOf<R>> = (typeof DECISIONS)[R][V] extends readonly (infer C)[] ? C : never;
export type ReasonCode = { [R in RuleId]: { [V in VerdictOf<R>]: ReasonOf<R, V> }[VerdictOf<R>] }[RuleId];

/**
 * Second reasons an explanation cites: the source check that passed (arp_reply), or what
 * happened to the cache (arp_process.route ignore).
 */
export const ALSO_REASONS = [...CHECK_PASS, ...LEARN_NONE, 'has_entry'] as const;
export type AlsoReason = (typeof ALSO_REASONS)[number];

/**
 * Values an explanation names: addresses, devices, MACs, states, numbers. All are copied
 * from what the engine already holds (frame fields are strings), never formatted for it.
 */
export interface DecisionParams {
  /** ARP sender and target IP, as in the frame. */
  sip?: string;
  tip?: string;
  /** IP source, destination, or the address being resolved. */
  src?: string;
  dst?: string;
  ip?: string;
  mac?: string;
  /** The previous MAC (locktime). */
  old?: string;
  /** An ARP frame's target hardware address (a reply that is no gratuitous ARP). */
  tha?: string;
  state?: string;
  /** Device the route back / onward leaves by. */
  via?: string;
  out?: string;
  /** Route type (unicast, blackhole…). */
  type?: string;
  op?: number;
  /** Milliseconds. */
  delay?: number;
  /** The device a socket is bound to. */
  bound?: string;
  /** The better first hop an ICMP redirect names. */
  gw?: string;
  /** TCP/UDP ends "a.b.c.d:port" and TCP flags (tcpdump letters). */
  from?: string;
  to?: string;
  flags?: string;
  port?: number;
  /** IP-in-IP: the inner packet's addresses. */
  inner_src?: string;
  inner_dst?: string;
  /** IPVS: the connection "client→VIP:port→RIP:port", its virtual service and forwarding method. */
  conn?: string;
  vip?: string;
  client?: string;
  method?: string;
  /** IPVS: the real server chosen or used, and the next hop toward it. */
  rs?: string;
  nexthop?: string;
  /** IPVS scheduling: the scheduler and what it saw (every real server's weight and active/inactive connections). */
  scheduler?: string;
  weights?: string;
  conns?: string;
  /** The winner's overhead (lc/wlc: active×256+inactive; sed/nq: active+1), sh/dh's hash bucket, wrr's current weight. */
  overhead?: number;
  bucket?: number;
  cw?: number;
  /** Persistence: the template's client network and timeout (seconds). */
  template?: string;
  persistent?: number;
  /** IPVS states (from → to) and the new state's timeout in seconds. */
  state_from?: string;
  state_to?: string;
  timeout?: number;
}

export interface DecisionEvent {
  kind: 'decision';
  t: Micros;
  /** The frame being decided on, or null for decisions about an outgoing packet. */
  frameId: number | null;
  host: string;
  dev: string | null;
  rule: RuleId;
  verdict: Verdict;
  /** Which branch of the rule decided: selects the explanation's template. */
  reason: ReasonCode;
  /** A second reason the explanation cites, when it has one. */
  also?: AlsoReason;
  settings: SettingUse[];
  params: DecisionParams;
}

export interface StepEvent {
  kind: 'step';
  t: Micros;
  i: number;
  action: AnyAction | null;
}

export interface TxEvent {
  kind: 'tx';
  t: Micros;
  /** The received frame whose processing sent this one (a request → its reply, an ARP reply → the packets it released), if any. */
  cause?: number;
  host: string;
  dev: string;
  /** Segment the device is attached to, or null (frame lost: not attached or down). */
  segment: string | null;
  frameKind: FrameKind;
  frame: Frame;
}

export interface RxEvent {
  kind: 'rx';
  t: Micros;
  frameId: number;
  host: string;
  dev: string;
  segment: string;
}

export interface NeighEvent {
  kind: 'neigh';
  t: Micros;
  host: string;
  dev: string;
  ip: string;
  /** Previous state, or null if the entry did not exist. */
  from: NudState | null;
  /** New state, or null if the entry was removed. */
  to: NudState | null;
  lladdr: string | null;
  /** The kernel path that made the change. */
  cause: NeighCause;
  frameId: number | null;
}

/**
 * What changes a neighbour entry, by kind: ARP and packets (protocol), the entry's own
 * timer (neigh_timer_handler), and commands or device events (admin).
 */
export const NEIGH_CAUSES = {
  protocol: [
    'neigh_event_send', // a packet uses the entry (__neigh_event_send)
    'arp_request_local', // neigh_event_ns: a request for a local address
    'arp_request_proxied', // neigh_event_ns: a request answered by proxy
    'arp_request_overheard', // arp_process learning from a request
    'arp_reply_to_us', // a unicast reply (REACHABLE)
    'arp_reply_broadcast', // a reply not addressed to us (STALE)
  ],
  timer: [
    'timer_reachable_used', // REACHABLE expired, used recently → DELAY
    'timer_reachable_expired', // REACHABLE expired → STALE
    'timer_delay_confirmed', // confirmed during DELAY → REACHABLE
    'timer_delay_expired', // DELAY expired → PROBE
    'timer_probes_failed', // every probe unanswered → FAILED
  ],
  admin: [
    'ip_neigh_replace', // ip neigh add/replace/change
    'ip_neigh_del',
    'ip_neigh_flush',
    'addr_removed', // the device's last IPv4 address was removed
    'mac_changed', // ip link set DEV address … (neigh_changeaddr)
    'link_down', // ip link set DEV down (neigh_ifdown)
  ],
} as const;
export type NeighCauseKind = keyof typeof NEIGH_CAUSES;
export type NeighCause = (typeof NEIGH_CAUSES)[NeighCauseKind][number];

export interface OutputEvent {
  kind: 'output';
  t: Micros;
  host: string;
  tool: 'ping' | 'arping' | 'ip' | 'sysctl' | 'connect';
  line: string;
}

export type TraceEvent = StepEvent | TxEvent | RxEvent | DecisionEvent | NeighEvent | OutputEvent;

/**
 * A run's events in order, read by index: the engine's compact log (sim/traceLog.ts) or a
 * plain array (test fixtures, events received in parts). `at(i)` may make a new object on
 * each call: compare events by their fields or index, never by identity.
 */
export interface TraceEvents extends Iterable<TraceEvent> {
  readonly length: number;
  at(i: number): TraceEvent | undefined;
  slice(start?: number, end?: number): TraceEvent[];
}

/** One row of `ip neigh show` (NOARP entries left out). */
export interface NeighRow {
  ip: string;
  dev: string;
  lladdr: string | null;
  state: NudState;
  /** Seconds since last used / confirmed / updated, as `ip -s neigh` shows. */
  used: number;
  confirmed: number;
  updated: number;
  probes: number;
  /** Microseconds until the entry's timer fires, null when it has none. */
  timer: Micros | null;
}

/** An ARP frame as the contract's step output lists it. */
export interface FrameRecord {
  t: number;
  from: string;
  eth_src: string;
  eth_dst: string;
  op: 'request' | 'reply' | number;
  sha: string;
  spa: string;
  tha: string;
  tpa: string;
  delivered_to: string[];
  id: number;
  kind: FrameKind;
}

/** One connection of a connect step: who served it, or why no one did, and the way it went. */
export interface ConnectionRecord {
  i: number;
  proto: 'tcp' | 'udp';
  /** The client's end, "a.b.c.d:port". */
  client: string;
  /** Where it connected to, "VIP:port". */
  to: string;
  result: 'served' | 'reset' | 'refused' | 'unreachable' | 'timeout';
  /** The host whose socket accepted it. */
  server: string | null;
  /** The host whose IPVS scheduled it (null: no director handled it). */
  director: string | null;
  /** Served, but no director saw it although `to` is a virtual service: a cache pointed past the director. */
  bypassed: boolean;
  /** Hosts of the first round trip in order, from the client back to the client. */
  path: string[];
}

/** A virtual service as `ipvsadm -Ln` lists it. */
export interface IpvsServiceRow {
  proto: 'TCP' | 'UDP';
  vip: string;
  scheduler: string;
  /** Persistence timeout in seconds, 0 when not persistent. */
  persistent: number;
  netmask: string;
  dests: { rs: string; forward: 'Route' | 'Tunnel' | 'Masq'; weight: number; active: number; inactive: number }[];
}

/** A connection (or persistence template) as `ipvsadm -Lnc` lists it. */
export interface IpvsConnRow {
  proto: 'TCP' | 'UDP';
  /** Seconds until it expires. */
  expire: number;
  state: string;
  source: string;
  virtual: string;
  destination: string;
}

export interface IpvsTable {
  services: IpvsServiceRow[];
  conns: IpvsConnRow[];
}

export interface StepResult {
  i: number;
  type: AnyAction['type'] | null;
  /** Start of the step in seconds. */
  t: number;
  /** End of the step (after settle) in seconds. */
  t_end: number;
  ok: boolean | null;
  frames: FrameRecord[];
  neigh: Record<string, NeighRow[]>;
  /** Tool output (ping/arping stdout), when the action ran a tool. */
  output?: string[];
  /** Exit code of the tool, when the action ran one. */
  rc?: number;
  /** Every connection of a connect step. */
  connections?: ConnectionRecord[];
  /** Each director's virtual services and connection table after the step (hosts with IPVS only). */
  ipvs?: Record<string, IpvsTable>;
  /** Error for an action that could not run (unknown host, bad device…). */
  error?: string;
  /** Index range [first, last) of this step's events in SimResult.events. */
  events: [number, number];
}

export interface SimResult {
  version: 1;
  seed: number;
  steps: StepResult[];
  events: TraceEvents;
}
