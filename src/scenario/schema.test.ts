/* eslint-disable @typescript-eslint/no-explicit-any -- test documents are built by hand */
/**
 * Every validation rule, each with a failing case (exact path, message id, message fragment)
 * and a passing case. The documents start from `base()`, a small valid two-NIC scenario.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario, type LoadResult } from './load.ts';
import { formatIssue } from './issues.ts';
import { CONF_KNOBS, NEIGH_PARAMS } from './sysctlKeys.ts';
import { ACTION_TYPES } from './schema.ts';

type Doc = Record<string, any>;

function base(): Doc {
  return {
    version: 2,
    hosts: {
      A: {
        interfaces: {
          eth0: { mac: '02:00:00:00:0a:00', addresses: ['192.168.100.17/24'] },
          eth1: { mac: '02:00:00:00:0a:01', addresses: [{ cidr: '192.168.100.36/24', noprefixroute: true }] },
        },
        routes: [{ dest: '192.168.100.0/24', dev: 'eth1', metric: 101 }, 'default via 192.168.100.1 dev eth0'],
        sysctls: { 'net.ipv4.conf.all.arp_ignore': 1 },
      },
      B: { interfaces: { eth0: { addresses: ['192.168.100.39/24'] } } },
    },
    segments: { lan: ['A.eth0', 'A.eth1', 'B.eth0'] },
    actions: [{ type: 'ping', host: 'B', to: '192.168.100.17' }],
  };
}

const A = (d: Doc) => d.hosts.A;
const act = (d: Doc, a: Doc) => { d.actions = [a]; };

function run(mutate: (d: Doc) => void): LoadResult {
  const d = base();
  mutate(d);
  return loadScenario(d);
}

function expectOk(mutate: (d: Doc) => void): void {
  const r = run(mutate);
  if (!r.ok) expect.fail(`expected the document to load, got:\n${r.issues.map(formatIssue).join('\n')}`);
}

function expectIssue(mutate: (d: Doc) => void, path: string, code: string, fragment: string): void {
  const r = run(mutate);
  if (r.ok) expect.fail(`expected an issue at ${path}, the document loaded`);
  const found = r.issues.find((i) => i.path === path && i.code === code);
  if (!found) expect.fail(`no ${code} issue at ${path}; got:\n${r.issues.map((i) => `${i.code} ${formatIssue(i)}`).join('\n')}`);
  expect(found.message).toContain(fragment);
}

interface Rule {
  rule: string;
  bad: (d: Doc) => void;
  path: string;
  code: string;
  fragment: string;
  good: (d: Doc) => void;
}

function rules(group: string, list: Rule[]): void {
  describe(group, () => {
    for (const r of list) {
      it(`${r.rule}: rejects`, () => expectIssue(r.bad, r.path, r.code, r.fragment));
      it(`${r.rule}: accepts`, () => expectOk(r.good));
    }
  });
}

describe('the base document', () => {
  it('loads', () => expectOk(() => {}));
});

describe('document', () => {
  it.each([5, 'x', null, [], true])('rejects a non-object (%j)', (v) => {
    const r = loadScenario(v);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].path).toBe('');
      expect(r.issues[0].code).toBe('notObject');
      expect(r.issues[0].message).toContain('must be a JSON object');
    }
  });
});

rules('version', [
  { rule: 'absent means 1 (and 2 is this version)', bad: (d) => { d.version = 3; }, path: 'version', code: 'versionTooNew', fragment: 'made by a newer ARP Lab', good: (d) => { delete d.version; } },
  { rule: 'a newer version', bad: (d) => { d.version = 7; }, path: 'version', code: 'versionTooNew', fragment: 'format version 7', good: (d) => { d.version = 2; } },
  { rule: 'a string version', bad: (d) => { d.version = '1'; }, path: 'version', code: 'versionNotNumber', fragment: 'is not a format version', good: (d) => { d.version = 1; } },
  { rule: 'version 0', bad: (d) => { d.version = 0; }, path: 'version', code: 'versionNotNumber', fragment: '0 is not a format version', good: (d) => { d.version = 1; } },
  { rule: 'a fractional version', bad: (d) => { d.version = 1.5; }, path: 'version', code: 'versionNotNumber', fragment: '1.5', good: (d) => { d.version = 1; } },
]);

rules('fields', [
  { rule: 'unknown top-level field', bad: (d) => { d.titel = 'x'; }, path: 'titel', code: 'unknownField', fragment: 'unknown field "titel" (did you mean "title"?)', good: (d) => { d.title = 'x'; } },
  {
    rule: 'annotation and presentation fields at the top', bad: (d) => { d.comment = 'x'; }, path: 'comment', code: 'unknownField', fragment: 'fields here: version, title',
    good: (d) => Object.assign(d, {
      id: 'S03', article: 'a', note: 'n', expect: [{ by: 'model' }], rp_filter_values: [0, 1, 2], rp_filter_fixed: true,
      title: 't', description: 'd', notes: 'n', layout: { A: { x: 1, y: 2 }, lan: { x: 0, y: 0 } }, seed: 3,
    }),
  },
  { rule: 'unknown host field', bad: (d) => { A(d).interface = {}; }, path: 'hosts.A.interface', code: 'unknownField', fragment: 'did you mean "interfaces"?', good: (d) => { A(d).kind = 'director'; A(d).notes = 'VIP on eth0:0'; } },
  { rule: 'annotations on a host', bad: (d) => { A(d).layout = {}; }, path: 'hosts.A.layout', code: 'unknownField', fragment: 'unknown field "layout"', good: (d) => { Object.assign(A(d), { id: 1, article: 'x', note: 'y', expect: {}, rp_filter_values: [], rp_filter_fixed: 0 }); } },
  { rule: 'unknown interface field', bad: (d) => { A(d).interfaces.eth0.adresses = []; }, path: 'hosts.A.interfaces.eth0.adresses', code: 'unknownField', fragment: 'did you mean "addresses"?', good: (d) => { A(d).interfaces.eth0.state = 'down'; } },
  { rule: 'hosts is required', bad: (d) => { delete d.hosts; }, path: 'hosts', code: 'required', fragment: 'required: an object of hosts', good: (d) => { d.hosts = {}; delete d.segments; delete d.actions; } },
  { rule: 'hosts is an object', bad: (d) => { d.hosts = []; }, path: 'hosts', code: 'wrongType', fragment: 'got a list', good: () => {} },
  { rule: 'title is text', bad: (d) => { d.title = 5; }, path: 'title', code: 'wrongType', fragment: 'expected a string, got the number 5', good: (d) => { d.title = 'ARP flux'; } },
  { rule: 'kind', bad: (d) => { A(d).kind = 'server'; }, path: 'hosts.A.kind', code: 'notOneOf', fragment: '"server" is not valid here (expected "host", "router"', good: (d) => { A(d).kind = 'real-server'; } },
  { rule: 'seed is a whole number', bad: (d) => { d.seed = 1.5; }, path: 'seed', code: 'notWhole', fragment: '1.5 is not a whole number', good: (d) => { d.seed = 0; } },
  { rule: 'seed range', bad: (d) => { d.seed = 2 ** 32; }, path: 'seed', code: 'outOfRange', fragment: 'out of range', good: (d) => { d.seed = 2 ** 32 - 1; } },
  { rule: 'layout positions', bad: (d) => { d.layout = { A: { x: 'left', y: 0 } }; }, path: 'layout.A.x', code: 'wrongType', fragment: 'expected a number', good: (d) => { d.layout = { A: { x: -5.5, y: 0 } }; } },
  { rule: 'layout fields', bad: (d) => { d.layout = { A: { x: 0, y: 0, z: 1 } }; }, path: 'layout.A.z', code: 'unknownField', fragment: 'unknown field "z"', good: (d) => { d.layout = { A: { x: 0, y: 0 } }; } },
  { rule: 'too many hosts', bad: (d) => { for (let i = 0; i < 2000; i++) d.hosts[`h${i}`] = {}; }, path: 'hosts', code: 'tooMany', fragment: 'too many hosts (at most 2000)', good: (d) => { for (let i = 0; i < 1998; i++) d.hosts[`h${i}`] = {}; } },
  { rule: 'too many actions', bad: (d) => { d.actions = Array.from({ length: 1001 }, () => ({ type: 'snapshot' })); }, path: 'actions', code: 'tooMany', fragment: 'at most 1000', good: (d) => { d.actions = Array.from({ length: 1000 }, () => ({ type: 'snapshot' })); } },
]);

rules('names', [
  { rule: 'host name', bad: (d) => { d.hosts['bad name'] = {}; }, path: 'hosts["bad name"]', code: 'badHostName', fragment: 'is not a valid host name', good: (d) => { d.hosts['real-server_1'] = {}; } },
  { rule: 'host name with a dot', bad: (d) => { d.hosts['a.b'] = {}; }, path: 'hosts["a.b"]', code: 'badHostName', fragment: '"a.b"', good: (d) => { d.hosts.Ω = {}; } },
  { rule: 'interface name with "/"', bad: (d) => { A(d).interfaces['eth/0'] = {}; }, path: 'hosts.A.interfaces["eth/0"]', code: 'badIfaceName', fragment: 'is not a valid interface name', good: (d) => { A(d).interfaces['eth0.100'] = {}; } },
  { rule: 'interface name too long', bad: (d) => { A(d).interfaces.abcdefghijklmnop = {}; }, path: 'hosts.A.interfaces.abcdefghijklmnop', code: 'badIfaceName', fragment: '1–15 characters', good: (d) => { A(d).interfaces.abcdefghijklmno = {}; } },
  { rule: 'interface name all digits', bad: (d) => { A(d).interfaces['12'] = {}; }, path: 'hosts.A.interfaces.12', code: 'badIfaceName', fragment: 'not only digits', good: (d) => { A(d).interfaces.e12 = {}; } },
  { rule: 'segment name', bad: (d) => { d.segments['my lan'] = []; }, path: 'segments["my lan"]', code: 'badSegmentName', fragment: 'is not a valid segment name', good: (d) => { d.segments.net172 = []; } },
]);

rules('MAC addresses', [
  {
    rule: 'format', bad: (d) => { A(d).interfaces.eth0.mac = '02:00:00:00:0g:00'; }, path: 'hosts.A.interfaces.eth0.mac', code: 'notMac',
    fragment: '"02:00:00:00:0g:00" is not a MAC address (expected six hex pairs like 02:00:00:00:0a:00)',
    good: (d) => { A(d).interfaces.eth0.mac = '02:00:00:00:0A:0F'; },
  },
  { rule: 'five pairs', bad: (d) => { A(d).interfaces.eth0.mac = '02:00:00:00:0a'; }, path: 'hosts.A.interfaces.eth0.mac', code: 'notMac', fragment: 'six hex pairs', good: (d) => { delete A(d).interfaces.eth0.mac; } },
  { rule: 'multicast', bad: (d) => { A(d).interfaces.eth0.mac = '01:00:5e:00:00:01'; }, path: 'hosts.A.interfaces.eth0.mac', code: 'macMulticast', fragment: 'is a multicast MAC address', good: (d) => { A(d).interfaces.eth0.mac = '00:00:5e:00:00:01'; } },
  { rule: 'broadcast', bad: (d) => { A(d).interfaces.eth0.mac = 'ff:ff:ff:ff:ff:ff'; }, path: 'hosts.A.interfaces.eth0.mac', code: 'macMulticast', fragment: 'multicast', good: (d) => { A(d).interfaces.eth0.mac = 'fe:ff:ff:ff:ff:ff'; } },
  { rule: 'all zeros', bad: (d) => { A(d).interfaces.eth0.mac = '00:00:00:00:00:00'; }, path: 'hosts.A.interfaces.eth0.mac', code: 'macZero', fragment: 'cannot be', good: (d) => { A(d).interfaces.eth0.mac = '00:00:00:00:00:01'; } },
  { rule: 'lo has none', bad: (d) => { A(d).interfaces.lo = { mac: '02:00:00:00:00:01' }; }, path: 'hosts.A.interfaces.lo.mac', code: 'loHasNoMac', fragment: 'lo has no MAC', good: (d) => { A(d).interfaces.lo = {}; } },
  {
    rule: 'duplicate across hosts', bad: (d) => { d.hosts.B.interfaces.eth0.mac = '02:00:00:00:0A:00'; }, path: 'hosts.B.interfaces.eth0.mac', code: 'duplicateMac',
    fragment: 'MAC 02:00:00:00:0a:00 is also used by A.eth0', good: (d) => { d.hosts.B.interfaces.eth0.mac = '02:00:00:00:0b:00'; },
  },
  {
    // B is host 2, its eth0 gets the default 02:00:00:00:02:00
    rule: 'duplicate with a default MAC', bad: (d) => { A(d).interfaces.eth1.mac = '02:00:00:00:02:00'; }, path: 'hosts.B.interfaces.eth0', code: 'duplicateMac',
    fragment: 'also used by A.eth1', good: (d) => { A(d).interfaces.eth1.mac = '02:00:00:00:02:01'; },
  },
  {
    rule: 'duplicate defaults are impossible, explicit ones are checked', bad: (d) => { d.hosts.B.interfaces.eth0.mac = '02:00:00:00:0a:01'; }, path: 'hosts.B.interfaces.eth0.mac', code: 'duplicateMac',
    fragment: 'A.eth1', good: (d) => { delete A(d).interfaces.eth0.mac; delete A(d).interfaces.eth1.mac; },
  },
]);

rules('addresses', [
  { rule: 'prefix length required', bad: (d) => { A(d).interfaces.eth0.addresses = ['192.168.100.17']; }, path: 'hosts.A.interfaces.eth0.addresses[0]', code: 'notCidr', fragment: '"192.168.100.17" is not an address with a prefix length', good: (d) => { A(d).interfaces.eth0.addresses.push('192.168.100.99/32'); } },
  { rule: 'prefix 0–32', bad: (d) => { A(d).interfaces.eth0.addresses = ['192.168.100.17/33']; }, path: 'hosts.A.interfaces.eth0.addresses[0]', code: 'notCidr', fragment: 'len 0–32', good: (d) => { A(d).interfaces.eth1.addresses.push({ cidr: '10.1.2.3/0', noprefixroute: true }, '10.1.2.4/32'); } },
  { rule: 'octets 0–255', bad: (d) => { A(d).interfaces.eth0.addresses = ['192.168.256.17/24']; }, path: 'hosts.A.interfaces.eth0.addresses[0]', code: 'notCidr', fragment: '192.168.256.17/24', good: (d) => { A(d).interfaces.eth0.addresses.push('192.168.255.255/24'); } },
  { rule: 'no leading zeros', bad: (d) => { A(d).interfaces.eth0.addresses = ['192.168.010.17/24']; }, path: 'hosts.A.interfaces.eth0.addresses[0]', code: 'notCidr', fragment: 'is not an address', good: (d) => { A(d).interfaces.eth0.addresses = ['192.168.100.7/24', '0.0.0.0/8']; } },
  { rule: 'object cidr type', bad: (d) => { A(d).interfaces.eth0.addresses = [{ cidr: 5 }]; }, path: 'hosts.A.interfaces.eth0.addresses[0].cidr', code: 'wrongType', fragment: 'got the number 5', good: (d) => { A(d).interfaces.eth0.addresses = [{ cidr: '192.168.100.17/24' }]; } },
  { rule: 'object cidr required', bad: (d) => { A(d).interfaces.eth0.addresses = [{ label: 'eth0:1' }]; }, path: 'hosts.A.interfaces.eth0.addresses[0].cidr', code: 'required', fragment: 'required: an address with prefix length', good: (d) => { A(d).interfaces.eth0.addresses = [{ cidr: '192.168.100.17/24', label: 'eth0:1' }]; } },
  { rule: 'address type', bad: (d) => { A(d).interfaces.eth0.addresses = [7]; }, path: 'hosts.A.interfaces.eth0.addresses[0]', code: 'wrongType', fragment: 'expected an address: "a.b.c.d/len" or an object with "cidr", got the number 7', good: () => {} },
  { rule: 'address object fields', bad: (d) => { A(d).interfaces.eth0.addresses = [{ cidr: '192.168.100.17/24', lable: 'x' }]; }, path: 'hosts.A.interfaces.eth0.addresses[0].lable', code: 'unknownField', fragment: 'did you mean "label"?', good: (d) => { A(d).interfaces.eth0.addresses = [{ cidr: '192.168.100.17/24', scope: 'host', noprefixroute: false, metric: 5 }]; } },
  { rule: 'scope', bad: (d) => { A(d).interfaces.eth0.addresses = [{ cidr: '192.168.100.17/24', scope: 'universe' }]; }, path: 'hosts.A.interfaces.eth0.addresses[0].scope', code: 'notOneOf', fragment: '"universe" is not valid here', good: (d) => { A(d).interfaces.eth0.addresses = [{ cidr: '192.168.100.17/24', scope: 'link' }]; } },
  { rule: 'noprefixroute is boolean', bad: (d) => { A(d).interfaces.eth1.addresses[0].noprefixroute = 'yes'; }, path: 'hosts.A.interfaces.eth1.addresses[0].noprefixroute', code: 'wrongType', fragment: 'expected true or false', good: (d) => { A(d).interfaces.eth1.addresses[0].noprefixroute = true; } },
  {
    rule: 'duplicate on one interface', bad: (d) => { A(d).interfaces.eth0.addresses.push({ cidr: '192.168.100.17/24', label: 'eth0:0' }); }, path: 'hosts.A.interfaces.eth0.addresses[1].cidr', code: 'duplicateAddress',
    fragment: '192.168.100.17/24 is already on eth0', good: (d) => { A(d).interfaces.eth0.addresses.push('192.168.100.17/25', '192.168.100.18/24'); },
  },
  { rule: 'same address on two interfaces is allowed', bad: (d) => { A(d).interfaces.eth1.addresses.push('192.168.100.36/24'); }, path: 'hosts.A.interfaces.eth1.addresses[1]', code: 'duplicateAddress', fragment: 'already on eth1', good: (d) => { A(d).interfaces.eth1.addresses = ['192.168.100.17/24']; A(d).routes = []; } },
  { rule: 'label starts with the device', bad: (d) => { A(d).interfaces.eth0.addresses = [{ cidr: '10.0.0.1/8', label: 'lo:0' }]; }, path: 'hosts.A.interfaces.eth0.addresses[0].label', code: 'labelPrefix', fragment: 'must start with the interface name "eth0"', good: (d) => { A(d).interfaces.eth0.addresses.push({ cidr: '10.0.0.1/8', label: 'eth0:0' }); } },
  { rule: 'label length', bad: (d) => { A(d).interfaces.eth0.addresses = [{ cidr: '10.0.0.1/8', label: 'eth0:0123456789x' }]; }, path: 'hosts.A.interfaces.eth0.addresses[0].label', code: 'tooLong', fragment: 'at most 15', good: (d) => { A(d).interfaces.eth0.addresses.push({ cidr: '10.0.0.1/8', label: 'eth0:012345678' }); } },
  { rule: '127.0.0.1/8 is implicit on lo', bad: (d) => { A(d).interfaces.lo = { addresses: ['127.0.0.1/8'] }; }, path: 'hosts.A.interfaces.lo.addresses[0]', code: 'loopbackImplicit', fragment: 'always on lo', good: (d) => { A(d).interfaces.lo = { addresses: [{ cidr: '192.168.100.200/32', label: 'lo:0' }] }; } },
  { rule: 'too many addresses', bad: (d) => { A(d).interfaces.eth0.addresses = Array.from({ length: 65 }, (_, i) => `10.0.0.${i + 1}/8`); }, path: 'hosts.A.interfaces.eth0.addresses', code: 'tooMany', fragment: 'at most 64', good: (d) => { A(d).interfaces.eth2 = { addresses: Array.from({ length: 64 }, (_, i) => `10.0.0.${i + 1}/8`) }; } },
]);

rules('sysctls', [
  { rule: 'unknown knob', bad: (d) => { A(d).sysctls = { 'net.ipv4.conf.eth0.arp_ignor': 1 }; }, path: 'hosts.A.sysctls["net.ipv4.conf.eth0.arp_ignor"]', code: 'unknownConfKnob', fragment: 'did you mean "arp_ignore"?', good: (d) => { A(d).sysctls = { 'net.ipv4.conf.eth0.arp_ignore': 1 }; } },
  { rule: 'interface of this host', bad: (d) => { d.hosts.B.sysctls = { 'net.ipv4.conf.eth1.arp_ignore': 1 }; }, path: 'hosts.B.sysctls["net.ipv4.conf.eth1.arp_ignore"]', code: 'sysctlNoIface', fragment: 'host B has no interface "eth1"', good: (d) => { A(d).sysctls = { 'net.ipv4.conf.eth1.arp_ignore': 1 }; } },
  { rule: 'all, default and lo', bad: (d) => { A(d).sysctls = { 'net.ipv4.conf.any.rp_filter': 1 }; }, path: 'hosts.A.sysctls["net.ipv4.conf.any.rp_filter"]', code: 'sysctlNoIface', fragment: 'use all, default or one of its interfaces', good: (d) => { A(d).sysctls = { 'net.ipv4.conf.all.rp_filter': 1, 'net.ipv4.conf.default.rp_filter': 2, 'net.ipv4.conf.lo.arp_ignore': 1 }; } },
  { rule: 'ip_forward', bad: (d) => { A(d).sysctls = { 'net.ipv4.ip_forward': 2147483648 }; }, path: 'hosts.A.sysctls["net.ipv4.ip_forward"]', code: 'sysctlRange', fragment: '2147483648 is out of range for ip_forward (expected a whole number -2147483648–2147483647)', good: (d) => { A(d).sysctls = { 'net.ipv4.ip_forward': 2 }; } },
  // The kernel stores any int in a conf knob (proc_dointvec): only what does not fit an int is refused.
  { rule: 'rp_filter range', bad: (d) => { A(d).sysctls = { 'net.ipv4.conf.all.rp_filter': 2 ** 31 }; }, path: 'hosts.A.sysctls["net.ipv4.conf.all.rp_filter"]', code: 'sysctlRange', fragment: '-2147483648–2147483647', good: (d) => { A(d).sysctls = { 'net.ipv4.conf.all.rp_filter': 3 }; } },
  { rule: 'arp_ignore range', bad: (d) => { A(d).sysctls = { 'net.ipv4.conf.eth0.arp_ignore': -(2 ** 31) - 1 }; }, path: 'hosts.A.sysctls["net.ipv4.conf.eth0.arp_ignore"]', code: 'sysctlRange', fragment: 'out of range for arp_ignore', good: (d) => { A(d).sysctls = { 'net.ipv4.conf.eth0.arp_ignore': 9, 'net.ipv4.conf.all.arp_ignore': -(2 ** 31) }; } },
  { rule: 'medium_id range', bad: (d) => { A(d).sysctls = { 'net.ipv4.conf.eth0.medium_id': 2 ** 40 }; }, path: 'hosts.A.sysctls["net.ipv4.conf.eth0.medium_id"]', code: 'sysctlRange', fragment: 'out of range for medium_id', good: (d) => { A(d).sysctls = { 'net.ipv4.conf.eth0.medium_id': -2 }; } },
  { rule: 'whole numbers', bad: (d) => { A(d).sysctls = { 'net.ipv4.conf.all.arp_announce': 1.5 }; }, path: 'hosts.A.sysctls["net.ipv4.conf.all.arp_announce"]', code: 'notWhole', fragment: '1.5 is not a whole number', good: (d) => { A(d).sysctls = { 'net.ipv4.conf.all.arp_announce': 2 }; } },
  { rule: 'numbers', bad: (d) => { A(d).sysctls = { 'net.ipv4.conf.all.arp_announce': '2' }; }, path: 'hosts.A.sysctls["net.ipv4.conf.all.arp_announce"]', code: 'wrongType', fragment: 'expected a number, got the text "2"', good: (d) => { A(d).sysctls = { 'net.ipv4.conf.all.arp_announce': 0 }; } },
  { rule: 'neigh parameters', bad: (d) => { A(d).sysctls = { 'net.ipv4.neigh.eth0.reachable_time': 5 }; }, path: 'hosts.A.sysctls["net.ipv4.neigh.eth0.reachable_time"]', code: 'unknownNeighParam', fragment: 'unknown parameter "reachable_time"', good: (d) => { A(d).sysctls = { 'net.ipv4.neigh.eth0.base_reachable_time': 5, 'net.ipv4.neigh.default.locktime': 0 }; } },
  { rule: 'neigh has no all', bad: (d) => { A(d).sysctls = { 'net.ipv4.neigh.all.locktime': 0 }; }, path: 'hosts.A.sysctls["net.ipv4.neigh.all.locktime"]', code: 'neighAll', fragment: 'net.ipv4.neigh has no "all"', good: (d) => { A(d).sysctls = { 'net.ipv4.neigh.lo.locktime': 0 }; } },
  { rule: 'neigh interface', bad: (d) => { A(d).sysctls = { 'net.ipv4.neigh.eth7.locktime': 0 }; }, path: 'hosts.A.sysctls["net.ipv4.neigh.eth7.locktime"]', code: 'sysctlNoIface', fragment: 'no interface "eth7"', good: (d) => { A(d).sysctls = { 'net.ipv4.neigh.eth1.locktime': 0 }; } },
  { rule: 'neigh value range', bad: (d) => { A(d).sysctls = { 'net.ipv4.neigh.eth0.ucast_solicit': -1 }; }, path: 'hosts.A.sysctls["net.ipv4.neigh.eth0.ucast_solicit"]', code: 'sysctlRange', fragment: 'out of range for ucast_solicit', good: (d) => { A(d).sysctls = { 'net.ipv4.neigh.eth0.ucast_solicit': 0 }; } },
  { rule: 'other sysctls', bad: (d) => { A(d).sysctls = { 'kernel.panic': 1 }; }, path: 'hosts.A.sysctls["kernel.panic"]', code: 'notSysctlKey', fragment: 'unknown sysctl "kernel.panic"', good: () => {} },
  { rule: 'ipv6', bad: (d) => { A(d).sysctls = { 'net.ipv6.conf.all.forwarding': 1 }; }, path: 'hosts.A.sysctls["net.ipv6.conf.all.forwarding"]', code: 'notSysctlKey', fragment: 'ARP Lab knows', good: (d) => { A(d).sysctls = { 'net.ipv4.conf.all.forwarding': 1 }; } },
  { rule: 'slashes', bad: (d) => { A(d).sysctls = { 'net/ipv4/conf/all/arp_ignore': 1 }; }, path: 'hosts.A.sysctls["net/ipv4/conf/all/arp_ignore"]', code: 'sysctlSlashes', fragment: '→ "net.ipv4.conf.all.arp_ignore"', good: (d) => { A(d).sysctls = { 'net.ipv4.conf.all.arp_ignore': 1 }; } },
]);

describe('sysctls: every known knob and parameter', () => {
  it.each(Object.keys(CONF_KNOBS))('net.ipv4.conf.{all,default,eth0,lo}.%s', (knob) => {
    expectOk((d) => {
      A(d).sysctls = Object.fromEntries(['all', 'default', 'eth0', 'lo'].map((s) => [`net.ipv4.conf.${s}.${knob}`, CONF_KNOBS[knob].min]));
    });
    expectIssue((d) => { A(d).sysctls = { [`net.ipv4.conf.eth0.${knob}`]: CONF_KNOBS[knob].max + 1 }; }, `hosts.A.sysctls["net.ipv4.conf.eth0.${knob}"]`, 'sysctlRange', knob);
  });
  it.each(Object.keys(NEIGH_PARAMS))('net.ipv4.neigh.{default,eth0,lo}.%s', (param) => {
    expectOk((d) => {
      A(d).sysctls = Object.fromEntries(['default', 'eth0', 'lo'].map((s) => [`net.ipv4.neigh.${s}.${param}`, NEIGH_PARAMS[param].min]));
    });
    expectIssue((d) => { A(d).sysctls = { [`net.ipv4.neigh.eth0.${param}`]: -1 }; }, `hosts.A.sysctls["net.ipv4.neigh.eth0.${param}"]`, 'sysctlRange', param);
  });
});

rules('segments', [
  { rule: 'member host exists', bad: (d) => { d.segments.lan.push('C.eth0'); }, path: 'segments.lan[3]', code: 'noSuchHost', fragment: 'there is no host "C"', good: (d) => { d.hosts.C = { interfaces: { eth0: {} } }; d.segments.lan.push('C.eth0'); } },
  { rule: 'member interface exists', bad: (d) => { d.segments.lan.push('B.eth1'); }, path: 'segments.lan[3]', code: 'noSuchDev', fragment: 'host B has no interface "eth1"', good: (d) => { d.hosts.B.interfaces.eth1 = {}; d.segments.lan.push('B.eth1'); } },
  { rule: 'member format', bad: (d) => { d.segments.lan.push('B'); }, path: 'segments.lan[3]', code: 'segmentMember', fragment: 'expected "host.interface"', good: (d) => { A(d).interfaces['eth0.100'] = {}; d.segments.vlan = ['A.eth0.100']; } },
  { rule: 'member with an empty interface', bad: (d) => { d.segments.lan.push('B.'); }, path: 'segments.lan[3]', code: 'segmentMember', fragment: '"B."', good: () => {} },
  { rule: 'lo cannot be attached', bad: (d) => { d.segments.lan.push('B.lo'); }, path: 'segments.lan[3]', code: 'segmentLo', fragment: 'cannot be attached', good: () => {} },
  { rule: 'an interface on two segments', bad: (d) => { d.segments.other = ['B.eth0']; }, path: 'segments.other[0]', code: 'ifaceOnTwoSegments', fragment: 'B.eth0 is already attached to segment "lan"', good: (d) => { d.hosts.B.interfaces.eth1 = {}; d.segments.other = ['B.eth1']; } },
  { rule: 'an interface twice in one segment', bad: (d) => { d.segments.lan.push('A.eth0'); }, path: 'segments.lan[3]', code: 'ifaceTwiceInSegment', fragment: 'listed twice', good: (d) => { d.segments.lan = ['B.eth0', 'A.eth1', 'A.eth0']; } },
  { rule: 'members are strings', bad: (d) => { d.segments.lan.push(5); }, path: 'segments.lan[3]', code: 'wrongType', fragment: 'expected a member like "A.eth0", got the number 5', good: (d) => { d.segments.empty = []; } },
]);

rules('routes', [
  { rule: 'dev exists', bad: (d) => { A(d).routes[0].dev = 'eth2'; }, path: 'hosts.A.routes[0].dev', code: 'noSuchDev', fragment: 'host A has no interface "eth2"', good: (d) => { A(d).routes[0].dev = 'eth0'; A(d).routes[0].metric = 5; } },
  { rule: 'dev exists (string route)', bad: (d) => { A(d).routes[1] = 'default via 192.168.100.1 dev eth9'; }, path: 'hosts.A.routes[1]', code: 'noSuchDev', fragment: 'no interface "eth9"', good: (d) => { A(d).routes[1] = 'default via 192.168.100.1 dev eth1 metric 7'; } },
  { rule: 'dev lo exists implicitly', bad: (d) => { A(d).routes.push({ dest: '10.0.0.0/8', dev: 'l0' }); }, path: 'hosts.A.routes[2].dev', code: 'noSuchDev', fragment: '"l0"', good: (d) => { A(d).routes.push({ dest: '10.0.0.0/8', dev: 'lo' }); } },
  { rule: 'string syntax', bad: (d) => { A(d).routes[1] = 'default via'; }, path: 'hosts.A.routes[1]', code: 'routeSyntax', fragment: '"default via" is not a valid route: "via" needs a value', good: (d) => { A(d).routes[1] = 'default via 192.168.100.1'; } },
  { rule: 'string keyword', bad: (d) => { A(d).routes[1] = 'default gw 192.168.100.1'; }, path: 'hosts.A.routes[1]', code: 'routeSyntax', fragment: 'unknown keyword "gw"', good: (d) => { A(d).routes[1] = 'unicast default via 192.168.100.1 proto static scope global'; } },
  { rule: 'string fields', bad: (d) => { A(d).routes[1] = 'default via 192.168.100.1 scope world'; }, path: 'hosts.A.routes[1]', code: 'notOneOf', fragment: 'scope: "world" is not valid here', good: (d) => { A(d).routes[1] = 'default via 192.168.100.1 scope global'; } },
  { rule: 'string gateway format', bad: (d) => { A(d).routes[1] = 'default via 192.168.100'; }, path: 'hosts.A.routes[1]', code: 'notIPv4', fragment: 'via: "192.168.100" is not an IPv4 address', good: () => {} },
  { rule: 'destination', bad: (d) => { A(d).routes[0].dest = 'everything'; }, path: 'hosts.A.routes[0].dest', code: 'notRouteDest', fragment: '"everything" is not a route destination', good: (d) => { A(d).routes[0].dest = '192.168.100.5'; } },
  { rule: 'host bits', bad: (d) => { A(d).routes[0].dest = '192.168.100.5/24'; }, path: 'hosts.A.routes[0].dest', code: 'routeHostBits', fragment: 'the network is 192.168.100.0/24', good: (d) => { A(d).routes[0].dest = '192.168.100.0/25'; } },
  { rule: 'gateway format', bad: (d) => { A(d).routes[1] = { dest: 'default', via: '192.168.100.300' }; }, path: 'hosts.A.routes[1].via', code: 'notIPv4', fragment: 'is not an IPv4 address (expected four numbers 0–255', good: (d) => { A(d).routes[1] = { dest: 'default', via: '192.168.100.254' }; } },
  { rule: 'dev or via', bad: (d) => { A(d).routes.push({ dest: '10.0.0.0/8' }); }, path: 'hosts.A.routes[2].dev', code: 'routeNeedsDevOrVia', fragment: 'needs "dev" or "via"', good: (d) => { A(d).routes.push({ dest: '10.0.0.0/8', type: 'blackhole' }, 'unreachable 10.1.0.0/16'); } },
  { rule: 'gateway on a connected subnet', bad: (d) => { A(d).routes[1] = 'default via 10.0.0.1 dev eth0'; }, path: 'hosts.A.routes[1]', code: 'gatewayNotOnLink', fragment: 'gateway 10.0.0.1 is not on a directly connected subnet of eth0', good: (d) => { A(d).routes[1] = 'default via 192.168.100.1 dev eth1'; } },
  { rule: 'gateway reachable by an earlier route', bad: (d) => { A(d).routes = ['default via 10.0.0.1 dev eth1', '10.0.0.0/8 dev eth1']; }, path: 'hosts.A.routes[0]', code: 'gatewayNotOnLink', fragment: 'not on a directly connected subnet', good: (d) => { A(d).routes = ['10.0.0.0/8 dev eth1', 'default via 10.0.0.1 dev eth1']; } },
  { rule: 'noprefixroute adds no subnet', bad: (d) => { A(d).routes = [{ dest: 'default', via: '192.168.100.1', dev: 'eth1' }]; }, path: 'hosts.A.routes[0].via', code: 'gatewayNotOnLink', fragment: 'of eth1', good: (d) => { A(d).routes = [{ dest: 'default', via: '192.168.100.1', dev: 'eth0' }]; } },
  { rule: 'an own address as gateway is on-link only through its device', bad: (d) => { A(d).interfaces.lo = { addresses: ['10.9.9.9/32'] }; A(d).routes[1] = 'default via 10.9.9.9 dev eth0'; }, path: 'hosts.A.routes[1]', code: 'gatewayNotOnLink', fragment: 'gateway 10.9.9.9 is not on a directly connected subnet of eth0', good: (d) => { A(d).routes[1] = 'default via 192.168.100.17 dev eth0'; } },
  { rule: 'src is local', bad: (d) => { A(d).routes[0].src = '192.168.100.39'; }, path: 'hosts.A.routes[0].src', code: 'srcNotLocal', fragment: 'src 192.168.100.39 is not an address of host A', good: (d) => { A(d).routes[0].src = '192.168.100.36'; } },
  {
    rule: 'same destination and metric as the connected route', bad: (d) => { A(d).routes.push({ dest: '192.168.100.0/24', dev: 'eth1' }); }, path: 'hosts.A.routes[2]', code: 'routeExists',
    fragment: 'a route to 192.168.100.0/24 with metric 0 already exists (the connected route of 192.168.100.17/24 on eth0)', good: (d) => { A(d).routes.push({ dest: '192.168.100.0/24', dev: 'eth1', metric: 102 }); },
  },
  { rule: 'same destination and metric as a listed route', bad: (d) => { A(d).routes.push('default via 192.168.100.2'); }, path: 'hosts.A.routes[2]', code: 'routeExists', fragment: '(routes[1])', good: (d) => { A(d).routes.push('default via 192.168.100.2 metric 100'); } },
  { rule: 'a /32 address adds no connected route', bad: (d) => { A(d).interfaces.eth0.addresses = ['10.1.1.1/24']; A(d).routes = ['10.1.1.0/24 dev eth1']; }, path: 'hosts.A.routes[0]', code: 'routeExists', fragment: 'connected route of 10.1.1.1/24', good: (d) => { A(d).interfaces.eth0.addresses = ['10.1.1.1/32']; A(d).routes = ['10.1.1.1 dev eth1']; } },
  { rule: 'metric range', bad: (d) => { A(d).routes[0].metric = -1; }, path: 'hosts.A.routes[0].metric', code: 'outOfRange', fragment: '-1 is out of range', good: (d) => { A(d).routes[0].metric = 4294967295; } },
  { rule: 'proto', bad: (d) => { A(d).routes[0].proto = 'manual'; }, path: 'hosts.A.routes[0].proto', code: 'notOneOf', fragment: '"manual" is not valid here', good: (d) => { A(d).routes[0].proto = '4'; } },
  { rule: 'scope', bad: (d) => { A(d).routes[0].scope = 'site'; }, path: 'hosts.A.routes[0].scope', code: 'notOneOf', fragment: '"site"', good: (d) => { A(d).routes[0].scope = 'link'; } },
  { rule: 'type', bad: (d) => { A(d).routes[0].type = 'local'; }, path: 'hosts.A.routes[0].type', code: 'notOneOf', fragment: '"local"', good: (d) => { A(d).routes[0].type = 'unicast'; } },
  { rule: 'route fields', bad: (d) => { A(d).routes[0].gateway = '192.168.100.1'; }, path: 'hosts.A.routes[0].gateway', code: 'unknownField', fragment: 'unknown field "gateway"', good: () => {} },
  { rule: 'route type', bad: (d) => { A(d).routes[0] = 5; }, path: 'hosts.A.routes[0]', code: 'wrongType', fragment: 'expected a route', good: () => {} },
]);

rules('neighbour entries', [
  { rule: 'dev exists', bad: (d) => { A(d).neigh = [{ ip: '192.168.100.9', lladdr: '02:00:00:00:09:00', dev: 'eth5' }]; }, path: 'hosts.A.neigh[0].dev', code: 'noSuchDev', fragment: 'no interface "eth5"', good: (d) => { A(d).neigh = [{ ip: '192.168.100.9', lladdr: '02:00:00:00:09:00', dev: 'eth0', nud: 'permanent' }]; } },
  { rule: 'ip', bad: (d) => { A(d).neigh = [{ ip: 'B', dev: 'eth0' }]; }, path: 'hosts.A.neigh[0].ip', code: 'notIPv4', fragment: '"B" is not an IPv4 address', good: (d) => { A(d).neigh = [{ ip: '192.168.100.9', dev: 'eth0', nud: 'failed' }]; } },
  { rule: 'lladdr', bad: (d) => { A(d).neigh = [{ ip: '192.168.100.9', lladdr: '0200.0000.0900', dev: 'eth0' }]; }, path: 'hosts.A.neigh[0].lladdr', code: 'notMac', fragment: 'is not a MAC address', good: (d) => { A(d).neigh = [{ ip: '192.168.100.9', lladdr: '01:00:5e:00:00:09', dev: 'eth0' }]; } },
  { rule: 'nud', bad: (d) => { A(d).neigh = [{ ip: '192.168.100.9', dev: 'eth0', nud: 'static' }]; }, path: 'hosts.A.neigh[0].nud', code: 'notOneOf', fragment: '"static" is not valid here (expected "permanent"', good: (d) => { A(d).neigh = [{ ip: '192.168.100.9', lladdr: '02:00:00:00:09:00', dev: 'eth0', nud: 'PERMANENT' }]; } },
]);

rules('actions: type', [
  { rule: 'unknown type', bad: (d) => act(d, { type: 'pong', host: 'A' }), path: 'actions[0].type', code: 'unknownActionType', fragment: 'unknown action type "pong" (did you mean "ping"?); valid types: ping, arping, flush, neigh_del, neigh_add, sysctl, route, addr, link, wait, snapshot', good: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39' }) },
  { rule: 'type required', bad: (d) => act(d, { host: 'A' }), path: 'actions[0].type', code: 'missingActionType', fragment: 'required: the action\'s "type"', good: (d) => act(d, { type: 'snapshot' }) },
  { rule: 'an action is an object', bad: (d) => { d.actions = ['ping']; }, path: 'actions[0]', code: 'wrongType', fragment: 'got the text "ping"', good: (d) => { d.actions = []; } },
  { rule: 'unknown field', bad: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', cout: 3 }), path: 'actions[0].cout', code: 'unknownField', fragment: 'did you mean "count"?', good: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', count: 3, note: 'n', expect: { ok: true } }) },
  { rule: 'host exists', bad: (d) => act(d, { type: 'ping', host: 'Z', to: '192.168.100.39' }), path: 'actions[0].host', code: 'noSuchHost', fragment: 'there is no host "Z" (hosts: A, B)', good: (d) => act(d, { type: 'ping', host: 'B', to: '192.168.100.17' }) },
  { rule: 'settle', bad: (d) => act(d, { type: 'snapshot', settle: -1 }), path: 'actions[0].settle', code: 'outOfRange', fragment: '-1 is out of range', good: (d) => act(d, { type: 'snapshot', settle: 0 }) },
]);

rules('actions: ping', [
  { rule: 'host required', bad: (d) => act(d, { type: 'ping', to: '192.168.100.39' }), path: 'actions[0].host', code: 'required', fragment: 'required: a host name', good: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', count: 2, W: 0.5, iface: 'eth1', interval: 0.2 }) },
  { rule: 'to', bad: (d) => act(d, { type: 'ping', host: 'A', to: 'B' }), path: 'actions[0].to', code: 'notIPv4', fragment: '"B" is not an IPv4 address', good: (d) => act(d, { type: 'ping', host: 'A', to: '8.8.8.8' }) },
  { rule: 'count', bad: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', count: 0 }), path: 'actions[0].count', code: 'outOfRange', fragment: '0 is out of range (expected a whole number 1–1000)', good: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', count: 1000 }) },
  { rule: 'count is whole', bad: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', count: 1.5 }), path: 'actions[0].count', code: 'notWhole', fragment: '1.5 is not a whole number', good: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', count: 1 }) },
  { rule: 'W', bad: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', W: 0 }), path: 'actions[0].W', code: 'outOfRange', fragment: 'above 0', good: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', W: 2 }) },
  { rule: 'iface is a device or an address', bad: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', iface: 'eth2' }), path: 'actions[0].iface', code: 'pingIface', fragment: '"eth2" is neither an interface of host A nor an IPv4 source address', good: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', iface: '192.168.100.36' }) },
  { rule: 'interval', bad: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', interval: -0.5 }), path: 'actions[0].interval', code: 'outOfRange', fragment: 'out of range', good: (d) => act(d, { type: 'ping', host: 'A', to: '192.168.100.39', interval: 0 }) },
]);

rules('actions: arping', [
  { rule: 'target required', bad: (d) => act(d, { type: 'arping', host: 'A', iface: 'eth1' }), path: 'actions[0].target', code: 'required', fragment: 'required: an IPv4 address', good: (d) => act(d, { type: 'arping', host: 'A', iface: 'eth1', target: '192.168.100.39', src: '192.168.100.17', count: 3, w: 1, D: false, U: false, A: true, b: true, f: true }) },
  { rule: 'iface exists', bad: (d) => act(d, { type: 'arping', host: 'B', iface: 'eth1', target: '192.168.100.17' }), path: 'actions[0].iface', code: 'noSuchDev', fragment: 'host B has no interface "eth1"', good: (d) => act(d, { type: 'arping', host: 'B', target: '192.168.100.17' }) },
  { rule: 'src', bad: (d) => act(d, { type: 'arping', host: 'A', target: '192.168.100.39', src: 'eth0' }), path: 'actions[0].src', code: 'notIPv4', fragment: '"eth0" is not an IPv4 address', good: (d) => act(d, { type: 'arping', host: 'A', target: '192.168.100.39', src: '0.0.0.0' }) },
  { rule: 'flags are booleans', bad: (d) => act(d, { type: 'arping', host: 'A', target: '192.168.100.39', D: 1 }), path: 'actions[0].D', code: 'wrongType', fragment: 'expected true or false, got the number 1', good: (d) => act(d, { type: 'arping', host: 'A', target: '192.168.100.39', D: true }) },
  { rule: 'w', bad: (d) => act(d, { type: 'arping', host: 'A', target: '192.168.100.39', w: 100000 }), path: 'actions[0].w', code: 'outOfRange', fragment: 'at most 86400', good: (d) => act(d, { type: 'arping', host: 'A', target: '192.168.100.39', w: 86400 }) },
]);

rules('actions: flush', [
  { rule: 'host or hosts', bad: (d) => act(d, { type: 'flush' }), path: 'actions[0]', code: 'noHost', fragment: 'required: "host" (a host name) or "hosts"', good: (d) => act(d, { type: 'flush', host: 'A' }) },
  { rule: 'not both', bad: (d) => act(d, { type: 'flush', host: 'A', hosts: ['B'] }), path: 'actions[0].hosts', code: 'bothHostAndHosts', fragment: 'not both', good: (d) => act(d, { type: 'flush', hosts: ['A', 'B'] }) },
  { rule: 'not empty', bad: (d) => act(d, { type: 'flush', hosts: [] }), path: 'actions[0].hosts', code: 'emptyHosts', fragment: 'empty', good: (d) => act(d, { type: 'flush', hosts: ['B'] }) },
  { rule: 'hosts exist', bad: (d) => act(d, { type: 'flush', hosts: ['A', 'Q'] }), path: 'actions[0].hosts[1]', code: 'noSuchHost', fragment: 'there is no host "Q"', good: (d) => act(d, { type: 'flush', hosts: ['A'] }) },
  { rule: 'dev exists on each host', bad: (d) => act(d, { type: 'flush', hosts: ['A', 'B'], dev: 'eth1' }), path: 'actions[0].dev', code: 'noSuchDev', fragment: 'host B has no interface "eth1"', good: (d) => act(d, { type: 'flush', hosts: ['A', 'B'], dev: 'eth0' }) },
]);

rules('actions: neigh_del and neigh_add', [
  { rule: 'neigh_del dev required', bad: (d) => act(d, { type: 'neigh_del', host: 'A', ip: '192.168.100.39' }), path: 'actions[0].dev', code: 'required', fragment: 'required', good: (d) => act(d, { type: 'neigh_del', host: 'A', ip: '192.168.100.39', dev: 'eth0' }) },
  { rule: 'neigh_del dev exists', bad: (d) => act(d, { type: 'neigh_del', host: 'B', ip: '192.168.100.17', dev: 'eth1' }), path: 'actions[0].dev', code: 'noSuchDev', fragment: 'no interface "eth1"', good: (d) => act(d, { type: 'neigh_del', host: 'B', ip: '192.168.100.17', dev: 'eth0' }) },
  { rule: 'neigh_del ip', bad: (d) => act(d, { type: 'neigh_del', host: 'A', ip: '192.168.100', dev: 'eth0' }), path: 'actions[0].ip', code: 'notIPv4', fragment: 'not an IPv4 address', good: () => {} },
  { rule: 'neigh_add lladdr', bad: (d) => act(d, { type: 'neigh_add', host: 'A', ip: '192.168.100.39', dev: 'eth0', lladdr: 'zz' }), path: 'actions[0].lladdr', code: 'notMac', fragment: '"zz" is not a MAC address', good: (d) => act(d, { type: 'neigh_add', host: 'A', ip: '192.168.100.39', dev: 'eth0', lladdr: '02:00:00:00:0b:00', nud: 'stale' }) },
  { rule: 'neigh_add nud', bad: (d) => act(d, { type: 'neigh_add', host: 'A', ip: '192.168.100.39', dev: 'eth0', nud: 'perm' }), path: 'actions[0].nud', code: 'notOneOf', fragment: '"perm" is not valid here', good: (d) => act(d, { type: 'neigh_add', host: 'A', ip: '192.168.100.39', dev: 'eth0', nud: 'NOARP' }) },
]);

rules('actions: sysctl', [
  { rule: 'set required', bad: (d) => act(d, { type: 'sysctl', host: 'A' }), path: 'actions[0].set', code: 'required', fragment: 'required: an object of sysctl keys', good: (d) => act(d, { type: 'sysctl', host: 'A', set: { 'net.ipv4.conf.all.arp_ignore': 1 } }) },
  { rule: 'keys valid on every host', bad: (d) => act(d, { type: 'sysctl', hosts: ['A', 'B'], set: { 'net.ipv4.conf.eth1.arp_ignore': 1 } }), path: 'actions[0].set["net.ipv4.conf.eth1.arp_ignore"]', code: 'sysctlNoIface', fragment: 'host B has no interface "eth1"', good: (d) => act(d, { type: 'sysctl', hosts: ['A', 'B'], set: { 'net.ipv4.conf.eth0.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2 } }) },
  { rule: 'values in range', bad: (d) => act(d, { type: 'sysctl', hosts: ['A'], set: { 'net.ipv4.conf.all.arp_announce': 2 ** 31 } }), path: 'actions[0].set["net.ipv4.conf.all.arp_announce"]', code: 'sysctlRange', fragment: '2147483648 is out of range for arp_announce', good: (d) => act(d, { type: 'sysctl', hosts: ['A'], set: { 'net.ipv4.conf.all.arp_announce': 3 } }) },
  { rule: 'host or hosts', bad: (d) => act(d, { type: 'sysctl', set: {} }), path: 'actions[0]', code: 'noHost', fragment: 'required', good: (d) => act(d, { type: 'sysctl', host: 'B', set: {} }) },
]);

rules('actions: route', [
  { rule: 'op', bad: (d) => act(d, { type: 'route', host: 'A', op: 'change', route: '10.0.0.0/8 dev eth0' }), path: 'actions[0].op', code: 'notOneOf', fragment: '(expected "add", "del" or "replace")', good: (d) => act(d, { type: 'route', host: 'A', op: 'replace', route: '10.0.0.0/8 dev eth0' }) },
  { rule: 'dev exists', bad: (d) => act(d, { type: 'route', host: 'B', op: 'add', route: { dest: '10.0.0.0/8', dev: 'eth1' } }), path: 'actions[0].route.dev', code: 'noSuchDev', fragment: 'host B has no interface "eth1"', good: (d) => act(d, { type: 'route', host: 'B', op: 'add', route: { dest: '10.0.0.0/8', dev: 'eth0' } }) },
  { rule: 'dev exists (string)', bad: (d) => act(d, { type: 'route', host: 'B', op: 'add', route: '10.0.0.0/8 dev eth1' }), path: 'actions[0].route', code: 'noSuchDev', fragment: 'no interface "eth1"', good: (d) => act(d, { type: 'route', host: 'B', op: 'add', route: 'default via 192.168.100.1' }) },
  { rule: 'syntax', bad: (d) => act(d, { type: 'route', host: 'A', op: 'add', route: '' }), path: 'actions[0].route', code: 'routeSyntax', fragment: 'it is empty', good: () => {} },
  { rule: 'host bits', bad: (d) => act(d, { type: 'route', host: 'A', op: 'del', route: '10.1.2.3/8' }), path: 'actions[0].route', code: 'routeHostBits', fragment: 'the network is 10.0.0.0/8', good: (d) => act(d, { type: 'route', host: 'A', op: 'del', route: { dest: '192.168.100.0/24', dev: 'eth0', metric: 0 } }) },
  { rule: 'add needs dev or via', bad: (d) => act(d, { type: 'route', host: 'A', op: 'add', route: { dest: '10.0.0.0/8' } }), path: 'actions[0].route.dev', code: 'routeNeedsDevOrVia', fragment: 'needs "dev" or "via"', good: (d) => act(d, { type: 'route', host: 'A', op: 'del', route: { dest: '10.0.0.0/8' } }) },
]);

rules('actions: addr', [
  { rule: 'cidr', bad: (d) => act(d, { type: 'addr', host: 'A', op: 'add', cidr: '10.9.9.9', dev: 'eth0' }), path: 'actions[0].cidr', code: 'notCidr', fragment: '"10.9.9.9" is not an address with a prefix length', good: (d) => act(d, { type: 'addr', host: 'A', op: 'add', cidr: '10.9.9.9/32', dev: 'eth0', label: 'eth0:9', scope: 'global', noprefixroute: true, metric: 10 }) },
  { rule: 'dev exists', bad: (d) => act(d, { type: 'addr', host: 'B', op: 'add', cidr: '10.9.9.9/32', dev: 'eth1' }), path: 'actions[0].dev', code: 'noSuchDev', fragment: 'no interface "eth1"', good: (d) => act(d, { type: 'addr', host: 'B', op: 'add', cidr: '10.9.9.9/32', dev: 'lo' }) },
  { rule: 'label', bad: (d) => act(d, { type: 'addr', host: 'A', op: 'add', cidr: '10.9.9.9/32', dev: 'eth0', label: 'vip' }), path: 'actions[0].label', code: 'labelPrefix', fragment: 'must start with the interface name "eth0"', good: (d) => act(d, { type: 'addr', host: 'A', op: 'del', cidr: '192.168.100.17/24', dev: 'eth0' }) },
  { rule: 'op', bad: (d) => act(d, { type: 'addr', host: 'A', op: 'replace', cidr: '10.9.9.9/32', dev: 'eth0' }), path: 'actions[0].op', code: 'notOneOf', fragment: '(expected "add" or "del")', good: () => {} },
]);

rules('actions: link', [
  { rule: 'something to change', bad: (d) => act(d, { type: 'link', host: 'A', dev: 'eth0' }), path: 'actions[0]', code: 'linkNothing', fragment: 'give "mac" and/or "state"', good: (d) => act(d, { type: 'link', host: 'A', dev: 'eth0', mac: '02:00:00:00:aa:01', state: 'up' }) },
  { rule: 'unicast MAC', bad: (d) => act(d, { type: 'link', host: 'A', dev: 'eth0', mac: '03:00:00:00:aa:01' }), path: 'actions[0].mac', code: 'macMulticast', fragment: 'multicast', good: (d) => act(d, { type: 'link', host: 'A', dev: 'eth0', mac: '02:00:00:00:0b:00' }) },
  { rule: 'state', bad: (d) => act(d, { type: 'link', host: 'A', dev: 'eth0', state: 'off' }), path: 'actions[0].state', code: 'notOneOf', fragment: '(expected "up" or "down")', good: (d) => act(d, { type: 'link', host: 'A', dev: 'eth0', state: 'down' }) },
  { rule: 'dev exists', bad: (d) => act(d, { type: 'link', host: 'B', dev: 'eth1', state: 'down' }), path: 'actions[0].dev', code: 'noSuchDev', fragment: 'no interface "eth1"', good: (d) => act(d, { type: 'link', host: 'B', dev: 'lo', state: 'down' }) },
  { rule: 'lo has no MAC', bad: (d) => act(d, { type: 'link', host: 'B', dev: 'lo', mac: '02:00:00:00:00:01' }), path: 'actions[0].mac', code: 'loHasNoMac', fragment: 'lo has no MAC', good: () => {} },
]);

rules('actions: wait and snapshot', [
  { rule: 'seconds required', bad: (d) => act(d, { type: 'wait' }), path: 'actions[0].seconds', code: 'required', fragment: 'required: a number of seconds', good: (d) => act(d, { type: 'wait', seconds: 1.2 }) },
  { rule: 'seconds range', bad: (d) => act(d, { type: 'wait', seconds: 86401 }), path: 'actions[0].seconds', code: 'outOfRange', fragment: '86401 is out of range', good: (d) => act(d, { type: 'wait', seconds: 0 }) },
  { rule: 'seconds type', bad: (d) => act(d, { type: 'wait', seconds: '5s' }), path: 'actions[0].seconds', code: 'wrongType', fragment: 'got the text "5s"', good: () => {} },
  { rule: 'snapshot takes no fields', bad: (d) => act(d, { type: 'snapshot', host: 'A' }), path: 'actions[0].host', code: 'unknownField', fragment: 'unknown field "host"', good: (d) => act(d, { type: 'snapshot', note: 'look', expect: {} }) },
]);

// ---------------------------------------------------------------- version 2: listen, ipvs, connect

const lvs = (d: Doc) => {
  A(d).interfaces.lo = { addresses: [{ cidr: '192.168.100.200/32', label: 'lo:0' }] };
  A(d).ipvs = [{ vip: '192.168.100.200', port: 80, dests: [{ ip: '192.168.100.39' }] }];
  d.hosts.B.listen = [{ port: 80 }];
};
const svc = (d: Doc) => A(d).ipvs[0];

rules('listen', [
  { rule: 'a port out of range', bad: (d) => { lvs(d); d.hosts.B.listen[0].port = 0; }, path: 'hosts.B.listen[0].port', code: 'outOfRange', fragment: 'a port 1–65535', good: (d) => { lvs(d); d.hosts.B.listen[0].port = 65535; } },
  { rule: 'a protocol', bad: (d) => { lvs(d); d.hosts.B.listen[0].proto = 'sctp'; }, path: 'hosts.B.listen[0].proto', code: 'notOneOf', fragment: '"tcp" or "udp"', good: (d) => { lvs(d); d.hosts.B.listen[0].proto = 'udp'; } },
  {
    rule: 'an address the host does not have (bind: Cannot assign requested address)', bad: (d) => { lvs(d); d.hosts.B.listen[0].addr = '192.168.100.200'; },
    path: 'hosts.B.listen[0].addr', code: 'listenNotLocal', fragment: 'Cannot assign requested address',
    good: (d) => { lvs(d); d.hosts.B.interfaces.lo = { addresses: ['192.168.100.200/32'] }; d.hosts.B.listen[0].addr = '192.168.100.200'; },
  },
  {
    rule: 'the whole prefix of an address on lo is local', bad: (d) => { lvs(d); d.hosts.B.listen[0].addr = '10.1.2.3'; },
    path: 'hosts.B.listen[0].addr', code: 'listenNotLocal', fragment: 'not an address of host B',
    good: (d) => { lvs(d); d.hosts.B.interfaces.lo = { addresses: ['10.1.0.0/16'] }; d.hosts.B.listen[0].addr = '10.1.2.3'; },
  },
  {
    rule: 'a port taken twice (a wildcard clashes with an address)', bad: (d) => { lvs(d); d.hosts.B.listen.push({ port: 80, addr: '192.168.100.39' }); },
    path: 'hosts.B.listen[1]', code: 'listenInUse', fragment: 'Address already in use',
    good: (d) => { lvs(d); d.hosts.B.listen.push({ port: 80, proto: 'udp' }, { port: 8080, addr: '192.168.100.39' }); },
  },
]);

rules('ipvs', [
  { rule: 'a VIP', bad: (d) => { lvs(d); svc(d).vip = '192.168.100'; }, path: 'hosts.A.ipvs[0].vip', code: 'notIPv4', fragment: 'is not an IPv4 address', good: (d) => { lvs(d); svc(d).vip = '192.168.100.250'; } },
  { rule: 'a port', bad: (d) => { lvs(d); svc(d).port = 70000; }, path: 'hosts.A.ipvs[0].port', code: 'outOfRange', fragment: 'a port 1–65535', good: (d) => { lvs(d); svc(d).port = 443; } },
  { rule: 'a scheduler', bad: (d) => { lvs(d); svc(d).scheduler = 'lbl'; }, path: 'hosts.A.ipvs[0].scheduler', code: 'notOneOf', fragment: '"rr", "wrr", "lc", "wlc"', good: (d) => { lvs(d); svc(d).scheduler = 'sh'; } },
  { rule: 'persistence in whole seconds', bad: (d) => { lvs(d); svc(d).persistent = 1.5; }, path: 'hosts.A.ipvs[0].persistent', code: 'notWhole', fragment: 'not a whole number', good: (d) => { lvs(d); svc(d).persistent = 300; } },
  { rule: 'a netmask', bad: (d) => { lvs(d); svc(d).netmask = '255.0.255.0'; }, path: 'hosts.A.ipvs[0].netmask', code: 'notNetmask', fragment: 'not a netmask', good: (d) => { lvs(d); svc(d).persistent = 60; svc(d).netmask = '255.255.255.0'; } },
  { rule: 'a weight', bad: (d) => { lvs(d); svc(d).dests[0].weight = -1; }, path: 'hosts.A.ipvs[0].dests[0].weight', code: 'outOfRange', fragment: 'a weight 0–65535', good: (d) => { lvs(d); svc(d).dests[0].weight = 0; } },
  { rule: 'a method', bad: (d) => { lvs(d); svc(d).dests[0].method = 'gre'; }, path: 'hosts.A.ipvs[0].dests[0].method', code: 'notOneOf', fragment: '"dr", "tun" or "nat"', good: (d) => { lvs(d); svc(d).dests[0].method = 'tun'; } },
  { rule: 'a real server IP', bad: (d) => { lvs(d); svc(d).dests[0].ip = 'rs1'; }, path: 'hosts.A.ipvs[0].dests[0].ip', code: 'notIPv4', fragment: 'is not an IPv4 address', good: (d) => { lvs(d); svc(d).dests[0].ip = '10.0.0.5'; } },
  {
    rule: 'a service twice (Service already exists)', bad: (d) => { lvs(d); A(d).ipvs.push({ proto: 'tcp', vip: '192.168.100.200', port: 80, dests: [] }); },
    path: 'hosts.A.ipvs[1]', code: 'ipvsServiceExists', fragment: 'Service already exists',
    good: (d) => { lvs(d); A(d).ipvs.push({ proto: 'udp', vip: '192.168.100.200', port: 80, dests: [] }); },
  },
  {
    rule: 'a real server twice (Destination already exists)', bad: (d) => { lvs(d); svc(d).dests.push({ ip: '192.168.100.39', port: 80, weight: 3 }); },
    path: 'hosts.A.ipvs[0].dests[1]', code: 'ipvsDestExists', fragment: 'Destination already exists',
    good: (d) => { lvs(d); svc(d).dests.push({ ip: '192.168.100.39', port: 8080, method: 'nat' }); },
  },
  {
    rule: 'a port of its own only with NAT', bad: (d) => { lvs(d); svc(d).dests[0].port = 8080; }, path: 'hosts.A.ipvs[0].dests[0].port', code: 'ipvsDestPort', fragment: 'only with NAT',
    good: (d) => { lvs(d); svc(d).dests[0].port = 8080; svc(d).dests[0].method = 'nat'; },
  },
  { rule: 'an unknown field', bad: (d) => { lvs(d); svc(d).schedular = 'rr'; }, path: 'hosts.A.ipvs[0].schedular', code: 'unknownField', fragment: 'did you mean "scheduler"', good: (d) => { lvs(d); svc(d).scheduler = 'rr'; } },
]);

rules('connect', [
  {
    rule: 'an address and port', bad: (d) => act(d, { type: 'connect', host: 'B', to: '192.168.100.200' }), path: 'actions[0].to', code: 'connectTo', fragment: 'a.b.c.d:port',
    good: (d) => { lvs(d); act(d, { type: 'connect', host: 'B', to: '192.168.100.200:80' }); },
  },
  { rule: 'a port in range', bad: (d) => act(d, { type: 'connect', host: 'B', to: '192.168.100.200:0' }), path: 'actions[0].to', code: 'connectTo', fragment: 'is not an address and port', good: (d) => act(d, { type: 'connect', host: 'B', to: '192.168.100.200:65535' }) },
  { rule: 'a host', bad: (d) => act(d, { type: 'connect', host: 'Z', to: '192.168.100.17:80' }), path: 'actions[0].host', code: 'noSuchHost', fragment: 'there is no host "Z"', good: (d) => act(d, { type: 'connect', host: 'A', to: '192.168.100.39:80' }) },
  { rule: 'a timeout above 0', bad: (d) => act(d, { type: 'connect', host: 'B', to: '192.168.100.17:80', timeout: 0 }), path: 'actions[0].timeout', code: 'outOfRange', fragment: 'above 0', good: (d) => act(d, { type: 'connect', host: 'B', to: '192.168.100.17:80', timeout: 0.5 }) },
]);

describe('actions: every type has a valid example', () => {
  const examples: Record<string, Doc> = {
    ping: { type: 'ping', host: 'A', to: '192.168.100.39' },
    arping: { type: 'arping', host: 'A', iface: 'eth1', target: '192.168.100.39', src: '192.168.100.17' },
    flush: { type: 'flush', hosts: ['A', 'B'] },
    neigh_del: { type: 'neigh_del', host: 'A', ip: '192.168.100.39', dev: 'eth0' },
    neigh_add: { type: 'neigh_add', host: 'A', ip: '192.168.100.39', dev: 'eth0', lladdr: '02:00:00:00:0b:00', nud: 'permanent' },
    sysctl: { type: 'sysctl', hosts: ['A'], set: { 'net.ipv4.conf.all.arp_ignore': 1 } },
    route: { type: 'route', host: 'A', op: 'add', route: { dest: '10.0.0.0/8', dev: 'eth0', metric: 10 } },
    addr: { type: 'addr', host: 'A', op: 'add', cidr: '10.9.9.9/32', dev: 'eth0' },
    link: { type: 'link', host: 'A', dev: 'eth0', mac: '02:00:00:00:aa:01' },
    wait: { type: 'wait', seconds: 6 },
    snapshot: { type: 'snapshot' },
    connect: { type: 'connect', host: 'B', to: '192.168.100.17:80', count: 3, interval: 0.5, timeout: 1 },
    packit_arp: { type: 'packit_arp', host: 'A', iface: 'eth0', op: 2, spa: '192.168.100.17', tpa: '192.168.100.17', sha: '02:00:00:00:0a:00', tha: 'ff:ff:ff:ff:ff:ff', count: 2 },
  };
  it('covers every type', () => expect(Object.keys(examples).sort()).toEqual([...ACTION_TYPES].sort()));
  it.each([...ACTION_TYPES])('%s', (t) => expectOk((d) => act(d, examples[t])));
});

describe('issues', () => {
  it('lists every problem of a document, in order', () => {
    const r = run((d) => {
      A(d).interfaces.eth0.mac = '02:00:00:00:0g:00';
      d.segments.lan.push('C.eth0');
    });
    expect(r.ok).toBe(false);
    // shape problems first; cross-references need a well-formed document except for formats
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['hosts.A.interfaces.eth0.mac', 'segments.lan[3]']);
  });
  it('prints as "path: message"', () => {
    const r = run((d) => { A(d).interfaces.eth0.mac = '02:00:00:00:0g:00'; });
    expect(r.ok ? '' : formatIssue(r.issues[0])).toBe(
      'hosts.A.interfaces.eth0.mac: "02:00:00:00:0g:00" is not a MAC address (expected six hex pairs like 02:00:00:00:0a:00)',
    );
  });
});
