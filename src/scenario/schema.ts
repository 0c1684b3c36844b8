/**
 * Scenario format version 2 as a zod schema (README "The scenario format" is the contract;
 * version 2 is version 1 plus a host's `listen` and `ipvs` and the `connect` action).
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
import './zodConfig.ts'; // before any schema is built: no eval under the CSP
import { z } from 'zod';
import { ACTION_TYPES, actionSchema } from './actions/registry.ts';
import { checkCrossReferences } from './crossRefs.ts';
import {
  ADDR_SCOPES, annotations, cidrSchema, devName, expects, HOST_KINDS, l4ProtoSchema, listOf, macSchema, metricSchema,
  netmaskSchema, nudSchema, ipv4Schema, persistentSchema, portSchema, routeSchema, seedSchema, sysctlMap, text, unicastMacSchema, weightSchema,
} from './fields.ts';
import { LIMITS } from './limits.ts';
import { msg, tagged, type Problem } from './messages.ts';
import { ANNOTATION_FIELDS, FORMAT_VERSION, IPVS_METHODS, IPVS_SCHEDULERS, type ScenarioV1 } from './types.ts';

export const SCHEMA_VERSION = FORMAT_VERSION;

export type { Problem };
export { ANNOTATION_FIELDS } from './types.ts';
export { EXPECTS, HOST_KINDS, NUD_NAMES, ipv4Schema, cidrSchema, macSchema, unicastMacSchema } from './fields.ts';
/** Actions: one descriptor per type (actions/registry.ts). */
export { ACTION_TYPES, actionSchema };

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

export const neighEntrySchema = z.strictObject({
  ip: ipv4Schema,
  lladdr: macSchema.optional(),
  dev: devName,
  nud: nudSchema.optional(),
});

/** A server socket (v2): what a server's bind() and listen() set up. */
export const listenSchema = z.strictObject({
  proto: l4ProtoSchema.optional(),
  port: portSchema,
  addr: ipv4Schema.optional(),
});

/** A real server (v2): `ipvsadm -a -t VIP:PORT -r IP[:PORT] -w WEIGHT -g|-i|-m`. */
export const ipvsDestSchema = z.strictObject({
  ip: ipv4Schema,
  port: portSchema.optional(),
  weight: weightSchema.optional(),
  method: expects(z.enum(IPVS_METHODS, { error: (iss) => tagged(msg('notOneOf', iss.input, IPVS_METHODS)) }), 'dr, tun or nat').optional(),
});

/** A virtual service (v2): `ipvsadm -A -t|-u VIP:PORT -s SCHED [-p SECONDS] [-M NETMASK]`. */
export const ipvsServiceSchema = z.strictObject({
  proto: l4ProtoSchema.optional(),
  vip: ipv4Schema,
  port: portSchema,
  scheduler: expects(
    z.enum(IPVS_SCHEDULERS, { error: (iss) => tagged(msg('notOneOf', iss.input, IPVS_SCHEDULERS)) }),
    `a scheduler: ${IPVS_SCHEDULERS.join(', ')}`,
  ).optional(),
  persistent: persistentSchema.optional(),
  netmask: netmaskSchema.optional(),
  dests: listOf(ipvsDestSchema, LIMITS.ipvsDests),
});

export const hostSchema = z.strictObject({
  interfaces: expects(z.record(z.string(), interfaceSchema), 'an object of interfaces').optional(),
  routes: listOf(routeSchema, LIMITS.routesPerHost).optional(),
  sysctls: sysctlMap.optional(),
  neigh: listOf(neighEntrySchema, LIMITS.neighPerHost).optional(),
  listen: listOf(listenSchema, LIMITS.listenPerHost).optional(),
  ipvs: listOf(ipvsServiceSchema, LIMITS.ipvsServices).optional(),
  kind: z.enum(HOST_KINDS).optional(),
  notes: text().optional(),
  ...annotations,
});

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
  checkCrossReferences(s, (path, p) => ctx.addIssue({ code: 'custom', path, message: p.message, params: { ...p } }));
});

/** The schema's output is the hand-written type (this fails to compile if they drift). */
export function asScenarioV1(s: ScenarioInput): ScenarioV1 {
  return s;
}

/** Field names a strict object accepts, for "unknown field" messages (annotations left out). */
export function listedFields(shapeKeys: readonly string[]): string[] {
  return shapeKeys.filter((k) => !(ANNOTATION_FIELDS as readonly string[]).includes(k));
}
