/**
 * Every user-facing message of scenario loading, in one table. An issue carries the id
 * (`code`) and the arguments (`args`) so that tests, lessons and translations can refer to
 * it; the text here is English, src/i18n/scenarioMessages.ts words each id in 简体中文 (a test
 * fails when an id has no Chinese template).
 * Messages name the value and say why it is wrong and what would be right; the field's path
 * is printed in front of them by `formatIssue`.
 */

/** A short, safe rendering of any JSON value for a message. */
export function show(v: unknown): string {
  if (typeof v === 'string') {
    const s = v.length > 60 ? `${v.slice(0, 57)}…` : v;
    return JSON.stringify(s);
  }
  if (typeof v === 'number') return String(v);
  if (v === null || typeof v === 'boolean') return String(v);
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

/** What a value is, for "expected X, got Y". */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string': return `the text ${show(v)}`;
    case 'number': return Number.isFinite(v) ? `the number ${v}` : String(v);
    case 'boolean': return String(v);
    case 'object': return 'an object';
    case 'undefined': return 'nothing';
    default: return typeof v;
  }
}

export function oneOf(values: readonly (string | number)[]): string {
  const q = values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** Edit distance with transpositions (optimal string alignment), for "did you mean". */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The closest candidate within a small edit distance (case-insensitive), if any. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const w = word.toLowerCase();
  if (w.length > 64) return undefined;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) { best = c; bestD = d; }
  }
  const limit = word.length <= 2 ? 0 : word.length <= 5 ? 1 : 2;
  return bestD <= limit ? best : undefined;
}

const didYouMean = (word: string, candidates: readonly string[], listName = 'valid'): string => {
  const s = suggest(word, candidates);
  if (s !== undefined) return ` (did you mean "${s}"?)`;
  return candidates.length ? ` (${listName}: ${candidates.join(', ')})` : '';
};

/** The route a new one clashes with: an earlier entry of the host's routes, or an address's connected route. */
export type RouteClash = { index: number } | { cidr: string; dev: string };

const EXAMPLE_IP = '192.168.100.17';
const EXAMPLE_CIDR = '192.168.100.17/24';
const EXAMPLE_MAC = '02:00:00:00:0a:00';

export const messages = {
  // --- edits ---
  locked: (knob: string) => `${knob} is locked in this lesson: reach the goals without changing it`,
  // --- structure ---
  required: (expected: string) => `required: ${expected}`,
  wrongType: (expected: string, got: unknown) => `expected ${expected}, got ${describe(got)}`,
  notOneOf: (v: unknown, values: readonly (string | number)[]) => `${show(v)} is not valid here (expected ${oneOf(values)})`,
  unknownField: (key: string, listed: readonly string[], candidates: readonly string[] = listed) =>
    `unknown field "${key}"${suggest(key, candidates) ? ` (did you mean "${suggest(key, candidates)}"?)` : listed.length ? ` (fields here: ${listed.join(', ')})` : ''}`,
  unknownActionType: (type: unknown, types: readonly string[]) =>
    `unknown action type ${show(type)}${suggest(String(type), types) ? ` (did you mean "${suggest(String(type), types)}"?)` : ''}; valid types: ${types.join(', ')}`,
  missingActionType: (types: readonly string[]) => `required: the action's "type", one of ${types.join(', ')}`,
  notWhole: (v: number) => `${v} is not a whole number`,
  outOfRange: (v: number, range: string) => `${v} is out of range (expected ${range})`,
  tooMany: (what: string, max: number) => `too many ${what} (at most ${max})`,
  tooLong: (max: number) => `too long (at most ${max} characters)`,
  invalid: (detail: string) => detail,

  // --- document ---
  notObject: (got: unknown) => `a scenario must be a JSON object, got ${describe(got)}`,
  versionNotNumber: (v: unknown) => `${show(v)} is not a format version (expected a whole number such as 1)`,
  versionTooNew: (v: number, current: number) =>
    `this scenario is format version ${v}, made by a newer ARP Lab; this ARP Lab reads versions up to ${current}. Reload the page or update ARP Lab to open it`,
  migrationFailed: (name: string, detail: string) => `could not upgrade the scenario (migration "${name}"): ${detail}`,

  // --- names ---
  badHostName: (name: string) =>
    `${show(name)} is not a valid host name (1–32 characters: a letter or "_" first, then letters, digits, "_" or "-")`,
  badSegmentName: (name: string) =>
    `${show(name)} is not a valid segment name (1–32 characters: a letter or "_" first, then letters, digits, "_" or "-")`,
  badIfaceName: (name: string) =>
    `${show(name)} is not a valid interface name (1–15 characters, no spaces, "/" or ":", not "." or "..", not only digits)`,

  // --- addresses ---
  notIPv4: (v: unknown) => `${show(v)} is not an IPv4 address (expected four numbers 0–255 like ${EXAMPLE_IP})`,
  notCidr: (v: unknown) =>
    `${show(v)} is not an address with a prefix length (expected a.b.c.d/len with len 0–32, like ${EXAMPLE_CIDR})`,
  notRouteDest: (v: unknown) =>
    `${show(v)} is not a route destination (expected "default", a.b.c.d/len like 192.168.100.0/24, or a.b.c.d)`,
  notMac: (v: unknown) => `${show(v)} is not a MAC address (expected six hex pairs like ${EXAMPLE_MAC})`,
  macMulticast: (v: string) =>
    `${show(v)} is a multicast MAC address (the first byte is odd); an interface needs a unicast MAC like ${EXAMPLE_MAC}`,
  macZero: () => `00:00:00:00:00:00 cannot be an interface's MAC address`,
  loHasNoMac: () => `lo has no MAC address to set; leave "mac" out`,
  labelPrefix: (label: string, dev: string) =>
    `label ${show(label)} must start with the interface name "${dev}" (like "${dev}:0"), as ip addr requires`,
  labelTooLong: (label: string) => `label ${show(label)} is longer than 15 characters`,
  duplicateAddress: (cidr: string, dev: string) =>
    `${cidr} is already on ${dev} (Linux refuses it: "File exists")`,
  loopbackImplicit: () => `127.0.0.1/8 is always on lo; leave it out`,
  duplicateMac: (mac: string, other: string) =>
    `MAC ${mac} is also used by ${other}; every interface needs its own MAC`,

  // --- hosts, devices ---
  noSuchHost: (host: string, hosts: readonly string[]) =>
    `there is no host ${show(host)}${didYouMean(host, hosts, 'hosts')}`,
  noSuchDev: (host: string, dev: string, devs: readonly string[]) =>
    `host ${host} has no interface ${show(dev)}${didYouMean(dev, devs, 'its interfaces')}`,
  bothHostAndHosts: () => `give either "host" or "hosts", not both`,
  noHost: () => `required: "host" (a host name) or "hosts" (a list of host names)`,
  emptyHosts: () => `the list of hosts is empty`,
  linkNothing: () => `nothing to change: give "mac" and/or "state"`,
  pingIface: (host: string, v: string, devs: readonly string[]) =>
    `${show(v)} is neither an interface of host ${host} nor an IPv4 source address${didYouMean(v, devs, 'its interfaces')}`,

  // --- routes ---
  routeSyntax: (route: string, detail: string) =>
    `${show(route)} is not a valid route: ${detail} (syntax: [TYPE] DEST [via GW] [dev DEV] [proto P] [scope S] [src ADDR] [metric N])`,
  routeHostBits: (dest: string, network: string) =>
    `${dest} has host bits set; the network is ${network} (Linux: "Invalid prefix for given prefix length")`,
  routeNeedsDevOrVia: () => `a unicast route needs "dev" or "via"`,
  gatewayNotOnLink: (via: string, dev?: string) =>
    `gateway ${via} is not on a directly connected subnet${dev !== undefined ? ` of ${dev}` : ''} (Linux: "Nexthop has invalid gateway")`,
  srcNotLocal: (src: string, host: string) =>
    `src ${src} is not an address of host ${host} (Linux: "Invalid prefsrc address")`,
  routeExists: (dest: string, metric: number, other: RouteClash) =>
    `a route to ${dest} with metric ${metric} already exists (${'index' in other ? `routes[${other.index}]` : `the connected route of ${other.cidr} on ${other.dev}`}); Linux refuses a second one ("File exists"): give it another metric, or use noprefixroute on the address`,

  // --- sockets, IPVS (format version 2) ---
  notNetmask: (v: unknown) => `${show(v)} is not a netmask (expected contiguous ones like 255.255.255.0)`,
  listenNotLocal: (addr: string, host: string) =>
    `${addr} is not an address of host ${host}: bind() fails with "Cannot assign requested address" (Linux allows it only with net.ipv4.ip_nonlocal_bind, which ARP Lab does not model); put the address on one of its interfaces (a VIP on lo) or leave "addr" out to listen on every address`,
  listenInUse: (proto: string, port: number, other: string) =>
    `${proto} port ${port} is already taken by ${other} on this host: bind() fails with "Address already in use"`,
  ipvsServiceExists: (proto: string, vip: string, port: number, other: string) =>
    `the virtual service ${proto} ${vip}:${port} is already defined (${other}); ipvsadm -A refuses it: "Service already exists"`,
  ipvsDestExists: (ip: string, port: number, other: string) =>
    `real server ${ip}:${port} is already in this service (${other}); ipvsadm -a refuses it: "Destination already exists"`,
  ipvsDestPort: (method: string, port: number, svcPort: number) =>
    `a real server's port can differ from the service's only with NAT (method "nat"): with "${method}" the packet reaches the real server unchanged, on port ${svcPort}, and ipvsadm replaces ${port} with it; leave "port" out or make it ${svcPort}`,
  connectTo: (v: unknown) => `${show(v)} is not an address and port (expected a.b.c.d:port like 192.168.100.200:80)`,

  // --- segments ---
  segmentMember: (v: string) => `${show(v)} is not a segment member (expected "host.interface", like "A.eth0")`,
  segmentLo: (v: string) => `${show(v)}: lo is the loopback interface and cannot be attached to a segment`,
  ifaceOnTwoSegments: (port: string, other: string) =>
    `${port} is already attached to segment "${other}"; an interface can be on one segment only`,
  ifaceTwiceInSegment: (port: string) => `${port} is listed twice in this segment`,

  // --- sysctls ---
  notSysctlKey: (key: string) =>
    `unknown sysctl ${show(key)} (ARP Lab knows net.ipv4.conf.{all,default,IFACE}.KNOB, net.ipv4.neigh.{default,IFACE}.PARAM and net.ipv4.ip_forward)`,
  sysctlSlashes: (key: string, dotted: string) => `write sysctl keys with dots: ${show(key)} → "${dotted}"`,
  unknownConfKnob: (knob: string, knobs: readonly string[]) =>
    `unknown knob ${show(knob)} in net.ipv4.conf${didYouMean(knob, knobs, 'known knobs')}`,
  unknownNeighParam: (param: string, params: readonly string[]) =>
    `unknown parameter ${show(param)} in net.ipv4.neigh${didYouMean(param, params, 'known parameters')}`,
  sysctlNoIface: (host: string, dev: string, devs: readonly string[]) =>
    `host ${host} has no interface ${show(dev)}${didYouMean(dev, devs, `use all, default or one of its interfaces`)}`,
  neighAll: () => `net.ipv4.neigh has no "all"; use net.ipv4.neigh.default or an interface name`,
  sysctlRange: (name: string, v: number, range: string) => `${v} is out of range for ${name} (expected ${range})`,

  // --- text, files, links ---
  jsonSyntax: (line: number, column: number, detail: string) => `JSON syntax error at line ${line}, column ${column}: ${detail}`,
  duplicateKey: (key: string, line: number, firstLine: number) =>
    `the key ${show(key)} appears twice in the same object (line ${line}; first on line ${firstLine}). JSON keeps only the last one, so the first would be lost: rename or merge them`,
  fileEmpty: () => `the file is empty`,
  fileTooLarge: (size: number, max: number) => `the file is too large (${size} characters; at most ${max})`,
  linkNoScenario: () => `the link has no scenario in it (expected "#s=2.…" after the address)`,
  linkEmpty: () => `the link's scenario data is empty (the link was probably cut off)`,
  linkBadVersion: (v: string) => `the link's format marker ${show(v)} is not valid (expected "#s=2.…"); the link may be damaged`,
  linkTooNew: (v: number, current: number) =>
    `this link was made by a newer ARP Lab (link format ${v}; this one reads up to ${current}). Reload the page or update ARP Lab to open it`,
  linkTooLong: (len: number, max: number) => `the link is too long (${len} characters; at most ${max})`,
  linkBadBase64: (ch: string, pos: number) =>
    `the link is damaged: character ${show(ch)} at position ${pos} cannot appear in its data (letters, digits, "-" and "_" only)`,
  linkBadLength: () => `the link is damaged or cut off (its data has an impossible length)`,
  linkTruncated: () => `the link is incomplete: its compressed data ends too early (was it cut off when copied?)`,
  linkNotDeflate: (detail: string) => `the link is damaged: its data is not valid compressed data (${detail})`,
  linkTooLarge: (max: number) => `the link's scenario is too large once unpacked (more than ${max} bytes)`,
  linkNotText: () => `the link is damaged: its data is not UTF-8 text`,
  linkNotJson: (detail: string) => `the link is damaged or cut off: its scenario is not valid JSON (${detail})`,
  linkInvalid: (count: number, first: string) =>
    `the link's scenario is not valid (${count} problem${count === 1 ? '' : 's'}): ${first}`,
  linkVersionMismatch: (link: number, doc: unknown) =>
    `the link says format ${link} but the scenario in it says version ${show(doc)}; the link may be damaged`,
  reservedName: () => `"__proto__" cannot be used as a name or field`,
  internal: (detail: string) => `internal error while loading the scenario: ${detail}`,
} as const;

export type MessageId = keyof typeof messages;

/** The arguments of message `K`, as the issue carries them for translations. */
export type MessageArgs<K extends MessageId> = Parameters<(typeof messages)[K]>;

/**
 * A message with its id, as checks return it. `args` are the message function's arguments, so
 * that src/i18n can word the same message in another language; `field` (a route's "via",
 * "src"…) and `route` (the route string it was found in) say where inside a value it is, and
 * are already in front of the English `message`.
 */
export interface Problem {
  code: MessageId;
  message: string;
  args?: readonly unknown[];
  field?: string;
  route?: string;
}

/** The problem `code` with its English text and its arguments. */
export function msg<K extends MessageId>(code: K, ...args: MessageArgs<K>): Problem {
  return { code, message: (messages[code] as (...a: readonly unknown[]) => string)(...args), args };
}

/** `p` found in one field of a compound value (a route's via, src, metric…). */
export const inField = (p: Problem, field: string): Problem => ({ ...p, field, message: `${field}: ${p.message}` });

/** `p` found in the route string `route`. */
export const inRoute = (p: Problem, route: string): Problem => ({ ...p, route, message: `in route ${JSON.stringify(route)}: ${p.message}` });

/**
 * The arguments, small enough to ride inside a zod message: a message only shows a string's
 * first 60 characters and only the kind of a list or object, so longer strings are cut and
 * lists and objects become empty ones; numbers JSON cannot hold are kept as `{ n: "NaN" }`.
 */
function packArgs(args: readonly unknown[]): string {
  const brief = (v: unknown): unknown => {
    if (typeof v === 'string') return v.length > 61 ? v.slice(0, 61) : v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : { n: String(v) };
    if (Array.isArray(v)) return v.every((x) => typeof x === 'string' || typeof x === 'number') && v.length <= 64 ? v : [];
    if (typeof v === 'object' && v !== null) return {};
    return v === undefined ? { u: 1 } : v;
  };
  return JSON.stringify(args.map(brief));
}

function unpackArgs(text: string): unknown[] | undefined {
  try {
    const a = JSON.parse(text) as unknown;
    if (!Array.isArray(a)) return undefined;
    return a.map((v) => {
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        const o = v as { n?: string; u?: number };
        if (typeof o.n === 'string') return Number(o.n);
        if (o.u === 1) return undefined;
      }
      return v;
    });
  } catch {
    return undefined;
  }
}

/**
 * zod calls error functions for its built-in checks; they return the message with its id and
 * arguments in front (`tagged`), and issues.ts splits them again (`untag`).
 */
const SEP = '\u0000';
export const tagged = (p: Problem): string => `${p.code}${SEP}${packArgs(p.args ?? [])}${SEP}${p.message}`;
export function untag(message: string): Problem {
  const i = message.indexOf(SEP);
  if (i < 0) return { code: 'invalid', message };
  const j = message.indexOf(SEP, i + 1);
  if (j < 0) return { code: message.slice(0, i) as MessageId, message: message.slice(i + 1) };
  const args = unpackArgs(message.slice(i + 1, j));
  return { code: message.slice(0, i) as MessageId, message: message.slice(j + 1), ...(args ? { args } : {}) };
}
