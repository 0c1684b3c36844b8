/**
 * Runs one scenario on the real kernel and records, after every action, each host's
 * neighbour table and every ARP frame that crossed a bridge during the step.
 *
 * Step i's frames are those captured after step i-1's table was read and up to the moment
 * step i's table is read: a step owns what happened while it ran and settled, timers
 * included, as the simulator's output contract defines it.
 */
import { actionBoundMs, parseArping, parsePing, planAction, type PlannedAction } from './actions.ts';
import { BridgeCapture, joinCaptures, type BridgedFrame } from './capture.ts';
import { nowSec, run, sleep, SLOW } from './exec.ts';
import { Lab } from './netns.ts';
import { MacNames, summarize, type FrameRecord, type HostConfig, type NeighEntry, type RunRecord, type StepRecord } from './record.ts';
import { DEFAULT_SETTLE, macMap, planTopology, type ActionV1, type ScenarioV1 } from './scenario.ts';
import { connectBoundMs, LvsKernel } from './vm/lvsKernel.ts';

export interface RecordOptions {
  /** The rp_filter value the scenario was rewritten with (null: run as written). */
  rp: number | null;
  /** The scenario's own actions, for the annotations (note, expect) the record carries. */
  annotated?: ActionV1[];
  /** Extra bound on the whole run, on top of the one computed from the actions. */
  slackMs?: number;
}

const SETUP_BOUND_MS = 60_000;

/** Records a scenario; never throws: a failure becomes the run's `error`. */
export async function recordRun(sc: ScenarioV1, opts: RecordOptions): Promise<RunRecord> {
  const started = new Date();
  const actions = sc.actions ?? [];
  let planned: (PlannedAction | null)[];
  try {
    // connect (format v2) is run by the LVS part of the recorder (vm/lvsKernel.ts).
    planned = actions.map((a) => (a.type === 'connect' ? null : planAction(a)));
  } catch (e) {
    return { rp_filter: opts.rp, started: started.toISOString(), error: `scenario: ${(e as Error).message}` };
  }
  const plan = planTopology(sc);
  const names = new MacNames(
    macMap(plan),
    actions.filter((a) => a.type === 'link' && typeof a.mac === 'string').map((a) => ({ host: String(a.host), dev: String(a.dev), mac: String(a.mac) })),
  );
  // The deadline of the whole run: every command's own bound plus settles plus setup.
  const boundMs = SLOW * (SETUP_BOUND_MS + (opts.slackMs ?? 30_000) +
    planned.reduce((s, p, i) => s + (p ? actionBoundMs(p) : connectBoundMs(actions[i]!)) + 1000 * settleOf(actions[i]!) + 2000, 0));
  const ac = new AbortController();
  const deadline = setTimeout(() => ac.abort(), boundMs);
  const lab = new Lab(plan, undefined, ac.signal);
  let capture: BridgeCapture | null = null;
  const lvs = LvsKernel.needed(sc) ? new LvsKernel(sc) : null;
  const rec: RunRecord = { rp_filter: opts.rp, started: started.toISOString() };
  try {
    await lab.build();
    await lvs?.setup(lab);
    rec.config = await readConfig(lab);
    capture = new BridgeCapture(lab.switchNs, lab.bridgedVeths);
    await capture.start();

    const t0 = nowSec();
    const boundaries: number[] = [];
    const steps: StepRecord[] = [];
    boundaries.push(nowSec());
    steps.push({ i: 0, desc: 'initial state (after setup)', neigh: await snapshot(lab, names, ac.signal), frames: [], t_rel: 0 });
    if (lvs?.directors.length) steps[0]!.ipvs = await lvs.table(lab, ac.signal);

    for (let i = 0; i < planned.length; i++) {
      if (ac.signal.aborted) throw new Error(`run exceeded its bound of ${Math.round(boundMs / 1000)} s`);
      const a = actions[i]!;
      const p = planned[i]!;
      const tStart = nowSec();
      const step = p ? await perform(lab, a, p, ac.signal) : { type: a.type, desc: String(a.to), ...(await lvs!.connect(lab, a, ac.signal)) };
      await sleep(1000 * settleOf(a));
      boundaries.push(nowSec());
      const neigh = await snapshot(lab, names, ac.signal);
      const ann = opts.annotated?.[i];
      steps.push({
        ...step,
        ...(ann?.note !== undefined ? { note: ann.note } : {}),
        i: i + 1,
        neigh,
        ...(ann?.expect !== undefined ? { expect: ann.expect } : {}),
        frames: [],
        t_rel: round(tStart - t0, 3),
      });
      if (lvs?.directors.length) steps.at(-1)!.ipvs = await lvs.table(lab, ac.signal);
    }

    const { packets, dropped } = await capture.stop();
    capture = null;
    const { frames, raw } = joinCaptures(packets);
    assignFrames(steps, boundaries, frames, t0, (veth) => lab.ports.byVeth.get(veth) ?? veth, names);
    rec.steps = steps;
    rec.mac_map = names.toJSON();
    rec.raw_frame_count = raw;
    if (dropped > 0) rec.dropped_by_kernel = dropped;
    rec.duration_s = round(nowSec() - t0, 3);
  } catch (e) {
    rec.error = (e as Error).message;
  } finally {
    clearTimeout(deadline);
    if (capture) await capture.stop().catch(() => undefined);
    lvs?.stop();
    const errs = await lab.destroy();
    if (errs.length) rec.error = `${rec.error ? `${rec.error}; ` : ''}cleanup: ${errs.join('; ')}`;
  }
  return rec;
}

function settleOf(a: ActionV1 | undefined): number {
  return typeof a?.settle === 'number' ? a.settle : DEFAULT_SETTLE;
}

const round = (x: number, d: number) => Number(x.toFixed(d));

function wrap(lab: Lab, c: { host: string; argv: string[]; ip: boolean }): string[] {
  const ns = lab.ns(c.host);
  return c.ip ? ['ip', '-n', ns, ...c.argv] : ['ip', 'netns', 'exec', ns, ...c.argv];
}

/** Runs an action's commands (hosts of a multi-host action in parallel unless sequential) and reads the tools' verdict. */
export async function perform(lab: Lab, a: ActionV1, p: PlannedAction, signal: AbortSignal): Promise<Omit<StepRecord, 'i' | 'neigh' | 'frames'>> {
  const base: Omit<StepRecord, 'i' | 'neigh' | 'frames'> = { type: a.type, desc: p.desc };
  if (p.sleep !== undefined) {
    await sleep(p.sleep * 1000);
    return base;
  }
  const results = [];
  if (p.sequential) {
    for (const c of p.commands) results.push(await run(wrap(lab, c), c.timeoutMs, undefined, signal));
  } else {
    results.push(...(await Promise.all(p.commands.map((c) => run(wrap(lab, c), c.timeoutMs, undefined, signal)))));
  }
  const failed = results.find((r) => r.code !== 0);
  const why = failed ? (failed.timedOut ? 'timed out' : (failed.stderr || failed.stdout).trim().split('\n').slice(-2).join(' / ')) : '';
  if (p.kind === 'ping') {
    const r = results[0]!;
    const out = parsePing(r.stdout, r.stderr);
    return { ...base, cmd: p.cmd!, rc: r.code, ok: out.ok, sent: out.sent, received: out.received, output: out.output };
  }
  if (p.kind === 'arping') {
    const r = results[0]!;
    const out = parseArping(r.stdout, r.stderr, a.U === true || a.A === true);
    return {
      ...base, cmd: p.cmd!, rc: r.code, ok: out.ok, replies: out.replies,
      sent: out.sent, broadcasts: out.broadcasts, received: out.received, output: out.output,
    };
  }
  if (p.kind === 'ip') return { ...base, rc: failed ? failed.code : 0, ...(failed ? { error: why } : {}) };
  return failed ? { ...base, rc: failed.code, error: why } : base;
}

interface IpNeigh {
  dst: string;
  dev: string;
  lladdr?: string;
  state?: string[];
  used?: number;
  confirmed?: number;
  updated?: number;
  probes?: number;
}

/** Every host's IPv4 neighbour table, read in parallel; NOARP entries left out. */
async function snapshot(lab: Lab, names: MacNames, signal: AbortSignal): Promise<Record<string, NeighEntry[]>> {
  const hosts = lab.plan.hosts.map((h) => h.name);
  const tables = await Promise.all(
    hosts.map(async (h) => {
      const r = await run(['ip', '-4', '-j', '-s', '-n', lab.ns(h), 'neigh', 'show'], 10_000, undefined, signal);
      if (r.code !== 0) throw new Error(`${h}: ip neigh show: ${r.stderr.trim()}`);
      const list = JSON.parse(r.stdout.trim() || '[]') as IpNeigh[];
      return list
        .map((e): NeighEntry => {
          const state = (e.state ?? ['NONE'])[0]!.toUpperCase();
          const lladdr = e.lladdr ? e.lladdr.toLowerCase() : null;
          return {
            ip: e.dst, dev: e.dev, lladdr, owner: names.owner(lladdr), state,
            used: e.used, confirmed: e.confirmed, updated: e.updated, probes: e.probes,
          };
        })
        .filter((e) => e.state !== 'NOARP');
    }),
  );
  return Object.fromEntries(hosts.map((h, i) => [h, tables[i]!]));
}

/**
 * Puts each frame in the step whose window holds its capture time: step i owns what was
 * captured after step i-1's table was read (boundaries[i-1]) up to boundaries[i].
 */
export function assignFrames(
  steps: StepRecord[], boundaries: number[], frames: BridgedFrame[], t0: number,
  port: (veth: string) => string, names: MacNames,
): void {
  const bNs = boundaries.map((b) => BigInt(Math.round(b * 1e6)) * 1000n);
  const t0Ns = BigInt(Math.round(t0 * 1e6)) * 1000n;
  for (const f of frames) {
    const idx = bNs.findIndex((b) => f.tsNs <= b);
    if (idx < 0) continue; // after the last table was read: belongs to no step
    const rec: FrameRecord = {
      t: round(Number(f.tsNs - t0Ns) / 1e9, 4),
      from: port(f.fromVeth),
      eth_src: f.eth_src,
      eth_src_name: names.name(f.eth_src),
      eth_dst: f.eth_dst,
      to_name: names.name(f.eth_dst),
      op: f.op,
      sha: f.sha,
      sha_name: names.name(f.sha),
      spa: f.spa,
      tha: f.tha,
      tpa: f.tpa,
      delivered_to: f.deliveredTo.map((d) => port(d.veth)),
      delivered_seq: Object.fromEntries(f.deliveredTo.map((d) => [port(d.veth), d.seq])),
    };
    rec.summary = summarize(rec, names);
    steps[idx]!.frames.push(rec);
  }
}

/** Links, addresses, routes and non-zero ARP-related sysctls of every host, as built. */
async function readConfig(lab: Lab): Promise<Record<string, HostConfig>> {
  const out: Record<string, HostConfig> = {};
  await Promise.all(
    lab.plan.hosts.map(async (h) => {
      const ns = lab.ns(h.name);
      const [addr, route, sys] = await Promise.all([
        run(['ip', '-n', ns, '-j', 'addr', 'show'], 10_000),
        run(['ip', '-n', ns, 'route', 'show'], 10_000),
        run(['ip', 'netns', 'exec', ns, 'sysctl', '-a', '-r',
          '^net\\.ipv4\\.(ip_forward|conf\\.[^.]+\\.(rp_filter|arp_ignore|arp_announce|arp_filter|arp_accept|arp_notify|proxy_arp|proxy_arp_pvlan|forwarding|accept_local|route_localnet|drop_gratuitous_arp|promote_secondaries))$'], 10_000),
      ]);
      const links = (JSON.parse(addr.stdout || '[]') as {
        ifname: string; address?: string; operstate?: string;
        addr_info?: { family: string; local: string; prefixlen: number; label?: string; scope?: string; noprefixroute?: boolean }[];
      }[]).map((l) => ({
        ifname: l.ifname,
        mac: l.address ?? '',
        state: l.operstate ?? '',
        addr: (l.addr_info ?? []).filter((a) => a.family === 'inet').map((a) =>
          `${a.local}/${a.prefixlen}${a.label && a.label !== l.ifname ? ` label ${a.label}` : ''} scope ${a.scope ?? 'global'}${a.noprefixroute ? ' noprefixroute' : ''}`),
      }));
      const nonzero: Record<string, number> = {};
      for (const line of sys.stdout.split('\n')) {
        const m = /^net\.ipv4\.(?:conf\.)?(\S+) = (-?\d+)$/.exec(line.trim());
        if (m && Number(m[2]) !== 0) nonzero[m[1]!] = Number(m[2]);
      }
      out[h.name] = { links, routes: route.stdout.split('\n').filter(Boolean), nonzero_sysctls: nonzero };
    }),
  );
  return out;
}
