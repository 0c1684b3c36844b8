/**
 * What the connect tool follows of its connections: the hosts the first round trip
 * passed through (the client's packet out, the answer back), the director that
 * scheduled it, and the host whose socket served it. A connection is known by its
 * client end (address and port), which no director rewrites.
 */
import { fmtIp } from '../net/ip.ts';
import type { Host, IpPacket } from '../host/model.ts';
import { ports } from '../ip/packet.ts';

export interface FlowRecord {
  proto: 'tcp' | 'udp';
  client: string;
  /** Hosts in order, starting with the client, until the first answer reaches it. */
  path: string[];
  /** The host whose IPVS scheduled the connection, if any did. */
  director: string | null;
  /** The host whose socket accepted it, if any did. */
  server: string | null;
  closed: boolean;
  /** Packets the client sent; a second one before an answer (a retransmission) ends the path. */
  sent: number;
}

export class Flows {
  private readonly byEnd = new Map<string, FlowRecord>();

  track(proto: 'tcp' | 'udp', host: Host, addr: number, port: number): FlowRecord {
    const rec: FlowRecord = { proto, client: host.name, path: [host.name], director: null, server: null, closed: false, sent: 0 };
    this.byEnd.set(`${proto} ${fmtIp(addr)}:${port}`, rec);
    return rec;
  }

  private find(p: IpPacket): FlowRecord | null {
    const t = ports(p);
    if (!t) return null;
    const q = t.pkt;
    return this.byEnd.get(`${t.proto} ${fmtIp(q.src)}:${t.src}`) ?? this.byEnd.get(`${t.proto} ${fmtIp(q.dst)}:${t.dst}`) ?? null;
  }

  /** The client sends a packet: from the second on, the path of the first is complete. */
  clientSent(r: FlowRecord): void {
    if (r.sent++ > 0) r.closed = true;
  }

  /** `host` received a packet of a followed connection. */
  seen(host: Host, p: IpPacket): void {
    const r = this.find(p);
    if (!r || r.closed) return;
    if (r.path[r.path.length - 1] !== host.name) r.path.push(host.name);
    if (host.name === r.client) r.closed = true;
  }

  scheduled(host: Host, p: IpPacket): void {
    const r = this.find(p);
    if (r && !r.director) r.director = host.name;
  }

  served(host: Host, p: IpPacket): void {
    const r = this.find(p);
    if (r && !r.server) r.server = host.name;
  }
}
