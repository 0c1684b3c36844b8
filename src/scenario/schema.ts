/**
 * Scenario format version 1 as a zod schema (docs/scenario-format.md is the contract).
 *
 * The schema checks each field's shape and format (IPv4, CIDR, MAC, ranges, route strings,
 * sysctl values); a root refinement (crossRefs.ts) then checks what needs the whole document:
 * hosts and interfaces that actions, segments and routes refer to, duplicate MACs, sysctl keys.
 * It never transforms: a valid document comes out as it went in (minus nothing), so the
 * loaded scenario is exactly what the user wrote.
 *
 * Unknown fields are errors (typos are caught), except the annotations of the oracle
 * recordings and the app's presentation fields, which are accepted and ignored.
 */
import { z } from 'zod';
import type { NudName } from '../engine/input.ts';
import { checkCrossReferences } from './crossRefs.ts';
import { LIMITS } from './limits.ts';
import { messages, problem, tagged, type Problem } from './messages.ts';
import { isCidr, isIPv4, isMac, isMulticastMac, isZeroMac, parseRouteDest } from './net.ts';
import { checkRouteString, protoProblem, ROUTE_SCOPES, ROUTE_TYPES, UINT32_MAX } from './routeCheck.ts';
import type { ScenarioV1 } from './types.ts';

export const SCHEMA_VERSION = 1;

export type { Problem };

/** What a schema expects, in words, for "required: …" and "expected …, got …" messages. */
export const EXPECTS = new WeakMap<object, string>();
function expects<T extends z.ZodType>(schema: T, text: string): T {
  EXPECTS.set(schema, text);
  return schema;
}

/** Adds a check that reports a Problem (message and id) on the value's own path. */
function verified<T extends z.ZodType>(schema: T, test: (v: z.output<T>) => Problem | null | undefined): T {
  return schema.superRefine((v, ctx) => {
    const p = test(v);
    if (p) ctx.addIssue({ code: 'custom', message: p.message, params: { code: p.code } });
  }) as T;
}

// ---------------------------------------------------------------- primitives

const text = (max: number = LIMITS.textChars) =>
  verified(z.string(), (s) => (s.length > max ? problem('tooLong', messages.tooLong(max)) : null));

export const ipv4Schema = expects(
  verified(z.string(), (s) => (isIPv4(s) ? null : problem('notIPv4', messages.notIPv4(s)))),
  'an IPv4 address like 192.168.100.17',
);

export const cidrSchema = expects(
  verified(z.string(), (s) => (isCidr(s) ? null : problem('notCidr', messages.notCidr(s)))),
  'an address with prefix length like 192.168.100.17/24',
);

export const macSchema = expects(
  verified(z.string(), (s) => (isMac(s) ? null : problem('notMac', messages.notMac(s)))),
  'a MAC address like 02:00:00:00:0a:00',
);

/** A MAC an interface can have: not multicast, not all zeros (is_valid_ether_addr). */
export const unicastMacSchema = expects(
  verified(z.string(), (s) => {
    if (!isMac(s)) return problem('notMac', messages.notMac(s));
    if (isMulticastMac(s)) return problem('macMulticast', messages.macMulticast(s));
    if (isZeroMac(s)) return problem('macZero', messages.macZero());
    return null;
  }),
  'a MAC address like 02:00:00:00:0a:00',
);

const devName = expects(z.string(), 'an interface name like eth0');
const pingIface = expects(z.string(), 'an interface name or a source address');

function intIn(min: number, max: number, range: string) {
  return expects(
    verified(z.number(), (n) => {
      if (!Number.isInteger(n)) return problem('notWhole', messages.notWhole(n));
      if (n < min || n > max) return problem('outOfRange', messages.outOfRange(n, range));
      return null;
    }),
    range,
  );
}

function numIn(min: number, max: number, range: string, minExclusive = false) {
  return expects(
    verified(z.number(), (n) =>
      n < min || (minExclusive && n === min) || n > max ? problem('outOfRange', messages.outOfRange(n, range)) : null),
    range,
  );
}

const metricSchema = intIn(0, UINT32_MAX, `a whole number 0–${UINT32_MAX}`);
const countSchema = intIn(1, LIMITS.count, `a whole number 1–${LIMITS.count}`);
const secondsSchema = numIn(0, LIMITS.seconds, `a number of seconds 0–${LIMITS.seconds}`);
const positiveSecondsSchema = numIn(0, LIMITS.seconds, `a number of seconds above 0, at most ${LIMITS.seconds}`, true);
const seedSchema = intIn(0, UINT32_MAX, `a whole number 0–${UINT32_MAX}`);

function listOf<T extends z.ZodType>(item: T, max: number) {
  return expects(z.array(item).max(max), 'a list');
}

const ADDR_SCOPES = ['global', 'site', 'link', 'host'] as const;
export const HOST_KINDS = ['host', 'router', 'director', 'real-server', 'client'] as const;
export const NUD_NAMES = ['permanent', 'noarp', 'reachable', 'stale', 'delay', 'probe', 'failed', 'incomplete'] as const satisfies readonly NudName[];
const NUD_ANY_CASE = [...NUD_NAMES, ...NUD_NAMES.map((n) => n.toUpperCase() as Uppercase<NudName>)] as const;
const nudSchema = expects(
  z.enum(NUD_ANY_CASE, { error: (iss) => tagged('notOneOf', messages.notOneOf(iss.input, NUD_NAMES)) }),
  `one of ${NUD_NAMES.join(', ')}`,
);

const protoSchema = expects(verified(z.string(), protoProblem), 'a route protocol like kernel or static');

const routeDestSchema = expects(
  verified(z.string(), (s) => (parseRouteDest(s) ? null : problem('notRouteDest', messages.notRouteDest(s)))),
  'a route destination like 192.168.100.0/24 or default',
);

// ---------------------------------------------------------------- annotations

/**
 * Annotations of the oracle recordings (and comments): accepted anywhere a person might
 * write them, never interpreted.
 */
export const ANNOTATION_FIELDS = ['id', 'article', 'note', 'expect', 'rp_filter_values', 'rp_filter_fixed'] as const;
const annotations = {
  id: z.unknown().optional(),
  article: z.unknown().optional(),
  note: z.unknown().optional(),
  expect: z.unknown().optional(),
  rp_filter_values: z.unknown().optional(),
  rp_filter_fixed: z.unknown().optional(),
};

// ---------------------------------------------------------------- topology

export const addressObjectSchema = z.strictObject({
  cidr: cidrSchema,
  label: expects(z.string().max(15), 'a label like eth0:0'),
  scope: z.enum(ADDR_SCOPES),
  noprefixroute: expects(z.boolean(), 'true or false'),
  metric: metricSchema,
}).partial({ label: true, scope: true, noprefixroute: true, metric: true });

export const addressSchema = expects(
  z.union([cidrSchema, addressObjectSchema]),
  'an address: "a.b.c.d/len" or an object with "cidr"',
);

export const interfaceSchema = z.strictObject({
  mac: unicastMacSchema.optional(),
  addresses: listOf(addressSchema, LIMITS.addressesPerInterface).optional(),
  state: z.enum(['up', 'down']).optional(),
});

const routeStringSchema = verified(z.string().max(500), (s) => {
  const r = checkRouteString(s);
  return 'problem' in r ? r.problem : null;
});

export const routeObjectSchema = z.strictObject({
  dest: routeDestSchema,
  via: ipv4Schema,
  dev: devName,
  metric: metricSchema,
  src: ipv4Schema,
  proto: protoSchema,
  scope: z.enum(ROUTE_SCOPES),
  type: z.enum(ROUTE_TYPES),
}).partial({ via: true, dev: true, metric: true, src: true, proto: true, scope: true, type: true });

export const routeSchema = expects(
  z.union([routeStringSchema, routeObjectSchema]),
  'a route: an object with "dest", or a string in ip route syntax',
);

export const neighEntrySchema = z.strictObject({
  ip: ipv4Schema,
  lladdr: macSchema.optional(),
  dev: devName,
  nud: nudSchema.optional(),
});

const sysctlValue = expects(z.number(), 'a number');
const sysctlMap = expects(z.record(z.string(), sysctlValue), 'an object of sysctl keys and numbers');

export const hostSchema = z.strictObject({
  interfaces: expects(z.record(z.string(), interfaceSchema), 'an object of interfaces').optional(),
  routes: listOf(routeSchema, LIMITS.routesPerHost).optional(),
  sysctls: sysctlMap.optional(),
  neigh: listOf(neighEntrySchema, LIMITS.neighPerHost).optional(),
  kind: z.enum(HOST_KINDS).optional(),
  notes: text().optional(),
  ...annotations,
});

// ---------------------------------------------------------------- actions

const actionBase = { settle: secondsSchema.optional(), ...annotations };
const host = expects(z.string(), 'a host name');
const hostList = expects(z.array(host).max(LIMITS.hosts), 'a list of host names');

export const ACTION_TYPES = [
  'ping', 'arping', 'flush', 'neigh_del', 'neigh_add', 'sysctl', 'route', 'addr', 'link', 'wait', 'snapshot',
] as const;

export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ping'), host, to: ipv4Schema, count: countSchema.optional(),
    W: positiveSecondsSchema.optional(), iface: pingIface.optional(), interval: secondsSchema.optional(), ...actionBase,
  }),
  z.strictObject({
    type: z.literal('arping'), host, iface: devName.optional(), target: ipv4Schema, src: ipv4Schema.optional(),
    count: countSchema.optional(), w: positiveSecondsSchema.optional(),
    D: z.boolean().optional(), U: z.boolean().optional(), A: z.boolean().optional(),
    b: z.boolean().optional(), f: z.boolean().optional(), ...actionBase,
  }),
  z.strictObject({ type: z.literal('flush'), host: host.optional(), hosts: hostList.optional(), dev: devName.optional(), ...actionBase }),
  z.strictObject({ type: z.literal('neigh_del'), host, ip: ipv4Schema, dev: devName, ...actionBase }),
  z.strictObject({
    type: z.literal('neigh_add'), host, ip: ipv4Schema, dev: devName, lladdr: macSchema.optional(),
    nud: nudSchema.optional(), ...actionBase,
  }),
  z.strictObject({ type: z.literal('sysctl'), host: host.optional(), hosts: hostList.optional(), set: sysctlMap, ...actionBase }),
  z.strictObject({ type: z.literal('route'), host, op: z.enum(['add', 'del', 'replace']), route: routeSchema, ...actionBase }),
  z.strictObject({
    type: z.literal('addr'), host, op: z.enum(['add', 'del']), cidr: cidrSchema, dev: devName,
    label: expects(z.string().max(15), 'a label like eth0:0').optional(), scope: z.enum(ADDR_SCOPES).optional(),
    noprefixroute: z.boolean().optional(), metric: metricSchema.optional(), ...actionBase,
  }),
  z.strictObject({
    type: z.literal('link'), host, dev: devName, mac: unicastMacSchema.optional(), state: z.enum(['up', 'down']).optional(),
    ...actionBase,
  }),
  z.strictObject({ type: z.literal('wait'), seconds: secondsSchema, ...actionBase }),
  z.strictObject({ type: z.literal('snapshot'), ...actionBase }),
]);

// ---------------------------------------------------------------- document

const finite = expects(z.number(), 'a number');

const scenarioObjectSchema = z.strictObject({
  version: z.literal(SCHEMA_VERSION).optional(),
  title: text(500).optional(),
  description: text().optional(),
  seed: seedSchema.optional(),
  hosts: expects(z.record(z.string(), hostSchema), 'an object of hosts, like {"A": {"interfaces": {…}}}'),
  segments: expects(
    z.record(z.string(), expects(z.array(expects(z.string(), 'a member like "A.eth0"')).max(LIMITS.membersPerSegment), 'a list of members like "A.eth0"')),
    'an object of segments, like {"lan": ["A.eth0", "B.eth0"]}',
  ).optional(),
  actions: listOf(actionSchema, LIMITS.actions).optional(),
  layout: expects(z.record(z.string(), z.strictObject({ x: finite, y: finite })), 'an object of positions').optional(),
  notes: text().optional(),
  ...annotations,
});

export type ScenarioInput = z.output<typeof scenarioObjectSchema>;

/** The whole format: fields, then cross-references (which run once the shapes are right). */
export const scenarioSchema = scenarioObjectSchema.superRefine((s, ctx) => {
  checkCrossReferences(s, (path, p) => ctx.addIssue({ code: 'custom', path, message: p.message, params: { code: p.code } }));
});

/** The schema's output is the hand-written v1 type (this fails to compile if they drift). */
export function asScenarioV1(s: ScenarioInput): ScenarioV1 {
  return s;
}

/** Field names a strict object accepts, for "unknown field" messages (annotations left out). */
export function listedFields(shapeKeys: readonly string[]): string[] {
  return shapeKeys.filter((k) => !(ANNOTATION_FIELDS as readonly string[]).includes(k));
}
