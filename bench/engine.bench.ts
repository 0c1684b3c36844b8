/**
 * npm run bench — engine speed, in simulated frame deliveries per second of wall time.
 *  1. A segment of N hosts where many hosts resolve the gateway at once (N = 1,000, 10,000,
 *     100,000; about 1 M deliveries per row): deliveries/s with the decision trace off and
 *     on, side by side, and their ratio; ms per broadcast; the heap a traced run ends with.
 *  2. A 100-host ARP-flux topology: every host has two NICs in one subnet, and a client
 *     pings every address.
 *  3. LVS: 2,000 TCP connections through a DR, TUN and NAT director (connections/s of wall
 *     time, next to the frame deliveries/s they take).
 * Ends with `bench: trace ratio R` (deliveries/s with every decision recorded ÷ without, on
 * the 1,000-host row: what the trace costs) and `bench: N frame deliveries/s` (the 1,000-host
 * row with the decision trace off: the simulation itself). Both from the same run, best of
 * four alternating runs each way; the load average is printed first (2 shared cores).
 * The whole bench takes a minute or two (building the 100,000-host world takes seconds).
 * Target: ≥ 1,000,000 deliveries/s on the 2-core CI machine.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildWorld, NO_BUDGET, PingSession, Simulation, simulate, type EngineScenario, type HostSpec } from '../src/engine/index.ts';
import { cluster, VIP } from '../src/engine/test/lvsCluster.ts';

const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
const ipOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

function segmentScenario(n: number): EngineScenario {
  const hosts: HostSpec[] = [{
    name: 'gw', interfaces: [{ name: 'eth0', mac: '02:ff:00:00:00:01', addresses: [{ cidr: '10.0.0.1/8', scope: 'global', noprefixroute: false }], up: true }],
    routes: [], sysctls: [], neigh: [],
  }];
  for (let i = 1; i <= n; i++) {
    hosts.push({
      name: `h${i}`,
      interfaces: [{ name: 'eth0', mac: `02:00:${hex(i >> 16, 2)}:${hex((i >> 8) & 255, 2)}:${hex(i & 255, 2)}:00`, addresses: [{ cidr: `${ipOf(i + 1)}/8`, scope: 'global', noprefixroute: false }], up: true }],
      routes: [], sysctls: [], neigh: [],
    });
  }
  return { seed: 1, hosts, segments: [{ name: 'lan', ports: hosts.map((h) => ({ host: h.name, dev: 'eth0' })) }], actions: [] };
}

const mb = () => Math.round(process.memoryUsage().heapUsed / 1e6);

function segmentBench(n: number, resolvers: number, trace: boolean) {
  const scn = segmentScenario(n);
  const t0 = performance.now();
  const { world: w } = buildWorld(scn);
  w.traceDetail = trace;
  const tBuild = performance.now() - t0;
  const sessions: PingSession[] = [];
  const t1 = performance.now();
  for (let i = 1; i <= resolvers; i++) {
    sessions.push(new PingSession(w, w.hosts.get(`h${i}`)!, { type: 'ping', host: `h${i}`, to: '10.0.0.1' }));
  }
  w.runWhile(() => sessions.some((s) => !s.done), 10_000_000);
  const ms = performance.now() - t1;
  const ok = sessions.filter((s) => s.ok).length;
  return { n, resolvers, deliveries: w.deliveries, ms, build: tBuild, ok, perSec: (w.deliveries / ms) * 1000, msPerBroadcast: ms / resolvers, events: w.events.length, heap: mb() };
}

function fluxScenario(n: number): EngineScenario {
  const hosts: HostSpec[] = [];
  const ports: { host: string; dev: string }[] = [];
  const actions: EngineScenario['actions'] = [];
  for (let i = 0; i < n; i++) {
    const a = 2 * i + 10;
    hosts.push({
      name: `a${i}`,
      interfaces: [
        { name: 'eth0', mac: `02:0a:00:00:${hex(i >> 8, 2)}:${hex(i & 255, 2)}`, addresses: [{ cidr: `${ipOf(a)}/8`, scope: 'global', noprefixroute: false }], up: true },
        { name: 'eth1', mac: `02:0b:00:00:${hex(i >> 8, 2)}:${hex(i & 255, 2)}`, addresses: [{ cidr: `${ipOf(a + 1)}/8`, scope: 'global', noprefixroute: false }], up: true },
      ],
      routes: [], sysctls: [], neigh: [],
    });
    ports.push({ host: `a${i}`, dev: 'eth0' }, { host: `a${i}`, dev: 'eth1' });
    actions.push({ type: 'ping', host: 'client', to: ipOf(a) }, { type: 'ping', host: 'client', to: ipOf(a + 1) });
  }
  hosts.push({ name: 'client', interfaces: [{ name: 'eth0', mac: '02:cc:00:00:00:01', addresses: [{ cidr: '10.0.0.2/8', scope: 'global', noprefixroute: false }], up: true }], routes: [], sysctls: [], neigh: [] });
  ports.push({ host: 'client', dev: 'eth0' });
  return { seed: 1, hosts, segments: [{ name: 'lan', ports }], actions };
}

function fluxBench(n: number) {
  const scn = fluxScenario(n);
  const t0 = performance.now();
  const res = simulate(scn);
  const ms = performance.now() - t0;
  let rx = 0;
  let tx = 0;
  for (const e of res.events) {
    if (e.kind === 'rx') rx++;
    else if (e.kind === 'tx') tx++;
  }
  return { ms, rx, tx, steps: res.steps.length - 1, okSteps: res.steps.filter((s) => s.ok).length, perSec: (rx / ms) * 1000 };
}

/** A DR/TUN/NAT cluster (client, router, director, two real servers) and `n` connections to its VIP. */
function lvsBench(method: 'dr' | 'tun' | 'nat', n: number, trace: boolean) {
  const scn = cluster({ method, scheduler: 'wlc', actions: [{ type: 'connect', host: 'C', to: `${VIP}:80`, count: n, interval: 0.001 }] });
  lvsWarm(method);
  const sim = new Simulation(scn, { trace, budget: NO_BUDGET });
  const t0 = performance.now();
  const st = sim.step()!;
  const ms = performance.now() - t0;
  const served = (st.connections ?? []).filter((c) => c.result === 'served').length;
  return { conns: n, served, ms, connsPerSec: (n / ms) * 1000, deliveriesPerSec: (sim.world.deliveries / ms) * 1000 };
}
const warmed = new Set<string>();
function lvsWarm(method: 'dr' | 'tun' | 'nat') {
  if (warmed.has(method)) return;
  warmed.add(method);
  simulate(cluster({ method, actions: [{ type: 'connect', host: 'C', to: `${VIP}:80`, count: 200, interval: 0.001 }] }));
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`node ${process.version}, ${process.arch}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('\n1. one segment, many hosts resolving the gateway at once (ping → broadcast who-has, unicast reply, echo),');
console.log('   with the decision trace off and on (every delivery, decision and neighbour change recorded), side by side');
console.log('   hosts  resolvers  deliveries  build ms  off deliveries/s  on deliveries/s  ratio  ms/broadcast (off)  heap MB (on)  ok');
// Each row is ~1 M deliveries: every resolver's broadcast reaches every host. Off and on
// alternate (RUNS times each for 1,000 hosts, the headline; once for the big worlds, whose
// build alone takes seconds) and the best of each counts: other processes only ever make a
// run slower. A fresh world per run, so both modes do the same work; memory stays bounded
// by one world and one run's trace (about 0.9 GB for 100,000 hosts, a few hundred MB of trace).
const ROWS = [[1000, 1000, 4], [10000, 100, 1], [100000, 10, 1]] as const;
let headline = { off: 0, on: 0 };
for (const [n, k, runs] of ROWS) {
  segmentBench(Math.min(n, 200), Math.min(k, 50), false); // warm-up of the code paths
  segmentBench(Math.min(n, 200), Math.min(k, 50), true);
  const best = { off: 0, on: 0 };
  const bestRun: Partial<Record<'off' | 'on', ReturnType<typeof segmentBench>>> = {};
  for (let i = 0; i < runs; i++) {
    for (const trace of [false, true]) {
      const r = segmentBench(n, k, trace);
      const key = trace ? 'on' : 'off';
      if (r.perSec > best[key]) bestRun[key] = r;
      best[key] = Math.max(best[key], r.perSec);
      if (runs > 1) console.log(`     ${fmt(n)} hosts, run ${i + 1}, trace ${trace ? 'on ' : 'off'}: ${fmt(r.perSec)} deliveries/s`);
    }
  }
  if (n === 1000) headline = best;
  const off = bestRun.off!;
  const on = bestRun.on!;
  console.log(`   ${fmt(n).padStart(7)}  ${String(k).padStart(9)}  ${fmt(off.deliveries).padStart(10)}  ${fmt(off.build).padStart(8)}  ${fmt(best.off).padStart(16)}  ${fmt(best.on).padStart(15)}  ${(best.on / best.off).toFixed(2).padStart(5)}  ${off.msPerBroadcast.toFixed(2).padStart(18)}  ${String(on.heap).padStart(12)}  ${Math.min(off.ok, on.ok)}/${k}`);
}
console.log('   (ms/broadcast grows with the hosts on the segment; deliveries/s falls for big worlds as they outgrow the CPU caches)');

console.log('\n2. ARP flux: 100 hosts with two NICs in one subnet, a client pings all 200 addresses in turn');
const f = fluxBench(100);
console.log(`   ${f.steps} pings (${f.okSteps} ok), ${fmt(f.tx)} frames sent, ${fmt(f.rx)} deliveries in ${f.ms.toFixed(1)} ms: ${fmt(f.perSec)} deliveries/s with full trace`);

console.log('\n3. LVS: a client opens 2,000 TCP connections (1 ms apart) to a VIP; the director (wlc) forwards them to two real servers');
console.log('   method  trace  connections  served   wall ms  connections/s   deliveries/s');
for (const method of ['dr', 'tun', 'nat'] as const) {
  for (const trace of [false, true]) {
    const l = lvsBench(method, 2000, trace);
    console.log(`   ${method.padEnd(6)}  ${trace ? 'on ' : 'off'}  ${fmt(l.conns).padStart(11)}  ${fmt(l.served).padStart(6)}  ${l.ms.toFixed(1).padStart(8)}  ${fmt(l.connsPerSec).padStart(13)}  ${fmt(l.deliveriesPerSec).padStart(13)}`);
  }
}

console.log(`\nbench: trace ratio ${(headline.on / headline.off).toFixed(2)}`);
console.log(`bench: ${fmt(headline.off)} frame deliveries/s`);
