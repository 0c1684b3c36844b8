/**
 * LVS edits as typed ops (format version 2): a host's server sockets (`listen`) and a
 * director's virtual services and their real servers (`ipvs`), as `ipvsadm -A/-E/-D` and
 * `-a/-e/-d` would change them. Pure like every op; validation (a VIP, a real server's
 * address, ports, weights, schedulers, NAT with another port) is the format's, through
 * checkOp. Real servers are kept in the order they were added (`ipvsadm -a`); the engine
 * puts the newest first, as the kernel's list_add_rcu does.
 */
import type { IpvsDestV2, IpvsServiceV2, ListenV2, ScenarioV1 } from '../scenario/types.ts';
import { checkIndex, hostOf, withHost } from './access.ts';
import { exhaustive } from './op.ts';

export type LvsOp =
  /** A server socket on the host (`proto` on `port`, on `addr` or every address). */
  | { type: 'addListen'; host: string; listen: ListenV2 }
  | { type: 'deleteListen'; host: string; index: number }
  /** `ipvsadm -A`. */
  | { type: 'addIpvsService'; host: string; service: IpvsServiceV2 }
  /** `ipvsadm -E` (the service's own fields; its real servers stay as they are). */
  | { type: 'updateIpvsService'; host: string; index: number; service: Omit<IpvsServiceV2, 'dests'> }
  /** `ipvsadm -D`. */
  | { type: 'deleteIpvsService'; host: string; index: number }
  /** `ipvsadm -a`. */
  | { type: 'addIpvsDest'; host: string; service: number; dest: IpvsDestV2 }
  /** `ipvsadm -e`. */
  | { type: 'updateIpvsDest'; host: string; service: number; index: number; dest: IpvsDestV2 }
  /** `ipvsadm -d`. */
  | { type: 'deleteIpvsDest'; host: string; service: number; index: number };

export type LvsOpType = LvsOp['type'];

const LVS_OP_TYPES: ReadonlySet<string> = new Set<LvsOpType>([
  'addListen', 'deleteListen', 'addIpvsService', 'updateIpvsService', 'deleteIpvsService', 'addIpvsDest', 'updateIpvsDest', 'deleteIpvsDest',
]);

export function isLvsOp(op: { type: string }): op is LvsOp {
  return LVS_OP_TYPES.has(op.type);
}

/** The host without an empty list (a host with no services has no `ipvs` key, as written by hand). */
function setList<K extends 'listen' | 'ipvs'>(s: ScenarioV1, host: string, key: K, list: NonNullable<ScenarioV1['hosts'][string][K]>): ScenarioV1 {
  return withHost(s, host, (h) => {
    const next = { ...h };
    if (list.length) next[key] = list;
    else delete next[key];
    return next;
  });
}

function services(s: ScenarioV1, host: string, index?: number): IpvsServiceV2[] {
  const list = hostOf(s, host).ipvs ?? [];
  if (index !== undefined) checkIndex(index, list.length, 'virtual service');
  return list;
}

export function applyLvsOp(s: ScenarioV1, op: LvsOp): ScenarioV1 {
  switch (op.type) {
    case 'addListen':
      return setList(s, op.host, 'listen', [...(hostOf(s, op.host).listen ?? []), op.listen]);
    case 'deleteListen': {
      const list = hostOf(s, op.host).listen ?? [];
      checkIndex(op.index, list.length, 'listening socket');
      return setList(s, op.host, 'listen', list.filter((_, i) => i !== op.index));
    }
    case 'addIpvsService':
      return setList(s, op.host, 'ipvs', [...services(s, op.host), op.service]);
    case 'updateIpvsService': {
      const list = services(s, op.host, op.index);
      return setList(s, op.host, 'ipvs', list.map((sv, i) => (i === op.index ? { ...op.service, dests: sv.dests } : sv)));
    }
    case 'deleteIpvsService': {
      const list = services(s, op.host, op.index);
      return setList(s, op.host, 'ipvs', list.filter((_, i) => i !== op.index));
    }
    case 'addIpvsDest':
    case 'updateIpvsDest':
    case 'deleteIpvsDest': {
      const list = services(s, op.host, op.service);
      const sv = list[op.service];
      let dests: IpvsDestV2[];
      if (op.type === 'addIpvsDest') dests = [...sv.dests, op.dest];
      else {
        checkIndex(op.index, sv.dests.length, 'real server');
        dests = op.type === 'updateIpvsDest' ? sv.dests.map((d, i) => (i === op.index ? op.dest : d)) : sv.dests.filter((_, i) => i !== op.index);
      }
      return setList(s, op.host, 'ipvs', list.map((x, i) => (i === op.service ? { ...x, dests } : x)));
    }
    default:
      return exhaustive(op);
  }
}
