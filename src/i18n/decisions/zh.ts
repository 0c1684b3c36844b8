/** 判定说明的中文模板（结构与 decisions/en.ts 相同，由 src/i18n/decision.ts 填充）。 */
import type { decisionsEn } from './en.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const decisionsZh: Widen<typeof decisionsEn> = {
  rule: {
    arp_rcv_noarp: { drop: { '*': '{{host}}.{{dev}} 设置了 NOARP：不处理 ARP' } },
    arp_rcv_otherhost: { drop: { '*': '{{host}}.{{dev}} 丢弃该帧：它的目的 MAC 是 {{dst}}，不是 {{dev}} 的 MAC {{mac}}' } },
    arp_rcv_down: { drop: { '*': '{{host}}.{{dev}} 已关闭：帧没有发出' } },
    arp_process_opcode: { drop: { '*': '{{host}}.{{dev}} 丢弃操作码为 {{op}} 的 ARP：只处理请求和应答' } },
    arp_process_bad_tip: {
      drop: {
        multicast_or_loopback: '{{host}}.{{dev}} 丢弃目标为 {{tip}} 的 ARP：组播或环回地址',
        gratuitous: '{{host}}.{{dev}} 丢弃 {{ip}} 的免费 ARP：{{set.drop_gratuitous_arp}}',
      },
    },
    arp_process_dad: {
      reply: { '*': '{{host}}.{{dev}} 应答对 {{tip}} 的重复地址检测探测：{{set.arp_ignore}}，{{why}}；应答发往探测者的 MAC，目标地址为 0.0.0.0，不创建缓存表项' },
      ignore: {
        '*': '{{host}}.{{dev}} 不应答对 {{tip}} 的重复地址检测探测：{{set.arp_ignore}}；{{why}}',
        not_local: '{{host}}.{{dev}} 看到对 {{tip}} 的重复地址检测探测，但这不是本机地址：无需处理',
        reply_from_zero: '{{host}}.{{dev}} 忽略发送方为 0.0.0.0 的 ARP 应答',
      },
    },
    arp_process_route: {
      drop: { '*': '{{host}}.{{dev}} 不应答对 {{tip}} 的请求：{{why}}' },
      ignore: { '*': '{{host}}.{{dev}} 不应答对 {{tip}} 的请求（{{why}}）；{{also}}' },
    },
    rp_filter: { drop: { '*': '{{host}}.{{dev}} 不应答对 {{tip}} 的请求：{{set.rp_filter}}；{{why}}' } },
    arp_ignore: { ignore: { '*': '{{host}}.{{dev}} 不应答对 {{tip}} 的请求：{{set.arp_ignore}}；{{why}}。不应答，也不更新缓存' } },
    arp_filter: { ignore: { '*': '{{host}}.{{dev}} 不应答 {{tip}}：{{set.arp_filter}}；{{why}}。不应答，也不更新缓存' } },
    arp_reply: { reply: { '*': '{{host}}.{{dev}} 应答“{{tip}} is-at {{mac}}”：{{why}}；{{set.rp_filter}} 检查通过（{{also}}）；{{set.arp_ignore}} 允许应答。应答从 {{dev}} 发出，带 {{dev}} 的 MAC' } },
    proxy_arp: {
      reply: { '*': '{{host}}.{{dev}} 代理应答 {{tip}}：{{set.proxy_arp}}，已开启转发，到 {{tip}} 的路由从 {{out}} 出去；应答带 {{dev}} 的 MAC' },
      info: { '*': '{{host}}.{{dev}} 将在随机延迟 {{delay}} 毫秒后代理应答 {{tip}}（最多 {{set.proxy_delay}}，单位为百分之一秒）：{{set.proxy_arp}}，到 {{tip}} 的路由从 {{out}} 出去' },
      ignore: {
        proxy_off: '{{host}}.{{dev}} 不应答 {{tip}}：不是本机地址，且 {{set.proxy_arp}}',
        same_dev: '{{host}}.{{dev}} 不代理应答 {{tip}}：到 {{tip}} 的路由从 {{dev}} 出去，正是请求进来的接口',
        same_medium: '{{host}}.{{dev}} 不代理应答 {{tip}}：{{out}} 在同一介质上（{{set.medium_id}}）',
      },
    },
    arp_learn: {
      ignore: { '*': '{{host}}.{{dev}}：{{why}}' },
      update: {
        learned: '{{host}}.{{dev}} 更新 {{sip}} → {{mac}}，状态 {{state}}',
        gratuitous: '{{host}}.{{dev}} 更新 {{sip}} → {{mac}}，状态 {{state}}（免费 ARP 立即覆盖）',
      },
    },
    arp_accept: {
      create: {
        gratuitous: '{{host}}.{{dev}} 为 {{sip}} 创建表项：{{set.arp_accept}} 接受免费 ARP',
        unsolicited_reply: '{{host}}.{{dev}} 为 {{sip}} 创建表项：{{set.arp_accept}} 接受未经请求的应答',
      },
    },
    neigh_locktime: {
      ignore: {
        locktime: '{{host}}.{{dev}} 保留 {{sip}} → {{old}}：该表项在 locktime 内刚更新过（{{set.locktime}}，单位为百分之一秒），忽略不同的 MAC {{mac}}（先到的应答获胜）',
        reply_not_garp: '{{host}}.{{dev}} 保留 {{sip}} → {{old}}：这个应答的发送方和目标地址都是 {{sip}}，但目标 MAC {{tha}} 不等于发送方 MAC {{mac}}，所以它不是免费 ARP（arp_is_garp），不能覆盖在 locktime 内刚更新过的表项（{{set.locktime}}，单位为百分之一秒）',
      },
    },
    neigh_static: { ignore: { '*': '{{host}}.{{dev}} 保留对 {{sip}} 的 {{state}} 表项：ARP 从不修改静态表项' } },
    arp_announce: {
      choose: { '*': '{{host}}.{{dev}} 询问 who-has {{ip}} tell {{sip}}：{{set.arp_announce}}；{{why}}' },
      info: {
        notify_mac: '{{host}}.{{dev}} 的 MAC 改为 {{mac}}：{{set.arp_notify}}，因此为每个地址发送免费 ARP',
        notify_up: '{{host}}.{{dev}} 启用：{{set.arp_notify}}，因此在 NETDEV_UP 时为每个地址发送免费 ARP；网桥尚未看到链路启用（链路监视稍后才运行），所以丢弃它们',
      },
    },
    ip_rcv_otherhost: { drop: { '*': '{{host}}.{{dev}} 丢弃数据包：目的 MAC 是其他主机的（{{dst}}）' } },
    ip_input_rp_filter: { drop: { '*': '{{host}}.{{dev}} 丢弃来自 {{sip}} 的数据包：{{set.rp_filter}}；{{why}}' } },
    ip_input_local: { accept: { '*': '{{host}} 接受发往 {{dst}} 的回显请求，并从 {{dst}} 应答' } },
    ip_input_forward: {
      drop: { '*': '{{host}} 丢弃发往 {{dst}} 的数据包：TTL 耗尽' },
      forward: { '*': '{{host}} 把发往 {{dst}} 的数据包从 {{out}} 转发出去（{{set.forwarding}}）' },
    },
    ip_forward_redirect: {
      info: { '*': '{{host}} 把发往 {{dst}} 的数据包从它进来的 {{dev}} 转发出去：它通知 {{src}} 改用 {{gw}}（ICMP 重定向；{{set.send_redirects}}）' },
    },
    icmp_redirect: {
      accept: {
        redirect_resolve: '{{host}} 接受来自 {{src}} 的重定向：先解析 {{gw}}，到 {{dst}} 的路由暂不改变',
        redirect_exception: '{{host}} 接受来自 {{src}} 的重定向：发往 {{dst}} 的数据包改发给 {{gw}}（下一跳例外）',
      },
      ignore: {
        redirect_rx_off: '{{host}} 忽略来自 {{src}} 的重定向（{{dst}} 改走 {{gw}}）：accept_redirects 关闭',
        redirect_bad_gw: '{{host}} 忽略来自 {{src}} 的重定向：{{gw}} 不能作网关',
        redirect_not_onlink: '{{host}} 忽略来自 {{src}} 的重定向：{{gw}} 不在本链路上',
        redirect_secure: '{{host}} 忽略来自 {{src}} 的重定向：secure_redirects 开启，而 {{gw}} 不是默认网关',
        redirect_local_gw: '{{host}} 忽略来自 {{src}} 的重定向：{{gw}} 是本机自己的地址',
      },
    },
    ip_input_no_route: { drop: { '*': '{{host}}.{{dev}} 丢弃发往 {{dst}} 的数据包：{{why}}' } },
    ip_output_no_route: {
      drop: {
        net_unreachable: '{{host}} 无法发送到 {{dst}}：网络不可达（没有路由）',
        bad_source: '{{host}} 无法发送到 {{dst}}：源地址不可用（不是本机地址，或不是单播地址）',
        route_type_to: '{{host}} 无法发送到 {{dst}}：路由类型为 {{type}}',
      },
    },
    neigh_failed: {
      drop: {
        local_sender: '{{host}}.{{dev}} 无法解析 {{ip}}：等待发往 {{dst}} 的数据包被丢弃，发送方收到“Destination Host Unreachable”',
        remote_sender: '{{host}}.{{dev}} 无法解析 {{ip}}：等待发往 {{dst}} 的数据包被丢弃；{{host}} 向 {{src}} 发送 ICMP 主机不可达',
        error_packet: '{{host}}.{{dev}} 无法解析 {{ip}}：等待发往 {{dst}} 的 ICMP 差错报文被丢弃',
      },
    },
    ping_reply: {
      drop: {
        bound_dev_reply: '{{host}} 上的 ping 套接字绑定在 {{bound}}（ping -I {{bound}}），因此从 {{dev}} 到达的回显应答到不了它',
        bound_dev_error: '{{host}} 上的 ping 套接字绑定在 {{bound}}（ping -I {{bound}}），因此从 {{dev}} 到达的差错报文到不了它',
      },
    },
    ipip_rcv: {
      accept: { decap: '{{host}} 解封来自 {{src}} 的 IP-in-IP 数据包，在 tunl0 上接收内层数据包 {{inner_src}} → {{inner_dst}}，tunl0 自己的检查（包括 rp_filter）随之生效' },
      drop: {
        no_tunl0: '{{host}}.{{dev}} 丢弃来自 {{src}} 的 IP-in-IP 数据包：没有 tunl0（未加载 ipip 模块）',
        tunl0_down: '{{host}}.{{dev}} 丢弃来自 {{src}} 的 IP-in-IP 数据包：tunl0 已关闭',
      },
    },
    tcp_rcv: {
      accept: { listener: '{{host}} 接受从 {{from}} 到 {{to}} 的连接：有套接字在端口 {{port}} 上监听；它从 {{src}} 应答' },
      reply: {
        no_listener: '{{host}} 以 RST 应答从 {{from}} 到 {{to}} 的 SYN：端口 {{port}} 上没有监听',
        no_socket: '{{host}} 以 RST 应答从 {{from}} 到 {{to}} 的 [{{flags}}] 报文段：{{host}} 没有与之匹配的连接',
      },
    },
    udp_rcv: {
      accept: { listener: '{{host}} 在 {{to}} 上收到来自 {{from}} 的数据报，并从 {{src}} 应答' },
      reply: { no_listener: '{{host}} 以 ICMP 端口不可达应答从 {{from}} 到 {{to}} 的数据报：端口 {{port}} 上没有监听' },
    },
    ip_vs_schedule: {
      choose: {
        rr: '{{host}} 上的 IPVS：rr 把 {{client}} → {{vip}} 发往 {{rs}}，即上次选中之后下一个有权重的真实服务器（权重 {{weights}}）',
        wrr: '{{host}} 上的 IPVS：wrr 把 {{client}} → {{vip}} 发往 {{rs}}，即下一个权重达到当前权重 {{cw}} 的真实服务器（权重 {{weights}}）',
        lc: '{{host}} 上的 IPVS：lc 把 {{client}} → {{vip}} 发往 {{rs}}，连接最少：活动×256 + 非活动 = {{overhead}}（活动/非活动 {{conns}}）',
        wlc: '{{host}} 上的 IPVS：wlc 把 {{client}} → {{vip}} 发往 {{rs}}，(活动×256 + 非活动) / 权重 最低：{{overhead}} 除以其权重（权重 {{weights}}；活动/非活动 {{conns}}）',
        sed: '{{host}} 上的 IPVS：sed 把 {{client}} → {{vip}} 发往 {{rs}}，(活动 + 1) / 权重 最低：{{overhead}} 除以其权重（权重 {{weights}}；活动/非活动 {{conns}}）',
        nq: '{{host}} 上的 IPVS：nq 把 {{client}} → {{vip}} 发往 {{rs}}：有没有活动连接的真实服务器就选它，否则选 (活动 + 1) / 权重 最低的；这里 活动 + 1 = {{overhead}}（权重 {{weights}}；活动/非活动 {{conns}}）',
        sh: '{{host}} 上的 IPVS：sh 把 {{client}} → {{vip}} 发往 {{rs}}：客户端地址散列到 256 个桶中的第 {{bucket}} 个，它对应 {{rs}}（权重 {{weights}}）',
        dh: '{{host}} 上的 IPVS：dh 把 {{client}} → {{vip}} 发往 {{rs}}：目的地址散列到 256 个桶中的第 {{bucket}} 个，它对应 {{rs}}',
        mh: '{{host}} 上的 IPVS：mh（Maglev 散列）把 {{client}} → {{vip}} 发往 {{rs}}：客户端地址散列到 4093 个槽中的第 {{bucket}} 个，各真实服务器按权重比例以各自的排列填充了这些槽（权重 {{weights}}）',
        persistent: '{{host}} 上的 IPVS：{{client}} → {{vip}} 再次发往 {{rs}}：{{template}} 的持久模板（-p {{persistent}}）仍指向它',
      },
      drop: { no_dest: '{{host}} 上的 IPVS：{{scheduler}} 为 {{vip}} 找不到可用的真实服务器（权重 {{weights}}），客户端收到 ICMP 端口不可达' },
    },
    ip_vs_conn: {
      create: {
        dr: '{{host}} 上的 IPVS 建立连接 {{conn}}（DR：数据包不变，发往真实服务器的 MAC）',
        tun: '{{host}} 上的 IPVS 建立连接 {{conn}}（TUN：数据包封装在 IP-in-IP 中发出）',
        nat: '{{host}} 上的 IPVS 建立连接 {{conn}}（NAT：改写目的地址，应答必须经 {{host}} 返回）',
      },
    },
    ip_vs_state: {
      update: {
        input: '{{host}} 上的 IPVS：连接 {{conn}} 因客户端的 [{{flags}}] 报文段从 {{state_from}} 变为 {{state_to}}；无流量 {{timeout}} 秒后过期',
        output: '{{host}} 上的 IPVS：连接 {{conn}} 因真实服务器的 [{{flags}}] 报文段从 {{state_from}} 变为 {{state_to}}；无流量 {{timeout}} 秒后过期',
        'input-only': '{{host}} 上的 IPVS：连接 {{conn}} 因客户端的 [{{flags}}] 报文段从 {{state_from}} 变为 {{state_to}}（应答不经过调度器，使用 input-only 表）；无流量 {{timeout}} 秒后过期',
        udp: '{{host}} 上的 IPVS：连接 {{conn}} 承载数据报；无流量 {{timeout}} 秒后过期',
      },
    },
    ip_vs_xmit: {
      forward: {
        dr: '{{host}} 上的 IPVS 把数据包原样（目的仍为 {{dst}}）从 {{out}} 发往真实服务器 {{rs}} 的 MAC（DR：{{rs}} 的邻居表项）',
        tun: '{{host}} 上的 IPVS 把数据包封装进从 {{src}} 到真实服务器 {{rs}} 的 IP-in-IP（TUN），经 {{nexthop}} 从 {{out}} 发出',
        nat: '{{host}} 上的 IPVS 把目的地址 {{vip}} 改写为 {{to}}（NAT），经 {{nexthop}} 从 {{out}} 发出',
      },
      deliver: { local_node: '{{host}} 上的 IPVS：真实服务器 {{rs}} 就是本机，数据包交给本地协议栈' },
      drop: {
        no_route: '{{host}} 上的 IPVS 无法到达真实服务器 {{rs}}：没有路由',
        ttl: '{{host}} 上的 IPVS 丢弃发往真实服务器 {{rs}} 的数据包：TTL 耗尽',
      },
    },
    ip_vs_out: { update: { snat: '{{host}} 上的 IPVS 把真实服务器应答的源地址改回虚拟地址（NAT）：源 {{from}} 变为 {{to}}' } },
    ip_vs_expire: {
      info: {
        conn: '{{host}} 上的 IPVS：连接 {{conn}} 过期（{{state}}，{{timeout}} 秒无流量）',
        template: '{{host}} 上的 IPVS：持久模板 {{conn}} 过期（最后一个连接结束 {{timeout}} 秒后）',
      },
    },
  },
  reason: {
    any_local: '{{tip}} 是本机地址（在任何接口上都算，弱主机模型）',
    on_dev: '{{tip}} 配置在 {{dev}} 上',
    not_on_dev: '{{tip}} 没有配置在 {{dev}} 上',
    shared_subnet: '{{tip}} 在 {{dev}} 上，且那里有同时包含 {{tip}} 和 {{sip}} 的子网',
    no_shared_subnet: '{{dev}} 上没有同时包含 {{tip}} 和发送方 {{sip}} 的子网',
    not_scope_host: '{{tip}} 的作用域不是 host',
    scope_host: '{{tip}} 的作用域是 host',
    never: '模式 8 从不应答',
    reserved: '模式 {{arp_ignore}} 是保留值，按 0 处理（应答）',
    unknown_mode: '模式 {{arp_ignore}} 不是 0–8 中的任何模式（内核接受任何整数），按 0 处理（应答）',
    no_check: '不做反向路径检查',
    accept_local: '已开启 accept_local',
    martian_local: '发送方 {{sip}} 是本机自己的地址（火星源地址；Linux 既不应答也不防御该地址）',
    no_route: '没有回到 {{sip}} 的路由',
    no_route_ok: '没有回到 {{sip}} 的路由，但 rp_filter 关闭',
    route_type: '回到 {{sip}} 的路由不是单播路由',
    dev_match: '回到 {{sip}} 的最佳路由从 {{dev}} 出去',
    no_addr: '{{dev}} 没有 IPv4 地址，因此检查退化为拒绝（回到 {{sip}} 的路由从 {{via}} 出去）',
    no_addr_ok: 'rp_filter 关闭',
    strict_other_dev: '回到 {{sip}} 的最佳路由从 {{via}} 出去，而不是 {{dev}}',
    loose_ok: '宽松模式：存在回到 {{sip}} 的路由（经 {{via}}）',
    rp_off: 'rp_filter 关闭',
    route_other_dev: '到 {{sip}} 的路由从 {{via}} 出去，而不是 {{dev}}',
    martian_source: '火星源地址 {{sip}}',
    broadcast_target: '广播目标不予应答',
    martian_dest: '火星目的地址 {{dst}}',
    loopback_dest: '火星目的地址 {{dst}}（环回）',
    loopback_source: '火星源地址 {{sip}}（环回）',
    broadcast_dest: '广播目的地址',
    route_type_to: '到 {{dst}} 的路由类型为 {{type}}',
    same_dev: '到 {{dst}} 的路由从 {{dev}} 出去，正是请求进来的接口',
    no_route_to: '没有到 {{dst}} 的路由',
    not_local_no_forward: '{{dst}} 不是本机地址，且 {{dev}} 不转发',
    broadcast: '广播',
    request_never_creates: '不为 {{sip}} 创建表项：未被应答的请求从不创建表项',
    accept_off: '不为 {{sip}} 创建表项：{{set.arp_accept}} 不接受',
    has_entry: '它已有 {{sip}} 的表项（下一条判定说明如何处理）',
    no_packet: '没有等待发送的数据包（重新探测），因此选择地址',
    src_onlink: '等待发送的数据包的源地址 {{src}} 位于 {{dev}} 上一个同时包含 {{ip}} 的子网中',
    src_not_onlink: '等待发送的数据包的源地址 {{src}} 与 {{ip}} 在 {{dev}} 上没有共同子网，因此选择地址',
    best_of_dev: '总是选择出接口上最合适的地址',
    src_local: '宣告等待发送的数据包的源地址 {{src}}（任何本机地址均可）',
    src_not_local: '等待发送的数据包的源地址 {{src}} 不是本机地址，因此选择地址',
  },
  neighCause: {
    neigh_event_send: '有数据包要使用该表项',
    arp_request_local: '收到对本机地址的请求',
    arp_request_proxied: '收到由代理应答的请求',
    arp_request_overheard: '从请求的发送方学到',
    arp_reply_to_us: '收到发给本机的应答',
    arp_reply_broadcast: '收到不是发给本机的应答',
    timer_reachable_used: '可达时间已过，但最近用过',
    timer_reachable_expired: '可达时间已过',
    timer_delay_confirmed: '延迟期间得到确认',
    timer_delay_expired: '延迟期满仍未确认：开始探测',
    timer_probes_failed: '所有探测都没有应答',
    ip_neigh_replace: 'ip neigh add/replace/change',
    ip_neigh_del: 'ip neigh del',
    ip_neigh_flush: 'ip neigh flush',
    addr_removed: '设备的最后一个 IPv4 地址被删除',
    mac_changed: '设备的 MAC 已更改',
    link_down: '设备已关闭',
  },
  actsAs: '，按 {{acts}} 处理',
  setting: {
    max: '{{name}}={{value}}（取 all={{all}} 与 {{dev}}={{devValue}} 的最大值）',
    or: '{{name}}={{value}}（all OR {{dev}}：all={{all}}，{{dev}}={{devValue}}）',
    and: '{{name}}={{value}}（all AND {{dev}}：all={{all}}，{{dev}}={{devValue}}）',
    dev: '{{name}}={{value}}（{{dev}}）',
    neigh: '{{name}}={{value}}',
  },
};
