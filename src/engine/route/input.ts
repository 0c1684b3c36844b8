/**
 * ip_route_input_slow (net/ipv4/route.c) as ARP and IP input use it: martian checks,
 * the lookup of the destination, source validation, and forwarding.
 */
import { fmtIp, isLimitedBroadcast, isMulticast, isZeronet, type Ip4 } from '../net/ip.ts';
import { effective } from '../host/conf.ts';
import type { Device } from '../host/model.ts';
import type { SettingUse } from '../trace.ts';
import { fibLookup, type Route } from './route.ts';
import { validateSource, type Validation } from './validate.ts';

export type InputRoute =
  | { kind: 'local'; validation: Validation }
  | { kind: 'forward'; route: Route; out: Device; validation: Validation; forwarding: SettingUse }
  /** Lookup returned an error (martian, failed validation, not valid for proxy ARP). */
  | { kind: 'error'; why: string; settings: SettingUse[]; validation?: Validation }
  /** No route, or not local and this device does not forward. */
  | { kind: 'unreachable'; why: string; settings: SettingUse[] };

export function routeInput(dev: Device, daddr: Ip4, saddr: Ip4, isArp: boolean, explain = true): InputRoute {
  const host = dev.host;
  // route_localnet: all OR dev (named loads: this runs for every frame received)
  const localnet = host.conf.all.values.route_localnet | dev.conf.values.route_localnet;
  if (isMulticast(saddr) || isLimitedBroadcast(saddr)) return { kind: 'error', why: `martian source ${fmtIp(saddr)}`, settings: [] };
  if (isLimitedBroadcast(daddr) || (saddr === 0 && daddr === 0)) {
    return isArp ? { kind: 'error', why: 'a broadcast target is not answered', settings: [] } : { kind: 'unreachable', why: 'broadcast', settings: [] };
  }
  if (isZeronet(saddr)) return { kind: 'error', why: `martian source ${fmtIp(saddr)}`, settings: [] };
  if (isZeronet(daddr)) return { kind: 'error', why: `martian destination ${fmtIp(daddr)}`, settings: [] };
  if (daddr >>> 24 === 127 && !localnet) return { kind: 'error', why: `martian destination ${fmtIp(daddr)} (loopback)`, settings: [] };
  if (saddr >>> 24 === 127 && !localnet) return { kind: 'error', why: `martian source ${fmtIp(saddr)} (loopback)`, settings: [] };

  const res = fibLookup(host, daddr);
  if (!res || res.type === 'unreachable') {
    return { kind: 'unreachable', why: explain ? `no route to ${fmtIp(daddr)}` : '', settings: [] };
  }
  if (res.type === 'broadcast') return { kind: 'error', why: 'broadcast destination', settings: [] };
  if (res.type === 'local') {
    const v = validateSource(dev, saddr, null);
    if (!v.ok) return { kind: 'error', why: v.why, settings: v.settings, validation: v };
    return { kind: 'local', validation: v };
  }
  if (!dev.conf.values.forwarding) {
    if (!explain) return { kind: 'unreachable', why: '', settings: [] };
    const fwdOff = effective(host.conf.all, dev.conf, dev.name, 'forwarding');
    return { kind: 'unreachable', why: `${fmtIp(daddr)} is not a local address and ${dev.name} does not forward`, settings: [fwdOff] };
  }
  const fwd = effective(host.conf.all, dev.conf, dev.name, 'forwarding');
  if (res.type !== 'unicast' || !res.dev) return { kind: 'error', why: `the route to ${fmtIp(daddr)} is of type ${res.type}`, settings: [fwd] };
  const v = validateSource(dev, saddr, res.dev);
  if (!v.ok) return { kind: 'error', why: v.why, settings: v.settings, validation: v };
  if (isArp && res.dev === dev) {
    const pvlan = effective(host.conf.all, dev.conf, dev.name, 'proxy_arp_pvlan');
    if (!pvlan.value) {
      return { kind: 'error', why: `the route to ${fmtIp(daddr)} leaves by ${dev.name}, the interface the request came in on`, settings: [fwd, pvlan] };
    }
  }
  return { kind: 'forward', route: res.route, out: res.dev, validation: v, forwarding: fwd };
}
