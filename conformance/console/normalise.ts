/**
 * What is normalised before the console's text is compared with the real tools' (the same
 * function is applied to both sides; README "Checked against the real tools" lists it):
 *
 * 1. The harness's veth ends: a lab host's `eth0` is a veth in the kernel run, so iproute2
 *    prints `eth0@if7` (the peer's ifindex in the switch namespace) and `link-netns
 *    arplab-…-sw` (the peer's namespace). Both are dropped: a host of the lab has a NIC, no
 *    peer. The interface indexes themselves are not rewritten — the harness creates each
 *    host's devices in the scenario's order, so the kernel numbers them as the console does.
 * 2. Timers and counters: `ip -s neigh`'s `used A/B/C probes N` (seconds of wall-clock
 *    time in the kernel run, of simulated time in the engine) and its `ref N` (references
 *    other kernel objects — a route's cached nexthop, a socket — hold on the entry, which the
 *    lab does not model); `ip -s link`'s and `ifconfig`'s frame counters (a step's timers
 *    may or may not have sent a probe by the time the command runs) become `#`.
 * 3. bash's script position: the harness runs each line with `bash -c`, where bash prefixes
 *    its own messages with `bash: line 1: `; at a terminal (the console) it says `bash: `.
 * 4. Neighbour order: `ip neigh` and `arp -n`/`-an` list entries in the kernel's hash-table
 *    order, whose seed (`hash_rnd`) is random per table; their rows are compared sorted.
 *
 * Nothing else: spaces, trailing spaces, messages and exit statuses must be equal.
 */

/** Commands whose rows come from the neighbour hash table. */
const NEIGH_LISTING = /^(ip( -\S+)* n(e(i(gh?)?)?)?( (show|list|ls?).*)?$|arp( -\S+)*( -i \S+)?( -\S+)*$)/;

export function normalise(cmd: string, out: string): string {
  let t = out
    // 1. veth ends
    .replace(/^(\d+: [^:@\s]+)@if\d+:/gm, '$1:')
    .replace(/ link-netns(id)? \S+/g, '')
    // 2. timers and counters
    .replace(/ {2}ref \d+ used /g, '  used ')
    .replace(/ used \d+\/\d+\/\d+probes \d+/g, ' used #/#/#probes #')
    .replace(/^( +)(RX|TX) packets \d+ {2}bytes \d+ \([\d.]+ \w+\)$/gm, '$1$2 packets #  bytes # (#)')
    // 3. bash -c's line number
    .replace(/^bash: line \d+: /gm, 'bash: ');
  if (/^ip( -\S+)* -s(tats?|tatistics)?( -\S+)* l(i(nk?)?)?\b/.test(cmd)) {
    // The counter rows under the RX:/TX: headers (their widths follow the values).
    t = t.replace(/^( +\d+)+ $/gm, '    #');
  }
  // 4. neighbour order
  if (NEIGH_LISTING.test(cmd)) {
    const lines = t.split('\n');
    const head = /^Address {2,}HWtype/.test(lines[0] ?? '') ? [lines.shift()!] : [];
    const last = lines.at(-1) === '' ? [lines.pop()!] : [];
    t = [...head, ...lines.sort(), ...last].join('\n');
  }
  return t;
}
