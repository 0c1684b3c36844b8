/**
 * Request-form and reply-form gratuitous ARP (arp.c arp_is_garp, arp_process, kernel 6.x):
 * a frame with spa == tpa is gratuitous when it is a request, whatever its tha, and when it
 * is a reply only if tha == sha. Only a gratuitous frame overrides an entry updated less
 * than locktime ago (override = time_after(jiffies, n->updated + locktime) || is_garp) and
 * only it lets arp_accept create an entry from a request; any reply from a unicast sender
 * may create one under arp_accept. The frames are packit's (engine/tools/packit.ts), as
 * kube-vip's own GARP code wrote them (kube-vip PR 82).
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { run } from './helpers.ts';

const VIP = '10.0.0.100';
const N1 = '02:00:00:00:01:00';
const N2 = '02:00:00:00:02:00';
const BCAST = 'ff:ff:ff:ff:ff:ff';
const ZERO = '00:00:00:00:00:00';

type Form = { op: 1 | 2; tha?: string; tpa?: string; ethDst?: string };

/**
 * C has an entry for the VIP at N1's MAC (from a ping, or none), then N2 writes `form`
 * claiming the VIP, `after` seconds later.
 */
function scenario(form: Form, opts: { after?: number; entry?: boolean; accept?: number } = {}): ScenarioV1 {
  const actions: ScenarioV1['actions'] = [];
  if (opts.entry !== false) actions.push({ type: 'ping', host: 'C', to: VIP });
  if (opts.after) actions.push({ type: 'wait', seconds: opts.after });
  actions.push({ type: 'packit_arp', host: 'N2', iface: 'eth0', op: form.op, spa: VIP, sha: N2, tpa: form.tpa ?? VIP, ...(form.tha ? { tha: form.tha } : {}), ...(form.ethDst ? { ethDst: form.ethDst } : {}) });
  return {
    version: 2,
    hosts: {
      C: { interfaces: { eth0: { mac: '02:00:00:00:0c:00', addresses: ['10.0.0.99/24'] } }, sysctls: opts.accept ? { 'net.ipv4.conf.all.arp_accept': opts.accept } : {} },
      N1: { interfaces: { eth0: { mac: N1, addresses: ['10.0.0.11/24', `${VIP}/24`] } } },
      N2: { interfaces: { eth0: { mac: N2, addresses: ['10.0.0.12/24'] } } },
    },
    segments: { lan: ['C.eth0', 'N1.eth0', 'N2.eth0'] },
    actions,
  };
}

/** C's entry for the VIP after the last step, and C's decision about N2's frame. */
function outcome(s: ScenarioV1): { entry: string; decision: string } {
  const r = run(s);
  const last = r.steps.length - 1;
  const e = r.steps[last].neigh.C.find((n) => n.ip === VIP);
  const [from, to] = r.steps[last].events;
  const d = r.events.slice(from, to).filter((ev) => ev.kind === 'decision' && ev.host === 'C' && ev.params?.sip === VIP);
  return {
    entry: e ? `${e.lladdr === N2 ? 'N2' : e.lladdr === N1 ? 'N1' : e.lladdr} ${e.state}` : 'none',
    decision: d.map((ev) => (ev.kind === 'decision' ? `${ev.rule} ${ev.verdict} ${ev.reason}` : '')).join(', '),
  };
}

describe('an entry updated within locktime: only a gratuitous ARP overrides it', () => {
  const rows: [string, Form, string, string][] = [
    // A request for an address C does not have is first routed (not local, no forwarding).
    ['request, tha broadcast (arping -U)', { op: 1, tha: BCAST }, 'N2 STALE', 'arp_process.route ignore not_local_no_forward, arp_learn update gratuitous'],
    ['request, tha zero (packit, send_arp)', { op: 1 }, 'N2 STALE', 'arp_process.route ignore not_local_no_forward, arp_learn update gratuitous'],
    ['reply, tha = sha (arping -A, RFC 5944)', { op: 2, tha: N2 }, 'N2 STALE', 'arp_learn update gratuitous'],
    ['reply, tha broadcast (kube-vip 0.1.8)', { op: 2, tha: BCAST }, 'N1 REACHABLE', 'neigh.locktime ignore reply_not_garp'],
    ['reply, tha zero', { op: 2, tha: ZERO }, 'N1 REACHABLE', 'neigh.locktime ignore reply_not_garp'],
    ['reply, tha = sha, tpa another address', { op: 2, tha: N2, tpa: '10.0.0.11' }, 'N1 REACHABLE', 'neigh.locktime ignore locktime'],
  ];
  for (const [name, form, entry, decision] of rows) {
    it(name, () => expect(outcome(scenario(form))).toEqual({ entry, decision }));
  }
});

describe('after locktime any of them is taken: the reply form only loses the race inside it', () => {
  it('reply, tha broadcast, 1.5 s after the entry was updated', () => {
    expect(outcome(scenario({ op: 2, tha: BCAST }, { after: 1.5 }))).toEqual({ entry: 'N2 STALE', decision: 'arp_learn update learned' });
  });
});

describe('no entry yet: arp_accept=1 creates one from a gratuitous ARP or from any reply', () => {
  const rows: [string, Form, number, string][] = [
    ['reply, tha broadcast, arp_accept=1', { op: 2, tha: BCAST }, 1, 'N2 STALE'],
    ['request, tha broadcast, arp_accept=1', { op: 1, tha: BCAST }, 1, 'N2 STALE'],
    ['request for another address, arp_accept=1', { op: 1, tha: BCAST, tpa: '10.0.0.11' }, 1, 'none'],
    ['reply, tha = sha, arp_accept=0', { op: 2, tha: N2 }, 0, 'none'],
  ];
  for (const [name, form, accept, entry] of rows) {
    it(name, () => expect(outcome(scenario(form, { entry: false, accept })).entry).toBe(entry));
  }
});

describe('kube-vip PR 82 as first written: a reply sent to the sender’s own MAC', () => {
  it('never leaves the bridge port it came in by, so C keeps N1', () => {
    const r = run(scenario({ op: 2, tha: N2, ethDst: N2 }, { after: 1.5 }));
    const last = r.steps.length - 1;
    expect(r.steps[last].frames.map((f) => `${f.from} ${f.op} ${f.eth_dst} delivered to ${f.delivered_to.length}`)).toEqual([`N2.eth0 reply ${N2} delivered to 0`]);
    expect(r.steps[last].neigh.C.find((n) => n.ip === VIP)?.lladdr).toBe(N1);
  });
});
