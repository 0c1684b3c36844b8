/**
 * Source validation (fib_frontend.c fib_validate_source / __fib_validate_source): the
 * reverse-path check, rp_filter, that the kernel runs on ARP requests (through
 * ip_route_input) as well as on IP packets.
 */
import { fmtIp, type Ip4 } from '../net/ip.ts';
import { effective } from '../host/conf.ts';
import type { Device } from '../host/model.ts';
import type { SettingUse } from '../trace.ts';
import { fibLookup } from './route.ts';

export interface Validation {
  ok: boolean;
  settings: SettingUse[];
  /** Why, in words, continuing "…" after the setting. */
  why: string;
  /** Device the best route back to the source leaves by, if any. */
  via: string | null;
  /** The reason as a code, for translated explanations. */
  code: 'no_check' | 'accept_local' | 'martian_local' | 'no_route' | 'no_route_ok' | 'route_type' | 'dev_match' | 'no_addr' | 'no_addr_ok' | 'strict_other_dev' | 'loose_ok';
}

/**
 * @param oif the output device when forwarding, null for local delivery.
 */
export function validateSource(dev: Device, src: Ip4, oif: Device | null): Validation {
  const host = dev.host;
  const rp = effective(host.conf.all, dev.conf, dev.name, 'rp_filter');
  const accLocal = effective(host.conf.all, dev.conf, dev.name, 'accept_local');
  const redirects = effective(host.conf.all, dev.conf, dev.name, 'send_redirects');
  const rpf = rp.value;
  const settings = [rp];
  const s = fmtIp(src);
  if (rpf === 0 && (oif !== dev || redirects.value === 0)) {
    // The fast path: no reverse-path lookup at all.
    if (accLocal.value) return { ok: true, settings: [rp, accLocal], why: 'accept_local is on', via: null, code: 'accept_local' };
    if (host.isLocal(src)) {
      return { ok: false, settings, why: `the sender ${s} is one of our own addresses (a martian source; Linux does not answer or defend)`, via: null, code: 'martian_local' };
    }
    return { ok: true, settings, why: 'no reverse-path check', via: null, code: 'no_check' };
  }
  const res = fibLookup(host, src);
  if (!res || res.type === 'unreachable' || res.type === 'blackhole' || res.type === 'prohibit') {
    if (res && res.type !== 'unreachable') return { ok: false, settings, why: `the route back to ${s} is of type ${res.type}`, via: null, code: 'route_type' };
    if (rpf) return { ok: false, settings, why: `there is no route back to ${s}`, via: null, code: 'no_route' };
    return { ok: true, settings, why: `no route back to ${s}, but rp_filter is off`, via: null, code: 'no_route_ok' };
  }
  if (res.type !== 'unicast' && !(res.type === 'local' && accLocal.value)) {
    return { ok: false, settings, why: `the sender ${s} is one of our own addresses (a martian source)`, via: null, code: 'martian_local' };
  }
  const via = res.dev ? res.dev.name : null;
  if (res.dev === dev || (res.type === 'local' && dev.loopback)) {
    return { ok: true, settings, why: `the best route back to ${s} leaves via ${dev.name}`, via, code: 'dev_match' };
  }
  if (dev.addrs.length === 0) {
    if (rpf) return { ok: false, settings, why: `${dev.name} has no IPv4 address, so the check falls back to rejecting (the route back to ${s} leaves via ${via})`, via, code: 'no_addr' };
    return { ok: true, settings, why: `rp_filter is off`, via, code: 'no_addr_ok' };
  }
  if (rpf === 1) return { ok: false, settings, why: `the best route back to ${s} leaves via ${via}, not ${dev.name}`, via, code: 'strict_other_dev' };
  return { ok: true, settings, why: rpf === 2 ? `loose mode: a route back to ${s} exists (via ${via})` : `rp_filter is off`, via, code: 'loose_ok' };
}
