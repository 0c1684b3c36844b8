/**
 * The IPVS connection table (ip_vs_conn.c) and TCP state tracking (ip_vs_proto_tcp.c):
 * a connection is created when the scheduler picks a destination, moves through the
 * kernel's state table on every packet, and expires when its state's timeout passes
 * without a packet. Destination counters follow the kernel: a connection counts as
 * active only in ESTABLISHED (and UDP ones always); a template counts in persistconns.
 */
import { fmtIp } from '../net/ip.ts';
import type { Host } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { Micros } from '../trace.ts';
import { inKey, outKey, type Conn, type ConnState, type Dest, type IpvsState, type Service } from './state.ts';
import type { Proto } from '../sock/table.ts';

const S = 1_000_000;

/** tcp_timeouts[] (ip_vs_proto_tcp.c), and UDP's IP_VS_UDP_S_NORMAL (5 minutes). */
export const TIMEOUTS: Record<ConnState, Micros> = {
  NONE: 2 * S,
  ESTABLISHED: 15 * 60 * S,
  SYN_SENT: 2 * 60 * S,
  SYN_RECV: 60 * S,
  FIN_WAIT: 2 * 60 * S,
  TIME_WAIT: 2 * 60 * S,
  CLOSE: 10 * S,
  CLOSE_WAIT: 60 * S,
  LAST_ACK: 30 * S,
  LISTEN: 2 * 60 * S,
  SYNACK: 120 * S,
  UDP: 5 * 60 * S,
  NONE_TEMPLATE: 0,
};

/** ip_vs_conn_new sets 3 s until the protocol's first state transition. */
const NEW_CONN_TIMEOUT: Micros = 3 * S;

type T = ConnState;
/** Column order of the kernel's table: sNO, sES, sSS, sSR, sFW, sTW, sCL, sCW, sLA, sLI, sSA. */
const COLS: T[] = ['NONE', 'ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT', 'TIME_WAIT', 'CLOSE', 'CLOSE_WAIT', 'LAST_ACK', 'LISTEN', 'SYNACK'];
const row = (s: string): T[] =>
  s.split(' ').map((x) => ({ NO: 'NONE', ES: 'ESTABLISHED', SS: 'SYN_SENT', SR: 'SYN_RECV', FW: 'FIN_WAIT', TW: 'TIME_WAIT', CL: 'CLOSE', CW: 'CLOSE_WAIT', LA: 'LAST_ACK', LI: 'LISTEN', SA: 'SYNACK' })[x] as T);
/** tcp_states[] (secure_tcp off): INPUT, OUTPUT, INPUT-ONLY; rows syn, fin, ack, rst. */
const TCP_STATES: T[][] = [
  // INPUT
  row('SR ES ES SR SR SR SR SR SR SR SR'),
  row('CL CW SS TW TW TW CL CW LA LI TW'),
  row('CL ES SS ES FW TW CL CW CL LI ES'),
  row('CL CL CL SR CL CL CL CL LA LI SR'),
  // OUTPUT
  row('SS ES SS SR SS SS SS SS SS LI SR'),
  row('TW FW SS TW FW TW CL TW LA LI TW'),
  row('ES ES SS ES FW TW CL CW LA ES ES'),
  row('CL CL SS CL CL TW CL CL CL CL CL'),
  // INPUT-ONLY
  row('SR ES ES SR SR SR SR SR SR SR SR'),
  row('CL FW SS TW FW TW CL CW LA LI TW'),
  row('CL ES SS ES FW TW CL CW CL LI ES'),
  row('CL CL CL SR CL CL CL CL LA LI CL'),
];

/** tcp_state_idx: RST first, then SYN, FIN, ACK. */
function stateIdx(flags: string): number {
  if (flags.includes('R')) return 3;
  if (flags.includes('S')) return 0;
  if (flags.includes('F')) return 1;
  if (flags.includes('.')) return 2;
  return -1;
}

export const connName = (cp: Conn) => `${fmtIp(cp.caddr)}:${cp.cport}→${fmtIp(cp.vaddr)}:${cp.vport}→${fmtIp(cp.daddr)}:${cp.dport}`;

/** ip_vs_conn_new + ip_vs_bind_dest: hashed in the table, counted on its destination. */
export function connNew(ipvs: IpvsState, svc: Service, dest: Dest, proto: Proto, caddr: number, cport: number, vaddr: number, vport: number, template: boolean): Conn {
  const cp: Conn = {
    proto,
    caddr,
    cport,
    vaddr,
    vport,
    daddr: dest.addr,
    dport: dest.port,
    dest,
    svc,
    fwd: dest.fwd,
    state: template ? 'NONE_TEMPLATE' : 'NONE',
    timeout: template ? svc.persistent : NEW_CONN_TIMEOUT,
    timer: null,
    inactive: false,
    noOutput: dest.fwd !== 'nat',
    template,
    control: null,
    nControl: 0,
  };
  ipvs.conns.set(template ? inKey('ip', caddr, cport, vaddr, vport) : inKey(proto, caddr, cport, vaddr, vport), cp);
  if (!template && cp.fwd === 'nat') ipvs.outConns.set(outKey(proto, cp.daddr, cp.dport, caddr, cport), cp);
  if (template) dest.persistconns++;
  else dest.activeconns++;
  return cp;
}

/** set_tcp_state / udp_state_transition for a packet in `dir`. */
export function setState(w: World, host: Host, cp: Conn, dir: 'in' | 'out', flags: string | null): void {
  const from = cp.state;
  let to: ConnState;
  // Which of the kernel's tables decided (set_tcp_state's state_off), for the explanation.
  let table: 'input' | 'output' | 'input-only' | 'udp' = 'udp';
  if (flags === null) {
    to = 'UDP';
  } else {
    let off = dir === 'in' ? 0 : 4;
    if (cp.noOutput) {
      if (dir === 'out') cp.noOutput = false;
      else off = 8;
    }
    table = off === 0 ? 'input' : off === 4 ? 'output' : 'input-only';
    const idx = stateIdx(flags);
    to = idx < 0 ? 'CLOSE' : TCP_STATES[off + idx][COLS.indexOf(from)];
    if (to !== from) {
      const d = cp.dest;
      if (!cp.inactive && to !== 'ESTABLISHED') {
        d.activeconns--;
        d.inactconns++;
        cp.inactive = true;
      } else if (cp.inactive && to === 'ESTABLISHED') {
        d.activeconns++;
        d.inactconns--;
        cp.inactive = false;
      }
    }
  }
  cp.state = to;
  cp.timeout = TIMEOUTS[to];
  if (to !== from && w.traceDetail) {
    w.decision(null, host, null, 'ip_vs.state', 'update', table, [], { conn: connName(cp), state_from: from, state_to: to, flags: flags ?? undefined, timeout: cp.timeout / S });
  }
}


/** ip_vs_conn_put: the timer restarts with the connection's current timeout. */
export function connPut(w: World, host: Host, ipvs: IpvsState, cp: Conn): void {
  if (cp.timer) cp.timer.cancelled = true;
  cp.timer = w.after(cp.timeout, () => connExpire(w, host, ipvs, cp));
}

/** ip_vs_conn_expire: a template that still controls connections waits another period. */
function connExpire(w: World, host: Host, ipvs: IpvsState, cp: Conn): void {
  cp.timer = null;
  if (cp.template && cp.nControl > 0) {
    connPut(w, host, ipvs, cp);
    return;
  }
  ipvs.conns.delete(cp.template ? inKey('ip', cp.caddr, cp.cport, cp.vaddr, cp.vport) : inKey(cp.proto, cp.caddr, cp.cport, cp.vaddr, cp.vport));
  if (!cp.template && cp.fwd === 'nat') ipvs.outConns.delete(outKey(cp.proto, cp.daddr, cp.dport, cp.caddr, cp.cport));
  const d = cp.dest;
  if (cp.template) d.persistconns--;
  else if (cp.inactive) d.inactconns--;
  else d.activeconns--;
  if (cp.control) cp.control.nControl--;
  if (w.traceDetail) w.decision(null, host, null, 'ip_vs.expire', 'info', cp.template ? 'template' : 'conn', [], { conn: connName(cp), state: cp.template ? 'NONE' : cp.state, timeout: cp.timeout / S });
}
