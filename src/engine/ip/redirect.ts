/**
 * ICMP redirects (net/ipv4/route.c). A router that forwards a packet out of the device it
 * came in on, for a sender on that link, tells the sender the better first hop
 * (__mkroute_input sets IPSKB_DOREDIRECT; ip_forward → ip_rt_send_redirect, rate-limited
 * per source). The sender believes it (__ip_do_redirect): it resolves the new gateway if it
 * has no valid entry for it, or else notes a nexthop exception for the destination.
 * Both ends touch neighbour entries, which is why ARP sees redirects at all: the router's
 * entry for the sender is used (STALE → DELAY), the sender may ask for the new gateway.
 */
import { fmtIp, ip as parseIp, isLimitedBroadcast, isMulticast, isZeronet, type Ip4 } from '../net/ip.ts';
import { effective } from '../host/conf.ts';
import { addrOnlink } from '../host/addr.ts';
import type { Device, IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { Micros } from '../trace.ts';
import { nexthopAddr, type Route } from '../route/route.ts';
import { routeOutput } from '../route/output.ts';
import type { Validation } from '../route/validate.ts';
import { neighCreate, neighEventSend } from '../neigh/machine.ts';
import { NUD_VALID } from '../neigh/entry.ts';
import { ipSendLocal } from './output.ts';

/** ip_rt_redirect_load = HZ/50. */
const REDIRECT_LOAD: Micros = 20_000;
/** ip_rt_redirect_number: after this many unheeded redirects, stop. */
const REDIRECT_NUMBER = 9;
/** ip_rt_redirect_silence = load << (number + 1): forget a source after this quiet time. */
const REDIRECT_SILENCE: Micros = REDIRECT_LOAD << (REDIRECT_NUMBER + 1);
/** ip_rt_gc_timeout: a nexthop exception lives this long. */
const EXCEPTION_LIFETIME: Micros = 300_000_000;

/**
 * Called by ip_forward before the packet goes on: sends a redirect when the packet leaves
 * by its input device, the device may send redirects (forwarding and send_redirects), the
 * sender is on that link, and the per-source rate limit allows it.
 */
export function maybeSendRedirect(w: World, dev: Device, p: IpPacket, route: Route, out: Device, v: Validation): void {
  const host = dev.host;
  if (out !== dev || !dev.conf.values.forwarding || !v.onLink) return;
  const send = effective(host.conf.all, dev.conf, dev.name, 'send_redirects');
  if (!send.value) return;
  const shared = effective(host.conf.all, dev.conf, dev.name, 'shared_media');
  if (!shared.value && !addrOnlink(dev, p.src, route.gw)) return;
  const gw = nexthopAddr(route, p.dst);
  const peer = host.redirectPeers.get(p.src) ?? { n: 0, last: -REDIRECT_SILENCE - 1 };
  host.redirectPeers.set(p.src, peer);
  if (w.now > peer.last + REDIRECT_SILENCE) peer.n = 0;
  if (peer.n >= REDIRECT_NUMBER) {
    peer.last = w.now;
    return;
  }
  if (peer.n !== 0 && w.now <= peer.last + REDIRECT_LOAD * 2 ** peer.n) return;
  peer.last = w.now;
  peer.n++;
  // icmp_send never reports an ICMP error (the rate state above still moved). Redirects
  // are modelled for echo requests and replies only (those are what the engine quotes).
  const icmp = p.icmp;
  const quoted = icmp?.type;
  if (!icmp || (quoted !== 'echo-request' && quoted !== 'echo-reply')) return;
  w.decision(p.inFrame ?? null, host, dev, 'ip_forward.redirect', 'info', 'redirect_sent', [send], { src: fmtIp(p.src), dst: fmtIp(p.dst), gw: fmtIp(gw) });
  const redirect: IpPacket = {
    src: 0, dst: p.src, ttl: 64,
    icmp: { type: 'redirect', code: 1, id: icmp.id, seq: icmp.seq, about: fmtIp(p.dst), gateway: fmtIp(gw), quoted },
  };
  ipSendLocal(w, host, redirect, null);
}

/**
 * __ip_do_redirect on the sender: the route the quoted packet takes must go through the
 * redirect's sender, the new gateway must be plausible (on-link unless shared_media,
 * a default gateway when secure_redirects, a unicast address), and the device must accept
 * redirects (IN_DEV_RX_REDIRECTS: all AND dev when forwarding, all OR dev otherwise).
 */
export function receiveRedirect(w: World, dev: Device, p: IpPacket): void {
  const host = dev.host;
  const oldGw = p.src;
  const newGw = parseIp(p.icmp?.gateway ?? '');
  const dst = parseIp(p.icmp?.about ?? '');
  if (newGw === null || dst === null) return;
  // The quoted packet went from us (p.dst) to `dst`: the route it took.
  const rt = routeOutput(host, dst, p.dst);
  const params = { gw: fmtIp(newGw), dst: fmtIp(dst), src: fmtIp(oldGw) };
  const ignore = (why: 'redirect_rx_off' | 'redirect_bad_gw' | 'redirect_not_onlink' | 'redirect_secure' | 'redirect_local_gw') =>
    w.decision(p.inFrame ?? null, host, dev, 'icmp.redirect', 'ignore', why, [], params);
  if (!rt.ok || rt.local || !rt.route || !rt.route.gw || rt.nexthop !== oldGw) return;
  const all = host.conf.all.values.accept_redirects;
  const mine = dev.conf.values.accept_redirects;
  // Logical, not bitwise: accept_redirects=2 on all and 1 on the device is "on" for IN_DEV_ANDCONF.
  const rx = dev.conf.values.forwarding ? all !== 0 && mine !== 0 : all !== 0 || mine !== 0;
  if (newGw === oldGw || !rx || isMulticast(newGw) || isLimitedBroadcast(newGw) || isZeronet(newGw)) {
    ignore(rx ? 'redirect_bad_gw' : 'redirect_rx_off');
    return;
  }
  const shared = effective(host.conf.all, dev.conf, dev.name, 'shared_media');
  if (!shared.value) {
    if (!addrOnlink(dev, newGw, oldGw)) return ignore('redirect_not_onlink');
    const secure = effective(host.conf.all, dev.conf, dev.name, 'secure_redirects');
    // ip_fib_check_default: secure redirects name only gateways of default routes.
    if (secure.value && !host.routes.some((r) => r.len === 0 && r.gw === newGw && r.dev === dev)) return ignore('redirect_secure');
  } else if (host.isLocal(newGw)) {
    return ignore('redirect_local_gw');
  }
  const out = rt.dev;
  const n = neighCreate(w, out, newGw);
  if (!NUD_VALID.has(n.state)) {
    w.decision(p.inFrame ?? null, host, dev, 'icmp.redirect', 'accept', 'redirect_resolve', [], params);
    neighEventSend(w, n);
    return;
  }
  host.exceptions.set(dst, { route: rt.route, gw: newGw, expires: w.now + EXCEPTION_LIFETIME });
  w.decision(p.inFrame ?? null, host, dev, 'icmp.redirect', 'accept', 'redirect_exception', [], params);
}

/** The first hop for `dst` along `route`, after any exception a redirect made (find_exception). */
export function exceptionNexthop(w: World, route: Route, dst: Ip4, nexthop: Ip4): Ip4 {
  const host = route.dev?.host;
  const e = host?.exceptions.get(dst);
  if (!host || !e) return nexthop;
  if (e.expires <= w.now) {
    host.exceptions.delete(dst);
    return nexthop;
  }
  return e.route === route ? e.gw : nexthop;
}
