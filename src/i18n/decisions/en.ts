/**
 * English templates for the engine's decisions (src/i18n/decision.ts fills them).
 * `rule.<rule id with _>.<verdict>.<reason code or *>` is the sentence; `{{why}}` and
 * `{{also}}` are the `reason` fragments of the decision's reason and second reason;
 * `{{set.<knob>}}` is a setting as read ("rp_filter=1 (max of all=1, eth1=0)").
 */
export const decisionsEn = {
  rule: {
    arp_rcv_noarp: { drop: { '*': '{{host}}.{{dev}} has NOARP: ARP is not processed' } },
    arp_rcv_otherhost: { drop: { '*': '{{host}}.{{dev}} drops the frame: it is addressed to {{dst}}, not to {{dev}}’s MAC {{mac}}' } },
    arp_rcv_down: { drop: { '*': '{{host}}.{{dev}} is down: the frame is not sent' } },
    arp_process_opcode: { drop: { '*': '{{host}}.{{dev}} drops ARP opcode {{op}}: only requests and replies are understood' } },
    arp_process_bad_tip: {
      drop: {
        multicast_or_loopback: '{{host}}.{{dev}} drops ARP for {{tip}}: a multicast or loopback target',
        gratuitous: '{{host}}.{{dev}} drops a gratuitous ARP for {{ip}}: {{set.drop_gratuitous_arp}}',
      },
    },
    arp_process_dad: {
      reply: { '*': '{{host}}.{{dev}} answers the duplicate-address probe for {{tip}}: {{set.arp_ignore}}, {{why}}; the reply goes to the prober’s MAC with target 0.0.0.0, and no cache entry is made' },
      ignore: {
        '*': '{{host}}.{{dev}} ignores the duplicate-address probe for {{tip}}: {{set.arp_ignore}}; {{why}}',
        not_local: '{{host}}.{{dev}} sees a duplicate-address probe for {{tip}}, not a local address: nothing to do',
        reply_from_zero: '{{host}}.{{dev}} ignores an ARP reply with sender 0.0.0.0',
      },
    },
    arp_process_route: {
      drop: { '*': '{{host}}.{{dev}} does not answer the request for {{tip}}: {{why}}' },
      ignore: { '*': '{{host}}.{{dev}} does not answer the request for {{tip}} ({{why}}); {{also}}' },
    },
    rp_filter: { drop: { '*': '{{host}}.{{dev}} does not answer the request for {{tip}}: {{set.rp_filter}}; {{why}}' } },
    arp_ignore: { ignore: { '*': '{{host}}.{{dev}} ignores the request for {{tip}}: {{set.arp_ignore}}; {{why}}. No reply, and no cache update' } },
    arp_filter: { ignore: { '*': '{{host}}.{{dev}} does not answer for {{tip}}: {{set.arp_filter}}; {{why}}. No reply, and no cache update' } },
    arp_reply: { reply: { '*': '{{host}}.{{dev}} answers “{{tip}} is-at {{mac}}”: {{why}}; {{set.rp_filter}} passes ({{also}}); {{set.arp_ignore}} allows it. The reply leaves {{dev}} with {{dev}}’s MAC' } },
    proxy_arp: {
      reply: { '*': '{{host}}.{{dev}} answers for {{tip}} by proxy: {{set.proxy_arp}}, forwarding on, and the route to {{tip}} leaves by {{out}}; the reply carries {{dev}}’s MAC' },
      info: { '*': '{{host}}.{{dev}} will answer for {{tip}} by proxy after a random delay of {{delay}} ms (at most {{set.proxy_delay}}, in hundredths of a second): {{set.proxy_arp}}, the route to {{tip}} leaves by {{out}}' },
      ignore: {
        proxy_off: '{{host}}.{{dev}} does not answer for {{tip}}: not a local address, and {{set.proxy_arp}}',
        same_dev: '{{host}}.{{dev}} does not answer for {{tip}} by proxy: the route to {{tip}} leaves by {{dev}}, the interface the request came in on',
        same_medium: '{{host}}.{{dev}} does not answer for {{tip}} by proxy: {{out}} is on the same medium ({{set.medium_id}})',
      },
    },
    arp_learn: {
      ignore: { '*': '{{host}}.{{dev}}: {{why}}' },
      update: {
        learned: '{{host}}.{{dev}} updates {{sip}} → {{mac}} {{state}}',
        gratuitous: '{{host}}.{{dev}} updates {{sip}} → {{mac}} {{state}} (a gratuitous ARP overrides at once)',
      },
    },
    arp_accept: {
      create: {
        gratuitous: '{{host}}.{{dev}} creates an entry for {{sip}}: {{set.arp_accept}} accepts a gratuitous ARP',
        unsolicited_reply: '{{host}}.{{dev}} creates an entry for {{sip}}: {{set.arp_accept}} accepts an unsolicited reply',
      },
    },
    neigh_locktime: {
      ignore: {
        locktime: '{{host}}.{{dev}} keeps {{sip}} → {{old}}: the entry changed less than locktime ago ({{set.locktime}}, in hundredths of a second), so the different MAC {{mac}} is ignored (the first reply wins)',
        reply_not_garp: '{{host}}.{{dev}} keeps {{sip}} → {{old}}: this reply names {{sip}} as sender and target, but its target MAC {{tha}} is not its sender MAC {{mac}}, so it is no gratuitous ARP (arp_is_garp) and cannot override an entry that changed less than locktime ago ({{set.locktime}}, in hundredths of a second)',
      },
    },
    neigh_static: { ignore: { '*': '{{host}}.{{dev}} keeps its {{state}} entry for {{sip}}: static entries are never changed by ARP' } },
    arp_announce: {
      choose: { '*': '{{host}}.{{dev}} asks who-has {{ip}} tell {{sip}}: {{set.arp_announce}}; {{why}}' },
      info: {
        notify_mac: '{{host}}.{{dev}} changed its MAC to {{mac}}: {{set.arp_notify}}, so it announces each address with a gratuitous ARP',
        notify_up: '{{host}}.{{dev}} comes up: {{set.arp_notify}}, so it announces each address with a gratuitous ARP at NETDEV_UP; the bridge has not yet seen the link come up (the link watch runs later), so it drops them',
      },
    },
    ip_rcv_otherhost: { drop: { '*': '{{host}}.{{dev}} drops the packet: addressed to another MAC ({{dst}})' } },
    ip_input_rp_filter: { drop: { '*': '{{host}}.{{dev}} drops the packet from {{sip}}: {{set.rp_filter}}; {{why}}' } },
    ip_input_local: { accept: { '*': '{{host}} accepts the echo request for {{dst}} and answers it from {{dst}}' } },
    ip_input_forward: {
      drop: { '*': '{{host}} drops the packet to {{dst}}: TTL exceeded' },
      forward: { '*': '{{host}} forwards the packet to {{dst}} out of {{out}} ({{set.forwarding}})' },
    },
    ip_forward_redirect: {
      info: { '*': '{{host}} forwards the packet to {{dst}} out of {{dev}}, the device it came in on: it tells {{src}} to use {{gw}} (ICMP redirect; {{set.send_redirects}})' },
    },
    icmp_redirect: {
      accept: {
        redirect_resolve: '{{host}} takes the redirect from {{src}}: it resolves {{gw}} first; the route to {{dst}} stays as it is',
        redirect_exception: '{{host}} takes the redirect from {{src}}: packets to {{dst}} now go to {{gw}} (a nexthop exception)',
      },
      ignore: {
        redirect_rx_off: '{{host}} ignores the redirect from {{src}} (to {{gw}} for {{dst}}): accept_redirects is off',
        redirect_bad_gw: '{{host}} ignores the redirect from {{src}}: {{gw}} cannot be a gateway',
        redirect_not_onlink: '{{host}} ignores the redirect from {{src}}: {{gw}} is not on this link',
        redirect_secure: '{{host}} ignores the redirect from {{src}}: secure_redirects, and {{gw}} is no default gateway',
        redirect_local_gw: '{{host}} ignores the redirect from {{src}}: {{gw}} is one of its own addresses',
      },
    },
    ip_input_no_route: { drop: { '*': '{{host}}.{{dev}} drops the packet to {{dst}}: {{why}}' } },
    ip_output_no_route: {
      drop: {
        net_unreachable: '{{host}} cannot send to {{dst}}: Network is unreachable (no route)',
        bad_source: '{{host}} cannot send to {{dst}}: the source address cannot be used (it is not local, or not a unicast address)',
        route_type_to: '{{host}} cannot send to {{dst}}: the route is of type {{type}}',
      },
    },
    neigh_failed: {
      drop: {
        local_sender: '{{host}}.{{dev}} could not resolve {{ip}}: the queued packet to {{dst}} is dropped and the sender is told “Destination Host Unreachable”',
        remote_sender: '{{host}}.{{dev}} could not resolve {{ip}}: the queued packet to {{dst}} is dropped; {{host}} sends ICMP host unreachable to {{src}}',
        error_packet: '{{host}}.{{dev}} could not resolve {{ip}}: the queued ICMP error to {{dst}} is dropped',
      },
    },
    ping_reply: {
      drop: {
        bound_dev_reply: 'the ping socket on {{host}} is bound to {{bound}} (ping -I {{bound}}), so the echo reply that arrived on {{dev}} never reaches it',
        bound_dev_error: 'the ping socket on {{host}} is bound to {{bound}} (ping -I {{bound}}), so the error that arrived on {{dev}} never reaches it',
      },
    },
    ipip_rcv: {
      accept: { decap: '{{host}} decapsulates the IP-in-IP packet from {{src}} and receives the inner packet {{inner_src}} → {{inner_dst}} on tunl0, where tunl0’s own checks (rp_filter among them) apply' },
      drop: {
        no_tunl0: '{{host}}.{{dev}} drops the IP-in-IP packet from {{src}}: there is no tunl0 (the ipip module is not loaded)',
        tunl0_down: '{{host}}.{{dev}} drops the IP-in-IP packet from {{src}}: tunl0 is down',
      },
    },
    tcp_rcv: {
      accept: { listener: '{{host}} accepts the connection from {{from}} to {{to}}: a socket listens on port {{port}}; it answers from {{src}}' },
      reply: {
        no_listener: '{{host}} answers the SYN from {{from}} to {{to}} with a RST: nothing listens on port {{port}}',
        no_socket: '{{host}} answers the [{{flags}}] segment from {{from}} to {{to}} with a RST: no connection of {{host}} matches it',
      },
    },
    udp_rcv: {
      accept: { listener: '{{host}} receives the datagram from {{from}} on {{to}} and answers from {{src}}' },
      reply: { no_listener: '{{host}} answers the datagram from {{from}} to {{to}} with ICMP port unreachable: nothing listens on port {{port}}' },
    },
    ip_vs_schedule: {
      choose: {
        rr: 'IPVS on {{host}}: rr sends {{client}} → {{vip}} to {{rs}}, the next real server with a weight after the last one chosen (weights {{weights}})',
        wrr: 'IPVS on {{host}}: wrr sends {{client}} → {{vip}} to {{rs}}, the next real server whose weight reaches the current weight {{cw}} (weights {{weights}})',
        lc: 'IPVS on {{host}}: lc sends {{client}} → {{vip}} to {{rs}}, the fewest connections: active×256 + inactive = {{overhead}} (active/inactive {{conns}})',
        wlc: 'IPVS on {{host}}: wlc sends {{client}} → {{vip}} to {{rs}}, the lowest (active×256 + inactive) / weight: {{overhead}} over its weight (weights {{weights}}; active/inactive {{conns}})',
        sed: 'IPVS on {{host}}: sed sends {{client}} → {{vip}} to {{rs}}, the lowest (active + 1) / weight: {{overhead}} over its weight (weights {{weights}}; active/inactive {{conns}})',
        nq: 'IPVS on {{host}}: nq sends {{client}} → {{vip}} to {{rs}}: a real server without active connections if there is one, else the lowest (active + 1) / weight; here active + 1 = {{overhead}} (weights {{weights}}; active/inactive {{conns}})',
        sh: 'IPVS on {{host}}: sh sends {{client}} → {{vip}} to {{rs}}: the client’s address hashes to bucket {{bucket}} of 256, which holds {{rs}} (weights {{weights}})',
        dh: 'IPVS on {{host}}: dh sends {{client}} → {{vip}} to {{rs}}: the destination address hashes to bucket {{bucket}} of 256, which holds {{rs}}',
        mh: 'IPVS on {{host}}: mh (Maglev hashing) sends {{client}} → {{vip}} to {{rs}}: the client’s address hashes to slot {{bucket}} of 4093, which the real servers’ permutations filled in proportion to their weights (weights {{weights}})',
        persistent: 'IPVS on {{host}}: {{client}} → {{vip}} goes to {{rs}} again: the persistence template for {{template}} (-p {{persistent}}) still holds it',
      },
      drop: { no_dest: 'IPVS on {{host}}: {{scheduler}} finds no real server available for {{vip}} (weights {{weights}}), so the client gets ICMP port unreachable' },
    },
    ip_vs_conn: {
      create: {
        dr: 'IPVS on {{host}} creates connection {{conn}} (DR: the packet goes on unchanged, to the real server’s MAC)',
        tun: 'IPVS on {{host}} creates connection {{conn}} (TUN: the packet goes on inside IP-in-IP)',
        nat: 'IPVS on {{host}} creates connection {{conn}} (NAT: the destination is rewritten, the replies must come back through {{host}})',
      },
    },
    ip_vs_state: {
      update: {
        input: 'IPVS on {{host}}: connection {{conn}} goes {{state_from}} → {{state_to}} on a [{{flags}}] segment from the client; it expires after {{timeout}} s without traffic',
        output: 'IPVS on {{host}}: connection {{conn}} goes {{state_from}} → {{state_to}} on a [{{flags}}] segment from the real server; it expires after {{timeout}} s without traffic',
        'input-only': 'IPVS on {{host}}: connection {{conn}} goes {{state_from}} → {{state_to}} on a [{{flags}}] segment from the client (the replies never pass the director, so the input-only table applies); it expires after {{timeout}} s without traffic',
        udp: 'IPVS on {{host}}: connection {{conn}} carries datagrams; it expires after {{timeout}} s without traffic',
      },
    },
    ip_vs_xmit: {
      forward: {
        dr: 'IPVS on {{host}} sends the packet unchanged (still to {{dst}}) out of {{out}} to the MAC of real server {{rs}} (DR: the neighbour entry for {{rs}})',
        tun: 'IPVS on {{host}} wraps the packet in IP-in-IP from {{src}} to real server {{rs}} (TUN) and sends it out of {{out}} via {{nexthop}}',
        nat: 'IPVS on {{host}} rewrites the destination {{vip}} to {{to}} (NAT) and sends it out of {{out}} via {{nexthop}}',
      },
      deliver: { local_node: 'IPVS on {{host}}: real server {{rs}} is this host, so the packet goes to the local stack' },
      drop: {
        no_route: 'IPVS on {{host}} cannot reach real server {{rs}}: no route',
        ttl: 'IPVS on {{host}} drops the packet for real server {{rs}}: TTL exceeded',
      },
    },
    ip_vs_out: { update: { snat: 'IPVS on {{host}} gives the real server’s reply the virtual address back (NAT): source {{from}} becomes {{to}}' } },
    ip_vs_expire: {
      info: {
        conn: 'IPVS on {{host}}: connection {{conn}} expires ({{state}}, {{timeout}} s without traffic)',
        template: 'IPVS on {{host}}: the persistence template {{conn}} expires ({{timeout}} s after its last connection ended)',
      },
    },
  },
  reason: {
    // arp_ignore
    any_local: '{{tip}} is a local address (on any interface, the weak host model)',
    on_dev: '{{tip}} is configured on {{dev}}',
    not_on_dev: '{{tip}} is not configured on {{dev}}',
    shared_subnet: '{{tip}} is on {{dev}} and a subnet there holds both {{tip}} and {{sip}}',
    no_shared_subnet: 'no subnet on {{dev}} holds both {{tip}} and the sender {{sip}}',
    not_scope_host: '{{tip}} is not a scope host address',
    scope_host: '{{tip}} has scope host',
    never: 'mode 8 never replies',
    reserved: 'mode {{arp_ignore}} is reserved and replies like 0',
    unknown_mode: 'mode {{arp_ignore}} is none of the modes 0–8 (the kernel stores any integer) and replies like 0',
    // source validation (rp_filter)
    no_check: 'no reverse-path check',
    accept_local: 'accept_local is on',
    martian_local: 'the sender {{sip}} is one of our own addresses (a martian source; Linux does not answer or defend)',
    no_route: 'there is no route back to {{sip}}',
    no_route_ok: 'no route back to {{sip}}, but rp_filter is off',
    route_type: 'the route back to {{sip}} is not a unicast route',
    dev_match: 'the best route back to {{sip}} leaves via {{dev}}',
    no_addr: '{{dev}} has no IPv4 address, so the check falls back to rejecting (the route back to {{sip}} leaves via {{via}})',
    no_addr_ok: 'rp_filter is off',
    strict_other_dev: 'the best route back to {{sip}} leaves via {{via}}, not {{dev}}',
    loose_ok: 'loose mode: a route back to {{sip}} exists (via {{via}})',
    rp_off: 'rp_filter is off',
    // arp_filter
    route_other_dev: 'the route to {{sip}} leaves via {{via}}, not {{dev}}',
    // input route lookup
    martian_source: 'martian source {{sip}}',
    broadcast_target: 'a broadcast target is not answered',
    martian_dest: 'martian destination {{dst}}',
    loopback_dest: 'martian destination {{dst}} (loopback)',
    loopback_source: 'martian source {{sip}} (loopback)',
    broadcast_dest: 'broadcast destination',
    route_type_to: 'the route to {{dst}} is of type {{type}}',
    same_dev: 'the route to {{dst}} leaves by {{dev}}, the interface the request came in on',
    no_route_to: 'no route to {{dst}}',
    not_local_no_forward: '{{dst}} is not a local address and {{dev}} does not forward',
    broadcast: 'a broadcast',
    // learning
    request_never_creates: 'no entry for {{sip}} is made: a request that is not answered never creates one',
    accept_off: 'no entry for {{sip}} is made: {{set.arp_accept}} does not accept it',
    has_entry: 'it already has an entry for {{sip}} (the next decision says what happens to it)',
    // arp_announce
    no_packet: 'no packet is waiting (a re-probe), so the address is selected',
    src_onlink: 'the waiting packet’s source {{src}} is in a subnet of {{dev}} that also holds {{ip}}',
    src_not_onlink: 'the waiting packet’s source {{src}} shares no subnet of {{dev}} with {{ip}}, so the address is selected',
    best_of_dev: 'always select the best address of the outgoing interface',
    src_local: 'announce the waiting packet’s source {{src}} (any local address)',
    src_not_local: 'the waiting packet’s source {{src}} is not local, so the address is selected',
  },
  /** Why a neighbour entry changed (trace.ts NEIGH_CAUSES), shown after the transition. */
  neighCause: {
    neigh_event_send: 'a packet uses the entry',
    arp_request_local: 'a request for a local address',
    arp_request_proxied: 'a request answered by proxy',
    arp_request_overheard: 'learned from the sender of a request',
    arp_reply_to_us: 'a reply addressed to us',
    arp_reply_broadcast: 'a reply not addressed to us',
    timer_reachable_used: 'reachable time over, used recently',
    timer_reachable_expired: 'reachable time over',
    timer_delay_confirmed: 'confirmed during the delay',
    timer_delay_expired: 'delay over without confirmation: probing',
    timer_probes_failed: 'every probe went unanswered',
    ip_neigh_replace: 'ip neigh add/replace/change',
    ip_neigh_del: 'ip neigh del',
    ip_neigh_flush: 'ip neigh flush',
    addr_removed: 'the device’s last IPv4 address was removed',
    mac_changed: 'the device’s MAC changed',
    link_down: 'the device went down',
  },
  /** What a setting's value acts as when the kernel's code has no case for it (after `setting`). */
  actsAs: ', which acts as {{acts}}',
  /** A setting as the decision read it. */
  setting: {
    max: '{{name}}={{value}} (max of all={{all}}, {{dev}}={{devValue}})',
    or: '{{name}}={{value}} (all OR {{dev}}: all={{all}}, {{dev}}={{devValue}})',
    and: '{{name}}={{value}} (all AND {{dev}}: all={{all}}, {{dev}}={{devValue}})',
    dev: '{{name}}={{value}} ({{dev}})',
    neigh: '{{name}}={{value}}',
  },
};
