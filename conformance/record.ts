/**
 * The JSON record of kernel runs, in the format of the oracle's results/<scenario>.json
 * (so the oracle's conform.js reads ours, and ours reads the oracle's).
 */

export interface NeighEntry {
  ip: string;
  dev: string;
  lladdr: string | null;
  /** "Host.iface" whose MAC lladdr is ("Host.iface~xx:yy" after a MAC change), else null. */
  owner?: string | null;
  state: string;
  used?: number;
  confirmed?: number;
  updated?: number;
  probes?: number;
}

export interface FrameRecord {
  t?: number;
  from: string;
  eth_src: string;
  eth_src_name?: string;
  eth_dst: string;
  to_name?: string;
  op: string | number;
  sha: string;
  sha_name?: string;
  spa: string;
  tha: string;
  tpa: string;
  delivered_to?: string[];
  delivered_seq?: Record<string, number>;
  summary?: string;
}

export interface StepRecord {
  /** connect (format v2): every connection as the client saw it. */
  connections?: { i: number; result: string; server: string | null; client: string | null }[];
  /** Each director's connection table (`ipvsadm -Lnc`) after the step. */
  ipvs?: Record<string, { proto: string; expire: string; state: string; source: string; virtual: string; destination: string }[]>;
  i: number;
  type?: string | null;
  desc?: string;
  note?: unknown;
  cmd?: string;
  rc?: number | null;
  ok?: boolean | null;
  replies?: unknown[];
  sent?: number;
  broadcasts?: number;
  received?: number;
  output?: string;
  error?: string;
  expect?: unknown;
  neigh: Record<string, NeighEntry[]>;
  frames: FrameRecord[];
  t_rel?: number;
  t?: number;
}

export interface HostConfig {
  links: { ifname: string; mac: string; state: string; addr: string[] }[];
  routes: string[];
  nonzero_sysctls: Record<string, number>;
}

export interface RunRecord {
  rp_filter: number | null;
  started?: string;
  error?: string;
  steps?: StepRecord[];
  config?: Record<string, HostConfig>;
  mac_map?: Record<string, string>;
  raw_frame_count?: number;
  dropped_by_kernel?: number;
  duration_s?: number;
}

export interface RecordFile {
  scenario: string;
  title?: string;
  file: string;
  versions: Record<string, string>;
  runs: RunRecord[];
}

/** Names for MACs: the scenario's interfaces, and MACs set later by `link` actions. */
export class MacNames {
  private readonly names = new Map<string, string>();

  constructor(base: Record<string, string>, linkActions: { host: string; dev: string; mac: string }[]) {
    for (const [m, n] of Object.entries(base)) this.names.set(m.toLowerCase(), n);
    for (const a of linkActions) {
      const m = a.mac.toLowerCase();
      if (!this.names.has(m)) this.names.set(m, `${a.host}.${a.dev}~${m.slice(-5)}`);
    }
  }

  owner(mac: string | null | undefined): string | null {
    if (!mac) return null;
    return this.names.get(mac.toLowerCase()) ?? null;
  }

  /** A readable name for a frame field: the owner, "broadcast", or the MAC itself. */
  name(mac: string): string {
    if (mac === 'ff:ff:ff:ff:ff:ff') return 'broadcast';
    return this.owner(mac) ?? mac;
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(this.names);
  }
}

/** One line in tcpdump's spirit, with MACs named, as the oracle's records show frames. */
export function summarize(f: FrameRecord, names: MacNames): string {
  const from = names.name(f.eth_src);
  const to = f.eth_dst === 'ff:ff:ff:ff:ff:ff' ? 'bcast' : names.name(f.eth_dst);
  const garp = f.spa === f.tpa ? ' [gratuitous]' : '';
  if (f.op === 'request') return `${from} > ${to}: who-has ${f.tpa} tell ${f.spa}${garp}`;
  if (f.op === 'reply') return `${from} > ${to}: ${f.spa} is-at ${names.name(f.sha)} (to ${f.tpa} ${names.name(f.tha)})${garp}`;
  return `${from} > ${to}: arp op ${f.op} ${f.spa} -> ${f.tpa}`;
}
