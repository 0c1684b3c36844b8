/**
 * The words of the LVS lessons and the LVS field cases (src/lessons/lvs.ts, field.ts), in
 * English and 简体中文. Merged into COURSE_TEXT (lessonCourse.ts); the same test checks them.
 */
import type { L, LessonText } from './lessonCourse.ts';

const TOPO: L = {
  en: 'Client C connects to the VIP 10.0.0.100:80 through router R. Director D has the VIP and an IPVS service for it (round robin) with real servers RS1 and RS2, which listen on port 80.',
  zh: '客户端 C 经路由器 R 连接 VIP 10.0.0.100:80。调度器 D 拥有 VIP，并为它配置了 IPVS 服务（轮询），真实服务器为 RS1 和 RS2，它们监听 80 端口。',
};
const both = (en: string, zh: string): L => ({ en: `${TOPO.en} ${en}`, zh: `${TOPO.zh}${zh}` });
const BALANCED: L = { en: 'RS1 and RS2 both serve connections scheduled by D', zh: 'RS1 和 RS2 都处理由 D 调度的连接' };
const NO_BYPASS: L = { en: 'No connection bypasses the director', zh: '没有连接绕过调度器' };

export const LVS_TEXT: Record<string, LessonText> = {
  'lvs-dr-arp': {
    title: { en: 'LVS-DR: the ARP problem and its fix', zh: 'LVS-DR：ARP 问题及其解决' },
    summary: {
      en: 'Real servers carry the VIP on lo. With the kernel’s defaults they answer ARP for it and announce it, and the router sends the clients past the director.',
      zh: '真实服务器在 lo 上配置 VIP。使用内核默认设置时，它们会为 VIP 应答 ARP 并宣告它，路由器于是把客户端的流量绕过调度器直接发出。',
    },
    steps: {
      'who-serves': {
        title: { en: 'Who serves the connections?', zh: '谁在处理连接？' },
        prose: both('In DR mode each real server has the VIP on lo (lo:0) and the kernel’s ARP defaults. R has no entry for the VIP yet.', '在 DR 模式下，每台真实服务器都在 lo（lo:0）上配置了 VIP，并使用内核默认的 ARP 设置。R 还没有 VIP 的表项。'),
        question: { en: 'Which host ends up handling the four connections? (Click it or choose.)', zh: '这四个连接最终由哪台主机处理？（在图上点击或选择）' },
        choices: { D: { en: 'D schedules them to RS1 and RS2', zh: 'D 把它们调度到 RS1 和 RS2' }, RS1: { en: 'RS1, directly', zh: '直接由 RS1 处理' }, RS2: { en: 'RS2, directly', zh: '直接由 RS2 处理' } },
        reveal: {
          en: 'RS2 serves all four, and the director never sees them. R’s request for the VIP was answered by D, RS1 and RS2 (arp_ignore=0: any local address, on any interface); RS2’s reply came first and locktime kept it. Every connection goes C → R → RS2 → R → C: the director is bypassed.',
          zh: '四个连接都由 RS2 处理，调度器从未见到它们。R 对 VIP 的请求得到了 D、RS1 和 RS2 的应答（arp_ignore=0：任何本机地址、任何接口都应答）；RS2 的应答最先到达，locktime 保留了它。每个连接都走 C → R → RS2 → R → C：调度器被绕过。',
        },
        task: { en: 'Fix the real servers so that every connection goes through D and is spread over both.', zh: '修正真实服务器，使每个连接都经过 D，并分配到两台服务器上。' },
        goals: { 'no-bypass': NO_BYPASS, balanced: BALANCED, 'router-d': { en: 'R has the VIP at D’s MAC', zh: 'R 中 VIP 对应 D 的 MAC' } },
        hints: [
          { en: 'Two things go wrong on a real server: it answers requests for the VIP, and it names the VIP in its own requests.', zh: '真实服务器上有两处问题：它为 VIP 应答请求，并在自己的请求中使用 VIP。' },
          { en: 'arp_ignore=1 answers only for addresses on the receiving interface; arp_announce=2 always asks with the interface’s own address.', zh: 'arp_ignore=1 只为接收接口上的地址应答；arp_announce=2 总是用接口自己的地址发起请求。' },
          { en: 'On RS1 and RS2: all.arp_ignore=1 and all.arp_announce=2.', zh: '在 RS1 和 RS2 上：all.arp_ignore=1 和 all.arp_announce=2。' },
        ],
      },
      announce: {
        title: { en: 'arp_ignore is not enough', zh: '只有 arp_ignore 还不够' },
        prose: both('This time RS1 and RS2 have all.arp_ignore=1: only D answers R’s request for the VIP.', '这一次 RS1 和 RS2 设置了 all.arp_ignore=1：只有 D 应答 R 对 VIP 的请求。'),
        question: { en: 'Do all four connections go through the director?', zh: '四个连接都会经过调度器吗？' },
        choices: { all: { en: 'Yes, all four', zh: '是，四个都经过' }, first: { en: 'Only the first', zh: '只有第一个' }, none: { en: 'None', zh: '一个都没有' } },
        reveal: {
          en: 'Only the first. To send its reply RS2 must resolve R (10.0.0.1); with arp_announce=0 its request says “tell 10.0.0.100”, the reply’s source. R is asked for its own address, so it takes the sender as told and points the VIP at RS2 — the next connections bypass D.',
          zh: '只有第一个。RS2 发送应答前必须解析 R（10.0.0.1）；arp_announce=0 时，它的请求写的是“tell 10.0.0.100”，即应答报文的源地址。R 被询问的是它自己的地址，于是照单全收，把 VIP 指向 RS2——之后的连接都绕过了 D。',
        },
        task: { en: 'Keep arp_ignore as it is and make every connection go through D.', zh: '保持 arp_ignore 不变，让每个连接都经过 D。' },
        goals: { 'no-bypass': NO_BYPASS, 'rs-asks-as-rip': { en: 'No request names the VIP as its sender', zh: '没有请求以 VIP 作为发送方地址' } },
        hints: [{ en: 'Which source address does a real server put in its own ARP requests?', zh: '真实服务器在自己的 ARP 请求中使用哪个源地址？' }, { en: 'all.arp_announce=2 on RS1 and RS2.', zh: '在 RS1 和 RS2 上设置 all.arp_announce=2。' }],
      },
    },
  },
  'lvs-tun': {
    title: { en: 'LVS-TUN: tunl0 and rp_filter', zh: 'LVS-TUN：tunl0 与 rp_filter' },
    summary: {
      en: 'The director wraps each connection in IP-in-IP to the real server; the real server needs tunl0 to unwrap it, and rp_filter must let the inner packet in.',
      zh: '调度器把每个连接封装成 IP-in-IP 发给真实服务器；真实服务器需要 tunl0 来解封装，而 rp_filter 必须放行内层报文。',
    },
    steps: {
      tunl0: {
        title: { en: 'The VIP on lo', zh: 'VIP 在 lo 上' },
        prose: both('In TUN mode D sends each connection as IP-in-IP from 10.0.0.2 to the real server. Here RS1 and RS2 have the VIP on lo, as in DR, and no tunl0.', '在 TUN 模式下，D 把每个连接封装成从 10.0.0.2 发往真实服务器的 IP-in-IP 报文。这里 RS1 和 RS2 像 DR 那样把 VIP 配在 lo 上，没有 tunl0。'),
        question: { en: 'What happens to the connections?', zh: '这些连接会怎样？' },
        choices: { served: { en: 'Served by RS1 and RS2', zh: '由 RS1 和 RS2 处理' }, bypassed: { en: 'They bypass the director', zh: '它们绕过调度器' }, timeout: { en: 'They time out', zh: '它们超时' } },
        reveal: {
          en: 'They time out. The outer packet is for the real server’s own address, but without the ipip module’s tunl0 the kernel has no handler for protocol 4 (IP-in-IP) and drops it.',
          zh: '它们超时。外层报文发往真实服务器自己的地址，但没有 ipip 模块的 tunl0，内核就没有协议 4（IP-in-IP）的处理程序，报文被丢弃。',
        },
        task: { en: 'Give RS1 and RS2 a tunl0 with the VIP so that they serve the connections.', zh: '给 RS1 和 RS2 添加带 VIP 的 tunl0，使它们能处理连接。' },
        goals: { balanced: BALANCED, decapsulated: { en: 'RS1 decapsulates an IP-in-IP packet', zh: 'RS1 解封装了一个 IP-in-IP 报文' } },
        hints: [{ en: 'The real server needs the tunnel device that `modprobe ipip` creates.', zh: '真实服务器需要 `modprobe ipip` 创建的隧道设备。' }, { en: 'Add an interface tunl0 with 10.0.0.100/32 on RS1 and on RS2.', zh: '在 RS1 和 RS2 上各添加接口 tunl0，地址 10.0.0.100/32。' }],
      },
      'rp-filter': {
        title: { en: 'rp_filter on tunl0', zh: 'tunl0 上的 rp_filter' },
        prose: both('Now RS1 and RS2 have tunl0 with the VIP, and all.rp_filter=1 (strict), as CentOS and RHEL ship.', '现在 RS1 和 RS2 有了带 VIP 的 tunl0，并且 all.rp_filter=1（严格模式），与 CentOS 和 RHEL 的默认一致。'),
        question: { en: 'Where is the connection dropped on RS1, if anywhere? (Click the interface or choose.)', zh: '连接在 RS1 的哪个接口被丢弃（如果有的话）？（点击接口或选择）' },
        choices: { 'RS1.eth0': { en: 'eth0', zh: 'eth0' }, 'RS1.tunl0': { en: 'tunl0', zh: 'tunl0' }, none: { en: 'Nowhere', zh: '没有被丢弃' } },
        reveal: {
          en: 'On tunl0. The inner packet (client 10.0.1.2 → VIP) enters through tunl0, but the route back to 10.0.1.2 leaves through eth0: strict rp_filter (max of all and tunl0) drops it.',
          zh: '在 tunl0 上。内层报文（客户端 10.0.1.2 → VIP）从 tunl0 进入，但回到 10.0.1.2 的路由从 eth0 出去：严格模式的 rp_filter（取 all 与 tunl0 的最大值）丢弃了它。',
        },
        task: { en: 'Let the real servers accept the tunnelled connections.', zh: '让真实服务器接受经隧道转来的连接。' },
        goals: { balanced: BALANCED, 'no-rp-drop': { en: 'rp_filter drops nothing', zh: 'rp_filter 没有丢弃任何报文' } },
        hints: [{ en: 'The value used is max(all, tunl0): both must allow it.', zh: '实际生效的值是 max(all, tunl0)：两者都必须放行。' }, { en: 'all.rp_filter=0 on RS1 and RS2 (tunl0’s own is 0 here).', zh: '在 RS1 和 RS2 上设置 all.rp_filter=0（这里 tunl0 自身的值是 0）。' }],
      },
    },
  },
  'lvs-nat': {
    title: { en: 'LVS-NAT: replies through the director', zh: 'LVS-NAT：应答经过调度器' },
    summary: {
      en: 'The director rewrites the VIP to a real server on its private network; the replies must come back through it to be rewritten back.',
      zh: '调度器把 VIP 改写为其私有网络中的真实服务器地址；应答必须经由它返回，才能被改写回来。',
    },
    steps: {
      'ip-forward': {
        title: { en: 'A director that does not forward', zh: '不转发的调度器' },
        prose: both('In NAT mode RS1 and RS2 sit on D’s private network 192.168.10.0/24 with D as their gateway. D has ip_forward=0.', '在 NAT 模式下，RS1 和 RS2 位于 D 的私有网络 192.168.10.0/24，以 D 为网关。D 的 ip_forward=0。'),
        question: { en: 'Which host drops the replies? (Click it or choose.)', zh: '哪台主机丢弃了应答？（在图上点击或选择）' },
        choices: { D: { en: 'D', zh: 'D' }, RS1: { en: 'RS1', zh: 'RS1' }, R: { en: 'R', zh: 'R' } },
        reveal: {
          en: 'D. Scheduling the request needs no forwarding (IPVS takes it at LOCAL_IN), but the real server’s reply to 10.0.1.2 must be routed through D before IPVS can rewrite its source back to the VIP — and with ip_forward=0 the route lookup fails.',
          zh: 'D。调度请求不需要转发（IPVS 在 LOCAL_IN 接手），但真实服务器发往 10.0.1.2 的应答必须经 D 路由转发，IPVS 才能把源地址改回 VIP——而 ip_forward=0 时路由查找失败。',
        },
        task: { en: 'Make the connections work.', zh: '让连接正常工作。' },
        goals: { balanced: BALANCED, snat: { en: 'D rewrites a reply’s source to the VIP', zh: 'D 把应答的源地址改写为 VIP' } },
        hints: [{ en: 'The replies are forwarded by D.', zh: '应答由 D 转发。' }, { en: 'net.ipv4.ip_forward=1 on D.', zh: '在 D 上设置 net.ipv4.ip_forward=1。' }],
      },
      gateway: {
        title: { en: 'A real server without a way back', zh: '没有回程路由的真实服务器' },
        prose: both('D forwards now, but RS1 has no default route: it knows only its own subnet.', '现在 D 会转发了，但 RS1 没有默认路由：它只知道自己所在的子网。'),
        question: { en: 'Which real server’s connection fails? (Click it or choose.)', zh: '哪台真实服务器的连接失败？（在图上点击或选择）' },
        choices: { RS1: { en: 'RS1’s', zh: 'RS1 的' }, RS2: { en: 'RS2’s', zh: 'RS2 的' }, none: { en: 'Neither', zh: '都不失败' } },
        reveal: {
          en: 'RS1’s. It receives the connection, but its answer to 10.0.1.2 finds no route (network unreachable), so the client times out. RS2 replies through D, which rewrites the source to the VIP.',
          zh: 'RS1 的。它收到了连接，但发往 10.0.1.2 的应答找不到路由（网络不可达），客户端因此超时。RS2 经 D 应答，D 把源地址改写为 VIP。',
        },
        task: { en: 'Give RS1 its way back through the director.', zh: '让 RS1 能经调度器返回。' },
        goals: { balanced: BALANCED },
        hints: [{ en: 'The replies must go through D, not around it.', zh: '应答必须经过 D，而不是绕开它。' }, { en: 'On RS1: a default route via 192.168.10.1.', zh: '在 RS1 上：添加经 192.168.10.1 的默认路由。' }],
      },
    },
  },
  failover: {
    title: { en: 'Director failover, announced', zh: '调度器故障切换与通告' },
    summary: {
      en: 'When the VIP moves to the standby director, the router still sends to the old one until the new one announces itself.',
      zh: 'VIP 转移到备用调度器后，路由器仍把流量发给旧调度器，直到新调度器宣告自己。',
    },
    steps: {
      'announce-takeover': {
        title: { en: 'The VIP moves', zh: 'VIP 转移' },
        prose: {
          en: 'D1 and D2 have the same IPVS service; D1 holds the VIP. C connects twice; then the VIP is removed from D1 and added on D2, and C connects again at once.',
          zh: 'D1 和 D2 配置了相同的 IPVS 服务；VIP 在 D1 上。C 连接两次；随后 VIP 从 D1 删除并添加到 D2，C 立刻再次连接。',
        },
        question: { en: 'Which director schedules the connection after the move? (Click it or choose.)', zh: '转移之后的连接由哪个调度器调度？（在图上点击或选择）' },
        choices: { D2: { en: 'D2', zh: 'D2' }, D1: { en: 'D1', zh: 'D1' }, none: { en: 'Neither: it times out', zh: '都不是：连接超时' } },
        reveal: {
          en: 'Neither. R’s entry for the VIP is still REACHABLE at D1’s MAC, so R sends to D1, which no longer has the VIP and does not forward: it drops the packet. Adding an address announces nothing (keepalived issue 893: no gratuitous ARP without a state change).',
          zh: '都不是。R 中 VIP 的表项仍以 D1 的 MAC 处于 REACHABLE，于是 R 把报文发给 D1，而 D1 已没有 VIP 且不转发：报文被丢弃。添加地址不会发送任何通告（keepalived issue 893：没有状态变化就没有免费 ARP）。',
        },
        task: { en: 'Make D2 take over at once, as keepalived does.', zh: '像 keepalived 那样，让 D2 立即接管。' },
        goals: {
          'router-d2': { en: 'R points the VIP at D2 at the end', zh: '最后 R 把 VIP 指向 D2' },
          'd2-serves': { en: 'The last connection is scheduled by D2', zh: '最后的连接由 D2 调度' },
        },
        hints: [{ en: 'The new owner has to announce the VIP.', zh: '新的拥有者必须宣告 VIP。' }, { en: 'Add “arping -U” for the VIP on D2 right after the address is added.', zh: '在添加地址之后立即在 D2 上为 VIP 执行“arping -U”。' }],
      },
    },
  },
  'field-lo-arp-ignore': {
    title: { en: 'Field case: arp_ignore on lo only', zh: '实际案例：只在 lo 上设置 arp_ignore' },
    summary: {
      en: 'A tutorial sets arp_ignore=1 and arp_announce=2 on lo only; the real servers keep answering for the VIP.',
      zh: '某教程只在 lo 上设置 arp_ignore=1 和 arp_announce=2；真实服务器仍在为 VIP 应答。',
    },
    source: 'https://github.com/iqiyi/dpvs/issues/312',
    steps: {
      'lo-only': {
        title: { en: 'The knob on the wrong interface', zh: '设置在了错误的接口上' },
        prose: both('RS1 and RS2 have net.ipv4.conf.lo.arp_ignore=1 and lo.arp_announce=2, as the tutorial says.', 'RS1 和 RS2 按教程设置了 net.ipv4.conf.lo.arp_ignore=1 和 lo.arp_announce=2。'),
        question: { en: 'Do the connections go through the director?', zh: '连接会经过调度器吗？' },
        choices: { D: { en: 'Yes, D schedules them', zh: '会，由 D 调度' }, bypass: { en: 'No, a real server takes them directly', zh: '不会，真实服务器直接接收' } },
        reveal: {
          en: 'No. arp_ignore is read on the interface the request arrives on — eth0 — as max(all, eth0). lo never receives ARP, so its value never matters: RS2 answers for the VIP and R sends every connection to it.',
          zh: '不会。arp_ignore 读取的是请求到达的接口（eth0）上的值，即 max(all, eth0)。lo 从不接收 ARP，它的值永远不起作用：RS2 为 VIP 应答，R 把所有连接都发给了它。',
        },
        task: { en: 'Fix the real servers so that every connection goes through D.', zh: '修正真实服务器，使每个连接都经过 D。' },
        goals: {
          'rs-quiet': { en: 'RS2’s eth0 ignores the request for the VIP', zh: 'RS2 的 eth0 忽略对 VIP 的请求' },
          'no-bypass': { en: 'No bypass; RS1 and RS2 both serve through D', zh: '没有绕过；RS1 和 RS2 都经 D 处理连接' },
        },
        hints: [{ en: 'Which interface does the request arrive on?', zh: '请求是从哪个接口进入的？' }, { en: 'Set all.arp_ignore=1 and all.arp_announce=2 on RS1 and RS2.', zh: '在 RS1 和 RS2 上设置 all.arp_ignore=1 和 all.arp_announce=2。' }],
      },
    },
  },
  'field-director-rp-filter': {
    title: { en: 'Field case: rp_filter on the director breaks DR', zh: '实际案例：调度器上的 rp_filter 破坏了 DR' },
    summary: {
      en: 'A DR director with two NICs is also the real servers’ gateway; the replies come back to it with the VIP as their source and are dropped.',
      zh: '有两块网卡的 DR 调度器同时是真实服务器的网关；应答以 VIP 为源地址回到它那里，被丢弃了。',
    },
    source: 'https://github.com/acassen/keepalived/issues/1827',
    steps: {
      'replies-dropped': {
        title: { en: 'The replies never leave the director', zh: '应答始终出不了调度器' },
        prose: {
          en: 'Client C (172.16.10.50) connects to the VIP 172.16.10.30:80 on D’s eth0. D forwards in DR mode to RS1 and RS2 on eth1 (192.168.20.0/24); their default route is D (192.168.20.1). D has ip_forward=1 and all.rp_filter=1, as CentOS ships.',
          zh: '客户端 C（172.16.10.50）连接 D 的 eth0 上的 VIP 172.16.10.30:80。D 以 DR 模式转发给 eth1（192.168.20.0/24）上的 RS1 和 RS2；它们的默认路由指向 D（192.168.20.1）。D 设置了 ip_forward=1 和 all.rp_filter=1（CentOS 默认）。',
        },
        question: { en: 'Where are the replies dropped? (Click the interface or choose.)', zh: '应答在哪里被丢弃？（点击接口或选择）' },
        choices: { 'D.eth1': { en: 'D’s eth1', zh: 'D 的 eth1' }, 'D.eth0': { en: 'D’s eth0', zh: 'D 的 eth0' }, 'RS1.eth0': { en: 'RS1’s eth0', zh: 'RS1 的 eth0' } },
        reveal: {
          en: 'On D’s eth1. A reply’s source is the VIP, an address of D itself: fib_validate_source calls that a martian unless accept_local is set on eth1. With accept_local=1, strict rp_filter still drops it, because the way back to the VIP is through eth0.',
          zh: '在 D 的 eth1 上。应答的源地址是 VIP，即 D 自己的地址：除非 eth1 上设置了 accept_local，fib_validate_source 会把它视为火星地址。即使 accept_local=1，严格模式的 rp_filter 仍会丢弃它，因为回到 VIP 的路径经过 eth0。',
        },
        task: { en: 'Let D forward the replies, as the reporter finally did.', zh: '像报告者最终做的那样，让 D 转发这些应答。' },
        goals: { served: BALANCED, forwarded: { en: 'D forwards a reply from eth1 to C through eth0', zh: 'D 把来自 eth1 的应答经 eth0 转发给 C' } },
        hints: [
          { en: 'Two checks of fib_validate_source: a local source address, then the reverse path.', zh: 'fib_validate_source 有两项检查：源地址是否为本机地址，然后是反向路径。' },
          { en: 'One setting alone is not enough: try each and read the Why panel.', zh: '只改一项不够：分别试试，并查看“为什么”面板。' },
          { en: 'On D: all.rp_filter=0 and eth1.accept_local=1.', zh: '在 D 上：all.rp_filter=0 和 eth1.accept_local=1。' },
        ],
      },
    },
  },
  'field-ifup-announce': {
    title: { en: 'Field case: bringing a VIP up announces it', zh: '实际案例：启用 VIP 时会宣告它' },
    summary: {
      en: 'A real server’s network scripts announce every address they bring up with arping — the VIP included — and arp_ignore cannot stop it.',
      zh: '真实服务器的网络脚本会用 arping 宣告它启用的每个地址（包括 VIP），arp_ignore 无法阻止。',
    },
    source: 'https://github.com/fedora-sysv/initscripts/pull/104',
    steps: {
      'vip-up': {
        title: { en: 'RS2 comes up', zh: 'RS2 启动' },
        prose: both('Both real servers have arp_ignore=1 and arp_announce=2. RS2’s VIP is configured later: its network scripts add it on lo and, with ARPUPDATE=yes (the default), announce it with “arping -U” on eth0. Then C connects four times.', '两台真实服务器都设置了 arp_ignore=1 和 arp_announce=2。RS2 的 VIP 稍后才配置：网络脚本把它添加到 lo 上，并在 ARPUPDATE=yes（默认）时在 eth0 上用“arping -U”宣告它。随后 C 连接四次。'),
        question: { en: 'Who handles the last four connections? (Click it or choose.)', zh: '最后四个连接由谁处理？（在图上点击或选择）' },
        choices: { D: { en: 'D schedules them', zh: '由 D 调度' }, RS2: { en: 'RS2, directly', zh: '直接由 RS2 处理' } },
        reveal: {
          en: 'RS2. The announcement is a gratuitous ARP: R already has an entry for the VIP, and a gratuitous ARP overrides an existing entry whatever arp_accept and locktime say. arping writes the frame itself on a packet socket, so RS2’s arp_ignore and arp_announce never see it.',
          zh: 'RS2。这个宣告是免费 ARP：R 已有 VIP 的表项，而免费 ARP 会覆盖已有表项，与 arp_accept 和 locktime 无关。arping 通过 packet socket 自行发送帧，RS2 的 arp_ignore 和 arp_announce 根本管不到它。',
        },
        task: { en: 'Bring RS2’s VIP up without stealing it from the director (initscripts added ARPUPDATE=no for this).', zh: '启用 RS2 的 VIP，但不要把它从调度器那里抢走（initscripts 为此加入了 ARPUPDATE=no）。' },
        goals: { 'router-d': { en: 'R has the VIP at D’s MAC at the end', zh: '最后 R 中 VIP 对应 D 的 MAC' }, 'no-bypass': { en: 'No bypass; RS1 and RS2 both serve through D at the end', zh: '没有绕过；最后 RS1 和 RS2 都经 D 处理连接' } },
        hints: [{ en: 'The sysctls are right and locked: the problem is a command.', zh: 'sysctl 设置是正确的且已锁定：问题出在一条命令上。' }, { en: 'Delete RS2’s “arping -U” (ARPUPDATE=no).', zh: '删除 RS2 的“arping -U”（ARPUPDATE=no）。' }],
      },
    },
  },
  'field-kube-vip-garp': {
    title: { en: 'Field case: request-form versus reply-form gratuitous ARP', zh: '实际案例：请求式与应答式免费 ARP' },
    summary: {
      en: 'kube-vip announced a moved VIP with an ARP reply whose target hardware address was broadcast. Linux does not count that as a gratuitous ARP, and a fresh cache entry keeps the old node.',
      zh: 'kube-vip 用一个目标硬件地址为广播地址的 ARP 应答来宣告迁移后的 VIP。Linux 不把它算作免费 ARP，刚更新过的缓存表项会继续指向旧节点。',
    },
    source: 'https://github.com/kube-vip/kube-vip/pull/82',
    steps: {
      'reply-form': {
        title: { en: 'The announcement C does not take', zh: 'C 不接受的宣告' },
        prose: {
          en: 'N1 and N2 run kube-vip for the control-plane VIP 192.168.100.100; C talks to it. C pings the VIP (N1 has it), then N1 gives it up and N2 takes it and announces it as kube-vip 0.1.8 did: an ARP reply, sender and target 192.168.100.100, sender MAC N2’s, target MAC ff:ff:ff:ff:ff:ff (kube-vip also wrote target 255.255.255.255, which packit cannot; either mismatch alone has the same effect). packit writes that frame here. Then C pings the VIP again.',
          zh: 'N1 和 N2 运行 kube-vip，管理控制平面 VIP 192.168.100.100；C 访问它。C 先 ping VIP（在 N1 上），随后 N1 放弃 VIP，N2 接管并像 kube-vip 0.1.8 那样宣告：一个 ARP 应答，发送方和目标地址都是 192.168.100.100，发送方 MAC 是 N2 的，目标 MAC 是 ff:ff:ff:ff:ff:ff（kube-vip 还把目标地址写成 255.255.255.255，packit 写不出来；两处不符中任何一处单独出现，效果都一样）。这里由 packit 写出这个帧。然后 C 再次 ping VIP。',
        },
        question: { en: 'What does C do with N2’s announcement?', zh: 'C 如何处理 N2 的宣告？' },
        choices: {
          update: { en: 'It updates its entry for the VIP to N2’s MAC', zh: '把 VIP 的表项更新为 N2 的 MAC' },
          ignore: { en: 'It keeps N1’s MAC', zh: '保留 N1 的 MAC' },
        },
        reveal: {
          en: 'C keeps N1. arp_is_garp counts a reply as gratuitous only when its target hardware address equals the sender’s; this one is broadcast. So it is an ordinary unsolicited reply, and arp_process lets it override an entry only when the entry has not changed for locktime (1 s): C’s entry was confirmed by N1 a moment ago. The second ping goes to N1, which no longer has the VIP, and fails. kube-vip repeated its announcement every 3 s, so a later one got in, after a failed second or more.',
          zh: 'C 保留 N1。arp_is_garp 只有在应答的目标硬件地址等于发送方硬件地址时才把它算作免费 ARP；这里的是广播地址。所以它只是一个普通的主动应答，arp_process 只在表项已有 locktime（1 秒）未变时才允许它覆盖：C 的表项刚刚被 N1 确认过。第二次 ping 发往已经没有 VIP 的 N1，失败了。kube-vip 每 3 秒重发一次宣告，之后的某一次才会生效，中间至少断了一秒多。',
        },
        task: { en: 'Change N2’s announcement so that C takes it at once, as a gratuitous ARP.', zh: '修改 N2 的宣告，让 C 立即把它当作免费 ARP 接受。' },
        goals: {
          gratuitous: { en: 'C updates its entry for the VIP from a gratuitous ARP', zh: 'C 根据免费 ARP 更新 VIP 的表项' },
          'entry-n2': { en: 'C has the VIP at N2’s MAC at the end', zh: '最后 C 中 VIP 对应 N2 的 MAC' },
          reaches: { en: 'C’s last ping gets a reply', zh: 'C 的最后一次 ping 得到应答' },
        },
        hints: [
          { en: 'Open the announcement’s Why: which field makes the reply not gratuitous?', zh: '打开这次宣告的“为什么”：哪个字段使这个应答不算免费 ARP？' },
          { en: 'RFC 5944 §4.6: in a reply, the target hardware address is the sender’s too (arping -A does this). A request (arping -U) counts whatever its target MAC.', zh: 'RFC 5944 §4.6：在应答中，目标硬件地址也写发送方的地址（arping -A 就是这样）。请求（arping -U）无论目标 MAC 是什么都算。' },
          { en: 'Edit the announcement (✎) into “arping -U -I eth0 -c 1 192.168.100.100” on N2, or delete it and type the packit line again in N2’s console, after step 3, with -Y 02:00:00:00:0e:02.', zh: '把这条宣告（✎）改成 N2 上的“arping -U -I eth0 -c 1 192.168.100.100”；或者删除它，在第 3 步之后于 N2 的终端里重新输入 packit 命令，并加上 -Y 02:00:00:00:0e:02。' },
        ],
      },
      'own-mac': {
        title: { en: 'The right fields, the wrong destination', zh: '字段对了，目的地址错了' },
        prose: {
          en: 'PR 82 wrote the reply as RFC 5944 says: target MAC = sender MAC = N2’s. But kube-vip’s send path used the target MAC of a reply as the Ethernet destination too, so the frame went to 02:00:00:00:0e:02 — N2 itself. The maintainer tested it: “This change results in no arp updates in my network.”',
          zh: 'PR 82 按 RFC 5944 写出了应答：目标 MAC = 发送方 MAC = N2 的地址。但 kube-vip 的发送代码把应答的目标 MAC 也用作以太网目的地址，于是这个帧发往 02:00:00:00:0e:02，也就是 N2 自己。维护者测试后说：“这个修改使我的网络里没有任何 ARP 更新。”',
        },
        question: { en: 'What happens to C’s entry for the VIP?', zh: 'C 中 VIP 的表项会怎样？' },
        choices: {
          updated: { en: 'It moves to N2: the frame is gratuitous now', zh: '变为 N2：这个帧现在是免费 ARP 了' },
          unseen: { en: 'It stays at N1: C never receives the frame', zh: '仍是 N1：C 根本收不到这个帧' },
          locktime: { en: 'It stays at N1: locktime again', zh: '仍是 N1：又是 locktime' },
        },
        reveal: {
          en: 'C never receives it. The bridge has just learned 02:00:00:00:0e:02 on N2’s own port, and a frame addressed to the port it came in by is not forwarded anywhere; N2’s kernel does not see frames its packet socket sends. The ARP fields were right, the Ethernet header was not. kube-vip merged the other fix (PR 81): always broadcast, alternating the request form and the reply form.',
          zh: 'C 根本收不到。网桥刚刚在 N2 自己的端口上学到了 02:00:00:00:0e:02，目的地址指向帧进入的那个端口，网桥不会把它转发到任何地方；N2 的内核也看不到自己的 packet socket 发出的帧。ARP 字段是对的，以太网头却错了。kube-vip 最终合并的是另一个修复（PR 81）：始终广播，并交替发送请求式和应答式。',
        },
        task: { en: 'Make the announcement reach C and be taken as a gratuitous ARP.', zh: '让宣告到达 C，并被当作免费 ARP 接受。' },
        goals: {
          gratuitous: { en: 'C updates its entry for the VIP from a gratuitous ARP', zh: 'C 根据免费 ARP 更新 VIP 的表项' },
          'entry-n2': { en: 'C has the VIP at N2’s MAC at the end', zh: '最后 C 中 VIP 对应 N2 的 MAC' },
          reaches: { en: 'C’s last ping gets a reply', zh: 'C 的最后一次 ping 得到应答' },
        },
        hints: [
          { en: 'Look at the frame’s Ethernet destination, and at where the bridge delivered it.', zh: '看看这个帧的以太网目的地址，以及网桥把它交付到了哪里。' },
          { en: 'Without -E packit sends to ff:ff:ff:ff:ff:ff: delete the line and type it again without -E in N2’s console, after step 3, or edit it (✎) into “arping -A -I eth0 -c 1 192.168.100.100”.', zh: '不加 -E 时 packit 发往 ff:ff:ff:ff:ff:ff：删除这条命令，在第 3 步之后于 N2 的终端里不带 -E 重新输入；或者把它（✎）改成“arping -A -I eth0 -c 1 192.168.100.100”。' },
        ],
      },
    },
  },
};
