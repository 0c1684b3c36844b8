/**
 * A director's virtual services and a server's listening sockets, set up as
 * `ipvsadm -A`/`-a` and a server's bind() would: services in order, each real server
 * added in order (so the newest is first in the kernel's list, and each addition runs
 * the scheduler's add_dest).
 */
import { parseIp } from '../net/ip.ts';
import type { Host } from '../host/model.ts';
import type { IpvsServiceSpec, ListenSpec } from '../input.ts';
import { socketsOf } from '../sock/table.ts';
import { IpvsState, type Service } from './state.ts';
import { destsChanged, initSched } from './sched.ts';

/** Returns an error per item that could not be set up. */
export function setupIpvs(host: Host, specs: IpvsServiceSpec[]): string[] {
  const errs: string[] = [];
  const ipvs = (host.ipvs ??= new IpvsState());
  for (const s of specs) {
    const vip = parseIp(s.vip);
    if (vip === null) {
      errs.push(`virtual service ${s.vip}:${s.port}: "${s.vip}" is not an IPv4 address`);
      continue;
    }
    if (ipvs.service(s.proto, vip, s.port)) {
      errs.push(`virtual service ${s.proto} ${s.vip}:${s.port}: Service already exists`);
      continue;
    }
    const mask = s.netmask ? parseIp(s.netmask) : 0xffffffff;
    const svc: Service = {
      proto: s.proto,
      addr: vip,
      port: s.port,
      sched: s.scheduler,
      persistent: Math.round((s.persistent ?? 0) * 1e6),
      netmask: (mask ?? 0xffffffff) >>> 0,
      dests: [],
      schedData: { kind: 'none' },
    };
    svc.schedData = initSched(svc);
    ipvs.services.push(svc);
    for (const d of s.dests) {
      const addr = parseIp(d.ip);
      const port = d.port ?? s.port;
      if (addr === null) {
        errs.push(`real server ${d.ip}: not an IPv4 address`);
        continue;
      }
      if (svc.dests.some((x) => x.addr === addr && x.port === port)) {
        errs.push(`real server ${d.ip}:${port}: Destination already exists`);
        continue;
      }
      // ip_vs_add_dest: list_add_rcu puts it at the head.
      svc.dests.unshift({ addr, port, weight: d.weight, fwd: d.method, activeconns: 0, inactconns: 0, persistconns: 0 });
      destsChanged(svc);
    }
  }
  return errs;
}

export function setupListeners(host: Host, specs: ListenSpec[]): string[] {
  const errs: string[] = [];
  const socks = socketsOf(host);
  for (const l of specs) {
    const addr = l.addr ? parseIp(l.addr) : 0;
    if (addr === null) {
      errs.push(`listen ${l.proto} ${l.addr}:${l.port}: not an IPv4 address`);
      continue;
    }
    if (socks.listeners.some((x) => x.proto === l.proto && x.port === l.port && (x.addr === 0 || addr === 0 || x.addr === addr))) {
      errs.push(`listen ${l.proto} port ${l.port}: Address already in use`);
      continue;
    }
    socks.listeners.push({ proto: l.proto, addr, port: l.port });
  }
  return errs;
}
