/**
 * The gallery: the article's experiments as ready scenarios, each the exact input of one
 * recorded kernel run (gallery.test.ts replays it against the recording), and LVS setups
 * (DR, TUN, NAT, the ARP problem and its fix, a director failover) whose point lvs.test.ts
 * checks on the engine's output. The summaries
 * say what the kernel did (shared oracle REPORT.md), which is not always what the article
 * claims: where rp_filter, not arp_ignore, decides, the text says so, and two rp_filter=0
 * runs are included because they show it best. One entry is generated rather than stored: a
 * data centre of 1,001 hosts (examples/dataCentre.ts), made when first opened.
 */
import type { ScenarioV1 } from '../../scenario/types.ts';
import basic from './scenarios/basic.json';
import arpingSpoof from './scenarios/arping-spoof.json';
import dad from './scenarios/dad.json';
import arpFlux from './scenarios/arp-flux.json';
import arpFluxRp0 from './scenarios/arp-flux-rp0.json';
import fluxRouteDeleted from './scenarios/flux-route-deleted.json';
import arpIgnoreEth0 from './scenarios/arp-ignore-eth0.json';
import arpIgnoreEth0Rp0 from './scenarios/arp-ignore-eth0-rp0.json';
import metric from './scenarios/metric.json';
import arpIgnoreBoth from './scenarios/arp-ignore-both.json';
import arpIgnore2 from './scenarios/arp-ignore-2.json';
import arpIgnore38 from './scenarios/arp-ignore-3-8.json';
import arpAnnounce from './scenarios/arp-announce.json';
import gratuitous from './scenarios/gratuitous.json';
import notForUs from './scenarios/not-for-us.json';
import arpFilter from './scenarios/arp-filter.json';
import proxyArp from './scenarios/proxy-arp.json';
import arpNotify from './scenarios/arp-notify.json';
import lvsDr from './scenarios/lvs-dr.json';
import lvsDrConnections from './scenarios/lvs-dr-cluster.json';
import lvsTun from './scenarios/lvs-tun.json';
import lvsNat from './scenarios/lvs-nat.json';
import lvsArpProblem from './scenarios/lvs-arp-problem.json';
import lvsFailover from './scenarios/lvs-failover.json';
import type { GalleryEntry } from './types.ts';
import { dataCentre } from '../dataCentre.ts';

// JSON imports are typed loosely (strings, not the format's literal unions); the test
// validates every file with loadScenario, so the cast is checked where it matters. The
// article's files are version 1, which means the same in version 2 (the migration adds
// nothing): opened, they are the current version, as a link or a saved file of them is.
const file = (doc: object): ScenarioV1 => ({ ...(doc as ScenarioV1), version: 2 });

export const GALLERY: readonly GalleryEntry[] = [
  {
    id: 'basic',
    oracle: 'S01_basic',
    rpFilter: 1,
    title: { en: 'Basic resolution: A pings B', zh: '基本解析：A ping B' },
    summary: {
      en: 'A pings B on an empty segment. A broadcasts “who-has .70”, B answers with a unicast reply and A’s entry for B becomes REACHABLE, while B learns A from the request as STALE, then DELAY once it sends the echo reply. About 5 s later B confirms A with a unicast probe and its entry becomes REACHABLE too. A ping to the unused .71 leaves an INCOMPLETE entry that turns FAILED after three broadcast probes one second apart.',
      zh: 'A 在空的网段上 ping B。A 广播“who-has .70”，B 以单播应答，A 中 B 的表项变为 REACHABLE；B 从请求中学到 A，表项先是 STALE，发送回显应答时变为 DELAY。约 5 秒后 B 用单播探测确认 A，表项也变为 REACHABLE。ping 未使用的 .71 会留下 INCOMPLETE 表项，三次相隔 1 秒的广播探测无应答后变为 FAILED。',
    },
    tags: ['basics', 'neighbour-states'],
    scenario: file(basic),
  },
  {
    id: 'arping-spoof',
    oracle: 'S02_arping_spoof',
    rpFilter: 1,
    title: { en: 'arping with a spoofed sender from a second NIC', zh: '从第二块网卡发送伪造发送方的 arping' },
    summary: {
      en: 'A’s eth1 has no IPv4 address, yet `arping -I eth1 -s .54` asks B for .70 with eth0’s address as sender. A request for B’s own address overrides B’s entry at once, even within locktime: B now maps .54 to eth1’s MAC (STALE). With rp_filter=1 A drops what arrives on eth1, so B’s ping fails, B’s unicast probes go unanswered and the entry ends FAILED; the next ping resolves .54 to eth0 again. With rp_filter=0 eth1 would answer the probes and the spoofed mapping would stay.',
      zh: 'A 的 eth1 没有 IPv4 地址，但 `arping -I eth1 -s .54` 仍以 eth0 的地址作为发送方向 B 询问 .70。针对 B 自身地址的请求会立即覆盖 B 的表项，即使在 locktime 之内：B 现在把 .54 映射到 eth1 的 MAC（STALE）。在 rp_filter=1 下，A 丢弃从 eth1 进入的报文，因此 B 的 ping 失败，B 的单播探测无人应答，表项最终为 FAILED；下一次 ping 又把 .54 解析为 eth0。若 rp_filter=0，eth1 会应答探测，伪造的映射会一直保留。',
    },
    tags: ['arping', 'spoofing', 'rp_filter', 'multi-nic'],
    scenario: file(arpingSpoof),
  },
  {
    id: 'dad',
    oracle: 'S12_dad',
    rpFilter: 1,
    title: { en: 'Duplicate address detection (DHCP conflict check)', zh: '重复地址检测（DHCP 冲突检查）' },
    summary: {
      en: '`arping -D` probes an address with sender IP 0.0.0.0, as DHCP clients do before using an address. The owner B answers with a unicast reply (sender .70, target 0.0.0.0), also for an address on its lo; a free address gets no answer. No cache learns anything from a probe, and A creates an entry from the reply only with arp_accept=1 (REACHABLE, as the reply is unicast). With arp_ignore=1 on B, its lo address is no longer defended.',
      zh: '`arping -D` 以发送方 IP 0.0.0.0 探测一个地址，DHCP 客户端在使用地址前也这样做。地址的拥有者 B 以单播应答（发送方 .70，目标 0.0.0.0），对其 lo 上的地址同样应答；空闲地址没有应答。任何缓存都不会从探测中学习；只有设置 arp_accept=1 后，A 才会根据应答创建表项（单播应答，因此为 REACHABLE）。B 设置 arp_ignore=1 后，不再为 lo 上的地址应答。',
    },
    tags: ['dad', 'arping', 'arp_accept', 'arp_ignore'],
    scenario: file(dad),
  },
  {
    id: 'arp-flux',
    oracle: 'S03_arp_flux',
    rpFilter: 1,
    title: { en: 'ARP flux: two NICs on one segment', zh: 'ARP flux：同一网段上的两块网卡' },
    summary: {
      en: 'A has eth0 (.17) and eth1 (.36) on B’s segment, and its best route to that LAN is eth0 (metric 0). Every request reaches both NICs, but with rp_filter=1 (the CentOS default) eth1 rejects it: the route back to B leaves through eth0. So only eth0 answers, for both addresses, and B maps eth1’s .36 to eth0’s MAC: the classic ARP flux. Three rounds give the same result.',
      zh: 'A 的 eth0（.17）和 eth1（.36）都接在 B 所在的网段上，到该网段的最佳路由是 eth0（metric 0）。每个请求都会到达两块网卡，但在 rp_filter=1（CentOS 默认）下 eth1 拒绝它：回到 B 的路由从 eth0 出去。因此只有 eth0 应答，两个地址都由它应答，B 把 eth1 的 .36 映射到 eth0 的 MAC：这就是经典的 ARP flux。三轮结果相同。',
    },
    tags: ['arp-flux', 'multi-nic', 'rp_filter', 'arp_ignore'],
    scenario: file(arpFlux),
  },
  {
    id: 'arp-flux-rp0',
    oracle: 'S03_arp_flux',
    rpFilter: 0,
    title: { en: 'ARP flux without rp_filter: both NICs answer', zh: '关闭 rp_filter 的 ARP flux：两块网卡都应答' },
    summary: {
      en: 'The same two-NIC host with rp_filter=0, the kernel default. With arp_ignore=0 both NICs answer every request, each with its own MAC, and A creates an entry for B on each of them. B keeps the first reply: on the lab’s bridge eth1’s reply always came first, so here it is .17 that resolves to the other NIC’s MAC. On a real LAN, which reply wins is a race.',
      zh: '同一台双网卡主机，rp_filter=0（内核默认值）。在 arp_ignore=0 下两块网卡都应答每个请求，各自使用自己的 MAC，A 在两块网卡上都为 B 创建表项。B 保留最先到达的应答：在实验的网桥上 eth1 的应答总是先到，所以这里是 .17 被解析为另一块网卡的 MAC。在真实的局域网中，哪个应答先到取决于竞争。',
    },
    tags: ['arp-flux', 'multi-nic', 'rp_filter', 'race'],
    scenario: file(arpFluxRp0),
  },
  {
    id: 'flux-route-deleted',
    oracle: 'S04_flux_no_eth0_route',
    rpFilter: 1,
    title: { en: 'ARP flux after deleting eth0’s route', zh: '删除 eth0 路由后的 ARP flux' },
    summary: {
      en: 'As in ARP flux, but A’s route to the LAN through eth0 is deleted, so the only route back to B is eth1 (metric 101). With rp_filter=1 it is now eth0 that fails the reverse-path check, and only eth1 answers, for .17 as well as .36. The NIC that replies follows A’s route back to the requester, not the owner of the address.',
      zh: '与 ARP flux 相同，但删除了 A 经 eth0 到局域网的路由，回到 B 的唯一路由是 eth1（metric 101）。在 rp_filter=1 下，现在是 eth0 未通过反向路径检查，只有 eth1 应答，.17 和 .36 都由它应答。应答的网卡取决于 A 回到请求者的路由，而不是地址属于哪块网卡。',
    },
    tags: ['arp-flux', 'multi-nic', 'rp_filter', 'routing'],
    scenario: file(fluxRouteDeleted),
  },
  {
    id: 'arp-ignore-eth0',
    oracle: 'S05_eth0_arp_ignore1',
    rpFilter: 1,
    title: { en: 'arp_ignore=1 on eth0: no reply at all for .36', zh: 'eth0 设置 arp_ignore=1：.36 完全没有应答' },
    summary: {
      en: 'eth0 gets arp_ignore=1: it answers only for addresses configured on eth0. B’s request for .36 gets no reply at all: eth0 ignores it (.36 belongs to eth1), and eth1 fails rp_filter=1 because the route back to B leaves through eth0. The ping to .36 fails, while .17 still works via eth0. It is rp_filter, not arp_ignore, that silences eth1: with rp_filter=0 eth1 answers and the ping works (next scenario).',
      zh: 'eth0 设置 arp_ignore=1：只为配置在 eth0 上的地址应答。B 对 .36 的请求完全没有应答：eth0 忽略它（.36 属于 eth1），而 eth1 因为回到 B 的路由从 eth0 出去而未通过 rp_filter=1 检查。ping .36 失败，.17 仍然经 eth0 可达。让 eth1 沉默的是 rp_filter，而不是 arp_ignore：在 rp_filter=0 下 eth1 会应答，ping 成功（见下一个场景）。',
    },
    tags: ['arp_ignore', 'rp_filter', 'multi-nic', 'kernel-vs-article'],
    scenario: file(arpIgnoreEth0),
  },
  {
    id: 'arp-ignore-eth0-rp0',
    oracle: 'S05_eth0_arp_ignore1',
    rpFilter: 0,
    title: { en: 'arp_ignore=1 on eth0 without rp_filter: eth1 answers', zh: 'eth0 设置 arp_ignore=1 但关闭 rp_filter：eth1 应答' },
    summary: {
      en: 'The previous scenario with rp_filter=0: eth1 answers for .36 and the ping works, contrary to the article’s “no reply at all”. Then, when A has no entry for B on eth0 yet (its route back to B), A broadcasts “who-has .39 tell .36” from eth0, and B, taking a request for its own address as authoritative, overwrites .36 with eth0’s MAC (STALE). The ping succeeds, but B’s cache ends on the best-route NIC, not on the one that answered.',
      zh: '与上一个场景相同，但 rp_filter=0：eth1 为 .36 应答，ping 成功，与文章所说的“完全没有应答”不符。随后，如果 A 在 eth0（回到 B 的路由）上还没有 B 的表项，A 会从 eth0 广播“who-has .39 tell .36”；B 收到针对自己地址的请求，用 eth0 的 MAC 覆盖 .36 的表项（STALE）。ping 成功，但 B 的缓存最终指向最佳路由的网卡，而不是应答的那块网卡。',
    },
    tags: ['arp_ignore', 'rp_filter', 'multi-nic', 'kernel-vs-article'],
    scenario: file(arpIgnoreEth0Rp0),
  },
  {
    id: 'metric',
    oracle: 'S06_eth0_ignore1_metric200',
    rpFilter: 1,
    title: { en: 'arp_ignore=1 on eth0 and a worse route metric', zh: 'eth0 设置 arp_ignore=1 并调高路由 metric' },
    summary: {
      en: 'eth0 keeps arp_ignore=1 and its route metric is raised to 200, above eth1’s 101, so the best route back to B is now eth1. Both addresses work and both resolve to eth1’s MAC: for .17, eth0 passes arp_ignore but fails rp_filter=1, so only eth1 answers. Deleting the eth0 route changes nothing. With rp_filter=0, eth0 would answer .17 as well and the cached MAC would depend on which reply came first.',
      zh: 'eth0 保持 arp_ignore=1，其路由 metric 提高到 200，大于 eth1 的 101，所以回到 B 的最佳路由现在是 eth1。两个地址都可达，且都解析为 eth1 的 MAC：对于 .17，eth0 通过了 arp_ignore 但未通过 rp_filter=1，只有 eth1 应答。删除 eth0 的路由后结果不变。若 rp_filter=0，eth0 也会应答 .17，缓存哪个 MAC 取决于哪个应答先到。',
    },
    tags: ['arp_ignore', 'rp_filter', 'routing', 'multi-nic'],
    scenario: file(metric),
  },
  {
    id: 'arp-ignore-both',
    oracle: 'S07_both_arp_ignore1',
    rpFilter: 1,
    title: { en: 'arp_ignore=1 on both NICs', zh: '两块网卡都设置 arp_ignore=1' },
    summary: {
      en: 'Both NICs have arp_ignore=1 and eth1 is the best route back to B. .36 works via eth1. .17 gets no reply: eth1 ignores it because .17 is not on eth1, and eth0, which owns it, fails rp_filter=1. Only .36 works, as the article says, but again because of rp_filter: with rp_filter=0 eth0 answers and .17 works too.',
      zh: '两块网卡都设置 arp_ignore=1，eth1 是回到 B 的最佳路由。.36 经 eth1 可达。.17 没有应答：eth1 因为 .17 不在 eth1 上而忽略它，拥有它的 eth0 未通过 rp_filter=1。正如文章所说只有 .36 可达，但原因仍是 rp_filter：在 rp_filter=0 下 eth0 会应答，.17 同样可达。',
    },
    tags: ['arp_ignore', 'rp_filter', 'multi-nic', 'kernel-vs-article'],
    scenario: file(arpIgnoreBoth),
  },
  {
    id: 'arp-ignore-2',
    oracle: 'S08_arp_ignore2',
    rpFilter: 1,
    title: { en: 'arp_ignore=2: the sender must share the subnet', zh: 'arp_ignore=2：发送方必须在同一子网' },
    summary: {
      en: 'A’s eth0 has 192.168.100.10/24 and 10.0.0.1/8; B asks for each with each of its own addresses as sender (arping -s). With arp_ignore 0 and 1 every combination is answered. With 2, A answers only when an address on eth0 has a prefix containing both the target and the sender: 10.1.2.3 asking for .10 and 192.168.100.99 asking for 10.0.0.1 get no reply. The result is the same for every rp_filter value.',
      zh: 'A 的 eth0 上有 192.168.100.10/24 和 10.0.0.1/8；B 以自己的每个地址作为发送方（arping -s）分别询问这两个地址。arp_ignore 为 0 和 1 时每种组合都有应答。为 2 时，只有当 eth0 上某个地址的网段同时包含目标和发送方时 A 才应答：10.1.2.3 询问 .10、192.168.100.99 询问 10.0.0.1 都得不到应答。每种 rp_filter 取值下结果相同。',
    },
    tags: ['arp_ignore', 'arping'],
    scenario: file(arpIgnore2),
  },
  {
    id: 'arp-ignore-3-8',
    oracle: 'S09_arp_ignore3_8',
    rpFilter: 1,
    title: { en: 'arp_ignore=3 (scope host) and 8 (never)', zh: 'arp_ignore=3（scope host）与 8（从不应答）' },
    summary: {
      en: 'A has .10 (global) and .204 (scope host) on eth0, and .201 (scope host) and .202 (global) on lo; B arpings each. Mode 1 answers only for eth0’s addresses; mode 3 refuses scope-host addresses wherever they are, so it answers .10 and lo’s .202 but not .204; mode 8 never answers, not even DAD probes. The effective value is the maximum of all and the interface: all=8 silences eth0=0.',
      zh: 'A 的 eth0 上有 .10（global）和 .204（scope host），lo 上有 .201（scope host）和 .202（global）；B 逐个 arping。模式 1 只为 eth0 上的地址应答；模式 3 拒绝 scope host 的地址，无论它在哪块网卡上，因此应答 .10 和 lo 上的 .202，但不应答 .204；模式 8 从不应答，DAD 探测也不应答。生效值是 all 与网卡取值中的最大值：all=8 会让 eth0=0 也不应答。',
    },
    tags: ['arp_ignore', 'arping', 'dad'],
    scenario: file(arpIgnore38),
  },
  {
    id: 'arp-announce',
    oracle: 'S10_arp_announce',
    rpFilter: 1,
    title: { en: 'arp_announce 0/1/2: the sender IP of requests', zh: 'arp_announce 0/1/2：请求中的发送方 IP' },
    summary: {
      en: 'A pings B from different source addresses (ping -I), and we look at the sender IP of A’s ARP request. Mode 0 uses the packet’s source even when it is a VIP on lo or outside the subnet (10.10.10.10); mode 1 keeps it only if it is in B’s subnet, else uses the primary .54; mode 2 always uses the primary .54, even instead of the secondary .55. When A announces the VIP .200, B caches it with A’s MAC, and at the end, without a route back to 10.10.10.10, B’s rp_filter=1 silently drops A’s mode-0 request.',
      zh: 'A 以不同的源地址（ping -I）ping B，观察 A 的 ARP 请求中的发送方 IP。模式 0 使用报文的源地址，即使它是 lo 上的 VIP 或不在该子网内（10.10.10.10）；模式 1 只在它位于 B 的子网内时才使用，否则使用主地址 .54；模式 2 总是使用主地址 .54，连从地址 .55 也会被替换。A 通告 VIP .200 时，B 会以 A 的 MAC 缓存它；最后，在没有回到 10.10.10.10 的路由时，B 的 rp_filter=1 会静默丢弃 A 在模式 0 下发出的请求。',
    },
    tags: ['arp_announce', 'vip', 'rp_filter'],
    scenario: file(arpAnnounce),
  },
  {
    id: 'gratuitous',
    oracle: 'S13_gratuitous',
    rpFilter: 1,
    title: { en: 'Gratuitous ARP and arp_accept', zh: '免费 ARP 与 arp_accept' },
    summary: {
      en: 'A changes its MAC and announces it with arping -U (a request) or -A (a reply). B, which already has A, takes the new MAC at once (STALE), regardless of locktime; C, which has no entry, ignores it. With arp_accept=1 C creates the entry too, even for the off-subnet 10.9.9.9; with 2, only for addresses in C’s subnet. Existing entries are updated whatever arp_accept says.',
      zh: 'A 更换 MAC 后用 arping -U（请求）或 -A（应答）通告。已缓存 A 的 B 立即采用新 MAC（STALE），不受 locktime 限制；没有表项的 C 不予理会。设置 arp_accept=1 后 C 也会创建表项，即使是子网之外的 10.9.9.9；设置为 2 时只为 C 子网内的地址创建。无论 arp_accept 取何值，已有表项都会被更新。',
    },
    tags: ['garp', 'arp_accept', 'arping'],
    scenario: file(gratuitous),
  },
  {
    id: 'not-for-us',
    oracle: 'S14_not_for_us',
    rpFilter: 1,
    title: { en: 'Overheard requests that are not for us', zh: '听到并非发给自己的请求' },
    summary: {
      en: 'B overhears A’s broadcast “who-has .99” meant for C. Without an entry for A, B learns nothing, even with arp_accept=1. A REACHABLE entry with the same MAC stays REACHABLE; once A’s MAC has changed (more than locktime after the last update), B takes the new MAC as STALE. A FAILED entry is revived: the MAC is filled in and it becomes STALE.',
      zh: 'B 听到 A 为询问 C 而广播的“who-has .99”。如果没有 A 的表项，B 什么也学不到，即使设置了 arp_accept=1。MAC 相同的 REACHABLE 表项保持 REACHABLE；A 的 MAC 改变后（距上次更新超过 locktime），B 采用新 MAC，状态为 STALE。FAILED 表项会被恢复：填入 MAC，变为 STALE。',
    },
    tags: ['neighbour-states', 'arp_accept', 'locktime'],
    scenario: file(notForUs),
  },
  {
    id: 'arp-filter',
    oracle: 'S15_arp_filter',
    rpFilter: 0,
    title: { en: 'arp_filter=1: only the NIC of the route back answers', zh: 'arp_filter=1：只有回程路由的网卡应答' },
    summary: {
      en: 'The ARP flux host with arp_filter=1 and rp_filter=0. A NIC answers only if A would route the reply to B out of that same NIC: eth0 while its metric-0 route exists, eth1 after it is deleted. This is rp_filter=1’s outcome without rp_filter; the kernel gives the same result for every rp_filter value.',
      zh: 'ARP flux 的主机，设置 arp_filter=1、rp_filter=0。只有当 A 会经由同一块网卡把应答发往 B 时，这块网卡才应答：metric 0 的路由存在时是 eth0，删除后是 eth1。这就是不依赖 rp_filter 得到的 rp_filter=1 的效果；内核在各种 rp_filter 取值下结果都一样。',
    },
    tags: ['arp_filter', 'arp-flux', 'multi-nic', 'routing'],
    scenario: file(arpFilter),
  },
  {
    id: 'proxy-arp',
    oracle: 'S16_proxy_arp',
    rpFilter: 1,
    title: { en: 'Proxy ARP on a router', zh: '路由器上的代理 ARP' },
    summary: {
      en: 'H1 (192.168.1.10/16) believes 192.168.2.0/24 is on its link and ARPs for H2 directly. Router R, with proxy_arp=1 on eth0 and forwarding on, answers with its own MAC for any address it would route out of another interface, even the non-existent .2.99, after a random delay of up to proxy_delay (0.8 s); not for 192.168.1.77, whose route points back out of eth0. R’s own eth1 address is answered at once, as a local address. With proxy_arp=0 nobody answers and the ping fails.',
      zh: 'H1（192.168.1.10/16）以为 192.168.2.0/24 与它在同一链路上，直接对 H2 发 ARP。路由器 R 在 eth0 上设置 proxy_arp=1 并开启转发，它会为任何将从另一块网卡转发出去的地址用自己的 MAC 应答，连不存在的 .2.99 也不例外，应答有随机延迟，最多为 proxy_delay（0.8 秒）；对 192.168.1.77 不应答，因为它的路由又指回 eth0。R 自己在 eth1 上的地址作为本地地址立即应答。proxy_arp=0 时没有人应答，ping 失败。',
    },
    tags: ['proxy_arp', 'router', 'routing'],
    scenario: file(proxyArp),
  },
  {
    id: 'arp-notify',
    oracle: 'S17_arp_notify',
    rpFilter: 1,
    title: { en: 'arp_notify: the kernel announces a new MAC', zh: 'arp_notify：内核通告新的 MAC' },
    summary: {
      en: 'A changes its MAC. With arp_notify=0 nothing is sent and B keeps the old MAC. With arp_notify=1 the kernel sends a gratuitous request for each address on the interface (.54 and the secondary .56), and B takes the new MAC (STALE). After link down and up the announcement is sent again, but the bridge drops it because its port is not forwarding yet.',
      zh: 'A 更换 MAC。arp_notify=0 时什么也不发送，B 保留旧 MAC。arp_notify=1 时内核为接口上的每个地址（.54 和从地址 .56）各发送一个免费 ARP 请求，B 采用新 MAC（STALE）。链路 down 再 up 后会再次通告，但网桥丢弃了它，因为端口还未进入转发状态。',
    },
    tags: ['arp_notify', 'garp'],
    scenario: file(arpNotify),
  },
  {
    id: 'lvs-dr',
    oracle: 'S11_lvs_dr',
    rpFilter: 1,
    title: { en: 'LVS-DR real server: with and without arp_ignore/arp_announce', zh: 'LVS-DR 真实服务器：有无 arp_ignore/arp_announce' },
    summary: {
      en: 'The director D has the VIP .200 on eth0, the real server R1 has it on lo. With R1’s defaults (arp_ignore=0, arp_announce=0) both answer the client’s request for the VIP and C keeps R1’s reply, which arrives first here, so traffic bypasses the director; when R1 pings C from the VIP, its request says “tell .200” and overwrites C’s VIP entry with R1’s MAC. With arp_ignore=1 and arp_announce=2 on R1, only D answers and R1’s requests say “tell .21”, so C keeps the VIP on D. D never objects to R1 claiming its VIP: the kernel does no conflict detection.',
      zh: '调度器 D 在 eth0 上配置 VIP .200，真实服务器 R1 把它配置在 lo 上。R1 使用默认值（arp_ignore=0、arp_announce=0）时，两者都应答客户端对 VIP 的请求，C 保留 R1 的应答（在这里它先到），流量绕过了调度器；R1 以 VIP 为源 ping C 时，其请求写着“tell .200”，把 C 中 VIP 的表项覆盖为 R1 的 MAC。R1 设置 arp_ignore=1 和 arp_announce=2 后，只有 D 应答，R1 的请求写着“tell .21”，C 中的 VIP 仍指向 D。D 对 R1 冒用自己的 VIP 毫无反应：内核不做冲突检测。',
    },
    tags: ['lvs', 'arp_ignore', 'arp_announce', 'vip'],
    scenario: file(lvsDr),
  },
  // LVS (format version 2): no recording in the ARP corpus; lvs.test.ts checks each one's
  // point on the engine's output (who served each connection, bypasses, the router's entry).
  {
    id: 'lvs-dr-connections',
    title: { en: 'LVS-DR: a director and two real servers', zh: 'LVS-DR：一个调度器和两台真实服务器' },
    summary: {
      en: 'C opens four connections to the VIP 10.0.0.100:80. When the router resolves the VIP only the director D answers: the real servers hold the VIP on lo with arp_ignore=1 and arp_announce=2. D schedules round-robin (RS2 first, the newest in the kernel’s list) and passes each packet on unchanged to the real server’s MAC; the real server answers the client straight through the router, so replies never cross the director: client → router → D → real server → router → client.',
      zh: 'C 向 VIP 10.0.0.100:80 发起四个连接。路由器解析 VIP 时只有调度器 D 应答：真实服务器把 VIP 配在 lo 上，并设置 arp_ignore=1 和 arp_announce=2。D 以轮询（rr）调度（先选 RS2，它是内核列表中最新加入的），把报文原样发往真实服务器的 MAC；真实服务器经路由器直接应答客户端，应答不经过调度器：客户端 → 路由器 → D → 真实服务器 → 路由器 → 客户端。',
    },
    tags: ['lvs', 'ipvs', 'dr', 'arp_ignore', 'arp_announce'],
    scenario: file(lvsDrConnections),
  },
  {
    id: 'lvs-tun',
    title: { en: 'LVS-TUN: IP-in-IP to the real servers', zh: 'LVS-TUN：以 IP-in-IP 发往真实服务器' },
    summary: {
      en: 'The director D wraps each client packet in IP-in-IP, from its own address 10.0.0.2 to the real server’s. The real server unwraps it on tunl0, where it holds the VIP, and answers from the VIP straight to the client through the router. rp_filter is 0 on tunl0 and all: with 1, the unwrapped packet, whose source is reached through eth0 and not tunl0, would be dropped.',
      zh: '调度器 D 把客户端的每个报文封装进 IP-in-IP，从它自己的地址 10.0.0.2 发往真实服务器的地址。真实服务器在持有 VIP 的 tunl0 上解封装，并以 VIP 为源地址经路由器直接应答客户端。tunl0 和 all 上的 rp_filter 为 0：若为 1，解封装后的报文（其源地址经 eth0 而不是 tunl0 可达）会被丢弃。',
    },
    tags: ['lvs', 'ipvs', 'tun', 'rp_filter'],
    scenario: file(lvsTun),
  },
  {
    id: 'lvs-nat',
    title: { en: 'LVS-NAT: the destination rewritten, replies back through the director', zh: 'LVS-NAT：改写目的地址，应答经由调度器返回' },
    summary: {
      en: 'The real servers sit on a private network, 192.168.10.0/24, behind the director D, their default gateway. D rewrites each connection’s destination from the VIP to a real server’s address and forwards it (ip_forward=1); the reply comes back through D, which puts the VIP back as its source before it reaches the client. So every connection crosses D twice: client → router → D → real server → D → router → client.',
      zh: '真实服务器位于调度器 D 后面的私有网络 192.168.10.0/24 上，D 是它们的默认网关。D 把每个连接的目的地址从 VIP 改写为某台真实服务器的地址并转发（ip_forward=1）；应答经 D 返回，D 先把源地址改回 VIP 再交给客户端。因此每个连接都两次经过 D：客户端 → 路由器 → D → 真实服务器 → D → 路由器 → 客户端。',
    },
    tags: ['lvs', 'ipvs', 'nat', 'ip_forward'],
    scenario: file(lvsNat),
  },
  {
    id: 'lvs-arp-problem',
    title: { en: 'The ARP problem of LVS-DR, and its fix', zh: 'LVS-DR 的 ARP 问题及其解决' },
    summary: {
      en: 'The real servers hold the VIP on lo but keep the defaults arp_ignore=0 and arp_announce=0, so they answer the router’s request for the VIP too. The bridge floods to the port attached last first, RS2’s reply arrives first, and the router caches the VIP at RS2’s MAC: all four connections bypass the director and land on RS2. Then both real servers get arp_ignore=1 and arp_announce=2 and the router’s cache is flushed: it resolves the VIP again, only the director answers, and the next four connections are scheduled by D, two to each real server.',
      zh: '真实服务器把 VIP 配在 lo 上，但保留默认的 arp_ignore=0 和 arp_announce=0，因此它们也会应答路由器对 VIP 的请求。网桥先向最后接入的端口泛洪，RS2 的应答最先到达，路由器把 VIP 缓存为 RS2 的 MAC：四个连接全部绕过调度器，落在 RS2 上。随后两台真实服务器设置 arp_ignore=1 和 arp_announce=2，并清空路由器的缓存：路由器重新解析 VIP，只有调度器应答，接下来的四个连接由 D 调度，每台真实服务器各两个。',
    },
    tags: ['lvs', 'ipvs', 'dr', 'arp_ignore', 'arp_announce', 'vip'],
    scenario: file(lvsArpProblem),
  },
  {
    id: 'lvs-failover',
    title: { en: 'Director failover: the VIP moves, a gratuitous ARP announces it', zh: '调度器故障切换：VIP 迁移，免费 ARP 通告' },
    summary: {
      en: 'Two connections go through the active director D1. The VIP is then taken off D1 and put on the backup D2, which already has the same virtual service. The router still maps the VIP to D1’s MAC, so the next connection times out at D1. D2 announces the VIP with arping -U (a gratuitous ARP request): the router updates its existing entry to D2’s MAC (STALE), and the following connections are scheduled by D2.',
      zh: '前两个连接经过主调度器 D1。随后 VIP 从 D1 移除并配到备用调度器 D2 上，D2 已配置了相同的虚拟服务。路由器仍把 VIP 映射到 D1 的 MAC，因此下一个连接在 D1 处超时。D2 用 arping -U（免费 ARP 请求）通告 VIP：路由器把已有表项更新为 D2 的 MAC（STALE），之后的连接都由 D2 调度。',
    },
    tags: ['lvs', 'ipvs', 'failover', 'garp', 'arping'],
    scenario: file(lvsFailover),
  },
  {
    id: 'data-centre',
    title: { en: 'Data centre: a director and 1,000 real servers on 4 segments', zh: '数据中心：一台调度器和分布在 4 个网段上的 1,000 台真实服务器' },
    summary: {
      en: 'A generated LVS-DR data centre: the director D has a NIC on each of four segments, and 1,000 real servers hold the VIP on lo with the ARP fix (arp_ignore=1, arp_announce=2). D pings the last real server of each segment: its broadcast request is flooded to all 251 ports of that segment, every other server ignores it (not its address) and only the target answers. A topology this large is drawn on a canvas: zoom in to read names, then neighbour tables.',
      zh: '一个生成的 LVS-DR 数据中心：调度器 D 在四个网段上各有一块网卡，1,000 台真实服务器把 VIP 配在 lo 上，并设置了 ARP 修正（arp_ignore=1、arp_announce=2）。D 依次 ping 每个网段的最后一台真实服务器：它的广播请求被泛洪到该网段全部 251 个端口，其余服务器都忽略它（不是自己的地址），只有目标应答。这么大的拓扑画在画布上：放大后可以看到名称，再放大可以看到邻居表。',
    },
    tags: ['lvs', 'dr', 'arp_ignore', 'arp_announce', 'large'],
    generated: true,
    // Generated when first read (the gallery loads in the background; 1,001 hosts are not made until opened or shown).
    get scenario() {
      return (generated ??= dataCentre({ realServers: 1000, segments: 4 }));
    },
  },
];

let generated: ScenarioV1 | undefined;
