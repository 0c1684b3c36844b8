/**
 * Field cases: incidents users of load balancers keep reporting, each reproduced in the
 * engine and fixed by the learner, each naming its source (the issue, in
 * src/i18n/lessonCourse.ts). Every one is decided by kernel rules the engine already
 * models and cites: arp_ignore read on the receiving device (arp.c arp_ignore), an address
 * local to the host whatever device holds it (inet_addr_type), fib_validate_source's
 * local-source and rp_filter checks (fib_frontend.c), and gratuitous ARP overriding an
 * existing entry (arp.c arp_is_garp / arp_process).
 */
import { arping, connect, deleteAction, host, loVip, NET, ping, scenario, setSysctl } from './build.ts';
import type { ActionV1 } from '../scenario/types.ts';
import { balanced, FOUR, lvsNet, LVS_VIP, noBypass, RS_FIX, TWO } from './lvs.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Lesson } from './types.ts';

const ip = (n: number) => `${NET}.${n}`;
const VIP = LVS_VIP;

// ── iqiyi/dpvs issue 312: arp_ignore on lo only ───────────────────────────────
const loOnly: Lesson = {
  id: 'field-lo-arp-ignore',
  part: 'field',
  tags: ['lvs', 'arp_ignore', 'field', 'connections'],
  steps: [
    {
      id: 'lo-only',
      scenario: lvsNet('dr', {
        title: 'arp_ignore on lo only',
        rs: { sysctls: { 'net.ipv4.conf.lo.arp_ignore': 1, 'net.ipv4.conf.lo.arp_announce': 2 } },
        actions: [FOUR],
      }),
      question: {
        choices: [
          { id: 'D', goal: noBypass },
          { id: 'bypass', goal: { kind: 'connection', bypassed: true } },
        ],
        proof: { kind: 'decision', host: 'RS2', dev: 'eth0', rule: 'arp_reply', params: { tip: VIP } },
      },
      goals: [
        { id: 'rs-quiet', goal: { kind: 'decision', host: 'RS2', dev: 'eth0', rule: 'arp_ignore', params: { tip: VIP } } },
        { id: 'no-bypass', goal: { kind: 'all', goals: [noBypass, balanced()] } },
      ],
      solution: ['RS1', 'RS2'].flatMap((rs) => [setSysctl(rs, 'conf.all.arp_ignore', 1), setSysctl(rs, 'conf.all.arp_announce', 2)]),
    },
  ],
};

// ── metallb 153, kubernetes 59976, kube-router 561: a VIP on kube-ipvs0 ───────
const dummyVip = scenario(
  'A service IP on kube-ipvs0',
  {
    N1: host({ eth0: [`${ip(31)}/24`], 'kube-ipvs0': [`${ip(240)}/32`] }),
    N2: host({ eth0: [`${ip(32)}/24`], 'kube-ipvs0': [`${ip(240)}/32`] }),
    C: host({ eth0: [`${ip(99)}/24`] }, { kind: 'client' }),
  },
  { lan: ['N1.eth0', 'N2.eth0', 'C.eth0'] },
  [arping('C', ip(240))],
  { C: [200, 120], N1: [600, 120], N2: [1000, 120], lan: [600, 380] },
);
const kubeIpvs: Lesson = {
  id: 'field-kube-ipvs0',
  part: 'field',
  tags: ['kubernetes', 'arp_ignore', 'field'],
  steps: [
    {
      id: 'every-node',
      scenario: dummyVip,
      question: {
        choices: [
          { id: 'none', goal: { kind: 'not', goal: { kind: 'frame', op: 'reply', spa: ip(240) } } },
          { id: 'one', goal: { kind: 'all', goals: [{ kind: 'frame', op: 'reply', spa: ip(240) }, { kind: 'not', goal: { kind: 'all', goals: [{ kind: 'frame', from: 'N1', op: 'reply' }, { kind: 'frame', from: 'N2', op: 'reply' }] } }] } },
          { id: 'every', goal: { kind: 'all', goals: [{ kind: 'frame', from: 'N1', op: 'reply', spa: ip(240) }, { kind: 'frame', from: 'N2', op: 'reply', spa: ip(240) }] } },
        ],
        proof: { kind: 'decision', host: 'N2', rule: 'arp_reply', params: { tip: ip(240) } },
      },
      goals: [{ id: 'nobody', goal: { kind: 'not', goal: { kind: 'frame', op: 'reply', spa: ip(240) } } }],
      solution: [setSysctl('N1', 'conf.all.arp_ignore', 1), setSysctl('N2', 'conf.all.arp_ignore', 1)],
    },
  ],
};

// ── keepalived issue 1827: rp_filter on the director breaks DR ────────────────
/**
 * The director has two NICs: eth0 on the clients' network with the VIP, eth1 on the real
 * servers' network, and it is the real servers' gateway. Their replies (source: the VIP)
 * come back in through eth1 to be forwarded; fib_validate_source finds the VIP local
 * (martian unless accept_local) and, with rp_filter=1, the way back to it through eth0.
 */
const DMZ = '172.16.10';
const DVIP = `${DMZ}.30`;
const rs1827 = (n: number) =>
  host(
    { eth0: [`192.168.20.${n}/24`], lo: [loVip(DVIP)] },
    { kind: 'real-server', routes: ['default via 192.168.20.1'], sysctls: RS_FIX, listen: [{ port: 80 }] },
  );
const directorGateway = scenario(
  'A DR director that is also the real servers’ gateway',
  {
    C: host({ eth0: [`${DMZ}.50/24`] }, { kind: 'client' }),
    D: host(
      { eth0: [`${DMZ}.2/24`, { cidr: `${DVIP}/32`, label: 'eth0:0' }], eth1: ['192.168.20.1/24'] },
      {
        kind: 'director',
        sysctls: { 'net.ipv4.ip_forward': 1, 'net.ipv4.conf.all.rp_filter': 1 },
        ipvs: [{ vip: DVIP, port: 80, scheduler: 'rr', dests: [11, 12].map((n) => ({ ip: `192.168.20.${n}`, method: 'dr' as const })) }],
      },
    ),
    RS1: rs1827(11),
    RS2: rs1827(12),
  },
  { dmz: ['C.eth0', 'D.eth0'], lbn: ['D.eth1', 'RS1.eth0', 'RS2.eth0'] },
  [connect('C', `${DVIP}:80`, { count: 2, interval: 0.5 })],
  { C: [150, 120], dmz: [150, 400], D: [500, 120], lbn: [700, 400], RS1: [950, 120], RS2: [950, 600] },
);
const directorRp: Lesson = {
  id: 'field-director-rp-filter',
  part: 'field',
  tags: ['lvs', 'dr', 'rp_filter', 'accept_local', 'keepalived', 'field', 'connections'],
  steps: [
    {
      id: 'replies-dropped',
      scenario: directorGateway,
      question: {
        pick: 'iface',
        choices: [
          { id: 'D.eth1', goal: { kind: 'decision', host: 'D', dev: 'eth1', verdict: 'drop', rule: 'ip_input.rp_filter' } },
          { id: 'D.eth0', goal: { kind: 'decision', host: 'D', dev: 'eth0', verdict: 'drop', rule: 'ip_input.rp_filter' } },
          { id: 'RS1.eth0', goal: { kind: 'decision', host: 'RS1', dev: 'eth0', verdict: 'drop', rule: 'ip_input.rp_filter' } },
        ],
        proof: { kind: 'decision', host: 'D', dev: 'eth1', rule: 'ip_input.rp_filter', verdict: 'drop', reason: 'martian_local' },
      },
      goals: [
        { id: 'served', goal: balanced() },
        { id: 'forwarded', goal: { kind: 'decision', host: 'D', dev: 'eth1', rule: 'ip_input.forward', verdict: 'forward', params: { dst: `${DMZ}.50`, out: 'eth0' } } },
      ],
      solution: [setSysctl('D', 'conf.all.rp_filter', 0), setSysctl('D', 'conf.eth1.accept_local', 1)],
      locked: ['arp_ignore', 'arp_announce'],
    },
  ],
};

// ── fedora-sysv/initscripts 104: bringing a VIP up announces it ───────────────
/**
 * RS2 comes up after the service is running: its network scripts add the VIP and, with
 * ARPUPDATE=yes (the default), announce it with arping. A gratuitous ARP updates an entry
 * the router already has, whatever arp_accept says (arp_process: is_garp overrides), and no
 * arp_ignore/arp_announce setting touches a frame arping writes on a packet socket.
 */
/** The scenario with `rs`'s VIP (on lo) not configured yet. */
function withoutVip(s: Scenario, rs: string): Scenario {
  const h = s.hosts[rs];
  const { lo: _lo, ...interfaces } = h.interfaces ?? {};
  return { ...s, hosts: { ...s.hosts, [rs]: { ...h, interfaces } } };
}
const ifupNet = withoutVip(lvsNet('dr', {
  title: 'A real server whose VIP comes up later',
  rs: { sysctls: RS_FIX },
  actions: [
    TWO,
    { type: 'addr', host: 'RS2', op: 'add', dev: 'lo', cidr: `${VIP}/32`, label: 'lo:0' },
    arping('RS2', VIP, { U: true, w: undefined }),
    FOUR,
  ],
}), 'RS2');
const ifupAnnounce: Lesson = {
  id: 'field-ifup-announce',
  part: 'field',
  tags: ['lvs', 'dr', 'gratuitous', 'initscripts', 'field', 'connections'],
  steps: [
    {
      id: 'vip-up',
      scenario: ifupNet,
      question: {
        pick: 'host',
        choices: [
          { id: 'D', goal: { kind: 'all', goals: [balanced('D', 4), { kind: 'not', goal: { kind: 'connection', bypassed: true, step: 4 } }] } },
          { id: 'RS2', goal: { kind: 'all', goals: [{ kind: 'connection', server: 'RS2', bypassed: true, step: 4 }, { kind: 'not', goal: { kind: 'connection', server: 'RS1', step: 4 } }] } },
        ],
        proof: { kind: 'decision', host: 'R', rule: 'arp_learn', verdict: 'update', reason: 'gratuitous', params: { sip: VIP } },
      },
      goals: [
        { id: 'router-d', goal: { kind: 'neigh', host: 'R', ip: VIP, mac: 'D.eth0', step: 'last' } },
        { id: 'no-bypass', goal: { kind: 'all', goals: [noBypass, balanced('D', 'last')] } },
      ],
      solution: [deleteAction(2)],
      locked: ['arp_ignore', 'arp_announce', 'arp_accept'],
    },
  ],
};

// ── kube-vip PR 82 (issue 80): request-form versus reply-form gratuitous ARP ──
/**
 * A kube-vip failover: N1 gives the control-plane VIP up, N2 takes it and announces it
 * the way kube-vip 0.1.8's own GARP code wrote the frame (pkg/vip/arp.go: an ARP reply,
 * tha ff:ff:ff:ff:ff:ff), here written by packit. arp_is_garp counts a reply as gratuitous
 * only when tha == sha; C's entry for the VIP was confirmed a moment ago, so a frame that
 * is not gratuitous cannot override it within locktime (arp_process). PR 82 wrote tha =
 * sha (RFC 5944 §4.6) but sent the frame to that same address, its own: the bridge never
 * forwards it.
 */
const KV_VIP = `${NET}.100`;
const MAC_N1 = '02:00:00:00:0e:01';
const MAC_N2 = '02:00:00:00:0e:02';
const BCAST = 'ff:ff:ff:ff:ff:ff';
/** N2's announcement: `packit -t ARP -A 2 -x VIP -y VIP -X N2 …`, with `more` fields. */
const announce = (more: Partial<Record<'tha' | 'ethDst', string>>): ActionV1 => ({
  type: 'packit_arp', host: 'N2', iface: 'eth0', op: 2, spa: KV_VIP, sha: MAC_N2, tpa: KV_VIP, ...more, count: 1,
});
const ANNOUNCE_AT = 3;
const failover = (frame: ActionV1, title: string) => scenario(
  title,
  {
    C: host({ eth0: { mac: '02:00:00:00:0e:99', addresses: [`${NET}.99/24`] } }, { kind: 'client' }),
    N1: host({ eth0: { mac: MAC_N1, addresses: [`${NET}.11/24`, `${KV_VIP}/32`] } }),
    N2: host({ eth0: { mac: MAC_N2, addresses: [`${NET}.12/24`] } }),
  },
  { lan: ['C.eth0', 'N1.eth0', 'N2.eth0'] },
  [
    ping('C', KV_VIP),
    { type: 'addr', host: 'N1', op: 'del', dev: 'eth0', cidr: `${KV_VIP}/32` },
    { type: 'addr', host: 'N2', op: 'add', dev: 'eth0', cidr: `${KV_VIP}/32` },
    frame,
    ping('C', KV_VIP),
  ],
  { C: [200, 120], N1: [600, 120], N2: [1000, 120], lan: [600, 380] },
);
const takenOver = { kind: 'decision', host: 'C', rule: 'arp_learn', verdict: 'update', reason: 'gratuitous', params: { sip: KV_VIP } } as const;
const kubeVipGoals = [
  { id: 'gratuitous', goal: takenOver },
  { id: 'entry-n2', goal: { kind: 'neigh', host: 'C', ip: KV_VIP, mac: 'N2.eth0', step: 'last' } },
  { id: 'reaches', goal: { kind: 'ok', ok: true, step: 'last' } },
] as const;
const kubeVipGarp: Lesson = {
  id: 'field-kube-vip-garp',
  part: 'field',
  tags: ['kubernetes', 'gratuitous', 'locktime', 'kube-vip', 'field'],
  steps: [
    {
      id: 'reply-form',
      scenario: failover(announce({ tha: BCAST }), 'kube-vip 0.1.8 announces a failover'),
      question: {
        choices: [
          { id: 'update', goal: { kind: 'decision', host: 'C', rule: 'arp_learn', verdict: 'update', params: { sip: KV_VIP }, step: ANNOUNCE_AT + 1 } },
          { id: 'ignore', goal: { kind: 'decision', host: 'C', rule: 'neigh.locktime', params: { sip: KV_VIP }, step: ANNOUNCE_AT + 1 } },
        ],
        proof: { kind: 'decision', host: 'C', rule: 'neigh.locktime', params: { sip: KV_VIP } },
      },
      goals: [...kubeVipGoals],
      // RFC 5944 §4.6, what PR 82 wrote into the ARP fields: tha = sha.
      solution: [{ type: 'updateAction', index: ANNOUNCE_AT, action: announce({ tha: MAC_N2 }) }],
      locked: ['arp_accept', 'locktime'],
    },
    {
      id: 'own-mac',
      scenario: failover(announce({ tha: MAC_N2, ethDst: MAC_N2 }), 'kube-vip PR 82: the reply sent to its target hardware address'),
      question: {
        choices: [
          { id: 'updated', goal: { kind: 'neigh', host: 'C', ip: KV_VIP, mac: 'N2.eth0', step: ANNOUNCE_AT + 1 } },
          { id: 'unseen', goal: { kind: 'all', goals: [{ kind: 'neigh', host: 'C', ip: KV_VIP, mac: 'N1.eth0', step: ANNOUNCE_AT + 1 }, { kind: 'not', goal: { kind: 'decision', host: 'C', params: { sip: KV_VIP }, rule: 'neigh.locktime', step: ANNOUNCE_AT + 1 } }] } },
          { id: 'locktime', goal: { kind: 'decision', host: 'C', rule: 'neigh.locktime', params: { sip: KV_VIP }, step: ANNOUNCE_AT + 1 } },
        ],
        proof: { kind: 'frame', from: 'N2', op: 'reply', spa: KV_VIP, step: ANNOUNCE_AT + 1 },
      },
      goals: [...kubeVipGoals],
      // The fix kube-vip merged (PR 81): always broadcast.
      solution: [{ type: 'updateAction', index: ANNOUNCE_AT, action: announce({ tha: MAC_N2 }) }],
      locked: ['arp_accept', 'locktime'],
    },
  ],
};

export const FIELD_CASES: readonly Lesson[] = [loOnly, kubeIpvs, directorRp, ifupAnnounce, kubeVipGarp];
