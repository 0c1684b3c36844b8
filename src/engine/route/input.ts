/**
 * ip_route_input_slow (net/ipv4/route.c) as ARP and IP input use it: martian checks,
 * the lookup of the destination, source validation, and forwarding.
 */
import { isLimitedBroadcast, isMulticast, isZeronet, type Ip4 } from '../net/ip.ts';
import { effective } from '../host/conf.ts';
import type { Device } from '../host/model.ts';
import { type SettingUse, type ROUTE_ERRORS, type ROUTE_UNREACHABLE } from '../trace.ts';
import { fibLookup, type Route } from './route.ts';
import { validateSource, type Validation } from './validate.ts';

export type InputRoute =
  | { kind: 'local'; validation: Validation }
  | { kind: 'forward'; route: Route; out: Device; validation: Validation; forwarding: SettingUse }
  /** Lookup returned an error (martian, failed validation, not valid for proxy ARP). */
  | { kind: 'error'; code: RouteError; settings: SettingUse[]; validation?: Validation; rtype?: string }
  /** No route, or not local and this device does not forward. */
  | { kind: 'unreachable'; code: (typeof ROUTE_UNREACHABLE)[number]; settings: SettingUse[] };

type RouteError = (typeof ROUTE_ERRORS)[number];
const NONE: SettingUse[] = [];

/** [use], the same array while the setting is the same object (settings are immutable and cached). */
let lastUse: SettingUse | null = null;
let lastJust: SettingUse[] = NONE;
function just(use: SettingUse): SettingUse[] {
  if (use !== lastUse) {
    lastUse = use;
    lastJust = [use];
  }
  return lastJust;
}

/**
 * @param explain whether the caller records the settings an error read (only traced runs
 *   do: an ARP request for another host on a busy segment must not pay for them).
 */
export function routeInput(dev: Device, daddr: Ip4, saddr: Ip4, isArp: boolean, explain = true): InputRoute {
  const host = dev.host;
  // route_localnet: all OR dev (named loads: this runs for every frame received)
  const localnet = host.conf.all.values.route_localnet | dev.conf.values.route_localnet;
  if (isMulticast(saddr) || isLimitedBroadcast(saddr)) return { kind: 'error', code: 'martian_source', settings: NONE };
  if (isLimitedBroadcast(daddr) || (saddr === 0 && daddr === 0)) {
    return isArp ? { kind: 'error', code: 'broadcast_target', settings: NONE } : { kind: 'unreachable', code: 'broadcast', settings: NONE };
  }
  if (isZeronet(saddr)) return { kind: 'error', code: 'martian_source', settings: NONE };
  if (isZeronet(daddr)) return { kind: 'error', code: 'martian_dest', settings: NONE };
  if (daddr >>> 24 === 127 && !localnet) return { kind: 'error', code: 'loopback_dest', settings: NONE };
  if (saddr >>> 24 === 127 && !localnet) return { kind: 'error', code: 'loopback_source', settings: NONE };

  const res = fibLookup(host, daddr);
  if (!res || res.type === 'unreachable') return { kind: 'unreachable', code: 'no_route_to', settings: NONE };
  if (res.type === 'broadcast') return { kind: 'error', code: 'broadcast_dest', settings: NONE };
  if (res.type === 'local') {
    const v = validateSource(dev, saddr, null);
    if (!v.ok) return { kind: 'error', code: v.code as RouteError, settings: v.settings, validation: v };
    return { kind: 'local', validation: v };
  }
  if (!dev.conf.values.forwarding) {
    return { kind: 'unreachable', code: 'not_local_no_forward', settings: explain ? just(effective(host.conf.all, dev.conf, dev.name, 'forwarding')) : NONE };
  }
  const fwd = effective(host.conf.all, dev.conf, dev.name, 'forwarding');
  if (res.type !== 'unicast' || !res.dev) return { kind: 'error', code: 'route_type_to', settings: [fwd], rtype: res.type };
  const v = validateSource(dev, saddr, res.dev);
  if (!v.ok) return { kind: 'error', code: v.code as RouteError, settings: v.settings, validation: v };
  if (isArp && res.dev === dev) {
    const pvlan = effective(host.conf.all, dev.conf, dev.name, 'proxy_arp_pvlan');
    if (!pvlan.value) return { kind: 'error', code: 'same_dev', settings: [fwd, pvlan] };
  }
  return { kind: 'forward', route: res.route, out: res.dev, validation: v, forwarding: fwd };
}
