/**
 * The LVS lessons, with the IPVS director and real connections: the client C connects to
 * the VIP through the router R; the director D schedules each connection to RS1 or RS2 and
 * forwards it (DR: the frame re-addressed to the real server's MAC; TUN: IP-in-IP; NAT: the
 * destination rewritten, the reply rewritten back on its way out). Goals look at the
 * connections the engine records — who served each, which director scheduled it, whether it
 * bypassed the director, or why none was served — and at the decisions behind them.
 * Text: src/i18n/lessonCourse.ts (lessonLvs.ts).
 */
import type { ActionV1, AddressV1, HostV1 } from '../scenario/types.ts';
import { addAction, arping, connect, host, loVip, scenario, setSysctl, withActions } from './build.ts';
import type { Goal, Lesson, StepSel } from './types.ts';

export const LVS_VIP = '10.0.0.100';
const VIP = LVS_VIP;
const TO = `${VIP}:80`;
type Method = 'dr' | 'tun' | 'nat';

const rsIp = (method: Method, n: number) => (method === 'nat' ? `192.168.10.1${n}` : `10.0.0.1${n}`);

/** Where a real server has the VIP: lo for DR, tunl0 for TUN, nowhere for NAT (unless a lesson says otherwise). */
const vipDevOf = (method: Method) => (method === 'dr' ? 'lo' : method === 'tun' ? 'tunl0' : null);

/** A real server: its address, the VIP on `vipDev`, a web server on port 80. */
function realServer(method: Method, n: number, vipDev: 'lo' | 'tunl0' | null, extra: Partial<HostV1> = {}): HostV1 {
  const vip: Record<string, AddressV1[]> = vipDev === 'lo' ? { lo: [loVip(VIP)] } : vipDev === 'tunl0' ? { tunl0: [`${VIP}/32`] } : {};
  return host(
    { eth0: [`${rsIp(method, n)}/24`], ...vip },
    { kind: 'real-server', routes: [method === 'nat' ? 'default via 192.168.10.1' : 'default via 10.0.0.1'], listen: [{ port: 80 }], ...extra },
  );
}

const ipvs = (method: Method): HostV1['ipvs'] => [
  { vip: VIP, port: 80, scheduler: 'rr', dests: [1, 2].map((n) => ({ ip: rsIp(method, n), method })) },
];

/**
 * C — wan — R — lan — D (and RS1, RS2 on the lan for DR and TUN; behind D on `priv` for NAT).
 * `rs` adds to each real server; `d` to the director.
 */
export function lvsNet(method: Method, opts: { title: string; vipDev?: 'lo' | 'tunl0' | null; rs?: Partial<HostV1>; rsn?: Record<string, Partial<HostV1>>; d?: Partial<HostV1>; actions: ActionV1[] }) {
  const nat = method === 'nat';
  const vipDev = opts.vipDev === undefined ? vipDevOf(method) : opts.vipDev;
  const d = host(
    { eth0: [`10.0.0.2/24`, { cidr: `${VIP}/24`, label: 'eth0:0' }], ...(nat ? { eth1: ['192.168.10.1/24'] } : {}) },
    { kind: 'director', routes: ['default via 10.0.0.1'], ipvs: ipvs(method), ...(nat ? { sysctls: { 'net.ipv4.ip_forward': 1 } } : {}), ...opts.d },
  );
  return scenario(
    opts.title,
    {
      C: host({ eth0: ['10.0.1.2/24'] }, { kind: 'client', routes: ['default via 10.0.1.1'] }),
      R: host({ eth0: ['10.0.1.1/24'], eth1: ['10.0.0.1/24'] }, { kind: 'router', sysctls: { 'net.ipv4.ip_forward': 1 } }),
      D: d,
      RS1: realServer(method, 1, vipDev, { ...opts.rs, ...opts.rsn?.RS1 }),
      RS2: realServer(method, 2, vipDev, { ...opts.rs, ...opts.rsn?.RS2 }),
    },
    nat
      ? { wan: ['C.eth0', 'R.eth0'], lan: ['R.eth1', 'D.eth0'], priv: ['D.eth1', 'RS1.eth0', 'RS2.eth0'] }
      : { wan: ['C.eth0', 'R.eth0'], lan: ['R.eth1', 'D.eth0', 'RS1.eth0', 'RS2.eth0'] },
    opts.actions,
    nat
      ? { C: [150, 120], wan: [150, 400], R: [450, 120], lan: [450, 400], D: [750, 120], priv: [750, 400], RS1: [1050, 120], RS2: [1050, 600] }
      : { C: [150, 120], wan: [150, 400], R: [450, 120], lan: [600, 400], D: [750, 120], RS1: [1050, 120], RS2: [1050, 600] },
  );
}

export const RS_FIX = { 'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2 };
export const FOUR = connect('C', TO, { count: 4, interval: 0.5 });
export const TWO = connect('C', TO, { count: 2, interval: 0.5 });

/** A connection served by `server` and scheduled by `director`. */
export const servedVia = (server: string, director: string, step?: StepSel): Goal => ({ kind: 'connection', server, director, result: 'served', ...(step === undefined ? {} : { step }) });
/** Both real servers served a connection through the director (round robin spreads them). */
export const balanced = (director = 'D', step?: StepSel): Goal => ({ kind: 'all', goals: [servedVia('RS1', director, step), servedVia('RS2', director, step)] });
/** No connection went past the director. */
export const noBypass: Goal = { kind: 'not', goal: { kind: 'connection', bypassed: true } };
/** No connection was served at all. */
const noneServed: Goal = { kind: 'not', goal: { kind: 'connection', result: 'served' } };

// ── The LVS-DR ARP problem and its fix ────────────────────────────────────────
const drProblem = lvsNet('dr', { title: 'LVS-DR: the ARP problem', actions: [FOUR] });
const lvsDrArp: Lesson = {
  id: 'lvs-dr-arp',
  part: 'lvs',
  tags: ['lvs', 'dr', 'arp_ignore', 'arp_announce', 'connections'],
  steps: [
    {
      id: 'who-serves',
      scenario: drProblem,
      question: {
        pick: 'host',
        choices: [
          { id: 'D', goal: { kind: 'all', goals: [balanced(), noBypass] } },
          { id: 'RS1', goal: { kind: 'all', goals: [{ kind: 'connection', server: 'RS1', bypassed: true }, { kind: 'not', goal: { kind: 'connection', server: 'RS2' } }] } },
          { id: 'RS2', goal: { kind: 'all', goals: [{ kind: 'connection', server: 'RS2', bypassed: true }, { kind: 'not', goal: { kind: 'connection', server: 'RS1' } }] } },
        ],
        proof: { kind: 'decision', host: 'RS2', dev: 'eth0', rule: 'arp_reply', params: { tip: VIP } },
      },
      goals: [
        { id: 'no-bypass', goal: noBypass },
        { id: 'balanced', goal: balanced() },
        { id: 'router-d', goal: { kind: 'neigh', host: 'R', ip: VIP, mac: 'D.eth0' } },
      ],
      solution: ['RS1', 'RS2'].flatMap((rs) => [setSysctl(rs, 'conf.all.arp_ignore', 1), setSysctl(rs, 'conf.all.arp_announce', 2)]),
      locked: ['rp_filter'],
    },
    {
      id: 'announce',
      scenario: lvsNet('dr', { title: 'LVS-DR: arp_ignore alone', rs: { sysctls: { 'net.ipv4.conf.all.arp_ignore': 1 } }, actions: [FOUR] }),
      question: {
        choices: [
          { id: 'all', goal: noBypass },
          { id: 'first', goal: { kind: 'all', goals: [{ kind: 'connection', director: 'D' }, { kind: 'connection', bypassed: true }] } },
          { id: 'none', goal: { kind: 'not', goal: { kind: 'connection', director: 'D' } } },
        ],
        proof: { kind: 'decision', host: 'RS2', rule: 'arp_announce', verdict: 'choose', params: { sip: VIP } },
      },
      goals: [
        { id: 'no-bypass', goal: noBypass },
        { id: 'rs-asks-as-rip', goal: { kind: 'not', goal: { kind: 'frame', op: 'request', spa: VIP, tpa: '10.0.0.1' } } },
      ],
      solution: ['RS1', 'RS2'].map((rs) => setSysctl(rs, 'conf.all.arp_announce', 2)),
      locked: ['arp_ignore'],
    },
  ],
};

// ── LVS-TUN: tunl0 and rp_filter ──────────────────────────────────────────────
const tunOnLo = lvsNet('tun', {
  title: 'LVS-TUN: the VIP on lo',
  vipDev: 'lo',
  rs: { sysctls: RS_FIX },
  actions: [FOUR],
});
const tunRp = lvsNet('tun', { title: 'LVS-TUN: rp_filter on tunl0', rs: { sysctls: { ...RS_FIX, 'net.ipv4.conf.all.rp_filter': 1 } }, actions: [FOUR] });
const lvsTun: Lesson = {
  id: 'lvs-tun',
  part: 'lvs',
  tags: ['lvs', 'tun', 'tunl0', 'rp_filter', 'connections'],
  steps: [
    {
      id: 'tunl0',
      scenario: tunOnLo,
      question: {
        choices: [
          { id: 'served', goal: balanced() },
          { id: 'bypassed', goal: { kind: 'connection', bypassed: true } },
          { id: 'timeout', goal: { kind: 'all', goals: [noneServed, { kind: 'connection', result: 'timeout' }] } },
        ],
        proof: { kind: 'decision', host: 'RS2', rule: 'ipip.rcv', verdict: 'drop', reason: 'no_tunl0' },
      },
      goals: [
        { id: 'balanced', goal: balanced() },
        { id: 'decapsulated', goal: { kind: 'decision', host: 'RS1', rule: 'ipip.rcv', verdict: 'accept' } },
      ],
      solution: ['RS1', 'RS2'].map((rs) => ({ type: 'addInterface', host: rs, dev: 'tunl0', iface: { addresses: [`${VIP}/32`] } }) as const),
      locked: ['rp_filter', 'arp_ignore', 'arp_announce'],
    },
    {
      id: 'rp-filter',
      scenario: tunRp,
      question: {
        pick: 'iface',
        choices: [
          { id: 'RS1.eth0', goal: { kind: 'decision', host: 'RS1', dev: 'eth0', rule: 'ip_input.rp_filter', verdict: 'drop' } },
          { id: 'RS1.tunl0', goal: { kind: 'decision', host: 'RS1', dev: 'tunl0', rule: 'ip_input.rp_filter', verdict: 'drop' } },
          { id: 'none', goal: { kind: 'not', goal: { kind: 'decision', host: 'RS1', rule: 'ip_input.rp_filter', verdict: 'drop' } } },
        ],
        proof: { kind: 'decision', host: 'RS1', dev: 'tunl0', rule: 'ip_input.rp_filter', verdict: 'drop' },
      },
      goals: [
        { id: 'balanced', goal: balanced() },
        { id: 'no-rp-drop', goal: { kind: 'not', goal: { kind: 'decision', rule: 'ip_input.rp_filter', verdict: 'drop' } } },
      ],
      solution: ['RS1', 'RS2'].map((rs) => setSysctl(rs, 'conf.all.rp_filter', 0)),
      locked: ['arp_ignore', 'arp_announce'],
    },
  ],
};

// ── LVS-NAT: replies through the director ─────────────────────────────────────
const lvsNat: Lesson = {
  id: 'lvs-nat',
  part: 'lvs',
  tags: ['lvs', 'nat', 'ip_forward', 'routing', 'connections'],
  steps: [
    {
      id: 'ip-forward',
      scenario: lvsNet('nat', { title: 'LVS-NAT: a director that does not forward', d: { sysctls: {} }, actions: [TWO] }),
      question: {
        pick: 'host',
        choices: [
          { id: 'D', goal: { kind: 'decision', host: 'D', rule: 'ip_input.no_route', verdict: 'drop' } },
          { id: 'RS1', goal: { kind: 'decision', host: 'RS1', verdict: 'drop', rule: 'ip_output.no_route' } },
          { id: 'R', goal: { kind: 'decision', host: 'R', rule: 'ip_input.no_route', verdict: 'drop' } },
        ],
        proof: { kind: 'decision', host: 'D', dev: 'eth1', rule: 'ip_input.no_route', verdict: 'drop', reason: 'not_local_no_forward' },
      },
      goals: [
        { id: 'balanced', goal: balanced() },
        { id: 'snat', goal: { kind: 'decision', host: 'D', rule: 'ip_vs.out', verdict: 'update' } },
      ],
      solution: [setSysctl('D', 'ip_forward', 1)],
      locked: ['rp_filter'],
    },
    {
      id: 'gateway',
      scenario: lvsNet('nat', { title: 'LVS-NAT: a real server without a way back', rsn: { RS1: { routes: [] } }, actions: [TWO] }),
      question: {
        pick: 'host',
        choices: [
          { id: 'RS1', goal: { kind: 'all', goals: [{ kind: 'connection', server: 'RS2', result: 'served' }, { kind: 'not', goal: { kind: 'connection', server: 'RS1' } }] } },
          { id: 'RS2', goal: { kind: 'all', goals: [{ kind: 'connection', server: 'RS1', result: 'served' }, { kind: 'not', goal: { kind: 'connection', server: 'RS2' } }] } },
          { id: 'none', goal: balanced() },
        ],
        proof: { kind: 'decision', host: 'RS1', rule: 'ip_output.no_route', verdict: 'drop' },
      },
      goals: [{ id: 'balanced', goal: balanced() }],
      solution: [{ type: 'addRoute', host: 'RS1', route: { dest: 'default', via: '192.168.10.1', dev: 'eth0' } }],
      locked: ['ip_forward'],
    },
  ],
};

// ── Director failover announced with gratuitous ARP ───────────────────────────
const failoverNet = (() => {
  const base = lvsNet('dr', { title: 'Director failover', rs: { sysctls: RS_FIX }, actions: [] });
  const { D, ...hosts } = base.hosts;
  const d2: HostV1 = { ...D, interfaces: { eth0: { addresses: ['10.0.0.3/24'] } } };
  return {
    ...base,
    hosts: { ...hosts, D1: D, D2: d2 },
    segments: { wan: ['C.eth0', 'R.eth0'], lan: ['R.eth1', 'D1.eth0', 'D2.eth0', 'RS1.eth0', 'RS2.eth0'] },
    layout: { ...Object.fromEntries(Object.entries(base.layout ?? {}).filter(([k]) => k !== 'D')), D1: { x: 750, y: 120 }, D2: { x: 750, y: 600 } },
  };
})();
const failover: Lesson = {
  id: 'failover',
  part: 'lvs',
  tags: ['lvs', 'gratuitous', 'keepalived', 'connections'],
  steps: [
    {
      id: 'announce-takeover',
      scenario: withActions(failoverNet, [
        TWO,
        { type: 'addr', host: 'D1', op: 'del', dev: 'eth0', cidr: `${VIP}/24` },
        { type: 'addr', host: 'D2', op: 'add', dev: 'eth0', cidr: `${VIP}/24`, label: 'eth0:0' },
        connect('C', TO, { count: 1, timeout: 1 }),
      ]),
      question: {
        pick: 'host',
        choices: [
          { id: 'D2', goal: { kind: 'connection', director: 'D2', step: 4 } },
          { id: 'D1', goal: { kind: 'connection', director: 'D1', step: 4 } },
          { id: 'none', goal: { kind: 'connection', result: 'timeout', step: 4 } },
        ],
        proof: { kind: 'decision', host: 'D1', rule: 'ip_input.no_route', verdict: 'drop', step: 4 },
      },
      goals: [
        { id: 'router-d2', goal: { kind: 'neigh', host: 'R', ip: VIP, mac: 'D2.eth0', step: 'last' } },
        { id: 'd2-serves', goal: { kind: 'connection', director: 'D2', result: 'served', step: 'last' } },
      ],
      solution: [addAction(arping('D2', VIP, { U: true, w: undefined }), 3)],
      locked: ['arp_accept'],
    },
  ],
};

export const LVS_LESSONS: readonly Lesson[] = [lvsDrArp, lvsTun, lvsNat, failover];
