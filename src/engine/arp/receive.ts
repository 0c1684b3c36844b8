/**
 * Receiving ARP, in the kernel's order (arp.c arp_rcv → arp_process): device filter, the
 * DAD probe branch, the input route of the target (with source validation, rp_filter),
 * arp_ignore, arp_filter, the reply; proxy ARP; and otherwise learning from the packet
 * (arp_accept, locktime, gratuitous ARP). Each step leaves a decision in the trace.
 */
import { fmtIp, ip as parseIp, isMulticast, type Ip4 } from '../net/ip.ts';
import type { Mac } from '../net/mac.ts';
import { effective, effValue, describeSetting } from '../host/conf.ts';
import { confirmAddr } from '../host/addr.ts';
import { SCOPE, type Device } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { Frame, SettingUse } from '../trace.ts';
import { routeInput } from '../route/input.ts';
import { routeOutput } from '../route/output.ts';
import { neighCreate, neighEventNs, neighLookup, neighUpdate } from '../neigh/machine.ts';
import { arpSend } from './send.ts';
import type { PktType } from '../host/rx.ts';

/** arp_ignore (arp.c): 0 = reply; the reason otherwise. */
export type IgnoreReason = 'any_local' | 'on_dev' | 'not_on_dev' | 'shared_subnet' | 'no_shared_subnet' | 'not_scope_host' | 'scope_host' | 'never' | 'reserved';

export function arpIgnore(dev: Device, sip: Ip4, tip: Ip4): { ignore: boolean; setting: SettingUse; why: string; reason: IgnoreReason } {
  const host = dev.host;
  const setting = effective(host.conf.all, dev.conf, dev.name, 'arp_ignore');
  const t = fmtIp(tip);
  switch (setting.value) {
    case 0:
      return { ignore: false, setting, why: `${t} is a local address (on any interface, the weak host model)`, reason: 'any_local' };
    case 1: {
      const ok = confirmAddr(host, dev, 0, tip, SCOPE.host) !== 0;
      return { ignore: !ok, setting, why: ok ? `${t} is configured on ${dev.name}` : `${t} is not configured on ${dev.name}`, reason: ok ? 'on_dev' : 'not_on_dev' };
    }
    case 2: {
      const ok = confirmAddr(host, dev, sip, tip, SCOPE.host) !== 0;
      const onDev = confirmAddr(host, dev, 0, tip, SCOPE.host) !== 0;
      const why = ok
        ? `${t} is on ${dev.name} and a subnet there holds both ${t} and ${fmtIp(sip)}`
        : onDev
          ? `no subnet on ${dev.name} holds both ${t} and the sender ${fmtIp(sip)}`
          : `${t} is not configured on ${dev.name}`;
      return { ignore: !ok, setting, why, reason: ok ? 'shared_subnet' : onDev ? 'no_shared_subnet' : 'not_on_dev' };
    }
    case 3: {
      const ok = confirmAddr(host, null, 0, tip, SCOPE.link) !== 0;
      return { ignore: !ok, setting, why: ok ? `${t} is not a scope host address` : `${t} has scope host`, reason: ok ? 'not_scope_host' : 'scope_host' };
    }
    case 8:
      return { ignore: true, setting, why: 'mode 8 never replies', reason: 'never' };
    default:
      return { ignore: false, setting, why: `mode ${setting.value} is reserved and replies like 0`, reason: 'reserved' };
  }
}

/** arp_filter (arp.c): the output route to the sender (from tip) must use this device. */
function arpFilter(dev: Device, sip: Ip4, tip: Ip4): { drop: boolean; why: string } {
  const r = routeOutput(dev.host, sip, tip);
  if (!r.ok) return { drop: true, why: `there is no route to ${fmtIp(sip)}` };
  if (r.dev !== dev) return { drop: true, why: `the route to ${fmtIp(sip)} leaves via ${r.dev.name}, not ${dev.name}` };
  return { drop: false, why: `the route to ${fmtIp(sip)} leaves via ${dev.name}` };
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

const acceptSetting = (dev: Device) => effective(dev.host.conf.all, dev.conf, dev.name, 'arp_accept');

export function arpRcv(w: World, dev: Device, frame: Frame, pkt: PktType, redo = false): void {
  const host = dev.host;
  const a = frame.arp!;
  if (dev.noarp) {
    w.decision(frame.id, host, dev, 'arp_rcv.noarp', 'drop', [], { dev: dev.name }, `${dev.id} has NOARP: ARP is not processed`);
    return;
  }
  if (pkt === 'otherhost') {
    w.decision(frame.id, host, dev, 'arp_rcv.otherhost', 'drop', [], { dev: dev.name, dst: frame.dst },
      `${dev.id} drops the frame: it is addressed to ${frame.dst}, not to ${dev.name}'s MAC ${dev.mac}`);
    return;
  }
  if (a.op !== 1 && a.op !== 2) {
    w.decision(frame.id, host, dev, 'arp_process.opcode', 'drop', [], { op: a.op }, `${dev.id} drops ARP opcode ${a.op}: only requests and replies are understood`);
    return;
  }
  const sip = parseIp(a.spa);
  const tip = parseIp(a.tpa);
  const sha: Mac = a.sha;
  const isReq = a.op === 1;
  const localnet = host.conf.all.values.route_localnet | dev.conf.values.route_localnet;
  if (isMulticast(tip) || (tip >>> 24 === 127 && !localnet)) {
    w.decision(frame.id, host, dev, 'arp_process.bad_tip', 'drop', [], { tip: a.tpa }, `${dev.id} drops ARP for ${a.tpa}: a multicast or loopback target`);
    return;
  }
  if (sip === tip) {
    if (effValue(host.conf.all, dev.conf, 'drop_gratuitous_arp')) {
      const dg = effective(host.conf.all, dev.conf, dev.name, 'drop_gratuitous_arp');
      w.decision(frame.id, host, dev, 'arp_process.bad_tip', 'drop', [dg], { ip: a.spa }, `${dev.id} drops a gratuitous ARP: ${describeSetting(dg)}`);
      return;
    }
  }

  // DAD probe (sender 0.0.0.0): reply if the target is local on any interface and
  // arp_ignore allows it; never touch the neighbour table.
  if (sip === 0) {
    if (isReq && host.isLocal(tip)) {
      const ig = arpIgnore(dev, sip, tip);
      if (!ig.ignore) {
        w.decision(frame.id, host, dev, 'arp_process.dad', 'reply', [ig.setting], { tip: a.tpa, dev: dev.name },
          `${dev.id} answers the duplicate-address probe for ${a.tpa}: ${describeSetting(ig.setting)}, ${ig.why}; the reply goes to the prober's MAC with target 0.0.0.0, and no cache entry is made`);
        arpSend(w, dev, 2, sha, tip, 0, sha, 'arp-dad-reply');
      } else {
        w.decision(frame.id, host, dev, 'arp_ignore', 'ignore', [ig.setting], { tip: a.tpa, sip: a.spa, dev: dev.name, reason: ig.reason },
          `${dev.id} ignores the duplicate-address probe for ${a.tpa}: ${describeSetting(ig.setting)}; ${ig.why}`);
      }
    } else {
      w.decision(frame.id, host, dev, 'arp_process.dad', 'ignore', [], { tip: a.tpa },
        isReq ? `${dev.id} sees a duplicate-address probe for ${a.tpa}, not a local address: nothing to do` : `${dev.id} ignores an ARP reply with sender 0.0.0.0`);
    }
    return;
  }

  if (isReq) {
    const rt = routeInput(dev, tip, sip, true, w.traceDetail);
    if (rt.kind === 'local') {
      const ig = arpIgnore(dev, sip, tip);
      if (ig.ignore) {
        w.decision(frame.id, host, dev, 'arp_ignore', 'ignore', [...rt.validation.settings, ig.setting], { tip: a.tpa, sip: a.spa, dev: dev.name, reason: ig.reason },
          `${dev.id} ignores the request for ${a.tpa}: ${describeSetting(ig.setting)}; ${ig.why}. No reply, and no cache update`);
        return;
      }
      const af = effective(host.conf.all, dev.conf, dev.name, 'arp_filter');
      if (af.value) {
        const f = arpFilter(dev, sip, tip);
        if (f.drop) {
          w.decision(frame.id, host, dev, 'arp_filter', 'ignore', [af], { tip: a.tpa, sip: a.spa, dev: dev.name },
            `${dev.id} does not answer for ${a.tpa}: ${describeSetting(af)}; ${f.why}. No reply, and no cache update`);
          return;
        }
      }
      const settings = [...rt.validation.settings, ig.setting, ...(af.value ? [af] : [])];
      w.decision(frame.id, host, dev, 'arp_reply', 'reply', settings, { tip: a.tpa, sip: a.spa, dev: dev.name, mac: dev.mac },
        `${dev.id} answers "${a.tpa} is-at ${dev.mac}": ${ig.why}; ${describeSetting(rt.validation.settings[0])} passes (${rt.validation.why}); ${describeSetting(ig.setting)} allows it. The reply leaves ${dev.name} with ${dev.name}'s MAC`);
      neighEventNs(w, dev, sip, sha, 'request for a local address (neigh_event_ns)', frame.id);
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
        neighEventNs(w, dev, sip, sha, 'proxied request (neigh_event_ns)', frame.id);
        const delay = dev.parms.values.proxy_delay;
        if (redo || pkt === 'host' || delay === 0) {
          w.decision(frame.id, host, dev, 'proxy_arp', 'reply', [rt.forwarding, proxy], { tip: a.tpa, dev: dev.name, out: rt.out.name },
            `${dev.id} answers for ${a.tpa} by proxy: ${describeSetting(proxy)}, forwarding on, and the route to ${a.tpa} leaves by ${rt.out.name}; the reply carries ${dev.name}'s MAC`);
          arpSend(w, dev, 2, sha, tip, sip, sha, 'arp-proxy-reply');
        } else {
          const wait = w.rng.below(delay);
          w.decision(frame.id, host, dev, 'proxy_arp', 'info', [rt.forwarding, proxy], { tip: a.tpa, dev: dev.name, delay: wait },
            `${dev.id} will answer for ${a.tpa} by proxy after a random delay of ${(wait / 1000).toFixed(0)} ms (proxy_delay ${dev.parms.values.proxy_delay / 1000} ms): ${describeSetting(proxy)}, the route to ${a.tpa} leaves by ${rt.out.name}`);
          w.after(wait, () => {
            if (!dev.up) return;
            w.causeFrame = frame.id;
            arpRcv(w, dev, frame, pkt, true);
            w.causeFrame = null;
          });
        }
        return;
      }
      w.decision(frame.id, host, dev, 'proxy_arp', 'ignore', [rt.forwarding, proxy], { tip: a.tpa, dev: dev.name },
        `${dev.id} does not answer for ${a.tpa}: not a local address, and ${describeSetting(proxy)}`);
    } else if (rt.kind === 'error') {
      const v = rt.validation;
      if (v && v.settings.length && v.settings[0].name === 'rp_filter' && v.settings[0].value) {
        w.decision(frame.id, host, dev, 'rp_filter', 'drop', v.settings, { sip: a.spa, tip: a.tpa, dev: dev.name, via: v.via ?? '', reason: v.code },
          `${dev.id} does not answer the request for ${a.tpa}: ${describeSetting(v.settings[0])}; ${v.why}`);
      } else {
        w.decision(frame.id, host, dev, 'arp_process.route', 'drop', rt.settings, { sip: a.spa, tip: a.tpa, dev: dev.name },
          `${dev.id} does not answer the request for ${a.tpa}: ${rt.why}`);
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
function learn(w: World, dev: Device, frame: Frame, pkt: PktType, sip: Ip4, tip: Ip4, sha: Mac, isReq: boolean, notForUs: { why: string; settings: SettingUse[] } | null): void {
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
      if (w.traceDetail) {
        const s = acceptSetting(dev);
        w.decision(frame.id, host, dev, 'arp_accept', 'create', [s], { sip: a.spa, dev: dev.name },
          `${dev.id} creates an entry for ${a.spa}: ${describeSetting(s)} accepts ${isGarp ? 'a gratuitous ARP' : 'an unsolicited reply'}`);
      }
    }
  }
  if (!n) {
    if (w.traceDetail) {
      const s = acceptSetting(dev);
      const nothing = `has no entry for ${a.spa} and does not create one: ${isReq && !isGarp ? 'a request that is not answered never creates an entry' : describeSetting(s)}`;
      if (notForUs) {
        w.decision(frame.id, host, dev, 'arp_process.route', 'ignore', [...notForUs.settings, s], { sip: a.spa, tip: a.tpa, dev: dev.name },
          `${dev.id} does not answer (${notForUs.why}) and ${nothing}`);
      } else {
        w.decision(frame.id, host, dev, 'arp_learn', 'ignore', [s], { sip: a.spa, dev: dev.name }, `${dev.id} ${nothing}`);
      }
    }
    return;
  }
  if (notForUs && w.traceDetail) {
    w.decision(frame.id, host, dev, 'arp_process.route', 'ignore', notForUs.settings, { tip: a.tpa, dev: dev.name }, `${dev.id} does not answer: ${notForUs.why}`);
  }
  const locktime = dev.parms.values.locktime;
  const override = w.now > n.updated + locktime || isGarp;
  const state = !isReq && pkt === 'host' ? 'REACHABLE' : 'STALE';
  const old = n.state;
  const oldHa = n.ha;
  const res = neighUpdate(w, n, sha, state, { override, admin: false }, isReq ? 'overheard ARP request' : pkt === 'host' ? 'ARP reply to us' : 'broadcast ARP reply', frame.id);
  if (!w.traceDetail) return;
  const lock: SettingUse = { name: 'locktime', dev: dev.name, value: locktime / 10_000, combine: 'neigh', from: 'neigh' };
  if (res === 'static') {
    w.decision(frame.id, host, dev, 'neigh.static', 'ignore', [], { sip: a.spa, dev: dev.name, state: old },
      `${dev.id} keeps its ${old} entry for ${a.spa}: static entries are never changed by ARP`);
  } else if (res === 'ignored') {
    w.decision(frame.id, host, dev, 'neigh.locktime', 'ignore', [lock], { sip: a.spa, dev: dev.name, mac: sha, old: oldHa ?? '' },
      `${dev.id} keeps ${a.spa} → ${oldHa}: the entry changed less than locktime (1 s) ago, so the different MAC ${sha} is ignored (the first reply wins)`);
  } else if (res === 'updated') {
    w.decision(frame.id, host, dev, 'arp_learn', 'update', !isGarp && oldHa !== null && oldHa !== sha && old !== 'INCOMPLETE' && old !== 'FAILED' ? [lock] : [], { sip: a.spa, dev: dev.name, mac: sha, state: n.state },
      `${dev.id} updates ${a.spa} → ${sha} ${n.state}${isGarp ? ' (gratuitous ARP overrides at once)' : ''}`);
  }
}

