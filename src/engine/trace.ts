/**
 * What the engine returns: typed trace events. The UI plays them back, the lessons test
 * them, the CLI prints them. Every decision carries the rule that made it, the settings
 * it read (with the effective value and where it came from) and a plain-English sentence.
 * Times are integer microseconds of simulated time.
 */
import type { Action } from './input.ts';

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
  /** dest-unreachable quotes the echo request it reports (its id and seq). */
  type: 'echo-request' | 'echo-reply' | 'dest-unreachable';
  id: number;
  seq: number;
  /** For dest-unreachable: 1 = host unreachable (the next hop did not answer ARP). */
  code?: number;
  /** For dest-unreachable: the destination of the packet it reports. */
  about?: string;
}

export interface IpFields {
  src: string;
  dst: string;
  ttl: number;
  icmp: IcmpFields;
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
  | 'icmp-echo-request'
  | 'icmp-echo-reply'
  | 'icmp-unreachable';

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

/** Rules the engine applies, named after the kernel function or sysctl that implements them. */
export type RuleId =
  | 'arp_rcv.noarp'
  | 'arp_rcv.otherhost'
  | 'arp_rcv.down'
  | 'arp_process.opcode'
  | 'arp_process.bad_tip'
  | 'arp_process.dad'
  | 'arp_process.route'
  | 'rp_filter'
  | 'arp_ignore'
  | 'arp_filter'
  | 'arp_reply'
  | 'proxy_arp'
  | 'arp_learn'
  | 'arp_accept'
  | 'neigh.locktime'
  | 'neigh.static'
  | 'arp_announce'
  | 'ip_rcv.otherhost'
  | 'ip_input.rp_filter'
  | 'ip_input.local'
  | 'ip_input.forward'
  | 'ip_input.no_route'
  | 'ip_output.no_route'
  | 'neigh.failed'
  | 'bridge.flood'
  | 'arping.reply'
  | 'ping.reply';

export type Verdict = 'accept' | 'drop' | 'reply' | 'ignore' | 'update' | 'create' | 'choose' | 'deliver' | 'forward' | 'info';

export interface DecisionEvent {
  kind: 'decision';
  t: Micros;
  /** The frame being decided on, or null for decisions about an outgoing packet. */
  frameId: number | null;
  host: string;
  dev: string | null;
  rule: RuleId;
  verdict: Verdict;
  settings: SettingUse[];
  /** Values for i18n templates (addresses, devices, numbers). */
  params: Record<string, string | number>;
  /** The decision in plain English. */
  text: string;
}

export interface StepEvent {
  kind: 'step';
  t: Micros;
  i: number;
  action: Action | null;
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
  /** Rule that caused the change. */
  cause: string;
  frameId: number | null;
}

export interface OutputEvent {
  kind: 'output';
  t: Micros;
  host: string;
  tool: 'ping' | 'arping' | 'ip' | 'sysctl';
  line: string;
}

export type TraceEvent = StepEvent | TxEvent | RxEvent | DecisionEvent | NeighEvent | OutputEvent;

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

export interface StepResult {
  i: number;
  type: Action['type'] | null;
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
  /** Error for an action that could not run (unknown host, bad device…). */
  error?: string;
  /** Index range [first, last) of this step's events in SimResult.events. */
  events: [number, number];
}

export interface SimResult {
  version: 1;
  seed: number;
  steps: StepResult[];
  events: TraceEvent[];
}
