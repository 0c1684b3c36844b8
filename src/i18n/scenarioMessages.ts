/**
 * The scenario layer's messages (src/scenario/messages.ts) in the UI's language. The scenario
 * layer produces an id (`code`) and the message function's arguments (`args`) with the
 * English text; English is that text, 简体中文 is worded here from the same arguments, one
 * template per id. `ZH` is a mapped type over every MessageId, and
 * src/i18n/scenarioMessages.test.ts renders each id in both languages, so an id without a
 * Chinese template fails to compile and fails the test.
 *
 * Some arguments are English phrases made by the format's field definitions (what a field
 * expects: "a whole number 0–4294967295", "an interface name like eth0"; a route's syntax
 * error); `phrase` words the known ones in Chinese and leaves any other as it is.
 */
import type { Lang } from '../store/types.ts';
import type { ScenarioIssue } from '../scenario/issues.ts';
import { messages, suggest, type MessageArgs, type MessageId, type RouteClash } from '../scenario/messages.ts';

/** A JSON value, shortly (the same cut as the English `show`). */
export function showZh(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (v === undefined) return '空值';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'object') return '对象';
  return typeof v;
}

/** What a value is, for "应为 X，实际是 Y". */
function describeZh(v: unknown): string {
  if (v === null) return ' null';
  if (Array.isArray(v)) return '列表';
  switch (typeof v) {
    case 'string': return `文本 ${showZh(v)}`;
    case 'number': return Number.isFinite(v) ? `数字 ${v}` : ` ${String(v)}`;
    case 'boolean': return ` ${String(v)}`;
    case 'object': return '对象';
    case 'undefined': return '空值';
    default: return typeof v;
  }
}

function oneOfZh(values: readonly (string | number)[]): string {
  const q = values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join('、')} 或 ${q[q.length - 1]}`;
}

const didYouMeanZh = (word: string, candidates: readonly string[], listName: string): string => {
  const s = suggest(word, candidates);
  if (s !== undefined) return `（是否想写 "${s}"？）`;
  return candidates.length ? `（${listName}：${candidates.join('、')}）` : '';
};

/** Fixed English phrases of the format (what a field expects, JSON syntax details) in Chinese. */
const PHRASES: Readonly<Record<string, string>> = {
  'a string': '字符串', 'a number': '数字', 'a whole number': '整数', 'true or false': 'true 或 false',
  'an object': '对象', 'a list': '列表', null: 'null', 'a fixed value': '固定值', 'JSON text': 'JSON 文本',
  'a host name': '主机名', 'a label like eth0:0': '标签，如 eth0:0', 'a list of host names': '主机名列表',
  'a list of members like "A.eth0"': '成员列表，如 "A.eth0"', 'a member like "A.eth0"': '成员，如 "A.eth0"',
  'a MAC address like 02:00:00:00:0a:00': 'MAC 地址，如 02:00:00:00:0a:00',
  'a route destination like 192.168.100.0/24 or default': '路由目的地，如 192.168.100.0/24 或 default',
  'a route protocol like kernel or static': '路由协议，如 kernel 或 static',
  'a route: an object with "dest", or a string in ip route syntax': '路由：带 "dest" 的对象，或 ip route 语法的字符串',
  'an IPv4 address like 192.168.100.17': 'IPv4 地址，如 192.168.100.17',
  'an address with prefix length like 192.168.100.17/24': '带前缀长度的地址，如 192.168.100.17/24',
  'an address: "a.b.c.d/len" or an object with "cidr"': '地址："a.b.c.d/len" 或带 "cidr" 的对象',
  'an interface name like eth0': '接口名，如 eth0', 'an interface name or a source address': '接口名或源地址',
  'an object of hosts, like {"A": {"interfaces": {…}}}': '主机对象，如 {"A": {"interfaces": {…}}}',
  'an object of interfaces': '接口对象', 'an object of positions': '位置对象',
  'an object of segments, like {"lan": ["A.eth0", "B.eth0"]}': '网段对象，如 {"lan": ["A.eth0", "B.eth0"]}',
  'an object of sysctl keys and numbers': 'sysctl 键与数值的对象',
  '0 or 1': '0 或 1', '0, 1 or 2': '0、1 或 2',
  // JSON syntax (scenario/jsonSyntax.ts)
  'the text ends before any value (is it empty?)': '文本在任何值之前就结束了（是空的吗？）',
  'the text ends too early: a closing "}" is missing': '文本提前结束：缺少结尾的 "}"',
  'the text ends too early: a closing "]" is missing': '文本提前结束：缺少结尾的 "]"',
  'comments are not allowed in JSON': 'JSON 中不允许注释',
  'this is not a valid number': '这不是有效的数字',
  'numbers cannot start with 0 (write 10, not 010)': '数字不能以 0 开头（写 10，而不是 010）',
  'a comma before a closing bracket is not allowed in JSON (remove it)': 'JSON 不允许在 "]" 前有逗号（请删除它）',
  'a comma before a closing brace is not allowed in JSON (remove it)': 'JSON 不允许在 "}" 前有逗号（请删除它）',
  'strings need double quotes ("…"), not single quotes': '字符串需要双引号（"…"），不能用单引号',
  'property names need double quotes ("…"), not single quotes': '属性名需要双引号（"…"），不能用单引号',
  'a \\u escape needs four hex digits': '\\u 转义需要四位十六进制数字',
  'a string runs past the end of the line (a closing " is missing?)': '字符串跨过了行尾（缺少结尾的 " 吗？）',
  'a control character in a string must be escaped': '字符串中的控制字符必须转义',
  'this string is never closed (a closing " is missing)': '此字符串没有结束（缺少结尾的 "）',
  // route syntax (scenario/routeString.ts)
  'it is empty': '它是空的', 'it has no destination': '它没有目的地',
};

/** Phrases with numbers or names in them. */
const PATTERNS: readonly [RegExp, (...m: string[]) => string][] = [
  [/^a whole number (-?\d+)–(\d+)$/, (a, b) => `整数 ${a}–${b}`],
  [/^a whole number (-?\d+) or more$/, (a) => `不小于 ${a} 的整数`],
  [/^(seconds|milliseconds|bytes|ticks of 10 ms \(100 = 1 s\)), (.+)$/, (unit, rest) => `${({ seconds: '秒', milliseconds: '毫秒', bytes: '字节' } as Record<string, string>)[unit] ?? '10 毫秒的节拍数（100 = 1 秒）'}，${phrase(rest)}`],
  [/^a number of seconds (\d+)–(\d+)$/, (a, b) => `秒数 ${a}–${b}`],
  [/^a number of seconds above 0, at most (\d+)$/, (a) => `大于 0、最多 ${a} 的秒数`],
  [/^at least (-?\d+)$/, (a) => `至少 ${a}`],
  [/^one of (.+)$/, (list) => `${list.split(', ').join('、')} 之一`],
  [/^"(.+)" needs a value$/, (k) => `"${k}" 需要一个值`],
  [/^metric "(.*)" is not a whole number 0 or more$/, (v) => `metric "${v}" 不是不小于 0 的整数`],
  [/^unknown keyword "(.*)" \(known: (.+)\)$/, (k, known) => `未知关键字 "${k}"（已知：${known.split(', ').join('、')}）`],
  [/^unexpected (.+): a ":" was expected after the property name$/, (c) => `意外的 ${c}：属性名后应为 ":"`],
  [/^invalid escape "(.*)" in a string$/, (e) => `字符串中有无效的转义 "${e}"`],
];

/** A known English phrase of the format in Chinese; any other is returned as it is. */
export function phrase(en: string): string {
  if (Object.hasOwn(PHRASES, en)) return PHRASES[en];
  for (const [re, f] of PATTERNS) {
    const m = re.exec(en);
    if (m) return f(...m.slice(1));
  }
  return en;
}

const COUNTED: Readonly<Record<string, string>> = { hosts: '主机', interfaces: '接口', sysctls: 'sysctl', segments: '网段', entries: '条目', actions: '动作' };

const clashZh = (c: RouteClash) => ('index' in c ? `routes[${c.index}]` : `${c.dev} 上 ${c.cidr} 的直连路由`);

type Templates = { readonly [K in MessageId]: (...args: MessageArgs<K>) => string };

const NAME_RULE = '（1–32 个字符：以字母或 "_" 开头，其后为字母、数字、"_" 或 "-"）';

/** Every message of messages.ts in 简体中文. */
export const ZH: Templates = {
  locked: (knob) => `${knob} 在本课中已锁定：请在不修改它的情况下达成目标`,
  required: (expected) => `缺少必填项：${phrase(expected)}`,
  wrongType: (expected, got) => `应为${phrase(expected)}，实际是${describeZh(got)}`,
  notOneOf: (v, values) => `${showZh(v)} 在此处无效（应为 ${oneOfZh(values)}）`,
  unknownField: (key, listed, candidates = listed) => {
    const s = suggest(key, candidates);
    return `未知字段 "${key}"${s ? `（是否想写 "${s}"？）` : listed.length ? `（此处的字段：${listed.join('、')}）` : ''}`;
  },
  unknownActionType: (type, types) => {
    const s = suggest(String(type), types);
    return `未知的动作类型 ${showZh(type)}${s ? `（是否想写 "${s}"？）` : ''}；有效类型：${types.join('、')}`;
  },
  missingActionType: (types) => `缺少必填项：动作的 "type"，为 ${types.join('、')} 之一`,
  notWhole: (v) => `${v} 不是整数`,
  outOfRange: (v, range) => `${v} 超出范围（应为${phrase(range)}）`,
  tooMany: (what, max) => `${COUNTED[what] ?? what}过多（最多 ${max} 个）`,
  tooLong: (max) => `太长（最多 ${max} 个字符）`,
  invalid: (detail) => `无效：${detail}`,

  notObject: (got) => `场景必须是 JSON 对象，实际是${describeZh(got)}`,
  versionNotNumber: (v) => `${showZh(v)} 不是格式版本号（应为整数，如 1）`,
  versionTooNew: (v, current) => `此场景的格式版本为 ${v}，由更新的 ARP Lab 创建；本 ARP Lab 最多读取版本 ${current}。请刷新页面或更新 ARP Lab 后再打开`,
  migrationFailed: (name, detail) => `无法升级此场景（迁移 "${name}"）：${detail}`,

  badHostName: (name) => `${showZh(name)} 不是有效的主机名${NAME_RULE}`,
  badSegmentName: (name) => `${showZh(name)} 不是有效的网段名${NAME_RULE}`,
  badIfaceName: (name) => `${showZh(name)} 不是有效的接口名（1–15 个字符，不含空格、"/" 或 ":"，不能是 "." 或 ".."，不能全是数字）`,

  notIPv4: (v) => `${showZh(v)} 不是 IPv4 地址（应为四个 0–255 的数，如 192.168.100.17）`,
  notCidr: (v) => `${showZh(v)} 不是带前缀长度的地址（应为 a.b.c.d/len，len 为 0–32，如 192.168.100.17/24）`,
  notRouteDest: (v) => `${showZh(v)} 不是路由目的地（应为 "default"、a.b.c.d/len（如 192.168.100.0/24）或 a.b.c.d）`,
  notMac: (v) => `${showZh(v)} 不是 MAC 地址（应为六组十六进制数，如 02:00:00:00:0a:00）`,
  macMulticast: (v) => `${showZh(v)} 是组播 MAC 地址（第一个字节是奇数）；接口需要单播 MAC，如 02:00:00:00:0a:00`,
  macZero: () => '00:00:00:00:00:00 不能作为接口的 MAC 地址',
  loHasNoMac: () => 'lo 没有可设置的 MAC 地址；请去掉 "mac"',
  labelPrefix: (label, dev) => `标签 ${showZh(label)} 必须以接口名 "${dev}" 开头（如 "${dev}:0"），这是 ip addr 的要求`,
  labelTooLong: (label) => `标签 ${showZh(label)} 超过 15 个字符`,
  duplicateAddress: (cidr, dev) => `${cidr} 已在 ${dev} 上（Linux 会拒绝："File exists"）`,
  loopbackImplicit: () => '127.0.0.1/8 总是在 lo 上；请去掉它',
  notNetmask: (v) => `${showZh(v)} 不是子网掩码（应为连续的 1，例如 255.255.255.0）`,
  listenNotLocal: (addr, host) =>
    `${addr} 不是主机 ${host} 的地址：bind() 失败，报“Cannot assign requested address”（只有 net.ipv4.ip_nonlocal_bind 才允许，ARP Lab 不模拟它）；请把该地址配到某个接口上（例如 lo 上的 VIP），或去掉 "addr" 以监听所有地址`,
  listenInUse: (proto, port, other) => `${proto} 端口 ${port} 已被本主机的 ${other} 占用：bind() 失败，报“Address already in use”`,
  ipvsServiceExists: (proto, vip, port, other) => `虚拟服务 ${proto} ${vip}:${port} 已定义（${other}）；ipvsadm -A 拒绝它：“Service already exists”`,
  ipvsDestExists: (ip, port, other) => `真实服务器 ${ip}:${port} 已在此服务中（${other}）；ipvsadm -a 拒绝它：“Destination already exists”`,
  ipvsDestPort: (method, port, svcPort) =>
    `只有 NAT（method "nat"）时真实服务器的端口才能与服务不同：使用 "${method}" 时报文原样到达真实服务器的 ${svcPort} 端口，ipvsadm 会用它替换 ${port}；请去掉 "port" 或改为 ${svcPort}`,
  connectTo: (v) => `${showZh(v)} 不是地址和端口（应为 a.b.c.d:port，例如 192.168.100.200:80）`,
  duplicateMac: (mac, other) => `MAC ${mac} 也被 ${other} 使用；每个接口需要自己的 MAC`,

  noSuchHost: (host, hosts) => `没有主机 ${showZh(host)}${didYouMeanZh(host, hosts, '主机')}`,
  noSuchDev: (host, dev, devs) => `主机 ${host} 没有接口 ${showZh(dev)}${didYouMeanZh(dev, devs, '它的接口')}`,
  bothHostAndHosts: () => '"host" 和 "hosts" 只能给出其一',
  noHost: () => '缺少必填项："host"（主机名）或 "hosts"（主机名列表）',
  emptyHosts: () => '主机列表为空',
  linkNothing: () => '没有要更改的内容：请给出 "mac" 和/或 "state"',
  pingIface: (host, v, devs) => `${showZh(v)} 既不是主机 ${host} 的接口，也不是 IPv4 源地址${didYouMeanZh(v, devs, '它的接口')}`,

  routeSyntax: (route, detail) => `${showZh(route)} 不是有效的路由：${phrase(detail)}（语法：[TYPE] DEST [via GW] [dev DEV] [proto P] [scope S] [src ADDR] [metric N]）`,
  routeHostBits: (dest, network) => `${dest} 带有主机位；网络是 ${network}（Linux："Invalid prefix for given prefix length"）`,
  routeNeedsDevOrVia: () => '单播路由需要 "dev" 或 "via"',
  gatewayNotOnLink: (via, dev) => `网关 ${via} 不在${dev !== undefined ? ` ${dev} 的` : ''}直连子网上（Linux："Nexthop has invalid gateway"）`,
  srcNotLocal: (src, host) => `src ${src} 不是主机 ${host} 的地址（Linux："Invalid prefsrc address"）`,
  routeExists: (dest, metric, other) => `到 ${dest}、metric 为 ${metric} 的路由已存在（${clashZh(other)}）；Linux 拒绝第二条（"File exists"）：请换一个 metric，或在地址上使用 noprefixroute`,

  segmentMember: (v) => `${showZh(v)} 不是网段成员（应为 "主机.接口"，如 "A.eth0"）`,
  segmentLo: (v) => `${showZh(v)}：lo 是回环接口，不能连接到网段`,
  ifaceOnTwoSegments: (port, other) => `${port} 已连接到网段 "${other}"；一个接口只能在一个网段上`,
  ifaceTwiceInSegment: (port) => `${port} 在此网段中出现了两次`,

  notSysctlKey: (key) => `未知的 sysctl ${showZh(key)}（ARP Lab 支持 net.ipv4.conf.{all,default,IFACE}.KNOB、net.ipv4.neigh.{default,IFACE}.PARAM 和 net.ipv4.ip_forward）`,
  sysctlSlashes: (key, dotted) => `sysctl 键请用点号分隔：${showZh(key)} → "${dotted}"`,
  unknownConfKnob: (knob, knobs) => `net.ipv4.conf 中没有参数 ${showZh(knob)}${didYouMeanZh(knob, knobs, '已知参数')}`,
  unknownNeighParam: (param, params) => `net.ipv4.neigh 中没有参数 ${showZh(param)}${didYouMeanZh(param, params, '已知参数')}`,
  sysctlNoIface: (host, dev, devs) => `主机 ${host} 没有接口 ${showZh(dev)}${didYouMeanZh(dev, devs, '可用 all、default 或它的接口')}`,
  neighAll: () => 'net.ipv4.neigh 没有 "all"；请使用 net.ipv4.neigh.default 或接口名',
  sysctlRange: (name, v, range) => `${v} 超出 ${name} 的范围（应为${phrase(range)}）`,

  jsonSyntax: (line, column, detail) => `JSON 语法错误，第 ${line} 行第 ${column} 列：${phrase(detail)}`,
  duplicateKey: (key, line, firstLine) => `键 ${showZh(key)} 在同一个对象中出现了两次（第 ${line} 行；第一次在第 ${firstLine} 行）。JSON 只保留最后一个，前一个会丢失：请重命名或合并它们`,
  fileEmpty: () => '文件是空的',
  fileTooLarge: (size, max) => `文件太大（${size} 个字符；最多 ${max} 个）`,
  linkNoScenario: () => '链接中没有场景（地址后应有 "#s=1.…"）',
  linkEmpty: () => '链接中的场景数据是空的（链接可能被截断了）',
  linkBadVersion: (v) => `链接的格式标记 ${showZh(v)} 无效（应为 "#s=1.…"）；链接可能已损坏`,
  linkTooNew: (v, current) => `此链接由更新的 ARP Lab 创建（链接格式 ${v}；本版本最多读取 ${current}）。请刷新页面或更新 ARP Lab 后再打开`,
  linkTooLong: (len, max) => `链接太长（${len} 个字符；最多 ${max} 个）`,
  linkBadBase64: (ch, pos) => `链接已损坏：位置 ${pos} 的字符 ${showZh(ch)} 不能出现在数据中（只能是字母、数字、"-" 和 "_"）`,
  linkBadLength: () => '链接已损坏或被截断（数据长度不可能）',
  linkTruncated: () => '链接不完整：压缩数据提前结束（复制时被截断了吗？）',
  linkNotDeflate: (detail) => `链接已损坏：数据不是有效的压缩数据（${detail}）`,
  linkTooLarge: (max) => `链接中的场景解压后太大（超过 ${max} 字节）`,
  linkNotText: () => '链接已损坏：数据不是 UTF-8 文本',
  linkNotJson: (detail) => `链接已损坏或被截断：其中的场景不是有效的 JSON（${detail}）`,
  linkInvalid: (count, first) => `链接中的场景无效（${count} 个问题）：${first}`,
  linkVersionMismatch: (link, doc) => `链接标明格式 ${link}，但其中的场景标明版本 ${showZh(doc)}；链接可能已损坏`,
  reservedName: () => '"__proto__" 不能用作名称或字段',
  internal: (detail) => `加载场景时发生内部错误：${detail}`,
};

/** The message of `code` with `args` in `lang`. */
export function messageText(lang: Lang, code: MessageId, args: readonly unknown[]): string {
  const table = (lang === 'zh' ? ZH : messages) as Readonly<Record<MessageId, (...a: readonly unknown[]) => string>>;
  return table[code](...args);
}

/**
 * An issue's message in `lang` (without its path), and the language it is in: an issue
 * without arguments (made before they were kept, or a parser's own words) stays English.
 */
export function issueMessage(lang: Lang, i: Pick<ScenarioIssue, 'code' | 'args' | 'message' | 'field' | 'route'>): { text: string; lang: Lang } {
  if (lang === 'en' || !i.code || !i.args || !Object.hasOwn(ZH, i.code)) return { text: i.message, lang: 'en' };
  let text: string;
  try {
    text = messageText(lang, i.code, i.args);
  } catch {
    return { text: i.message, lang: 'en' };
  }
  if (i.field !== undefined) text = `${i.field}：${text}`;
  if (i.route !== undefined) text = `路由 ${JSON.stringify(i.route)} 中：${text}`;
  return { text, lang };
}

/** `path: message` in `lang` (formatIssue's counterpart). */
export function formatIssueIn(lang: Lang, i: ScenarioIssue): string {
  const { text } = issueMessage(lang, i);
  if (!i.path) return text;
  return lang === 'zh' && text !== i.message ? `${i.path}：${text}` : `${i.path}: ${text}`;
}

/**
 * A part left out while loading what is valid (salvage.ts), in `lang`: the problem with its
 * path, preceded by where the part was when the problem lies elsewhere (an action left out
 * because the host it names was).
 */
export function leftOutText(lang: Lang, l: { path: string; reason: ScenarioIssue }): string {
  const why = formatIssueIn(lang, l.reason);
  const within = l.reason.path === l.path || l.reason.path.startsWith(`${l.path}.`) || l.reason.path.startsWith(`${l.path}[`);
  return within ? why : `${l.path} — ${why}`;
}
