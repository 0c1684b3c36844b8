/**
 * Builds the simulated network from a scenario, in a fixed order: devices (lo first, then
 * the scenario's interfaces), sysctls in the order given, addresses, routes, static
 * neighbours, IPVS services and listening sockets, then the bridges. Writing sysctls before addresses matters for
 * conf/default: once a device has an IPv4 address, default no longer reaches it.
 */
import type { EngineScenario } from '../input.ts';
import { Device, Host } from '../host/model.ts';
import { Bridge } from '../l2/bridge.ts';
import { World } from './world.ts';
import { addAddress, drawReachableTime, neighAdd, routeCmd, writeSysctl } from '../tools/admin.ts';
import { insertAddress } from '../host/addr.ts';
import { SCOPE } from '../host/model.ts';
import { setupIpvs, setupListeners } from '../ipvs/setup.ts';

export interface SetupIssue {
  host: string;
  what: string;
  message: string;
}

const REDRAW_PERIOD = 300_000_000;

export function buildWorld(scn: EngineScenario): { world: World; issues: SetupIssue[] } {
  const w = new World(scn.seed);
  const issues: SetupIssue[] = [];
  scn.hosts.forEach((hs, hi) => {
    const host = new Host(hs.name, hi + 1);
    w.hosts.set(host.name, host);
    w.hostList.push(host);
    const loSpec = hs.interfaces.find((i) => i.name === 'lo');
    const lo = new Device(host, 'lo', 1, loSpec?.mac ?? '00:00:00:00:00:00', true);
    host.devices.push(lo);
    host.byName.set('lo', lo);
    let ifindex = 2;
    for (const is of hs.interfaces) {
      if (is.name === 'lo') continue;
      const d = new Device(host, is.name, ifindex++, is.mac, false);
      d.up = is.up;
      host.devices.push(d);
      host.byName.set(is.name, d);
    }
    for (const d of host.devices) drawReachableTime(w, d);
    for (const [k, v] of hs.sysctls) {
      const err = writeSysctl(w, host, k, v);
      if (err) issues.push({ host: host.name, what: `sysctl ${k}`, message: err });
    }
    insertAddress(lo, 0x7f000001, 8, SCOPE.host, 'lo', false, 0);
    for (const is of hs.interfaces) {
      const d = host.byName.get(is.name)!;
      for (const a of is.addresses) {
        const err = addAddress(host, d, a);
        if (err) issues.push({ host: host.name, what: `address ${a.cidr} on ${d.name}`, message: err });
      }
    }
    for (const r of hs.routes) {
      const err = routeCmd(host, 'add', r);
      if (err) issues.push({ host: host.name, what: `route ${r.dest}`, message: err });
    }
    for (const n of hs.neigh) {
      const err = neighAdd(w, host, n.ip, n.dev, n.lladdr, n.nud);
      if (err) issues.push({ host: host.name, what: `neighbour ${n.ip}`, message: err });
    }
    if (hs.ipvs?.length) for (const message of setupIpvs(host, hs.ipvs)) issues.push({ host: host.name, what: 'ipvs', message });
    if (hs.listen?.length) for (const message of setupListeners(host, hs.listen)) issues.push({ host: host.name, what: 'listen', message });
  });
  for (const s of scn.segments) {
    const b = new Bridge(s.name);
    w.bridges.push(b);
    for (const p of s.ports) {
      const d = w.hosts.get(p.host)?.dev(p.dev);
      if (!d) {
        issues.push({ host: p.host, what: `segment ${s.name}`, message: `no interface ${p.host}.${p.dev}` });
        continue;
      }
      if (d.port) {
        issues.push({ host: p.host, what: `segment ${s.name}`, message: `${p.host}.${p.dev} is already on segment ${d.port.bridge.name}` });
        continue;
      }
      if (d.loopback) {
        issues.push({ host: p.host, what: `segment ${s.name}`, message: 'lo cannot join a segment' });
        continue;
      }
      b.attach(d);
    }
  }
  // neigh_periodic_work re-draws every device's reachable_time every 300 s.
  const redraw = () => {
    for (const h of w.hostList) for (const d of h.devices) drawReachableTime(w, d);
    w.at(w.now + REDRAW_PERIOD, redraw);
  };
  w.at(REDRAW_PERIOD, redraw);
  return { world: w, issues };
}
