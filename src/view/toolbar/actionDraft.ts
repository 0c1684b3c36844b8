/**
 * The command form's state and its conversion to a scenario action (format v1), kept apart
 * from the component so it can be tested and reused by the console later.
 */
import type { ActionV1 } from '../../scenario/types.ts';

export type DraftType = 'ping' | 'arping' | 'flush' | 'wait';

export interface Draft {
  type: DraftType;
  host: string;
  /** ping destination / arping target */
  target: string;
  iface: string;
  src: string;
  count: string;
  D: boolean;
  U: boolean;
  A: boolean;
  seconds: string;
  /** flush: all hosts instead of `host` */
  allHosts: boolean;
}

export function emptyDraft(host: string): Draft {
  return { type: 'ping', host, target: '', iface: '', src: '', count: '1', D: false, U: false, A: false, seconds: '1', allHosts: false };
}

export function draftFromAction(a: ActionV1, fallbackHost: string): Draft {
  const d = emptyDraft(typeof a.host === 'string' ? a.host : Array.isArray(a.hosts) ? String(a.hosts[0] ?? fallbackHost) : fallbackHost);
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  switch (a.type) {
    case 'ping':
      return { ...d, type: 'ping', target: str(a.to), iface: str(a.iface), count: str(a.count ?? 1) };
    case 'arping':
      return { ...d, type: 'arping', target: str(a.target), iface: str(a.iface), src: str(a.src), count: str(a.count ?? 1), D: !!a.D, U: !!a.U, A: !!a.A };
    case 'flush':
      return { ...d, type: 'flush', allHosts: Array.isArray(a.hosts) && a.hosts.length > 1 };
    case 'wait':
      return { ...d, type: 'wait', seconds: str(a.seconds) };
    default:
      return d;
  }
}

export type DraftResult = { ok: true; action: ActionV1 } | { ok: false; error: string };

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Builds the action, or names the field that is wrong (an i18n key under `form.errors`). */
export function actionFromDraft(d: Draft, hosts: string[]): DraftResult {
  const count = Number(d.count || '1');
  if ((d.type === 'ping' || d.type === 'arping') && (!Number.isInteger(count) || count < 1 || count > 100)) return { ok: false, error: 'count' };
  switch (d.type) {
    case 'ping':
      if (!IPV4.test(d.target)) return { ok: false, error: 'target' };
      return { ok: true, action: { type: 'ping', host: d.host, to: d.target, ...(count !== 1 ? { count } : {}), ...(d.iface ? { iface: d.iface } : {}) } };
    case 'arping': {
      if (!IPV4.test(d.target)) return { ok: false, error: 'target' };
      if (!d.iface) return { ok: false, error: 'iface' };
      if (d.src && !IPV4.test(d.src)) return { ok: false, error: 'src' };
      const flags = { ...(d.D ? { D: true } : {}), ...(d.U ? { U: true } : {}), ...(d.A ? { A: true } : {}) };
      return { ok: true, action: { type: 'arping', host: d.host, iface: d.iface, target: d.target, count, ...(d.src ? { src: d.src } : {}), ...flags } };
    }
    case 'flush':
      return { ok: true, action: { type: 'flush', hosts: d.allHosts ? hosts : [d.host] } };
    case 'wait': {
      const s = Number(d.seconds);
      if (!Number.isFinite(s) || s <= 0 || s > 3600) return { ok: false, error: 'seconds' };
      return { ok: true, action: { type: 'wait', seconds: s } };
    }
  }
}
