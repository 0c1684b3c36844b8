/**
 * The course: lessons along the article (its experiments, where the kernel's reasons are
 * not always the article's) and beyond it (neighbour timers, proxy ARP, gratuitous ARP,
 * LVS), then field cases from real incidents. Step numbers in goals are the run's step
 * numbers: 0 is the setup, 1 the first action. Text: src/i18n/lessonCourse.ts.
 */
import { addAction, arping, flush, host, loVip, NET, ping, scenario, setSysctl, wait, withActions, withSysctls } from './build.ts';
import { FIELD_CASES } from './field.ts';
import { LVS_LESSONS } from './lvs.ts';
import type { Lesson } from './types.ts';

const ip = (n: number) => `${NET}.${n}`;

// ── 1. Request, reply and cache ───────────────────────────────────────────────
const abc = scenario(
  'A, B and C on one segment',
  { A: host({ eth0: [`${ip(10)}/24`] }), B: host({ eth0: [`${ip(20)}/24`] }), C: host({ eth0: [`${ip(30)}/24`] }) },
  { lan: ['A.eth0', 'B.eth0', 'C.eth0'] },
  [ping('A', ip(20))],
  { A: [200, 120], B: [600, 120], C: [1000, 120], lan: [600, 380] },
);

const arpBasics: Lesson = {
  id: 'arp-basics',
  part: 'article',
  tags: ['basics', 'neighbour-states'],
  steps: [
    {
      id: 'who-answers',
      scenario: abc,
      question: {
        pick: 'host',
        choices: [
          { id: 'A', goal: { kind: 'frame', from: 'A', op: 'reply' } },
          { id: 'B', goal: { kind: 'frame', from: 'B', op: 'reply', tpa: ip(10) } },
          { id: 'C', goal: { kind: 'frame', from: 'C', op: 'reply' } },
        ],
        proof: { kind: 'decision', host: 'B', rule: 'arp_reply', verdict: 'reply' },
      },
      goals: [{ id: 'c-knows-b', goal: { kind: 'neigh', host: 'C', ip: ip(20), state: ['REACHABLE'], mac: 'B.eth0' } }],
      solution: [addAction(ping('C', ip(20)))],
    },
    {
      id: 'learned-from-request',
      scenario: abc,
      question: {
        choices: [
          { id: 'none', goal: { kind: 'neigh', host: 'B', ip: ip(10), absent: true } },
          { id: 'stale', goal: { kind: 'neigh', host: 'B', ip: ip(10), state: ['STALE'] } },
          { id: 'delay', goal: { kind: 'neigh', host: 'B', ip: ip(10), state: ['DELAY'] } },
          { id: 'reachable', goal: { kind: 'neigh', host: 'B', ip: ip(10), state: ['REACHABLE'] } },
        ],
        proof: { kind: 'neigh', host: 'B', ip: ip(10), state: ['DELAY'] },
      },
      goals: [
        { id: 'b-reachable', goal: { kind: 'neigh', host: 'B', ip: ip(10), state: ['REACHABLE'] } },
        { id: 'b-probes', goal: { kind: 'frame', from: 'B', frameKind: 'arp-probe', tpa: ip(10) } },
      ],
      solution: [addAction(wait(6))],
    },
    {
      id: 'nobody-home',
      scenario: withActions(abc, [ping('A', ip(99))]),
      question: {
        choices: [
          { id: 'none', goal: { kind: 'neigh', host: 'A', ip: ip(99), absent: true } },
          { id: 'incomplete', goal: { kind: 'neigh', host: 'A', ip: ip(99), state: ['INCOMPLETE'] } },
          { id: 'failed', goal: { kind: 'neigh', host: 'A', ip: ip(99), state: ['FAILED'] } },
          { id: 'stale', goal: { kind: 'neigh', host: 'A', ip: ip(99), state: ['STALE'] } },
        ],
        proof: { kind: 'frame', from: 'A', op: 'request', tpa: ip(99) },
      },
      goals: [
        { id: 'ping-ok', goal: { kind: 'ok', ok: true } },
        { id: 'a-knows-99', goal: { kind: 'neigh', host: 'A', ip: ip(99), state: ['REACHABLE'], mac: 'C.eth0' } },
      ],
      solution: [{ type: 'addAddress', host: 'C', dev: 'eth0', address: `${ip(99)}/24` }],
    },
  ],
};


// ── 2. Neighbour states and timers ────────────────────────────────────────────
const neighTimers: Lesson = {
  id: 'neigh-timers',
  part: 'beyond',
  tags: ['neighbour-states', 'timers'],
  steps: [
    {
      id: 'goes-stale',
      scenario: withActions(abc, [ping('A', ip(20)), wait(60)]),
      question: {
        choices: [
          { id: 'reachable', goal: { kind: 'neigh', host: 'A', ip: ip(20), state: ['REACHABLE'] } },
          { id: 'stale', goal: { kind: 'neigh', host: 'A', ip: ip(20), state: ['STALE'] } },
          { id: 'failed', goal: { kind: 'neigh', host: 'A', ip: ip(20), state: ['FAILED'] } },
          { id: 'none', goal: { kind: 'neigh', host: 'A', ip: ip(20), absent: true } },
        ],
        proof: { kind: 'neigh', host: 'A', ip: ip(20), state: ['STALE'] },
      },
      goals: [
        { id: 'a-probes', goal: { kind: 'frame', from: 'A', frameKind: 'arp-probe', tpa: ip(20) } },
        { id: 'a-reachable', goal: { kind: 'neigh', host: 'A', ip: ip(20), state: ['REACHABLE'] } },
      ],
      solution: [addAction(ping('A', ip(20))), addAction(wait(6))],
    },
    {
      id: 'static-entry',
      scenario: withActions(abc, [ping('A', ip(99))]),
      question: {
        choices: [1, 2, 3].map((n) => ({ id: String(n), goal: { kind: 'frame', from: 'A', op: 'request', tpa: ip(99), count: n } })),
        proof: { kind: 'frame', from: 'A', op: 'request', tpa: ip(99) },
      },
      goals: [
        { id: 'a-permanent', goal: { kind: 'neigh', host: 'A', ip: ip(99), state: ['PERMANENT'], mac: 'C.eth0' } },
        { id: 'no-request', goal: { kind: 'not', goal: { kind: 'frame', from: 'A', op: 'request', tpa: ip(99) } } },
      ],
      solution: [{ type: 'addNeigh', host: 'A', entry: { ip: ip(99), lladdr: '02:00:00:00:03:00', dev: 'eth0', nud: 'permanent' } }],
    },
  ],
};

// ── 3. Two NICs in one subnet: ARP flux ───────────────────────────────────────
/** The article's host A: eth0 .17 and eth1 .36 on B's segment, its best route to the LAN through eth0. */
function twoNic(sysctls: Record<string, number> = {}) {
  return scenario(
    'Two NICs in one subnet',
    {
      A: host(
        {
          eth0: { mac: '02:00:00:00:0a:00', addresses: [{ cidr: `${ip(17)}/24`, noprefixroute: true }] },
          eth1: { mac: '02:00:00:00:0a:01', addresses: [{ cidr: `${ip(36)}/24`, noprefixroute: true }] },
        },
        {
          routes: [
            { dest: `${NET}.0/24`, dev: 'eth0', proto: 'kernel', scope: 'link', src: ip(17), metric: 0 },
            { dest: `${NET}.0/24`, dev: 'eth1', proto: 'kernel', scope: 'link', src: ip(36), metric: 101 },
          ],
          sysctls,
        },
      ),
      B: host({ eth0: { mac: '02:00:00:00:0b:00', addresses: [`${ip(39)}/24`] } }),
    },
    { lan: ['A.eth0', 'A.eth1', 'B.eth0'] },
    [],
    { A: [600, 120], lan: [600, 360], B: [600, 600] },
  );
}
const replyFrom = (port: string, spa: string) => ({ kind: 'frame', from: port, op: 'reply', spa }) as const;
const nicChoices = (spa: string) => [
  { id: 'eth0', goal: { kind: 'all', goals: [replyFrom('A.eth0', spa), { kind: 'not', goal: replyFrom('A.eth1', spa) }] } },
  { id: 'eth1', goal: { kind: 'all', goals: [replyFrom('A.eth1', spa), { kind: 'not', goal: replyFrom('A.eth0', spa) }] } },
  { id: 'both', goal: { kind: 'all', goals: [replyFrom('A.eth0', spa), replyFrom('A.eth1', spa)] } },
  { id: 'none', goal: { kind: 'all', goals: [{ kind: 'not', goal: replyFrom('A.eth0', spa) }, { kind: 'not', goal: replyFrom('A.eth1', spa) }] } },
] satisfies { id: string; goal: import('./types.ts').Goal }[];

const arpFlux: Lesson = {
  id: 'arp-flux',
  part: 'article',
  tags: ['arp-flux', 'multi-nic', 'arp_ignore', 'arp_announce'],
  steps: [
    {
      id: 'both-answer',
      scenario: withActions(twoNic(), [ping('B', ip(17))]),
      question: { choices: nicChoices(ip(17)), proof: { kind: 'decision', host: 'A', dev: 'eth1', rule: 'arp_reply', params: { tip: ip(17) } } },
      goals: [
        { id: 'eth1-quiet', goal: { kind: 'not', goal: replyFrom('A.eth1', ip(17)) } },
        { id: 'b-eth0', goal: { kind: 'neigh', host: 'B', ip: ip(17), mac: 'A.eth0' } },
      ],
      solution: [setSysctl('A', 'conf.all.arp_ignore', 1)],
      locked: ['rp_filter', 'arp_filter'],
    },
    {
      id: 'request-from-36',
      scenario: withActions(twoNic({ 'net.ipv4.conf.all.arp_ignore': 1 }), [ping('B', ip(36))]),
      question: {
        pick: 'iface',
        choices: [
          { id: 'A.eth0', goal: { kind: 'neigh', host: 'B', ip: ip(36), mac: 'A.eth0' } },
          { id: 'A.eth1', goal: { kind: 'neigh', host: 'B', ip: ip(36), mac: 'A.eth1' } },
        ],
        proof: { kind: 'decision', host: 'A', dev: 'eth0', rule: 'arp_announce', params: { ip: ip(39), sip: ip(36) } },
      },
      goals: [
        { id: 'b-eth1', goal: { kind: 'neigh', host: 'B', ip: ip(36), mac: 'A.eth1' } },
        { id: 'asks-as-17', goal: { kind: 'frame', from: 'A.eth0', op: 'request', spa: ip(17), tpa: ip(39) } },
      ],
      solution: [setSysctl('A', 'conf.all.arp_announce', 2)],
      locked: ['rp_filter', 'arp_ignore'],
    },
  ],
};

// ── 4. rp_filter, not arp_ignore (and arp_filter) ─────────────────────────────
const CENTOS = { 'net.ipv4.conf.all.rp_filter': 1 };
const rpFilter: Lesson = {
  id: 'rp-filter',
  part: 'article',
  tags: ['rp_filter', 'arp_filter', 'arp_ignore', 'multi-nic'],
  steps: [
    {
      id: 'centos-flux',
      scenario: withActions(twoNic(CENTOS), [ping('B', ip(36))]),
      question: { choices: nicChoices(ip(36)), proof: { kind: 'decision', host: 'A', dev: 'eth1', rule: 'rp_filter', verdict: 'drop' } },
      goals: [{ id: 'eth1-answers', goal: replyFrom('A.eth1', ip(36)) }],
      solution: [setSysctl('A', 'conf.all.rp_filter', 2)],
      locked: ['arp_ignore', 'arp_filter'],
    },
    {
      id: 'article-wrong',
      scenario: withActions(twoNic({ ...CENTOS, 'net.ipv4.conf.eth0.arp_ignore': 1 }), [ping('B', ip(36))]),
      question: {
        choices: [
          { id: 'arp_ignore', goal: { kind: 'decision', host: 'A', dev: 'eth1', rule: 'arp_ignore', verdict: 'ignore' } },
          { id: 'rp_filter', goal: { kind: 'decision', host: 'A', dev: 'eth1', rule: 'rp_filter', verdict: 'drop' } },
        ],
        proof: { kind: 'decision', host: 'A', dev: 'eth1', rule: 'rp_filter', verdict: 'drop' },
      },
      goals: [
        { id: 'ping-ok', goal: { kind: 'ok', ok: true, step: 1 } },
        { id: 'eth1-answers', goal: replyFrom('A.eth1', ip(36)) },
      ],
      solution: [setSysctl('A', 'conf.all.rp_filter', 0)],
      locked: ['arp_ignore', 'arp_filter'],
    },
    {
      id: 'arp-filter',
      scenario: withActions(twoNic({ 'net.ipv4.conf.all.arp_filter': 1 }), [ping('B', ip(36))]),
      question: { choices: nicChoices(ip(36)), proof: { kind: 'decision', host: 'A', dev: 'eth1', rule: 'arp_filter', verdict: 'ignore' } },
      goals: [
        { id: 'eth1-answers', goal: replyFrom('A.eth1', ip(36)) },
        { id: 'eth0-quiet', goal: { kind: 'not', goal: replyFrom('A.eth0', ip(36)) } },
      ],
      solution: [{ type: 'setRouteMetric', host: 'A', index: 0, metric: 200 }],
      locked: ['arp_ignore', 'arp_filter', 'rp_filter'],
    },
  ],
};

// ── 5. arp_ignore 1, 2, 3, 8 ──────────────────────────────────────────────────
const ignoreHost = (extra: import('../scenario/types.ts').AddressV1[] = [], lo: import('../scenario/types.ts').AddressV1[] = [loVip(ip(200))]) =>
  scenario(
    'arp_ignore',
    {
      A: host({ eth0: [`${ip(10)}/24`, ...extra], lo }),
      B: host({ eth0: [`${ip(20)}/24`, '10.1.2.3/8'] }),
    },
    { lan: ['A.eth0', 'B.eth0'] },
    [],
    { A: [600, 120], lan: [600, 360], B: [600, 600] },
  );
const answers = (tpa: string) => ({ kind: 'frame', from: 'A', op: 'reply', spa: tpa }) as const;
const yesNo = (tpa: string) => [
  { id: 'yes', goal: answers(tpa) },
  { id: 'no', goal: { kind: 'not', goal: answers(tpa) } },
] satisfies { id: string; goal: import('./types.ts').Goal }[];

const arpIgnore: Lesson = {
  id: 'arp-ignore',
  part: 'article',
  tags: ['arp_ignore'],
  steps: [
    {
      id: 'mode-1',
      scenario: withActions(ignoreHost(), [arping('B', ip(200)), arping('B', ip(10))]),
      question: { choices: yesNo(ip(200)), proof: { kind: 'decision', host: 'A', rule: 'arp_reply', params: { tip: ip(200) } } },
      goals: [
        { id: 'lo-quiet', goal: { kind: 'decision', host: 'A', rule: 'arp_ignore', reason: 'not_on_dev', params: { tip: ip(200) } } },
        { id: 'eth0-still', goal: { kind: 'all', goals: [answers(ip(10)), { kind: 'not', goal: answers(ip(200)) }] } },
      ],
      solution: [setSysctl('A', 'conf.all.arp_ignore', 1)],
    },
    {
      id: 'mode-2',
      scenario: withSysctls(withActions(ignoreHost(['10.0.0.1/8']), [arping('B', ip(10), { src: '10.1.2.3' }), arping('B', ip(10))]), 'A', { 'net.ipv4.conf.all.arp_ignore': 1 }),
      question: { choices: yesNo(ip(10)), proof: { kind: 'decision', host: 'A', rule: 'arp_reply', params: { tip: ip(10), sip: '10.1.2.3' } } },
      goals: [
        { id: 'foreign-sender', goal: { kind: 'decision', host: 'A', rule: 'arp_ignore', reason: 'no_shared_subnet', params: { sip: '10.1.2.3' } } },
        { id: 'own-subnet', goal: { kind: 'all', goals: [answers(ip(10)), { kind: 'ok', ok: false, step: 1 }] } },
      ],
      solution: [setSysctl('A', 'conf.all.arp_ignore', 2)],
    },
    {
      id: 'mode-3',
      scenario: withActions(ignoreHost([{ cidr: `${ip(204)}/32`, scope: 'host', label: 'eth0:1' }]), [arping('B', ip(204)), arping('B', ip(10))]),
      question: { choices: yesNo(ip(204)), proof: { kind: 'decision', host: 'A', rule: 'arp_reply', params: { tip: ip(204) } } },
      goals: [
        { id: 'scope-host-quiet', goal: { kind: 'decision', host: 'A', rule: 'arp_ignore', reason: 'scope_host', params: { tip: ip(204) } } },
        { id: 'global-answered', goal: { kind: 'all', goals: [{ kind: 'ok', ok: true, step: 2 }, { kind: 'ok', ok: false, step: 1 }] } },
      ],
      solution: [setSysctl('A', 'conf.all.arp_ignore', 3)],
    },
    {
      id: 'mode-8',
      scenario: withActions(ignoreHost(), [arping('B', ip(10)), arping('B', ip(10), { D: true })]),
      question: {
        choices: [
          { id: 'both', goal: { kind: 'all', goals: [{ kind: 'ok', ok: true, step: 1 }, { kind: 'ok', ok: true, step: 2 }] } },
          { id: 'normal-only', goal: { kind: 'all', goals: [{ kind: 'ok', ok: true, step: 1 }, { kind: 'ok', ok: false, step: 2 }] } },
          { id: 'neither', goal: { kind: 'ok', ok: false, step: 'every' } },
        ],
        proof: { kind: 'decision', host: 'A', rule: 'arp_process.dad', verdict: 'reply' },
      },
      goals: [
        { id: 'never', goal: { kind: 'decision', host: 'A', rule: 'arp_ignore', reason: 'never' } },
        { id: 'silent', goal: { kind: 'not', goal: { kind: 'frame', from: 'A', op: 'reply' } } },
      ],
      solution: [setSysctl('A', 'conf.all.arp_ignore', 8)],
    },
  ],
};

// ── 6. arp_announce 0, 1, 2 ───────────────────────────────────────────────────
const announceLan = scenario(
  'arp_announce',
  {
    A: host({ eth0: { mac: '02:00:00:00:0a:00', addresses: [`${ip(54)}/24`] }, lo: [loVip(ip(200)), { cidr: '10.10.10.10/32', label: 'lo:1' }] }),
    B: host({ eth0: { mac: '02:00:00:00:0b:00', addresses: [`${ip(39)}/24`] } }),
  },
  { lan: ['A.eth0', 'B.eth0'] },
  [ping('A', ip(39), { iface: ip(200) })],
  { A: [600, 120], lan: [600, 360], B: [600, 600] },
);
const asksAs = (spa: string) => ({ kind: 'frame', from: 'A', op: 'request', tpa: ip(39), spa }) as const;
const arpAnnounce: Lesson = {
  id: 'arp-announce',
  part: 'article',
  tags: ['arp_announce', 'lvs'],
  steps: [
    {
      id: 'mode-0',
      scenario: announceLan,
      question: {
        choices: [
          { id: 'vip', goal: asksAs(ip(200)) },
          { id: 'primary', goal: asksAs(ip(54)) },
        ],
        proof: { kind: 'decision', host: 'A', rule: 'arp_announce', verdict: 'choose' },
      },
      goals: [
        { id: 'asks-as-primary', goal: asksAs(ip(54)) },
        { id: 'vip-hidden', goal: { kind: 'not', goal: asksAs(ip(200)) } },
      ],
      solution: [setSysctl('A', 'conf.all.arp_announce', 2)],
    },
    {
      id: 'mode-1',
      scenario: withActions(announceLan, [ping('A', ip(39), { iface: '10.10.10.10' }), flush('A', 'B'), ping('A', ip(39), { iface: ip(200) })]),
      question: {
        choices: [
          { id: 'vip', goal: asksAs('10.10.10.10') },
          { id: 'primary', goal: asksAs(ip(54)) },
        ],
        proof: { kind: 'decision', host: 'A', rule: 'arp_announce', verdict: 'choose', step: 1 },
      },
      goals: [
        {
          id: 'mode-1-exactly',
          goal: { kind: 'all', goals: [{ ...asksAs(ip(54)), step: 1 }, { ...asksAs(ip(200)), step: 3 }] },
        },
      ],
      solution: [setSysctl('A', 'conf.all.arp_announce', 1)],
    },
  ],
};

// ── 7. Proxy ARP ──────────────────────────────────────────────────────────────
const proxyLan = scenario(
  'Proxy ARP on a router',
  {
    R: host({ eth0: [`192.168.1.1/24`], eth1: [`192.168.2.1/24`] }, { kind: 'router', sysctls: { 'net.ipv4.ip_forward': 1 } }),
    H1: host({ eth0: ['192.168.1.10/16'] }),
    H2: host({ eth0: ['192.168.2.20/24'] }, { routes: [{ dest: 'default', via: '192.168.2.1', dev: 'eth0' }] }),
  },
  { seg1: ['R.eth0', 'H1.eth0'], seg2: ['R.eth1', 'H2.eth0'] },
  [ping('H1', '192.168.2.20', { count: 2, W: 2 })],
  { H1: [150, 140], seg1: [300, 400], R: [600, 140], seg2: [900, 400], H2: [1050, 140] },
);
const proxyArp: Lesson = {
  id: 'proxy-arp',
  part: 'beyond',
  tags: ['proxy_arp', 'routing'],
  steps: [
    {
      id: 'router-answers',
      scenario: proxyLan,
      question: {
        pick: 'host',
        choices: [
          { id: 'R', goal: { kind: 'frame', from: 'R', op: 'reply', spa: '192.168.2.20' } },
          { id: 'H2', goal: { kind: 'frame', from: 'H2', op: 'reply', spa: '192.168.2.20' } },
          { id: 'none', goal: { kind: 'not', goal: { kind: 'frame', op: 'reply', spa: '192.168.2.20' } } },
        ],
        proof: { kind: 'decision', host: 'R', rule: 'proxy_arp', verdict: 'ignore' },
      },
      goals: [
        { id: 'proxied', goal: { kind: 'decision', host: 'R', rule: 'proxy_arp', verdict: 'reply' } },
        { id: 'ping-ok', goal: { kind: 'ok', ok: true, step: 1 } },
      ],
      solution: [setSysctl('R', 'conf.eth0.proxy_arp', 1)],
    },
  ],
};

// ── 8. Gratuitous ARP, arp_accept, DAD, arp_notify ────────────────────────────
const garpLan = scenario(
  'Gratuitous ARP',
  {
    A: host({ eth0: { mac: '02:00:00:00:0a:00', addresses: [`${ip(54)}/24`] } }),
    B: host({ eth0: { mac: '02:00:00:00:0b:00', addresses: [`${ip(70)}/24`] }, lo: [loVip(ip(200))] }),
    C: host({ eth0: { mac: '02:00:00:00:0c:00', addresses: [`${ip(99)}/24`] } }),
  },
  { lan: ['A.eth0', 'B.eth0', 'C.eth0'] },
  [ping('B', ip(54)), { type: 'link', host: 'A', dev: 'eth0', mac: '02:00:00:00:aa:01' }, arping('A', ip(54), { U: true, w: undefined })],
  { A: [200, 120], B: [600, 120], C: [1000, 120], lan: [600, 380] },
);
const NEW_MAC = '02:00:00:00:aa:01';
const gratuitous: Lesson = {
  id: 'gratuitous',
  part: 'beyond',
  tags: ['gratuitous', 'arp_accept', 'dad', 'arp_notify'],
  steps: [
    {
      id: 'who-updates',
      scenario: garpLan,
      question: {
        pick: 'host',
        choices: [
          { id: 'B', goal: { kind: 'all', goals: [{ kind: 'neigh', host: 'B', ip: ip(54), lladdr: NEW_MAC }, { kind: 'neigh', host: 'C', ip: ip(54), absent: true }] } },
          { id: 'C', goal: { kind: 'all', goals: [{ kind: 'neigh', host: 'C', ip: ip(54), lladdr: NEW_MAC }, { kind: 'not', goal: { kind: 'neigh', host: 'B', ip: ip(54), lladdr: NEW_MAC } }] } },
          { id: 'both', goal: { kind: 'all', goals: [{ kind: 'neigh', host: 'B', ip: ip(54), lladdr: NEW_MAC }, { kind: 'neigh', host: 'C', ip: ip(54), lladdr: NEW_MAC }] } },
        ],
        proof: { kind: 'decision', host: 'B', rule: 'arp_learn', reason: 'gratuitous' },
      },
      goals: [{ id: 'c-creates', goal: { kind: 'neigh', host: 'C', ip: ip(54), lladdr: NEW_MAC } }],
      solution: [setSysctl('C', 'conf.all.arp_accept', 1)],
    },
    {
      id: 'notify',
      scenario: withActions(garpLan, [ping('B', ip(54)), { type: 'link', host: 'A', dev: 'eth0', mac: NEW_MAC }]),
      question: {
        choices: [
          { id: 'old', goal: { kind: 'neigh', host: 'B', ip: ip(54), mac: 'A.eth0' } },
          { id: 'new', goal: { kind: 'neigh', host: 'B', ip: ip(54), lladdr: NEW_MAC } },
        ],
        proof: { kind: 'neigh', host: 'B', ip: ip(54), mac: 'A.eth0' },
      },
      goals: [
        { id: 'b-new-mac', goal: { kind: 'neigh', host: 'B', ip: ip(54), lladdr: NEW_MAC } },
        { id: 'kernel-garp', goal: { kind: 'frame', from: 'A', frameKind: 'garp' } },
      ],
      solution: [setSysctl('A', 'conf.all.arp_notify', 1)],
    },
    {
      id: 'dad',
      scenario: withActions(garpLan, [arping('A', ip(70), { D: true }), arping('A', ip(200), { D: true })]),
      question: yesNoDad(),
      goals: [
        { id: 'lo-undefended', goal: { kind: 'decision', host: 'B', rule: 'arp_process.dad', verdict: 'ignore', params: { tip: ip(200) } } },
        { id: 'eth0-defended', goal: { kind: 'all', goals: [{ kind: 'ok', ok: true, step: 1 }, { kind: 'ok', ok: false, step: 2 }] } },
      ],
      solution: [setSysctl('B', 'conf.all.arp_ignore', 1)],
    },
  ],
};
function yesNoDad(): import('./types.ts').Question {
  return {
    choices: [
      { id: 'yes', goal: { kind: 'ok', ok: true, step: 2 } },
      { id: 'no', goal: { kind: 'ok', ok: false, step: 2 } },
    ],
    proof: { kind: 'decision', host: 'B', rule: 'arp_process.dad', verdict: 'reply', params: { tip: ip(200) } },
  };
}

// ── What a cache learns from requests it overhears (locktime) ─────────────────
const OVERHEARD_MAC = '02:00:00:00:aa:10';
const overheard: Lesson = {
  id: 'overheard',
  part: 'beyond',
  tags: ['neighbour-states', 'locktime'],
  steps: [
    {
      id: 'not-for-us',
      scenario: withActions(abc, [ping('A', ip(30))]),
      question: {
        choices: [
          { id: 'yes', goal: { kind: 'neigh', host: 'B', ip: ip(10), mac: 'A.eth0' } },
          { id: 'no', goal: { kind: 'neigh', host: 'B', ip: ip(10), absent: true } },
        ],
        proof: { kind: 'decision', host: 'B', rule: 'arp_process.route', verdict: 'ignore', params: { tip: ip(30) } },
      },
      goals: [{ id: 'b-knows-a', goal: { kind: 'neigh', host: 'B', ip: ip(10), mac: 'A.eth0', step: 1 } }],
      solution: [addAction(ping('B', ip(10)), 0)],
    },
    {
      id: 'locktime',
      scenario: withActions(abc, [ping('B', ip(10)), { type: 'link', host: 'A', dev: 'eth0', mac: OVERHEARD_MAC }, ping('A', ip(30))]),
      question: {
        choices: [
          { id: 'old', goal: { kind: 'neigh', host: 'B', ip: ip(10), mac: 'A.eth0' } },
          { id: 'new', goal: { kind: 'neigh', host: 'B', ip: ip(10), lladdr: OVERHEARD_MAC } },
        ],
        proof: { kind: 'decision', host: 'B', rule: 'neigh.locktime', verdict: 'ignore' },
      },
      goals: [{ id: 'b-new-mac', goal: { kind: 'neigh', host: 'B', ip: ip(10), lladdr: OVERHEARD_MAC } }],
      solution: [addAction(wait(1.2), 2)],
      locked: ['locktime', 'arp_accept'],
    },
  ],
};

export const COURSE: readonly Lesson[] = [arpBasics, neighTimers, overheard, arpFlux, rpFilter, arpIgnore, arpAnnounce, proxyArp, gratuitous, ...LVS_LESSONS, ...FIELD_CASES];
