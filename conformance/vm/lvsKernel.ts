/**
 * The LVS parts of a scenario (format v2) on the real kernel, for the recorder: each host's
 * `listen` sockets as a server process in its namespace that answers with the host's name,
 * each director's `ipvs` services loaded with one `ipvsadm -R`, the `connect` action run
 * by a curl-like client in the client's namespace, and after every step each director's
 * connection table (`ipvsadm -Lnc`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { must, run, track } from '../exec.ts';
import type { Lab } from '../netns.ts';
import type { ActionV1, ScenarioV1 } from '../scenario.ts';

export interface ListenV2 { proto?: 'tcp' | 'udp'; port: number; addr?: string }
export interface IpvsDestV2 { ip: string; port?: number; weight?: number; method?: 'dr' | 'tun' | 'nat' }
export interface IpvsServiceV2 {
  proto?: 'tcp' | 'udp';
  vip: string;
  port: number;
  scheduler?: string;
  persistent?: number;
  netmask?: string;
  dests: IpvsDestV2[];
}

/** One connection as the client saw it. */
export interface KernelConnection {
  i: number;
  result: string;
  /** The name the answer carried: the real server that served it. */
  server: string | null;
  client: string | null;
  /** The client's timing (ms; guest/client.mjs), for reading a recording: never compared. */
  start?: number;
  sent?: number | null;
  ms?: number;
}

/** One row of `ipvsadm -Lnc`. */
export interface IpvsConnRowK {
  proto: string;
  expire: string;
  state: string;
  source: string;
  virtual: string;
  destination: string;
}

const GUEST_DIR = resolve(import.meta.dirname, 'guest');
const FLAG = { dr: '-g', tun: '-i', nat: '-m' } as const;

const hostsOf = (sc: ScenarioV1) => sc.hosts as Record<string, { listen?: ListenV2[]; ipvs?: IpvsServiceV2[] }>;

/** `ipvsadm -R` input for a director's services, in the order `ipvsadm -A/-a` would add them. */
export function ipvsRestore(services: IpvsServiceV2[]): string {
  const lines: string[] = [];
  for (const s of services) {
    const svc = `${(s.proto ?? 'tcp') === 'udp' ? '-u' : '-t'} ${s.vip}:${s.port}`;
    let a = `-A ${svc} -s ${s.scheduler ?? 'wlc'}`;
    if (s.persistent !== undefined) a += ` -p ${s.persistent}${s.netmask ? ` -M ${s.netmask}` : ''}`;
    lines.push(a);
    for (const d of s.dests) lines.push(`-a ${svc} -r ${d.ip}:${d.port ?? s.port} ${FLAG[d.method ?? 'dr']} -w ${d.weight ?? 1}`);
  }
  return lines.join('\n') + '\n';
}

export function connectArgv(a: ActionV1, node = process.execPath): string[] {
  return [node, join(GUEST_DIR, 'client.mjs'), String(a.proto ?? 'tcp'), String(a.to), String(a.count ?? 1), String(a.interval ?? 1), String(a.timeout ?? 2)];
}

/** The time a connect action may take, with the client's start-up under emulation. */
export function connectBoundMs(a: ActionV1): number {
  return 30_000 + 1000 * ((Number(a.count ?? 1) - 1) * Number(a.interval ?? 1) + Number(a.timeout ?? 2));
}

export class LvsKernel {
  private readonly servers: ChildProcess[] = [];

  constructor(private readonly sc: ScenarioV1) {}

  get directors(): string[] {
    return Object.entries(hostsOf(this.sc)).filter(([, h]) => h.ipvs?.length).map(([n]) => n);
  }

  static needed(sc: ScenarioV1): boolean {
    return Object.values(hostsOf(sc)).some((h) => h.listen?.length || h.ipvs?.length) || (sc.actions ?? []).some((a) => a.type === 'connect');
  }

  /** Servers started and answering, services loaded. */
  async setup(lab: Lab): Promise<void> {
    for (const [name, h] of Object.entries(hostsOf(this.sc))) {
      if (h.ipvs?.length) {
        const r = await run(['ip', 'netns', 'exec', lab.ns(name), 'ipvsadm', '-R'], 20_000, ipvsRestore(h.ipvs));
        if (r.code !== 0) throw new Error(`${name}: ipvsadm -R: ${(r.stderr || r.stdout).trim()}`);
      }
    }
    const starts: Promise<void>[] = [];
    for (const [name, h] of Object.entries(hostsOf(this.sc))) {
      if (!h.listen?.length) continue;
      const specs = h.listen.map((l) => `${l.proto ?? 'tcp'}:${l.port}${l.addr ? `:${l.addr}` : ''}`);
      starts.push(this.startServer(lab.ns(name), name, specs));
    }
    await Promise.all(starts);
  }

  private startServer(ns: string, name: string, specs: string[]): Promise<void> {
    return new Promise((resolveP, reject) => {
      const child = spawn('ip', ['netns', 'exec', ns, process.execPath, join(GUEST_DIR, 'server.mjs'), name, ...specs], { stdio: ['ignore', 'pipe', 'pipe'] });
      track(child);
      this.servers.push(child);
      let err = '';
      const timer = setTimeout(() => reject(new Error(`${name}: server not ready after 60 s ${err}`)), 60_000);
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        if (d.includes('ready')) {
          clearTimeout(timer);
          resolveP();
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name}: server exited (${code}): ${err.trim()}`));
      });
    });
  }

  /** Runs a connect action; the step's ok is "every connection served". */
  async connect(lab: Lab, a: ActionV1, signal: AbortSignal): Promise<{ cmd: string; rc: number | null; ok: boolean; connections: KernelConnection[]; output: string; error?: string }> {
    const argv = connectArgv(a);
    const r = await run(['ip', 'netns', 'exec', lab.ns(String(a.host)), ...argv], connectBoundMs(a), undefined, signal);
    const connections = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as KernelConnection);
    const cmd = `connect ${a.proto ?? 'tcp'} ${String(a.to)} count ${a.count ?? 1} interval ${a.interval ?? 1} timeout ${a.timeout ?? 2}`;
    const ok = connections.length === Number(a.count ?? 1) && connections.every((c) => c.result === 'served');
    return { cmd, rc: r.code, ok, connections, output: r.stdout.trim(), ...(r.code !== 0 ? { error: (r.stderr || 'client failed').trim() } : {}) };
  }

  /** Every director's connection table. */
  async table(lab: Lab, signal: AbortSignal): Promise<Record<string, IpvsConnRowK[]>> {
    const out: Record<string, IpvsConnRowK[]> = {};
    for (const d of this.directors) {
      const r = await must(['ip', 'netns', 'exec', lab.ns(d), 'ipvsadm', '-Lnc'], 20_000, signal);
      out[d] = parseIpvsadmLnc(r.stdout);
    }
    return out;
  }

  stop(): void {
    for (const c of this.servers) if (c.exitCode === null) c.kill('SIGKILL');
  }
}

/** `ipvsadm -Lnc` rows (two header lines, then `pro expire state source virtual destination`). */
export function parseIpvsadmLnc(text: string): IpvsConnRowK[] {
  const rows: IpvsConnRowK[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length !== 6 || !/^(TCP|UDP)$/.test(f[0]!)) continue;
    rows.push({ proto: f[0]!, expire: f[1]!, state: f[2]!, source: f[3]!, virtual: f[4]!, destination: f[5]! });
  }
  return rows;
}
