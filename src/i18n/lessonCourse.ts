/**
 * The course's words, in English and 简体中文, keyed by the ids of src/lessons/course.ts:
 * each lesson's title and summary; each step's title, prose, question, choices, the reveal
 * (what the kernel did and why), the task, one label per goal and the hints in order.
 * Goals and answers are decided by the simulation, never by these sentences
 * (lessonCourse.test.ts checks that every id has its words in both languages).
 */
import { LVS_TEXT } from './lessonLvs.ts';

export interface L {
  en: string;
  zh: string;
}

export interface StepText {
  title: L;
  prose: L;
  question?: L;
  choices?: Record<string, L>;
  /** Shown after the run: what happened, and which rule decided. */
  reveal?: L;
  task: L;
  goals: Record<string, L>;
  hints: L[];
}

export interface LessonText {
  title: L;
  summary: L;
  /** Where a field case comes from (an issue in a public tracker). */
  source?: string;
  steps: Record<string, StepText>;
}

const yes: L = { en: 'Yes', zh: '是' };
const no: L = { en: 'No', zh: '否' };
const nic = {
  eth0: { en: 'eth0 only', zh: '只有 eth0' },
  eth1: { en: 'eth1 only', zh: '只有 eth1' },
  both: { en: 'Both NICs', zh: '两块网卡都应答' },
  none: { en: 'Neither', zh: '都不应答' },
};
const states = (ids: string[]): Record<string, L> =>
  Object.fromEntries(ids.map((id) => [id, id === 'none' ? { en: 'No entry', zh: '没有表项' } : { en: id.toUpperCase(), zh: id.toUpperCase() }]));

export const COURSE_TEXT: Record<string, LessonText> = {
  ...LVS_TEXT,
  'arp-basics': {
    title: { en: 'The ARP request, reply and cache', zh: 'ARP 请求、应答与缓存' },
    summary: {
      en: 'Who hears a broadcast request, who answers it, and what each cache learns from it.',
      zh: '谁能收到广播请求、谁来应答，以及每个缓存从中学到什么。',
    },
    steps: {
      'who-answers': {
        title: { en: 'Who answers?', zh: '谁来应答？' },
        prose: {
          en: 'A (.10) pings B (.20). A has no entry for B, so the kernel broadcasts “who-has 192.168.100.20 tell 192.168.100.10” on the segment: B and C both receive it.',
          zh: 'A（.10）ping B（.20）。A 没有 B 的表项，于是内核在网段上广播“who-has 192.168.100.20 tell 192.168.100.10”：B 和 C 都会收到。',
        },
        question: { en: 'Which host sends the ARP reply? (Click it on the drawing or choose.)', zh: '哪台主机发送 ARP 应答？（在图上点击或选择）' },
        choices: { A: { en: 'A', zh: 'A' }, B: { en: 'B', zh: 'B' }, C: { en: 'C', zh: 'C' } },
        reveal: {
          en: 'Only B answers, with a unicast reply: 192.168.100.20 is its address. C does not own .20 and does not forward, so it stays silent — and learns nothing about A, since a request it does not answer never creates an entry.',
          zh: '只有 B 以单播应答：192.168.100.20 是它的地址。C 不拥有 .20 也不转发，因此保持沉默，也不会学到 A：它不应答的请求从不创建表项。',
        },
        task: { en: 'Make C know B’s MAC as well (a REACHABLE entry).', zh: '让 C 也知道 B 的 MAC（REACHABLE 表项）。' },
        goals: { 'c-knows-b': { en: 'C has B’s MAC for .20, REACHABLE', zh: 'C 中 .20 的表项为 B 的 MAC，状态 REACHABLE' } },
        hints: [
          { en: 'Overhearing is not enough: C must ask itself.', zh: '旁听不够：C 必须自己询问。' },
          { en: 'Add a command: C pings 192.168.100.20.', zh: '添加一条命令：C ping 192.168.100.20。' },
        ],
      },
      'learned-from-request': {
        title: { en: 'What B learns from the request', zh: 'B 从请求中学到什么' },
        prose: {
          en: 'B answered A’s request and then sent the echo reply back to A. A request for one of B’s own addresses lets B create an entry for the sender.',
          zh: 'B 应答了 A 的请求，然后把回显应答发回 A。针对 B 自身地址的请求会让 B 为发送方创建表项。',
        },
        question: { en: 'In which state is B’s entry for A right after the ping?', zh: 'ping 结束时，B 中 A 的表项处于什么状态？' },
        choices: states(['none', 'stale', 'delay', 'reachable']),
        reveal: {
          en: 'DELAY. B creates the entry as STALE (a request proves nothing about reachability), and sending the echo reply through a STALE entry moves it to DELAY: in 5 s (delay_first_probe_time) B will confirm it.',
          zh: 'DELAY。B 以 STALE 创建该表项（请求不能证明可达性），通过 STALE 表项发送回显应答使其变为 DELAY：5 秒后（delay_first_probe_time）B 会确认它。',
        },
        task: { en: 'Make B’s entry for A REACHABLE by the end.', zh: '让 B 中 A 的表项最终变为 REACHABLE。' },
        goals: {
          'b-reachable': { en: 'B’s entry for .10 is REACHABLE', zh: 'B 中 .10 的表项为 REACHABLE' },
          'b-probes': { en: 'B sends a unicast probe for .10', zh: 'B 为 .10 发送单播探测' },
        },
        hints: [
          { en: 'Nothing needs to change on the hosts: the kernel confirms DELAY entries by itself.', zh: '主机上什么都不用改：内核会自己确认 DELAY 表项。' },
          { en: 'Add a wait of at least 5 seconds after the ping.', zh: '在 ping 之后添加至少 5 秒的等待。' },
        ],
      },
      'nobody-home': {
        title: { en: 'Nobody home', zh: '无人应答' },
        prose: { en: 'Now A pings 192.168.100.99, an address nobody has.', zh: '现在 A ping 192.168.100.99，这个地址没有任何主机使用。' },
        question: { en: 'What does A’s cache hold for .99 when ping gives up after 1 s?', zh: 'ping 在 1 秒后放弃时，A 的缓存中 .99 是什么？' },
        choices: states(['none', 'incomplete', 'failed', 'stale']),
        reveal: {
          en: 'INCOMPLETE: A keeps asking, once a second (retrans_time), and the entry becomes FAILED only after three unanswered broadcasts (mcast_solicit=3).',
          zh: 'INCOMPLETE：A 每秒询问一次（retrans_time），三次广播都无人应答（mcast_solicit=3）后表项才变为 FAILED。',
        },
        task: { en: 'Make the ping to .99 succeed.', zh: '让到 .99 的 ping 成功。' },
        goals: {
          'ping-ok': { en: 'The ping gets a reply', zh: 'ping 收到应答' },
          'a-knows-99': { en: 'A caches .99 at C’s MAC, REACHABLE', zh: 'A 把 .99 缓存为 C 的 MAC，状态 REACHABLE' },
        },
        hints: [
          { en: 'Someone on the segment has to own .99.', zh: '网段上必须有主机拥有 .99。' },
          { en: 'Give C’s eth0 a second address, 192.168.100.99/24.', zh: '给 C 的 eth0 添加第二个地址 192.168.100.99/24。' },
        ],
      },
    },
  },
  'neigh-timers': {
    title: { en: 'Neighbour states and timers', zh: '邻居状态与定时器' },
    summary: {
      en: 'REACHABLE does not last: entries go STALE, are re-confirmed by unicast probes, and static entries never ask.',
      zh: 'REACHABLE 不会一直保持：表项会变为 STALE，通过单播探测重新确认，而静态表项从不询问。',
    },
    steps: {
      'goes-stale': {
        title: { en: 'A minute of silence', zh: '沉默一分钟' },
        prose: {
          en: 'A pings B, then nothing happens for 60 s. A REACHABLE entry stays so for a random time between ½ and 1½ × base_reachable_time (30 s).',
          zh: 'A ping B，随后 60 秒内没有任何动作。REACHABLE 表项保持的时间是 base_reachable_time（30 秒）的 ½ 到 1½ 倍之间的随机值。',
        },
        question: { en: 'In which state is A’s entry for B after the minute?', zh: '一分钟后，A 中 B 的表项处于什么状态？' },
        choices: states(['reachable', 'stale', 'failed', 'none']),
        reveal: {
          en: 'STALE: the reachable time ran out and nothing confirmed B. A stale entry is still used — the next packet moves it to DELAY, and 5 s later a unicast probe confirms it.',
          zh: 'STALE：可达时间已过，也没有任何东西确认 B。STALE 表项仍会被使用：下一个报文使其变为 DELAY，5 秒后由单播探测确认。',
        },
        task: { en: 'End with A’s entry for B REACHABLE again, confirmed by A’s own probe.', zh: '最终让 A 中 B 的表项重新变为 REACHABLE，并由 A 自己的探测确认。' },
        goals: {
          'a-probes': { en: 'A sends a unicast probe to B', zh: 'A 向 B 发送单播探测' },
          'a-reachable': { en: 'A’s entry for .20 ends REACHABLE', zh: 'A 中 .20 的表项最终为 REACHABLE' },
        },
        hints: [
          { en: 'Use the stale entry, then give the DELAY timer time to fire.', zh: '先使用这个 STALE 表项，再给 DELAY 定时器留出触发的时间。' },
          { en: 'Add a ping from A to .20 and then a wait of 6 s.', zh: '添加 A 到 .20 的 ping，然后等待 6 秒。' },
        ],
      },
      'static-entry': {
        title: { en: 'A static entry never asks', zh: '静态表项从不询问' },
        prose: { en: 'A pings .99, which nobody answers, for one second.', zh: 'A ping 无人应答的 .99，持续 1 秒。' },
        question: { en: 'How many broadcast requests does A send for .99 during that second?', zh: '这一秒内 A 为 .99 发送了几个广播请求？' },
        choices: { '1': { en: 'One', zh: '一个' }, '2': { en: 'Two', zh: '两个' }, '3': { en: 'Three', zh: '三个' } },
        reveal: {
          en: 'Two: one when the ping needs the address, one a second later (retrans_time); the third would come after the ping has given up.',
          zh: '两个：ping 需要该地址时发出一个，一秒后（retrans_time）再发一个；第三个要等到 ping 已经放弃之后。',
        },
        task: { en: 'Pin .99 to C’s MAC so that A never asks for it.', zh: '把 .99 固定为 C 的 MAC，使 A 从不询问它。' },
        goals: {
          'a-permanent': { en: 'A has a PERMANENT entry for .99 with C’s MAC', zh: 'A 中 .99 为 PERMANENT 表项，MAC 是 C 的' },
          'no-request': { en: 'A sends no request for .99', zh: 'A 不再为 .99 发送请求' },
        },
        hints: [
          { en: 'ip neigh add … nud permanent, in A’s configuration.', zh: '在 A 的配置中使用 ip neigh add … nud permanent。' },
          { en: 'C’s eth0 MAC is 02:00:00:00:03:00.', zh: 'C 的 eth0 的 MAC 是 02:00:00:00:03:00。' },
        ],
      },
    },
  },
  overheard: {
    title: { en: 'What a cache learns from what it overhears', zh: '缓存从旁听中学到什么' },
    summary: {
      en: 'Broadcast requests reach everyone, but only the asked host creates an entry; a host that already knows the sender updates it — unless locktime says the entry is too fresh.',
      zh: '广播请求会到达所有主机，但只有被询问的主机会创建表项；已经认识发送方的主机会更新表项——除非 locktime 认为该表项太新。',
    },
    steps: {
      'not-for-us': {
        title: { en: 'A request meant for someone else', zh: '发给别人的请求' },
        prose: { en: 'A pings C. Its broadcast “who-has .30 tell .10” reaches B as well.', zh: 'A ping C。它的广播“who-has .30 tell .10”也会到达 B。' },
        question: { en: 'Does B create an entry for A from it?', zh: 'B 会因此为 A 创建表项吗？' },
        choices: { yes, no },
        reveal: {
          en: 'No: a request that B does not answer never creates an entry, whatever arp_accept says. It could only update an entry B already has.',
          zh: '不会：B 不应答的请求从不创建表项，与 arp_accept 无关。它只能更新 B 已有的表项。',
        },
        task: { en: 'Make B know A’s MAC right from the first step.', zh: '让 B 从第一步起就知道 A 的 MAC。' },
        goals: { 'b-knows-a': { en: 'B has A’s MAC after step 1', zh: '第 1 步之后 B 中有 A 的 MAC' } },
        hints: [
          { en: 'B learns A only by asking A or by being asked by A.', zh: 'B 只有询问 A 或被 A 询问时才会学到 A。' },
          { en: 'Put a ping from B to .10 before A’s ping.', zh: '在 A 的 ping 之前加一条 B 到 .10 的 ping。' },
        ],
      },
      locktime: {
        title: { en: 'A new MAC, overheard too soon', zh: '过早旁听到的新 MAC' },
        prose: {
          en: 'B pings A, so B has A’s entry. Then A’s MAC changes and, right away, A pings C: B overhears a request with A’s new MAC.',
          zh: 'B ping A，因此 B 有 A 的表项。随后 A 的 MAC 改变，A 立刻 ping C：B 旁听到一个带有 A 新 MAC 的请求。',
        },
        question: { en: 'Which MAC does B hold for A at the end?', zh: '最后 B 中 A 对应哪个 MAC？' },
        choices: { old: { en: 'The old one', zh: '旧的' }, new: { en: 'The new one', zh: '新的' } },
        reveal: {
          en: 'The old one: the entry was updated less than locktime (1 s) ago, and an overheard request may not change its MAC so soon (the first answer wins, against ARP races).',
          zh: '旧的：表项上次更新距今不到 locktime（1 秒），旁听到的请求不能这么快改变它的 MAC（先到的应答优先，以防 ARP 竞争）。',
        },
        task: { en: 'Let B take the new MAC from the overheard request, without touching locktime or arp_accept.', zh: '不改动 locktime 和 arp_accept，让 B 从旁听到的请求中采用新的 MAC。' },
        goals: { 'b-new-mac': { en: 'B ends with A’s new MAC', zh: 'B 最终得到 A 的新 MAC' } },
        hints: [
          { en: 'locktime counts from the entry’s last update.', zh: 'locktime 从表项的最后一次更新开始计算。' },
          { en: 'Wait a little more than a second before A’s ping.', zh: '在 A 的 ping 之前等待一秒多一点。' },
        ],
      },
    },
  },
  'arp-flux': {
    title: { en: 'Two NICs in one subnet: ARP flux', zh: '同一子网中的两块网卡：ARP flux' },
    summary: {
      en: 'With the kernel’s defaults every NIC answers for every local address. arp_ignore=1 and arp_announce=2 keep each address on its own NIC.',
      zh: '在内核默认设置下，每块网卡都会为所有本机地址应答。arp_ignore=1 和 arp_announce=2 让每个地址留在自己的网卡上。',
    },
    steps: {
      'both-answer': {
        title: { en: 'Who answers for eth0’s address?', zh: '谁为 eth0 的地址应答？' },
        prose: {
          en: 'A has eth0 (.17) and eth1 (.36) on B’s segment; rp_filter is the kernel default, 0. B pings .17, eth0’s address. The broadcast reaches both NICs.',
          zh: 'A 的 eth0（.17）和 eth1（.36）都在 B 的网段上；rp_filter 是内核默认的 0。B ping eth0 的地址 .17，广播同时到达两块网卡。',
        },
        question: { en: 'Which NIC of A replies?', zh: 'A 的哪块网卡应答？' },
        choices: nic,
        reveal: {
          en: 'Both: Linux addresses belong to the host, not to a NIC (the weak host model), and arp_ignore=0 answers for any local address. B keeps the first reply — here eth1’s — so .17 resolves to the wrong NIC.',
          zh: '两块都应答：Linux 的地址属于主机而不是网卡（弱主机模型），arp_ignore=0 会为任何本机地址应答。B 保留先到的应答（这里是 eth1 的），于是 .17 被解析到了错误的网卡。',
        },
        task: { en: 'Make only eth0 answer for .17, without touching rp_filter or arp_filter.', zh: '只让 eth0 为 .17 应答，不改动 rp_filter 或 arp_filter。' },
        goals: {
          'eth1-quiet': { en: 'eth1 sends no reply for .17', zh: 'eth1 不为 .17 发送应答' },
          'b-eth0': { en: 'B caches .17 at eth0’s MAC', zh: 'B 把 .17 缓存为 eth0 的 MAC' },
        },
        hints: [
          { en: 'arp_ignore=1: answer only for addresses configured on the receiving interface.', zh: 'arp_ignore=1：只为接收接口上配置的地址应答。' },
          { en: 'Set net.ipv4.conf.all.arp_ignore=1 on A.', zh: '在 A 上设置 net.ipv4.conf.all.arp_ignore=1。' },
        ],
      },
      'request-from-36': {
        title: { en: 'The request that undoes it', zh: '把它又改回去的请求' },
        prose: {
          en: 'A now has arp_ignore=1, and B pings .36. Only eth1 answers — but A’s echo reply leaves through eth0, its best route to B, and A has no entry for B on eth0 yet.',
          zh: '现在 A 设置了 arp_ignore=1，B ping .36。只有 eth1 应答，但 A 的回显应答要从到 B 的最佳路由 eth0 发出，而 A 在 eth0 上还没有 B 的表项。',
        },
        question: { en: 'Which NIC’s MAC does B hold for .36 at the end?', zh: '最后 B 中 .36 对应哪块网卡的 MAC？' },
        choices: { 'A.eth0': { en: 'A.eth0', zh: 'A.eth0' }, 'A.eth1': { en: 'A.eth1', zh: 'A.eth1' } },
        reveal: {
          en: 'eth0’s. A asks “who-has .39 tell .36” from eth0: arp_announce=0 puts the waiting packet’s source (.36) in the request, and B, asked for its own address, takes the sender as told and points .36 at eth0.',
          zh: 'eth0 的。A 从 eth0 发出“who-has .39 tell .36”：arp_announce=0 把等待中报文的源地址（.36）放进请求，B 被询问自己的地址时会按请求更新发送方，把 .36 指向 eth0。',
        },
        task: { en: 'Keep .36 on eth1 in B’s cache.', zh: '让 B 的缓存中 .36 保持指向 eth1。' },
        goals: {
          'b-eth1': { en: 'B ends with eth1’s MAC for .36', zh: 'B 最终把 .36 映射到 eth1 的 MAC' },
          'asks-as-17': { en: 'A’s request from eth0 says “tell .17”', zh: 'A 从 eth0 发出的请求为“tell .17”' },
        },
        hints: [
          { en: 'The sender address of A’s own requests is chosen by arp_announce.', zh: 'A 自己发出的请求中的发送方地址由 arp_announce 决定。' },
          { en: 'arp_announce=2 always uses the best address of the outgoing interface.', zh: 'arp_announce=2 总是使用出接口上最合适的地址。' },
        ],
      },
    },
  },
  'rp-filter': {
    title: { en: 'rp_filter, not arp_ignore (and arp_filter)', zh: '是 rp_filter 而不是 arp_ignore（以及 arp_filter）' },
    summary: {
      en: 'On CentOS (rp_filter=1) the article blames arp_ignore for silences that the reverse-path filter causes. The kernel recordings show which rule decides.',
      zh: '在 CentOS（rp_filter=1）上，文章把反向路径过滤造成的沉默归咎于 arp_ignore。内核录制结果显示了究竟是哪条规则在起作用。',
    },
    steps: {
      'centos-flux': {
        title: { en: 'Flux with rp_filter=1', zh: 'rp_filter=1 下的 flux' },
        prose: {
          en: 'The same two-NIC host with rp_filter=1, the CentOS default. B pings .36, eth1’s address.',
          zh: '同一台双网卡主机，rp_filter=1（CentOS 默认）。B ping eth1 的地址 .36。',
        },
        question: { en: 'Which NIC of A replies?', zh: 'A 的哪块网卡应答？' },
        choices: nic,
        reveal: {
          en: 'eth0 only, for eth1’s address. eth1 drops the request: the route back to B leaves through eth0, so with strict reverse-path filtering a packet from B must not arrive on eth1.',
          zh: '只有 eth0，而且是为 eth1 的地址应答。eth1 丢弃请求：回到 B 的路由从 eth0 出去，在严格反向路径过滤下，来自 B 的报文不应从 eth1 进入。',
        },
        task: { en: 'Let eth1 answer for its own address, keeping a reverse-path check (not arp_ignore, not arp_filter).', zh: '让 eth1 为自己的地址应答，同时保留反向路径检查（不改 arp_ignore 和 arp_filter）。' },
        goals: { 'eth1-answers': { en: 'eth1 replies for .36', zh: 'eth1 为 .36 应答' } },
        hints: [
          { en: 'Loose mode only asks whether B is reachable through any interface.', zh: '宽松模式只检查 B 是否能经由任意接口到达。' },
          { en: 'rp_filter is the maximum of all and the interface: set all.rp_filter=2.', zh: 'rp_filter 取 all 与接口值中的较大者：设置 all.rp_filter=2。' },
        ],
      },
      'article-wrong': {
        title: { en: 'Where the article is wrong', zh: '文章错在哪里' },
        prose: {
          en: 'The article sets arp_ignore=1 on eth0 and sees .36 get no reply at all, and explains it with arp_ignore. eth0 does ignore the request (.36 is not on eth0) — but why is eth1 silent?',
          zh: '文章在 eth0 上设置 arp_ignore=1，发现 .36 完全没有应答，并用 arp_ignore 来解释。eth0 确实忽略了请求（.36 不在 eth0 上），但 eth1 为什么也不应答？',
        },
        question: { en: 'Which rule silences eth1?', zh: '是哪条规则让 eth1 沉默？' },
        choices: { arp_ignore: { en: 'arp_ignore', zh: 'arp_ignore' }, rp_filter: { en: 'rp_filter', zh: 'rp_filter' } },
        reveal: {
          en: 'rp_filter. eth1’s arp_ignore is 0 and .36 is on eth1 anyway. The kernel recording of this experiment with rp_filter=0 (test/oracle/results/S05_eth0_arp_ignore1.json, gallery “arp_ignore=1 on eth0, rp_filter=0”) shows eth1 answering and the ping working.',
          zh: 'rp_filter。eth1 的 arp_ignore 为 0，而且 .36 本来就在 eth1 上。该实验在 rp_filter=0 下的内核录制结果（test/oracle/results/S05_eth0_arp_ignore1.json，图库中“eth0 上 arp_ignore=1，rp_filter=0”）显示 eth1 会应答，ping 也能成功。',
        },
        task: { en: 'Make the ping to .36 work without touching arp_ignore.', zh: '不改动 arp_ignore，让到 .36 的 ping 成功。' },
        goals: {
          'ping-ok': { en: 'The ping to .36 succeeds', zh: '到 .36 的 ping 成功' },
          'eth1-answers': { en: 'eth1 replies for .36', zh: 'eth1 为 .36 应答' },
        },
        hints: [
          { en: 'Open the Why panel on eth1’s ✕: it names the setting and its effective value.', zh: '在 eth1 的 ✕ 上打开“原因”面板：它会给出设置项及其生效值。' },
          { en: 'Turn the reverse-path filter off: all.rp_filter=0.', zh: '关闭反向路径过滤：all.rp_filter=0。' },
        ],
      },
      'arp-filter': {
        title: { en: 'arp_filter: the route decides', zh: 'arp_filter：由路由决定' },
        prose: {
          en: 'rp_filter is 0 now, and arp_filter=1: a NIC answers only if A would send the reply to B out of that same NIC.',
          zh: '现在 rp_filter 为 0，arp_filter=1：只有当 A 发给 B 的应答会从同一块网卡发出时，该网卡才应答。',
        },
        question: { en: 'B pings .36. Which NIC of A replies?', zh: 'B ping .36。A 的哪块网卡应答？' },
        choices: nic,
        reveal: {
          en: 'eth0, as with rp_filter=1: the route to B leaves through eth0 (metric 0), so eth1 ignores the request. arp_filter follows routes, not addresses.',
          zh: 'eth0，与 rp_filter=1 时相同：到 B 的路由从 eth0（metric 0）出去，因此 eth1 忽略请求。arp_filter 看的是路由，而不是地址。',
        },
        task: { en: 'Make eth1, and only eth1, answer for .36 — by changing routes, not sysctls.', zh: '通过修改路由而不是 sysctl，让 eth1 且只有 eth1 为 .36 应答。' },
        goals: {
          'eth1-answers': { en: 'eth1 replies for .36', zh: 'eth1 为 .36 应答' },
          'eth0-quiet': { en: 'eth0 sends no reply for .36', zh: 'eth0 不为 .36 发送应答' },
        },
        hints: [
          { en: 'Which route does A use to reach B? Make eth1’s the best.', zh: 'A 用哪条路由到达 B？让 eth1 的路由成为最佳。' },
          { en: 'Raise the metric of the eth0 route to 200.', zh: '把 eth0 路由的 metric 提高到 200。' },
        ],
      },
    },
  },
  'arp-ignore': {
    title: { en: 'arp_ignore 1, 2, 3 and 8', zh: 'arp_ignore 1、2、3 和 8' },
    summary: {
      en: 'Each mode of arp_ignore narrows which requests an interface answers: the address’s interface, the sender’s subnet, the address’s scope, or none at all.',
      zh: 'arp_ignore 的每种模式都收窄了接口应答的请求范围：地址所在接口、发送方子网、地址作用域，或者完全不应答。',
    },
    steps: {
      'mode-1': {
        title: { en: 'Mode 1: the address must be on the interface', zh: '模式 1：地址必须在接口上' },
        prose: { en: 'A has .10 on eth0 and the VIP .200 on lo. B arpings .200, then .10.', zh: 'A 的 eth0 上有 .10，lo 上有 VIP .200。B 先 arping .200，再 arping .10。' },
        question: { en: 'Does A answer for .200, which is on lo?', zh: 'A 会为 lo 上的 .200 应答吗？' },
        choices: { yes, no },
        reveal: { en: 'Yes: with arp_ignore=0 any local address is answered, whatever interface holds it.', zh: '会：arp_ignore=0 时，任何本机地址都会应答，无论它配置在哪个接口上。' },
        task: { en: 'Stop A answering for .200 while it still answers for .10.', zh: '让 A 不再为 .200 应答，但仍为 .10 应答。' },
        goals: {
          'lo-quiet': { en: 'arp_ignore refuses .200: not on eth0', zh: 'arp_ignore 拒绝 .200：不在 eth0 上' },
          'eth0-still': { en: '.10 is answered, .200 is not', zh: '.10 有应答，.200 没有' },
        },
        hints: [{ en: 'Mode 1 answers only for addresses configured on the receiving interface.', zh: '模式 1 只为接收接口上配置的地址应答。' }, { en: 'all.arp_ignore=1 on A.', zh: '在 A 上设置 all.arp_ignore=1。' }],
      },
      'mode-2': {
        title: { en: 'Mode 2: the sender must share the subnet', zh: '模式 2：发送方必须在同一子网' },
        prose: {
          en: 'A’s eth0 has .10/24 and 10.0.0.1/8, and arp_ignore=1. B asks for .10 with its other address 10.1.2.3 as sender (arping -s), then with .20.',
          zh: 'A 的 eth0 上有 .10/24 和 10.0.0.1/8，arp_ignore=1。B 先以另一个地址 10.1.2.3 作为发送方（arping -s）询问 .10，再以 .20 询问。',
        },
        question: { en: 'Does A answer the request from 10.1.2.3?', zh: 'A 会应答来自 10.1.2.3 的请求吗？' },
        choices: { yes, no },
        reveal: { en: 'Yes: mode 1 only checks that .10 is on eth0.', zh: '会：模式 1 只检查 .10 是否在 eth0 上。' },
        task: { en: 'Answer only when the sender is in the subnet of the address asked for.', zh: '只有当发送方与被询问的地址在同一子网时才应答。' },
        goals: {
          'foreign-sender': { en: 'arp_ignore refuses the sender 10.1.2.3', zh: 'arp_ignore 拒绝发送方 10.1.2.3' },
          'own-subnet': { en: '.20 is answered, 10.1.2.3 is not', zh: '.20 有应答，10.1.2.3 没有' },
        },
        hints: [{ en: 'Mode 2 adds a subnet check to mode 1.', zh: '模式 2 在模式 1 的基础上增加子网检查。' }, { en: 'all.arp_ignore=2 on A.', zh: '在 A 上设置 all.arp_ignore=2。' }],
      },
      'mode-3': {
        title: { en: 'Mode 3: not scope host', zh: '模式 3：不应答 scope host 地址' },
        prose: { en: 'A has .10 (global) and .204 (scope host) on eth0. B arpings .204, then .10.', zh: 'A 的 eth0 上有 .10（global）和 .204（scope host）。B 先 arping .204，再 arping .10。' },
        question: { en: 'Does A answer for .204?', zh: 'A 会为 .204 应答吗？' },
        choices: { yes, no },
        reveal: { en: 'Yes: modes 0–2 do not look at the scope.', zh: '会：模式 0 到 2 不看作用域。' },
        task: { en: 'Refuse scope-host addresses, keep answering global ones.', zh: '拒绝 scope host 地址，继续应答 global 地址。' },
        goals: {
          'scope-host-quiet': { en: 'arp_ignore refuses .204: scope host', zh: 'arp_ignore 拒绝 .204：scope host' },
          'global-answered': { en: '.10 is answered, .204 is not', zh: '.10 有应答，.204 没有' },
        },
        hints: [{ en: 'One mode is about the address’s scope.', zh: '有一种模式与地址的作用域有关。' }, { en: 'all.arp_ignore=3 on A.', zh: '在 A 上设置 all.arp_ignore=3。' }],
      },
      'mode-8': {
        title: { en: 'Mode 8: never', zh: '模式 8：从不应答' },
        prose: { en: 'B arpings .10, then probes it as DHCP does (arping -D, sender 0.0.0.0).', zh: 'B 先 arping .10，再像 DHCP 那样探测它（arping -D，发送方 0.0.0.0）。' },
        question: { en: 'Which of the two does A answer?', zh: 'A 应答了这两个中的哪个？' },
        choices: {
          both: { en: 'Both', zh: '两个都应答' },
          'normal-only': { en: 'Only the normal request', zh: '只应答普通请求' },
          neither: { en: 'Neither', zh: '都不应答' },
        },
        reveal: { en: 'Both: a duplicate-address probe is answered like any request for a local address.', zh: '两个都应答：重复地址探测与任何针对本机地址的请求一样会被应答。' },
        task: { en: 'Silence A completely, even for DAD probes.', zh: '让 A 完全沉默，即使是 DAD 探测。' },
        goals: {
          never: { en: 'arp_ignore=8 refuses a request', zh: 'arp_ignore=8 拒绝请求' },
          silent: { en: 'A sends no reply at all', zh: 'A 不发送任何应答' },
        },
        hints: [{ en: 'The effective value is the maximum of all and the interface.', zh: '生效值取 all 与接口值中的较大者。' }, { en: 'all.arp_ignore=8 on A.', zh: '在 A 上设置 all.arp_ignore=8。' }],
      },
    },
  },
  'arp-announce': {
    title: { en: 'arp_announce 0, 1 and 2', zh: 'arp_announce 0、1 和 2' },
    summary: {
      en: 'Which sender address a host puts in its own requests — and so what everybody who hears them learns.',
      zh: '主机在自己的请求中填入哪个发送方地址，决定了所有听到请求的主机会学到什么。',
    },
    steps: {
      'mode-0': {
        title: { en: 'Mode 0: the packet’s source', zh: '模式 0：报文的源地址' },
        prose: { en: 'A has .54 on eth0 and the VIP .200 on lo. It pings B from the VIP (ping -I .200).', zh: 'A 的 eth0 上有 .54，lo 上有 VIP .200。它以 VIP 为源 ping B（ping -I .200）。' },
        question: { en: 'Which sender IP is in A’s ARP request for B?', zh: 'A 询问 B 的 ARP 请求中，发送方 IP 是哪个？' },
        choices: { vip: { en: '.200 (the VIP)', zh: '.200（VIP）' }, primary: { en: '.54 (eth0’s address)', zh: '.54（eth0 的地址）' } },
        reveal: {
          en: '.200: mode 0 uses the waiting packet’s source if it is local at all. B is asked for its own address and so learns .200 at A’s MAC — on a real server, that steals the VIP from the director.',
          zh: '.200：只要等待中报文的源地址是本机地址，模式 0 就使用它。B 被询问自己的地址，因此学到 .200 对应 A 的 MAC——在真实服务器上，这会把 VIP 从调度器手中抢走。',
        },
        task: { en: 'Make A’s requests carry .54, never the VIP.', zh: '让 A 的请求携带 .54，而绝不是 VIP。' },
        goals: {
          'asks-as-primary': { en: 'A asks “tell .54”', zh: 'A 询问时为“tell .54”' },
          'vip-hidden': { en: 'No request of A says “tell .200”', zh: 'A 的请求中没有“tell .200”' },
        },
        hints: [{ en: 'Mode 2 always uses the best address of the outgoing interface.', zh: '模式 2 总是使用出接口上最合适的地址。' }, { en: 'all.arp_announce=2 on A.', zh: '在 A 上设置 all.arp_announce=2。' }],
      },
      'mode-1': {
        title: { en: 'Mode 1: only if on the target’s subnet', zh: '模式 1：仅当与目标同一子网' },
        prose: {
          en: 'A pings B from 10.10.10.10 (on lo), then, after flushing both caches, from the VIP .200, which is inside B’s subnet.',
          zh: 'A 先以 lo 上的 10.10.10.10 为源 ping B，清空两边缓存后，再以位于 B 子网内的 VIP .200 为源 ping。',
        },
        question: { en: 'Which sender IP is in the first request?', zh: '第一个请求中的发送方 IP 是哪个？' },
        choices: { vip: { en: '10.10.10.10', zh: '10.10.10.10' }, primary: { en: '.54', zh: '.54' } },
        reveal: { en: '10.10.10.10: mode 0 does not care that B cannot reach it.', zh: '10.10.10.10：模式 0 不在乎 B 是否能到达它。' },
        task: { en: 'Use the least strict mode that hides 10.10.10.10 but keeps .200 (on B’s subnet) as sender.', zh: '使用最宽松的模式：隐藏 10.10.10.10，但保留位于 B 子网内的 .200 作为发送方。' },
        goals: { 'mode-1-exactly': { en: 'First request “tell .54”, last “tell .200”', zh: '第一个请求为“tell .54”，最后一个为“tell .200”' } },
        hints: [{ en: 'Mode 1 keeps the source only if it is in a subnet of the target on that interface.', zh: '模式 1 只有在源地址与目标处于该接口上的同一子网时才保留它。' }, { en: 'all.arp_announce=1 on A.', zh: '在 A 上设置 all.arp_announce=1。' }],
      },
    },
  },
  'proxy-arp': {
    title: { en: 'Proxy ARP', zh: '代理 ARP' },
    summary: { en: 'A router answering for hosts behind it, for a client that believes they are on its link.', zh: '路由器替身后的主机应答，服务于以为这些主机就在本链路上的客户端。' },
    steps: {
      'router-answers': {
        title: { en: 'A /16 on a /24 network', zh: '/24 网络上的 /16 主机' },
        prose: {
          en: 'H1 has 192.168.1.10/16, so it believes H2 (192.168.2.20) is on its own link and ARPs for it directly. H2 is behind router R.',
          zh: 'H1 的地址是 192.168.1.10/16，因此它认为 H2（192.168.2.20）就在自己的链路上并直接为它发 ARP。H2 实际在路由器 R 之后。',
        },
        question: { en: 'Who answers H1’s request for 192.168.2.20?', zh: '谁应答 H1 对 192.168.2.20 的请求？' },
        choices: { R: { en: 'R', zh: 'R' }, H2: { en: 'H2', zh: 'H2' }, none: { en: 'Nobody', zh: '没人应答' } },
        reveal: { en: 'Nobody: H2 never sees the broadcast, and R does not answer for addresses that are not its own while proxy_arp is 0.', zh: '没人应答：H2 收不到这个广播，而 proxy_arp 为 0 时 R 不为非本机地址应答。' },
        task: { en: 'Make the ping from H1 to H2 work without touching H1.', zh: '不改动 H1，让 H1 到 H2 的 ping 成功。' },
        goals: {
          proxied: { en: 'R answers by proxy', zh: 'R 代理应答' },
          'ping-ok': { en: 'The ping succeeds', zh: 'ping 成功' },
        },
        hints: [{ en: 'R forwards already; it must also answer for what it would forward.', zh: 'R 已经开启转发；它还需要为会转发的地址应答。' }, { en: 'net.ipv4.conf.eth0.proxy_arp=1 on R.', zh: '在 R 上设置 net.ipv4.conf.eth0.proxy_arp=1。' }],
      },
    },
  },
  gratuitous: {
    title: { en: 'Gratuitous ARP, arp_accept and DAD', zh: '免费 ARP、arp_accept 与 DAD' },
    summary: {
      en: 'Announcements update the caches that already know you and create entries only where arp_accept allows; DAD probes ask without telling.',
      zh: '通告会更新已经认识你的缓存，只有在 arp_accept 允许时才创建表项；DAD 探测只询问而不告知。',
    },
    steps: {
      'who-updates': {
        title: { en: 'A new MAC, announced', zh: '宣告新的 MAC' },
        prose: {
          en: 'B pinged A, so B knows A. Then A’s MAC changes and A announces it with arping -U (a gratuitous request). C has never talked to A.',
          zh: 'B ping 过 A，因此 B 认识 A。随后 A 的 MAC 改变，A 用 arping -U（免费请求）宣告它。C 从未与 A 通信过。',
        },
        question: { en: 'Whose cache takes the new MAC?', zh: '谁的缓存采用了新的 MAC？' },
        choices: { B: { en: 'B only', zh: '只有 B' }, C: { en: 'C only', zh: '只有 C' }, both: { en: 'B and C', zh: 'B 和 C' } },
        reveal: {
          en: 'B only: an existing entry is updated at once (STALE), whatever arp_accept says; C has no entry and arp_accept=0 creates none (metallb issue 123 is this case).',
          zh: '只有 B：已有表项会立即更新（STALE），与 arp_accept 无关；C 没有表项，arp_accept=0 不会创建（metallb issue 123 就是这种情况）。',
        },
        task: { en: 'Make C learn A’s new MAC from the announcement.', zh: '让 C 从通告中学到 A 的新 MAC。' },
        goals: { 'c-creates': { en: 'C has A’s new MAC', zh: 'C 中有 A 的新 MAC' } },
        hints: [{ en: 'Creating entries from gratuitous ARP is arp_accept’s job.', zh: '根据免费 ARP 创建表项由 arp_accept 控制。' }, { en: 'all.arp_accept=1 on C.', zh: '在 C 上设置 all.arp_accept=1。' }],
      },
      notify: {
        title: { en: 'Changing the MAC without arping', zh: '不用 arping 更换 MAC' },
        prose: { en: 'This time A changes its MAC (ip link set eth0 address …) and runs nothing else.', zh: '这一次 A 更换 MAC（ip link set eth0 address …），然后什么都不运行。' },
        question: { en: 'Which MAC does B hold for A afterwards?', zh: '之后 B 中 A 对应哪个 MAC？' },
        choices: { old: { en: 'The old one', zh: '旧的' }, new: { en: 'The new one', zh: '新的' } },
        reveal: { en: 'The old one: by default the kernel announces nothing when a MAC changes, so B keeps sending to a MAC that is gone.', zh: '旧的：默认情况下 MAC 改变时内核不发送任何通告，B 会继续发往已经不存在的 MAC。' },
        task: { en: 'Make the kernel announce the change itself.', zh: '让内核自己宣告这一变化。' },
        goals: {
          'b-new-mac': { en: 'B has A’s new MAC', zh: 'B 中有 A 的新 MAC' },
          'kernel-garp': { en: 'A sends a gratuitous request', zh: 'A 发送免费请求' },
        },
        hints: [{ en: 'One sysctl makes the kernel send gratuitous ARP on a MAC change or link up.', zh: '有一个 sysctl 让内核在 MAC 改变或链路启用时发送免费 ARP。' }, { en: 'all.arp_notify=1 on A.', zh: '在 A 上设置 all.arp_notify=1。' }],
      },
      dad: {
        title: { en: 'Duplicate address detection', zh: '重复地址检测' },
        prose: {
          en: 'A probes .70 (B’s eth0) and .200 (on B’s lo) with arping -D, sender 0.0.0.0, as a DHCP client checks an address before using it.',
          zh: 'A 用 arping -D（发送方 0.0.0.0）探测 .70（B 的 eth0）和 .200（B 的 lo），就像 DHCP 客户端在使用地址之前检查它一样。',
        },
        question: { en: 'Does B defend .200, the address on its lo?', zh: 'B 会为 lo 上的地址 .200 应答（防御）吗？' },
        choices: { yes, no },
        reveal: { en: 'Yes: a DAD probe is answered like any request for a local address, on any interface.', zh: '会：DAD 探测与任何针对本机地址的请求一样，无论地址在哪个接口上都会应答。' },
        task: { en: 'Let B defend .70 but not the address on lo.', zh: '让 B 为 .70 应答，但不为 lo 上的地址应答。' },
        goals: {
          'lo-undefended': { en: 'B ignores the probe for .200', zh: 'B 忽略对 .200 的探测' },
          'eth0-defended': { en: '.70 answered, .200 not', zh: '.70 有应答，.200 没有' },
        },
        hints: [{ en: 'DAD probes go through arp_ignore too.', zh: 'DAD 探测同样要经过 arp_ignore。' }, { en: 'all.arp_ignore=1 on B.', zh: '在 B 上设置 all.arp_ignore=1。' }],
      },
    },
  },
  'field-kube-ipvs0': {
    title: { en: 'Field case: a service IP on kube-ipvs0', zh: '实际案例：kube-ipvs0 上的服务 IP' },
    summary: {
      en: 'kube-proxy in IPVS mode puts every service IP on a dummy interface of every node — and every node answers ARP for it.',
      zh: 'IPVS 模式的 kube-proxy 把每个服务 IP 配置在每个节点的 dummy 接口上，于是每个节点都会为它应答 ARP。',
    },
    source: 'https://github.com/metallb/metallb/issues/153',
    steps: {
      'every-node': {
        title: { en: 'Every node answers', zh: '每个节点都应答' },
        prose: {
          en: 'N1 and N2 have the service IP .240 on kube-ipvs0, an interface attached to no network. C arpings .240.',
          zh: 'N1 和 N2 的 kube-ipvs0（不连接任何网络的接口）上都有服务 IP .240。C arping .240。',
        },
        question: { en: 'How many nodes answer?', zh: '有几个节点应答？' },
        choices: { none: { en: 'None: the address is on a dummy interface', zh: '没有：地址在 dummy 接口上' }, one: { en: 'One', zh: '一个' }, every: { en: 'Every node', zh: '每个节点' } },
        reveal: {
          en: 'Every node, through eth0: the address is local to the host. Marking kube-ipvs0 NOARP changes nothing, because the request is answered on eth0 (kubernetes issue 59976, kube-router issue 561).',
          zh: '每个节点都通过 eth0 应答：该地址是主机的本机地址。把 kube-ipvs0 标记为 NOARP 没有用，因为请求是在 eth0 上被应答的（kubernetes issue 59976，kube-router issue 561）。',
        },
        task: { en: 'Stop the nodes answering for the service IP.', zh: '让节点不再为服务 IP 应答。' },
        goals: { nobody: { en: 'No reply for .240', zh: '.240 没有应答' } },
        hints: [{ en: 'It is the LVS-DR real-server problem again.', zh: '这又是 LVS-DR 真实服务器的那个问题。' }, { en: 'all.arp_ignore=1 on N1 and N2.', zh: '在 N1 和 N2 上设置 all.arp_ignore=1。' }],
      },
    },
  },
};
