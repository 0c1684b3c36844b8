/**
 * IPv4 address lists and the address searches the kernel's ARP code relies on
 * (net/ipv4/devinet.c).
 */
import { maskOf, type Ip4 } from '../net/ip.ts';
import { SCOPE, type Device, type Host, type IfAddr, type ScopeNum } from './model.ts';

/** inet_ifa_match: is `a` inside the subnet of `ifa`? */
export function ifaMatch(a: Ip4, ifa: IfAddr): boolean {
  return ((a ^ ifa.local) & ifa.mask) === 0;
}

export type InsertResult = { ok: true; ifa: IfAddr } | { ok: false; error: string };

/**
 * __inet_insert_ifa: an address is secondary iff the device already has a primary with
 * the same mask whose subnet contains it; a new primary goes after the last primary of
 * scope >= its own, secondaries at the end.
 */
export function insertAddress(
  dev: Device,
  local: Ip4,
  len: number,
  scope: ScopeNum,
  label: string | undefined,
  noprefixroute: boolean,
  metric: number,
): InsertResult {
  const mask = maskOf(len);
  let secondary = false;
  let lastPrimary = -1;
  for (let i = 0; i < dev.addrs.length; i++) {
    const x = dev.addrs[i];
    if (!x.secondary && scope <= x.scope) lastPrimary = i;
    if (x.mask === mask && ((x.local ^ local) & mask) === 0) {
      // inet_rtm_newaddr / __inet_insert_ifa (devinet.c): EEXIST and EINVAL with the extack
      // messages iproute2 prints instead of RTNETLINK's strerror.
      if (x.local === local) return { ok: false, error: 'Error: ipv4: Address already assigned.' };
      if (x.scope !== scope) return { ok: false, error: 'Error: ipv4: Invalid scope value.' };
      if (!x.secondary) secondary = true;
    }
  }
  const ifa: IfAddr = { local, len, mask, scope, label: label ?? dev.name, secondary, noprefixroute, metric };
  dev.host.addressesChanged();
  if (secondary) dev.addrs.push(ifa);
  else dev.addrs.splice(lastPrimary + 1, 0, ifa);
  // devinet.c: assigning an address marks every conf knob of the device as set, so later
  // writes to conf/default no longer reach it.
  for (const k of Object.keys(dev.conf.values) as (keyof typeof dev.conf.values)[]) dev.conf.set.add(k);
  return { ok: true, ifa };
}

export interface DeleteResult {
  /** The deleted address and, without promotion, its secondaries. */
  removed: IfAddr[];
  /** The secondary that became primary (promote_secondaries), if any. */
  promoted: IfAddr | null;
}

/**
 * __inet_del_ifa: deleting a primary deletes its secondaries too unless
 * promote_secondaries is set; then the first secondary of its subnet becomes primary and,
 * when other addresses came between the two, moves to just after the last primary (of
 * scope >= the deleted one's) between them, or else just after the list's first address.
 */
export function deleteAddress(dev: Device, local: Ip4, len: number, promote: boolean): DeleteResult {
  const i = dev.addrs.findIndex((x) => x.local === local && x.len === len);
  if (i < 0) return { removed: [], promoted: null };
  const gone = dev.addrs[i];
  const removed = [gone];
  let promoted: IfAddr | null = null;
  let lastPrim = dev.addrs[0]; // the kernel's last_prim: the promoted address goes after it
  let moved = false;
  if (!gone.secondary) {
    for (let j = i + 1; j < dev.addrs.length; j++) {
      const x = dev.addrs[j];
      if (!x.secondary && gone.scope <= x.scope) lastPrim = x;
      if (!x.secondary || x.mask !== gone.mask || !ifaMatch(x.local, gone)) {
        moved = true; // prev_prom: something stands between the deleted and the promoted
        continue;
      }
      if (promote) {
        promoted = x;
        break;
      }
      removed.push(x);
    }
  }
  if (promoted && moved) {
    dev.addrs.splice(dev.addrs.indexOf(promoted), 1);
    dev.addrs.splice(dev.addrs.indexOf(lastPrim) + 1, 0, promoted);
  }
  for (const r of removed) dev.addrs.splice(dev.addrs.indexOf(r), 1);
  if (promoted) promoted.secondary = false;
  dev.host.addressesChanged();
  return { removed, promoted };
}

/** in_dev_select_addr: first primary that is not scope link, within `scope`. */
function inDevSelectAddr(dev: Device, scope: ScopeNum): Ip4 {
  for (const ifa of dev.addrs) {
    if (Math.min(ifa.scope, SCOPE.host) > scope) continue;
    if (!ifa.secondary && ifa.scope !== SCOPE.link) return ifa.local;
  }
  return 0;
}

/**
 * inet_select_addr(dev, dst, scope): the first primary on `dev` (scope within `scope`)
 * whose subnet contains dst, else the first acceptable primary of `dev`, else a
 * global/site primary of any device in ifindex order (lo first).
 */
export function selectAddr(dev: Device, dst: Ip4, scope: ScopeNum): Ip4 {
  let addr = 0;
  for (const ifa of dev.addrs) {
    if (ifa.secondary) continue;
    if (Math.min(ifa.scope, SCOPE.host) > scope) continue;
    if (!dst || ifaMatch(dst, ifa)) return ifa.local;
    if (!addr) addr = ifa.local;
  }
  if (addr) return addr;
  for (const d of dev.host.devices) {
    const a = inDevSelectAddr(d, scope);
    if (a) return a;
  }
  return 0;
}

/** confirm_addr_indev, literally (devinet.c); used by arp_ignore 1/2/3 and arp_accept 2. */
export function confirmAddrIndev(dev: Device, dst: Ip4, local: Ip4, scope: ScopeNum): Ip4 {
  const localnetScope = SCOPE.host;
  let addr = 0;
  let same = false;
  for (const ifa of dev.addrs) {
    const minScope = Math.min(ifa.scope, localnetScope);
    if (!addr && (local === ifa.local || !local) && minScope <= scope) {
      addr = ifa.local;
      if (same) break;
    }
    if (!same) {
      same = (!local || ifaMatch(local, ifa)) && (!dst || ifaMatch(dst, ifa));
      if (same && addr) {
        if (local || !dst) break;
        if (ifaMatch(addr, ifa)) break;
        if (minScope <= scope) {
          addr = ifa.local;
          break;
        }
        same = false;
      }
    }
  }
  return same ? addr : 0;
}

/** inet_confirm_addr: on one device, or on every device in ifindex order when dev is null. */
export function confirmAddr(host: Host, dev: Device | null, dst: Ip4, local: Ip4, scope: ScopeNum): Ip4 {
  if (dev) return confirmAddrIndev(dev, dst, local, scope);
  for (const d of host.devices) {
    const a = confirmAddrIndev(d, dst, local, scope);
    if (a) return a;
  }
  return 0;
}

/** inet_addr_onlink: does one address of `dev` have a subnet containing a (and b)? */
export function addrOnlink(dev: Device, a: Ip4, b: Ip4): boolean {
  for (const ifa of dev.addrs) if (ifaMatch(a, ifa) && (!b || ifaMatch(b, ifa))) return true;
  return false;
}
