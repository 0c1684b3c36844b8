/**
 * ip_vs_core.c: the two netfilter hooks.
 * - ip_vs_in (LOCAL_IN): a packet of a known connection goes to its real server; a new
 *   one is scheduled if it opens a connection to a virtual service (TCP: a SYN without
 *   ACK, FIN or RST — tcp_conn_schedule; UDP: any datagram); anything else is left to
 *   the local stack. When the scheduler finds no destination, ip_vs_leave answers with
 *   ICMP port unreachable and drops the packet.
 * - ip_vs_out (FORWARD): a NAT real server's reply is given the virtual address and
 *   port back (SNAT) on its way through the director.
 * Persistence (ip_vs_sched_persist): a template <client/mask, VIP:port> remembers the
 * chosen destination for `-p` seconds after its last connection.
 */
import { fmtIp, type Ip4 } from '../net/ip.ts';
import type { Device, Host, IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import { icmpError, ipSendLocal } from '../ip/output.ts';
import type { Proto } from '../sock/table.ts';
import { inKey, outKey, type Conn, type Dest, type IpvsState, type Service } from './state.ts';
import { schedule } from './sched.ts';
import { connName, connNew, connPut, setState } from './conn.ts';
import { ipvsXmit } from './xmit.ts';

export function ipvsIn(w: World, ipvs: IpvsState, dev: Device, p: IpPacket): boolean {
  if (p.ipvsDone) return false;
  const t = p.tcp ?? p.udp;
  if (!t) return false;
  const host = dev.host;
  const proto: Proto = p.tcp ? 'tcp' : 'udp';
  let cp = ipvs.conns.get(inKey(proto, p.src, t.sport, p.dst, t.dport)) ?? null;
  if (!cp) {
    const svc = ipvs.service(proto, p.dst, t.dport);
    if (!svc) return false;
    if (p.tcp && p.tcp.flags !== 'S') return false;
    cp = scheduleConn(w, host, ipvs, dev, svc, p, t.sport);
    if (!cp) {
      // ip_vs_leave: no destination, so no one will answer: say so to the client.
      ipSendLocal(w, host, { src: p.dst, dst: p.src, ttl: 64, icmp: icmpError(p, 3) }, null);
      return true;
    }
    w.flows?.scheduled(host, p);
  }
  setState(w, host, cp, 'in', p.tcp ? p.tcp.flags : null);
  connPut(w, host, ipvs, cp);
  ipvsXmit(w, host, dev, cp, p);
  return true;
}

export function ipvsOut(w: World, ipvs: IpvsState, dev: Device, p: IpPacket): void {
  const t = p.tcp ?? p.udp;
  if (!t || p.ipvsDone) return;
  const proto: Proto = p.tcp ? 'tcp' : 'udp';
  const cp = ipvs.outConns.get(outKey(proto, p.src, t.sport, p.dst, t.dport));
  if (!cp) return;
  const host = dev.host;
  if (w.traceDetail) w.decision(p.inFrame ?? null, host, dev, 'ip_vs.out', 'update', 'snat', [], { conn: connName(cp), from: `${fmtIp(p.src)}:${t.sport}`, to: `${fmtIp(cp.vaddr)}:${cp.vport}` });
  p.src = cp.vaddr;
  if (p.tcp) p.tcp = { ...p.tcp, sport: cp.vport };
  if (p.udp) p.udp = { ...p.udp, sport: cp.vport };
  p.ipvsDone = true;
  setState(w, host, cp, 'out', p.tcp ? p.tcp.flags : null);
  connPut(w, host, ipvs, cp);
}

function scheduleConn(w: World, host: Host, ipvs: IpvsState, dev: Device, svc: Service, p: IpPacket, cport: number): Conn | null {
  const vip = `${fmtIp(svc.addr)}:${svc.port}`;
  const client = `${fmtIp(p.src)}:${cport}`;
  let dest: Dest | null;
  let ct: Conn | null = null;
  const common = { vip, client, scheduler: svc.sched };
  if (svc.persistent) {
    const snet = (p.src & svc.netmask) >>> 0;
    ct = ipvs.conns.get(inKey('ip', snet, 0, svc.addr, svc.port)) ?? null;
    if (ct) {
      dest = ct.dest;
      if (w.traceDetail) w.decision(p.inFrame ?? null, host, dev, 'ip_vs.schedule', 'choose', 'persistent', [], { ...common, rs: `${fmtIp(dest.addr)}:${dest.port}`, method: dest.fwd, persistent: svc.persistent / 1e6, template: fmtIp(snet) });
    } else {
      dest = pick(w, host, dev, svc, p, common);
      if (!dest) return null;
      ct = connNew(ipvs, svc, dest, svc.proto, snet, 0, svc.addr, svc.port, true);
    }
  } else {
    dest = pick(w, host, dev, svc, p, common);
    if (!dest) return null;
  }
  const cp = connNew(ipvs, svc, dest, svc.proto, p.src, cport, p.dst, svc.port, false);
  if (ct) {
    cp.control = ct;
    ct.nControl++;
    ct.timeout = svc.persistent;
    connPut(w, host, ipvs, ct);
  }
  if (w.traceDetail) w.decision(p.inFrame ?? null, host, dev, 'ip_vs.conn', 'create', cp.fwd, [], { conn: connName(cp), method: cp.fwd });
  return cp;
}

function pick(w: World, host: Host, dev: Device, svc: Service, p: IpPacket, common: { vip: string; client: string; scheduler: string }): Dest | null {
  const r = schedule(svc, p.src, p.dst, w.traceDetail);
  const at = (a: Ip4, port: number) => `${fmtIp(a)}:${port}`;
  if (!r.dest) {
    w.decision(p.inFrame ?? null, host, dev, 'ip_vs.schedule', 'drop', 'no_dest', [], { ...common, ...r.params });
    return null;
  }
  const d = r.dest;
  w.decision(p.inFrame ?? null, host, dev, 'ip_vs.schedule', 'choose', svc.sched, [], { ...common, ...r.params, rs: at(d.addr, d.port), method: d.fwd });
  return d;
}
