import { describe, expect, it } from 'vitest';
import { decodeShareLink } from '../scenario/codec/url.ts';
import { loadScenario, loadScenarioText } from '../scenario/load.ts';
import { messages, type MessageArgs, type MessageId } from '../scenario/messages.ts';
import { formatIssueIn, issueMessage, messageText, phrase, ZH } from './scenarioMessages.ts';

/** Arguments for every message id (a missing id does not compile, and fails below). */
const SAMPLES: { [K in MessageId]: MessageArgs<K> } = {
  locked: ['arp_ignore'],
  required: ['an IPv4 address like 192.168.100.17'],
  wrongType: ['a list', { a: 1 }],
  notOneOf: ['bogus', ['a', 'b']],
  unknownField: ['adresses', ['addresses', 'mac']],
  unknownActionType: ['pnig', ['ping', 'arping']],
  missingActionType: [['ping', 'arping']],
  notWhole: [1.5],
  outOfRange: [70000, 'a whole number 1–65535'],
  tooMany: ['hosts', 128],
  tooLong: [200],
  invalid: ['the scenario is not valid'],
  notObject: [[1, 2]],
  versionNotNumber: ['one'],
  versionTooNew: [9, 2],
  migrationFailed: ['v1-to-v2', 'boom'],
  badHostName: ['1abc'],
  badSegmentName: ['-lan'],
  badIfaceName: ['eth 0'],
  notIPv4: ['300.1.1.1'],
  notCidr: ['10.0.0.1/33'],
  notRouteDest: ['nowhere'],
  notMac: ['02:00:zz:00:00:00'],
  macMulticast: ['03:00:00:00:00:01'],
  macZero: [],
  loHasNoMac: [],
  labelPrefix: ['foo:0', 'eth0'],
  labelTooLong: ['eth0:abcdefghijklmnop'],
  duplicateAddress: ['10.0.0.1/24', 'eth0'],
  loopbackImplicit: [],
  notNetmask: ['255.0.255.0'],
  listenNotLocal: ['10.0.0.100', 'RS1'],
  listenInUse: ['tcp', 80, 'listen[0]'],
  ipvsServiceExists: ['tcp', '10.0.0.100', 80, 'ipvs[0]'],
  ipvsDestExists: ['10.0.0.11', 80, 'dests[0]'],
  ipvsDestPort: ['dr', 8080, 80],
  connectTo: ['10.0.0.100'],
  duplicateMac: ['02:00:00:00:0a:00', 'B.eth0'],
  noSuchHost: ['Q', ['A', 'B']],
  noSuchDev: ['A', 'eth9', ['eth0', 'eth1', 'lo']],
  bothHostAndHosts: [],
  noHost: [],
  emptyHosts: [],
  linkNothing: [],
  pingIface: ['A', 'eth9', ['eth0', 'lo']],
  routeSyntax: ['10.0.0.0/8 via', '"via" needs a value'],
  routeHostBits: ['10.0.0.1/8', '10.0.0.0/8'],
  routeNeedsDevOrVia: [],
  gatewayNotOnLink: ['10.9.9.9', 'eth0'],
  srcNotLocal: ['10.1.1.1', 'A'],
  routeExists: ['10.0.0.0/8', 0, { cidr: '10.0.0.1/8', dev: 'eth0' }],
  segmentMember: ['Aeth0'],
  segmentLo: ['A.lo'],
  ifaceOnTwoSegments: ['A.eth0', 'lan2'],
  ifaceTwiceInSegment: ['A.eth0'],
  notSysctlKey: ['net.ipv6.foo'],
  sysctlSlashes: ['net/ipv4/ip_forward', 'net.ipv4.ip_forward'],
  unknownConfKnob: ['arp_ignor', ['arp_ignore', 'arp_announce']],
  unknownNeighParam: ['locktim', ['locktime']],
  sysctlNoIface: ['A', 'eth9', ['eth0', 'lo']],
  neighAll: [],
  sysctlRange: ['arp_announce', 5, '0, 1 or 2'],
  jsonSyntax: [3, 7, 'comments are not allowed in JSON'],
  duplicateKey: ['A', 9, 2],
  fileEmpty: [],
  fileTooLarge: [6_000_000, 5_000_000],
  linkNoScenario: [],
  linkEmpty: [],
  linkBadVersion: ['x'],
  linkTooNew: [9, 2],
  linkTooLong: [3_000_000, 2_097_152],
  linkBadBase64: ['!', 12],
  linkBadLength: [],
  linkTruncated: [],
  linkNotDeflate: ['invalid block type'],
  linkTooLarge: [1_048_576],
  linkNotText: [],
  linkNotJson: ['Unexpected token'],
  linkInvalid: [2, 'hosts.A.mac: bad'],
  linkVersionMismatch: [1, 2],
  reservedName: [],
  internal: ['TypeError: x'],
};

const CJK = /[\u4e00-\u9fff]/;

describe('scenario messages in 简体中文', () => {
  const ids = Object.keys(messages) as MessageId[];

  it.each(ids)('%s has a Chinese template that words its arguments', (id) => {
    expect(Object.hasOwn(ZH, id), `no zh template for ${id}`).toBe(true);
    expect(Object.hasOwn(SAMPLES, id), `no sample arguments for ${id}`).toBe(true);
    const args = SAMPLES[id] as readonly unknown[];
    const zh = messageText('zh', id, args);
    const en = messageText('en', id, args);
    expect(zh).toMatch(CJK);
    expect(zh).not.toBe(en);
    // The names and numbers the message is about appear in it (as in English); tooMany's
    // first argument is what is counted ("hosts"), which is worded.
    for (const a of id === 'tooMany' ? args.slice(1) : args) {
      if ((typeof a === 'string' && a.length <= 20 && !/\s/.test(a)) || typeof a === 'number') expect(zh).toContain(String(a));
    }
  });

  it('has no template for an id the scenario layer does not have', () => {
    expect(Object.keys(ZH).sort()).toEqual([...ids].sort());
  });

  it('words the format’s phrases and keeps unknown ones', () => {
    expect(phrase('a whole number 0–4294967295')).toBe('整数 0–4294967295');
    expect(phrase('ticks of 10 ms (100 = 1 s), a whole number 0 or more')).toBe('10 毫秒的节拍数（100 = 1 秒），不小于 0 的整数');
    expect(phrase('an interface name like eth0')).toBe('接口名，如 eth0');
    expect(phrase('something new')).toBe('something new');
  });
});

describe('issues from real loads, in 简体中文', () => {
  const base = () => ({
    version: 1,
    hosts: {
      A: { interfaces: { eth0: { addresses: ['192.168.100.17/24'] } }, routes: ['default via 192.168.100.1'] },
      B: { interfaces: { eth0: { addresses: ['192.168.100.39/24'] } } },
    },
    segments: { lan: ['A.eth0', 'B.eth0'] },
    actions: [{ type: 'ping', host: 'B', to: '192.168.100.17' }],
  });
  const zhOf = (doc: unknown) => {
    const r = loadScenario(doc);
    if (r.ok) throw new Error('expected issues');
    return r.issues.map((i) => formatIssueIn('zh', i));
  };

  it('a field check (verified), a zod type check, a cross-reference and a route field', () => {
    const d = base() as Record<string, unknown> & ReturnType<typeof base>;
    (d.hosts.A.interfaces.eth0 as Record<string, unknown>).mac = '02:00:zz:00:00:00';
    (d.hosts.B as Record<string, unknown>).routes = [{ dest: 'default', via: '10.1.1.1', metric: 'x' }];
    d.actions.push({ type: 'ping', host: 'C', to: '192.168.100.39' });
    (d.hosts.A as Record<string, unknown>).routes = ['default via 300.1.1.1'];
    const lines = zhOf(d);
    expect(lines).toContain('hosts.A.interfaces.eth0.mac："02:00:zz:00:00:00" 不是 MAC 地址（应为六组十六进制数，如 02:00:00:00:0a:00）');
    expect(lines).toContain('hosts.B.routes[0].metric：应为整数 0–4294967295，实际是文本 "x"');
    expect(lines).toContain('hosts.A.routes[0]：路由 "default via 300.1.1.1" 中：via："300.1.1.1" 不是 IPv4 地址（应为四个 0–255 的数，如 192.168.100.17）');
    expect(lines.join('\n')).not.toMatch(/is not|expected|there is no/);
  });

  it('a cross-reference with a suggestion, and an unknown field', () => {
    const d = base() as ReturnType<typeof base> & Record<string, unknown>;
    d.actions[0] = { type: 'ping', host: 'b', to: '192.168.100.17' };
    (d.hosts.B as Record<string, unknown>).interfacez = {};
    const lines = zhOf(d);
    expect(lines).toContain('hosts.B.interfacez：未知字段 "interfacez"（是否想写 "interfaces"？）');
    expect(lines).toContain('actions[0].host：没有主机 "b"（是否想写 "B"？）');
  });

  it('a JSON syntax error and a duplicate key', () => {
    const r = loadScenarioText('{\n  "version": 1,\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssueIn('zh', r.issues[0])).toBe('JSON 语法错误，第 2 行第 15 列：JSON 不允许在 "}" 前有逗号（请删除它）');
    const d = loadScenarioText('{"version": 1, "version": 1, "hosts": {}}');
    if (!d.ok) expect(formatIssueIn('zh', d.issues[0])).toMatch(/^version：键 "version" 在同一个对象中出现了两次（第 1 行；第一次在第 1 行）/);
  });

  it('a damaged link', () => {
    const r = decodeShareLink('#s=1.ab!c');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(issueMessage('zh', r)).toEqual({ text: '链接已损坏：位置 4 的字符 "!" 不能出现在数据中（只能是字母、数字、"-" 和 "_"）', lang: 'zh' });
  });

  it('English stays the scenario layer’s own text', () => {
    const r = loadScenario({ version: 1, hosts: { A: { interfaces: { eth0: { mac: 'x' } } } } });
    if (r.ok) throw new Error('expected issues');
    expect(formatIssueIn('en', r.issues[0])).toBe('hosts.A.interfaces.eth0.mac: "x" is not a MAC address (expected six hex pairs like 02:00:00:00:0a:00)');
  });
});
