/**
 * Source validation (fib_frontend.c fib_validate_source / __fib_validate_source): the
 * reverse-path check, rp_filter, that the kernel runs on ARP requests (through
 * ip_route_input) as well as on IP packets.
 */
import type { Ip4 } from '../net/ip.ts';
import { effective } from '../host/conf.ts';
import type { Device } from '../host/model.ts';
import type { CheckReason, SettingUse } from '../trace.ts';
import { fibLookup, mainLookup } from './route.ts';
import { SCOPE } from '../host/model.ts';

export interface Validation {
  ok: boolean;
  settings: SettingUse[];
  /** Device the best route back to the source leaves by, if any. */
  via: string | null;
  /** Which branch decided (the explanation's reason code). */
  code: CheckReason;
  /**
   * __fib_validate_source's positive result: the source is directly connected through the
   * device (its route has a host-scope nexthop). A forwarding device sends redirects only
   * to such sources.
   */
  onLink?: boolean;
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
  if (rpf === 0 && (oif !== dev || redirects.value === 0)) {
    // The fast path: no reverse-path lookup at all.
    if (accLocal.value) return { ok: true, settings: [rp, accLocal], via: null, code: 'accept_local' };
    if (host.isLocal(src)) {
      return { ok: false, settings, via: null, code: 'martian_local' };
    }
    return { ok: true, settings, via: null, code: 'no_check' };
  }
  const res = fibLookup(host, src);
  if (!res || res.type === 'unreachable' || res.type === 'blackhole' || res.type === 'prohibit') {
    if (res && res.type !== 'unreachable') return { ok: false, settings, via: null, code: 'route_type' };
    if (rpf) return { ok: false, settings, via: null, code: 'no_route' };
    return { ok: true, settings, via: null, code: 'no_route_ok' };
  }
  if (res.type !== 'unicast' && !(res.type === 'local' && accLocal.value)) {
    return { ok: false, settings, via: null, code: 'martian_local' };
  }
  const via = res.dev ? res.dev.name : null;
  if (res.dev === dev || (res.type === 'local' && dev.loopback)) {
    return { ok: true, settings, via, code: 'dev_match', onLink: res.nhScope >= SCOPE.host };
  }
  if (dev.addrs.length === 0) {
    if (rpf) return { ok: false, settings, via, code: 'no_addr' };
    return { ok: true, settings, via, code: 'no_addr_ok' };
  }
  // `if (rpf == 1) goto e_rpf`: only 1 is strict; 2 and every other non-zero int (3, -1…) is loose.
  if (rpf === 1) return { ok: false, settings, via, code: 'strict_other_dev' };
  // Loose or no check: a second lookup through this device says whether the source is on its link.
  const back = mainLookup(host, src, dev);
  const onLink = back !== null && back.type === 'unicast' && back.nhScope >= SCOPE.host;
  return { ok: true, settings, via, code: rpf !== 0 ? 'loose_ok' : 'rp_off', onLink };
}
