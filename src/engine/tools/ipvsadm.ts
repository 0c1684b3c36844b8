/**
 * What `ipvsadm -Ln` and `ipvsadm -Lnc` show of a director: its virtual services with
 * their real servers (forwarding method, weight, active and inactive connections), and
 * its connection table (protocol, time left, state, client, virtual service, real
 * server). Rows are plain data; the lines follow ipvsadm's printf formats. Connections
 * are listed in the order they were made (the kernel walks its hash table).
 */
import { fmtIp } from '../net/ip.ts';
import type { Host } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { IpvsConnRow, IpvsServiceRow, IpvsTable } from '../trace.ts';
import type { FwdMethod } from '../ipvs/state.ts';

const FORWARD: Record<FwdMethod, IpvsServiceRow['dests'][number]['forward']> = { dr: 'Route', tun: 'Tunnel', nat: 'Masq' };

/** A director's tables; the time left of each connection counted from `now` (the world's clock by default). */
export function ipvsTable(w: World, host: Host, now = w.now): IpvsTable | null {
  const ipvs = host.ipvs;
  if (!ipvs) return null;
  const services: IpvsServiceRow[] = ipvs.services.map((s) => ({
    proto: s.proto === 'tcp' ? 'TCP' : 'UDP',
    vip: `${fmtIp(s.addr)}:${s.port}`,
    scheduler: s.sched,
    persistent: s.persistent / 1e6,
    netmask: fmtIp(s.netmask),
    dests: s.dests.map((d) => ({ rs: `${fmtIp(d.addr)}:${d.port}`, forward: FORWARD[d.fwd], weight: d.weight, active: d.activeconns, inactive: d.inactconns })),
  }));
  const conns: IpvsConnRow[] = [...ipvs.conns.values()].map((c) => ({
    proto: c.proto === 'tcp' ? 'TCP' : 'UDP',
    expire: c.timer ? Math.max(0, Math.ceil((c.timer.t - now) / 1e6)) : 0,
    // ip_vs_state_name: a template's own table (NONE), else the protocol's names: TCP's
    // states, and UDP's only state, "UDP" (udp_state_name_table[IP_VS_UDP_S_NORMAL]).
    state: c.template ? 'NONE' : c.proto === 'udp' ? 'UDP' : c.state,
    source: `${fmtIp(c.caddr)}:${c.cport}`,
    virtual: `${fmtIp(c.vaddr)}:${c.vport}`,
    destination: `${fmtIp(c.daddr)}:${c.dport}`,
  }));
  return { services, conns };
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const mmss = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

/** `ipvsadm -Ln`. */
export function ipvsadmLn(t: IpvsTable): string[] {
  const out = ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn'];
  for (const s of t.services) {
    const flags = s.persistent ? ` persistent ${s.persistent}${s.netmask !== '255.255.255.255' ? ` mask ${s.netmask}` : ''}` : '';
    out.push(`${s.proto}  ${s.vip} ${s.scheduler}${flags}`);
    for (const d of s.dests) out.push(`  -> ${pad(d.rs, 28)} ${pad(d.forward, 7)} ${pad(d.weight, 6)} ${pad(d.active, 10)} ${d.inactive}`.trimEnd());
  }
  return out;
}

/** `ipvsadm -Lnc`. */
export function ipvsadmLnc(t: IpvsTable): string[] {
  const out = ['IPVS connection entries', 'pro expire state       source             virtual            destination'];
  for (const c of t.conns) out.push(`${pad(c.proto, 3)} ${pad(mmss(c.expire), 6)} ${pad(c.state, 11)} ${pad(c.source, 18)} ${pad(c.virtual, 18)} ${c.destination}`);
  return out;
}
