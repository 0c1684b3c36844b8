/**
 * Receiving ARP, in the kernel's order (arp.c arp_rcv → arp_process): device filter, the
 * DAD probe branch, the input route of the target (with source validation, rp_filter),
 * arp_ignore, arp_filter, the reply; proxy ARP; and otherwise learning from the packet
 * (arp_accept, locktime, gratuitous ARP). Each step leaves a decision in the trace.
 */
import { ip as parseIp, isMulticast, type Ip4 } from '../net/ip.ts';
import type { Mac } from '../net/mac.ts';
import { effective, effValue } from '../host/conf.ts';
import { confirmAddr } from '../host/addr.ts';
import { SCOPE, type Device } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { CHECK_FAIL, CHECK_PASS, DecisionParams, Frame, IGNORE_FAIL, IGNORE_PASS, IgnoreReason, RouteReason, SettingUse } from '../trace.ts';
import { routeInput } from '../route/input.ts';
import { routeOutput } from '../route/output.ts';
import { neighCreate, neighEventNs, neighLookup, neighUpdate } from '../neigh/machine.ts';
import { arpSend } from './send.ts';
import type { PktType } from '../host/rx.ts';

/** arp_ignore (arp.c): whether to stay silent, and which branch decided. */
export function arpIgnore(dev: Device, sip: Ip4, tip: Ip4): { ignore: boolean; setting: SettingUse; reason: IgnoreReason } {
  const host = dev.host;
  const setting = effective(host.conf.all, dev.conf, dev.name, 'arp_ignore');
  switch (setting.value) {
    case 0:
      return { ignore: false, setting, reason: 'any_local' };
    case 1: {
      const ok = confirmAddr(host, dev, 0, tip, SCOPE.host) !== 0;
      return { ignore: !ok, setting, reason: ok ? 'on_dev' : 'not_on_dev' };
    }
    case 2: {
      if (confirmAddr(host, dev, sip, tip, SCOPE.host) !== 0) return { ignore: false, setting, reason: 'shared_subnet' };
      const onDev = confirmAddr(host, dev, 0, tip, SCOPE.host) !== 0;
      return { ignore: true, setting, reason: onDev ? 'no_shared_subnet' : 'not_on_dev' };
    }
    case 3: {
      const ok = confirmAddr(host, null, 0, tip, SCOPE.link) !== 0;
      return { ignore: !ok, setting, reason: ok ? 'not_scope_host' : 'scope_host' };
    }
    case 8:
      return { ignore: true, setting, reason: 'never' };
    case 4:
    case 5:
    case 6:
    case 7:
      return { ignore: false, setting, reason: 'reserved' };
    default:
      // Any other int (9, -1…): the kernel stores it (proc_dointvec) and `default: return 0` replies.
      return { ignore: false, setting, reason: 'unknown_mode' };
  }
}

/** arp_filter (arp.c): the output route to the sender (from tip) must use this device. */
function arpFilter(dev: Device, sip: Ip4, tip: Ip4): { drop: false } | { drop: true; reason: 'no_route' | 'route_other_dev'; via?: string } {
  const r = routeOutput(dev.host, sip, tip);
  if (!r.ok) return { drop: true, reason: 'no_route' };
  if (r.dev !== dev) return { drop: true, reason: 'route_other_dev', via: r.dev.name };
  return { drop: false };
}

/** inet_addr_type_dev_table for the sender: local, broadcast/multicast, or unicast. */
function addrType(dev: Device, a: Ip4): 'local' | 'broadcast' | 'multicast' | 'unicast' {
  if (a === 0 || a === 0xffffffff) return 'broadcast';
  if (isMulticast(a)) return 'multicast';
  if (dev.host.isLocal(a)) return 'local';
  return 'unicast';
}

/** arp_accept (arp.c, max of all/dev since 6.0): may unsolicited ARP create an entry? */
function arpAccept(dev: Device, sip: Ip4): boolean {
  const all = dev.host.conf.all.values.arp_accept;
  const own = dev.conf.values.arp_accept;
  switch (all > own ? all : own) {
    case 1:
      return true;
    case 2:
      return confirmAddr(dev.host, dev, sip, 0, SCOPE.link) !== 0;
    default:
      return false;
  }
}

/** Settings of decisions that read none (shared: decisions are never mutated). */
const NO_SETTINGS: SettingUse[] = [];

/**
 * The values of a decision about a request for another host: the same for every host the
 * broadcast reaches, so one object serves them all (deliveries of a frame run one after
 * another; decisions are never mutated).
 */
let paramsFrame: Frame | null = null;
let paramsOf: DecisionParams = {};
function requestParams(frame: Frame): DecisionParams {
  if (frame !== paramsFrame) {
    paramsFrame = frame;
    paramsOf = { sip: frame.arp!.spa, tip: frame.arp!.tpa, dst: frame.arp!.tpa };
  }
  return paramsOf;
}

const acceptSetting = (dev: Device) => effective(dev.host.conf.all, dev.conf, dev.name, 'arp_accept');

export function arpRcv(w: World, dev: Device, frame: Frame, pkt: PktType, redo = false): void {
  const host = dev.host;
  const a = frame.arp!;
  if (dev.noarp) {
    w.decision(frame.id, host, dev, 'arp_rcv.noarp', 'drop', 'noarp', NO_SETTINGS, {});
    return;
  }
  if (pkt === 'otherhost') {
    w.decision(frame.id, host, dev, 'arp_rcv.otherhost', 'drop', 'otherhost', NO_SETTINGS, { dst: frame.dst, mac: dev.mac });
    return;
  }
  if (a.op !== 1 && a.op !== 2) {
    w.decision(frame.id, host, dev, 'arp_process.opcode', 'drop', 'opcode', NO_SETTINGS, { op: a.op });
    return;
  }
  const sip = parseIp(a.spa);
  const tip = parseIp(a.tpa);
  const sha: Mac = a.sha;
  const isReq = a.op === 1;
  const localnet = host.conf.all.values.route_localnet | dev.conf.values.route_localnet;
  if (isMulticast(tip) || (tip >>> 24 === 127 && !localnet)) {
    w.decision(frame.id, host, dev, 'arp_process.bad_tip', 'drop', 'multicast_or_loopback', NO_SETTINGS, { tip: a.tpa });
    return;
  }
  if (sip === tip) {
    if (effValue(host.conf.all, dev.conf, 'drop_gratuitous_arp')) {
      const dg = effective(host.conf.all, dev.conf, dev.name, 'drop_gratuitous_arp');
      w.decision(frame.id, host, dev, 'arp_process.bad_tip', 'drop', 'gratuitous', [dg], { ip: a.spa });
      return;
    }
  }

  // DAD probe (sender 0.0.0.0): reply if the target is local on any interface and
  // arp_ignore allows it; never touch the neighbour table.
  if (sip === 0) {
    if (isReq && host.isLocal(tip)) {
      const ig = arpIgnore(dev, sip, tip);
      if (!ig.ignore) {
        w.decision(frame.id, host, dev, 'arp_process.dad', 'reply', ig.reason as (typeof IGNORE_PASS)[number], [ig.setting], { tip: a.tpa });
        arpSend(w, dev, 2, sha, tip, 0, sha, 'arp-dad-reply');
      } else {
        w.decision(frame.id, host, dev, 'arp_process.dad', 'ignore', ig.reason as (typeof IGNORE_FAIL)[number], [ig.setting], { tip: a.tpa, sip: a.spa });
      }
    } else {
      w.decision(frame.id, host, dev, 'arp_process.dad', 'ignore', isReq ? 'not_local' : 'reply_from_zero', NO_SETTINGS, { tip: a.tpa });
    }
    return;
  }

  if (isReq) {
    const rt = routeInput(dev, tip, sip, true, w.traceDetail);
    if (rt.kind === 'local') {
      const ig = arpIgnore(dev, sip, tip);
      if (ig.ignore) {
        if (w.traceDetail) {
          w.decision(frame.id, host, dev, 'arp_ignore', 'ignore', ig.reason as (typeof IGNORE_FAIL)[number], [...rt.validation.settings, ig.setting], { tip: a.tpa, sip: a.spa });
        }
        return;
      }
      const af = effective(host.conf.all, dev.conf, dev.name, 'arp_filter');
      if (af.value) {
        const f = arpFilter(dev, sip, tip);
        if (f.drop) {
          w.decision(frame.id, host, dev, 'arp_filter', 'ignore', f.reason, [af], { tip: a.tpa, sip: a.spa, via: f.via });
          return;
        }
      }
      if (w.traceDetail) {
        const settings = [...rt.validation.settings, ig.setting, ...(af.value ? [af] : [])];
        w.decision(frame.id, host, dev, 'arp_reply', 'reply', ig.reason as (typeof IGNORE_PASS)[number], settings, { tip: a.tpa, sip: a.spa, mac: dev.mac, via: rt.validation.via ?? undefined }, rt.validation.code as (typeof CHECK_PASS)[number]);
      }
      neighEventNs(w, dev, sip, sha, 'arp_request_local', frame.id);
      arpSend(w, dev, 2, sha, tip, sip, sha, 'arp-reply');
      return;
    }
    if (rt.kind === 'forward') {
      const proxy = effective(host.conf.all, dev.conf, dev.name, 'proxy_arp');
      const medium = effective(host.conf.all, dev.conf, dev.name, 'medium_id');
      let byProxy = false;
      if (rt.out !== dev && proxy.value) {
        if (medium.value === 0) byProxy = true;
        else if (medium.value !== -1) {
          const omi = rt.out.conf.values.medium_id;
          byProxy = omi !== medium.value && omi !== -1;
        }
      }
      const pvlan = effective(host.conf.all, dev.conf, dev.name, 'proxy_arp_pvlan');
      if (!byProxy && rt.out === dev && pvlan.value && sip !== tip) byProxy = true;
      if (byProxy) {
        neighEventNs(w, dev, sip, sha, 'arp_request_proxied', frame.id);
        const delay = dev.parms.values.proxy_delay;
        if (redo || pkt === 'host' || delay === 0) {
          w.decision(frame.id, host, dev, 'proxy_arp', 'reply', 'proxy', [rt.forwarding, proxy], { tip: a.tpa, out: rt.out.name });
          arpSend(w, dev, 2, sha, tip, sip, sha, 'arp-proxy-reply');
        } else {
          const wait = w.rng.below(delay);
          w.decision(frame.id, host, dev, 'proxy_arp', 'info', 'proxy_delay', [rt.forwarding, proxy, proxyDelaySetting(dev)], { tip: a.tpa, out: rt.out.name, delay: Math.round(wait / 1000) });
          w.after(wait, () => {
            if (!dev.up) return;
            w.causeFrame = frame.id;
            arpRcv(w, dev, frame, pkt, true);
            w.causeFrame = null;
          });
        }
        return;
      }
      if (w.traceDetail) {
        const why = !proxy.value ? 'proxy_off' : rt.out === dev ? 'same_dev' : 'same_medium';
        w.decision(frame.id, host, dev, 'proxy_arp', 'ignore', why, why === 'same_medium' ? [rt.forwarding, proxy, medium] : [rt.forwarding, proxy], { tip: a.tpa, out: rt.out.name });
      }
    } else if (rt.kind === 'error') {
      const v = rt.validation;
      if (v && v.settings.length && v.settings[0].name === 'rp_filter' && v.settings[0].value) {
        w.decision(frame.id, host, dev, 'rp_filter', 'drop', v.code as (typeof CHECK_FAIL)[number], v.settings, { sip: a.spa, tip: a.tpa, via: v.via ?? undefined });
      } else {
        w.decision(frame.id, host, dev, 'arp_process.route', 'drop', rt.code, rt.settings, { sip: a.spa, tip: a.tpa, dst: a.tpa, type: rt.rtype });
      }
    } else {
      // Not for us: the commonest case on a busy segment. Its explanation is folded into
      // the learning decision below, so each such delivery costs one event.
      learn(w, dev, frame, pkt, sip, tip, sha, isReq, rt);
      return;
    }
  }

  learn(w, dev, frame, pkt, sip, tip, sha, isReq, null);
}

/** "Update our ARP tables" (the tail of arp_process). */
function learn(w: World, dev: Device, frame: Frame, pkt: PktType, sip: Ip4, tip: Ip4, sha: Mac, isReq: boolean, notForUs: { code: RouteReason; settings: SettingUse[] } | null): void {
  const host = dev.host;
  const a = frame.arp!;
  let n = neighLookup(dev, sip);
  const accept = arpAccept(dev, sip);
  let isGarp = false;
  let type: ReturnType<typeof addrType> | null = null;
  if (n || accept) {
    isGarp = sip === tip && (isReq || a.tha === a.sha);
    if (isGarp) {
      type = addrType(dev, sip);
      if (type !== 'unicast') isGarp = false;
    }
  }
  if (accept && !n) {
    if (isGarp || (!isReq && (type ?? addrType(dev, sip)) === 'unicast')) {
      n = neighCreate(w, dev, sip);
      if (w.traceDetail) w.decision(frame.id, host, dev, 'arp_accept', 'create', isGarp ? 'gratuitous' : 'unsolicited_reply', [acceptSetting(dev)], { sip: a.spa });
    }
  }
  if (!n) {
    if (w.traceDetail) {
      const nothing = isReq && !isGarp ? 'request_never_creates' : 'accept_off';
      if (notForUs) {
        const settings = nothing === 'accept_off' ? [...notForUs.settings, acceptSetting(dev)] : notForUs.settings;
        w.decision(frame.id, host, dev, 'arp_process.route', 'ignore', notForUs.code, settings, requestParams(frame), nothing);
      } else {
        w.decision(frame.id, host, dev, 'arp_learn', 'ignore', nothing, [acceptSetting(dev)], { sip: a.spa });
      }
    }
    return;
  }
  if (notForUs && w.traceDetail) {
    w.decision(frame.id, host, dev, 'arp_process.route', 'ignore', notForUs.code, notForUs.settings, requestParams(frame), 'has_entry');
  }
  const locktime = dev.parms.values.locktime;
  const override = w.now > n.updated + locktime || isGarp;
  const state = !isReq && pkt === 'host' ? 'REACHABLE' : 'STALE';
  const old = n.state;
  const oldHa = n.ha;
  const res = neighUpdate(w, n, sha, state, { override, admin: false }, isReq ? 'arp_request_overheard' : pkt === 'host' ? 'arp_reply_to_us' : 'arp_reply_broadcast', frame.id);
  if (!w.traceDetail) return;
  if (res === 'static') {
    w.decision(frame.id, host, dev, 'neigh.static', 'ignore', 'static', NO_SETTINGS, { sip: a.spa, state: old });
  } else if (res === 'ignored') {
    // A reply that names its sender as its target looks like an announcement; arp_is_garp
    // counts it only when tha == sha as well, so say why it did not override.
    if (!isReq && sip === tip && a.tha !== a.sha) {
      w.decision(frame.id, host, dev, 'neigh.locktime', 'ignore', 'reply_not_garp', [locktimeSetting(dev)], { sip: a.spa, mac: sha, old: oldHa ?? undefined, tha: a.tha });
    } else {
      w.decision(frame.id, host, dev, 'neigh.locktime', 'ignore', 'locktime', [locktimeSetting(dev)], { sip: a.spa, mac: sha, old: oldHa ?? undefined });
    }
  } else if (res === 'updated') {
    const lockRead = !isGarp && oldHa !== null && oldHa !== sha && old !== 'INCOMPLETE' && old !== 'FAILED';
    w.decision(frame.id, host, dev, 'arp_learn', 'update', isGarp ? 'gratuitous' : 'learned', lockRead ? [locktimeSetting(dev)] : NO_SETTINGS, { sip: a.spa, mac: sha, state: n.state });
  }
}

/** locktime as `ip ntable` shows it (centiseconds, USER_HZ). */
function locktimeSetting(dev: Device): SettingUse {
  return { name: 'locktime', dev: dev.name, value: dev.parms.values.locktime / 10_000, combine: 'neigh', from: 'neigh' };
}

/** proxy_delay in centiseconds, as the sysctl reads. */
function proxyDelaySetting(dev: Device): SettingUse {
  return { name: 'proxy_delay', dev: dev.name, value: dev.parms.values.proxy_delay / 10_000, combine: 'neigh', from: 'neigh' };
}
