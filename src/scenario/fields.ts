/**
 * The format's field schemas (IPv4, CIDR, MAC, ranges, names), shared by the document schema
 * (schema.ts) and the action descriptors (actions/): one definition of each field's shape and
 * of the words its messages use.
 */
import './zodConfig.ts'; // before any schema is built: no eval under the CSP
import { z } from 'zod';
import type { NudName } from '../engine/index.ts';
import { LIMITS } from './limits.ts';
import { msg, tagged, type Problem } from './messages.ts';
import { isCidr, isIPv4, isMac, isMulticastMac, isNetmask, isZeroMac, parseRouteDest } from './net.ts';
import { checkRouteString, protoProblem, ROUTE_SCOPES, ROUTE_TYPES, UINT32_MAX } from './routeCheck.ts';

/** What a schema expects, in words, for "required: …" and "expected …, got …" messages. */
export const EXPECTS = new WeakMap<object, string>();
export function expects<T extends z.ZodType>(schema: T, text: string): T {
  EXPECTS.set(schema, text);
  return schema;
}

/** Adds a check that reports a Problem (message and id) on the value's own path. */
export function verified<T extends z.ZodType>(schema: T, test: (v: z.output<T>) => Problem | null | undefined): T {
  return schema.superRefine((v, ctx) => {
    const p = test(v);
    if (p) ctx.addIssue({ code: 'custom', message: p.message, params: { ...p } });
  }) as T;
}

// ---------------------------------------------------------------- primitives

export const text = (max: number = LIMITS.textChars) =>
  verified(z.string(), (s) => (s.length > max ? msg('tooLong', max) : null));

export const ipv4Schema = expects(
  verified(z.string(), (s) => (isIPv4(s) ? null : msg('notIPv4', s))),
  'an IPv4 address like 192.168.100.17',
);

export const cidrSchema = expects(
  verified(z.string(), (s) => (isCidr(s) ? null : msg('notCidr', s))),
  'an address with prefix length like 192.168.100.17/24',
);

export const macSchema = expects(
  verified(z.string(), (s) => (isMac(s) ? null : msg('notMac', s))),
  'a MAC address like 02:00:00:00:0a:00',
);

/** A MAC an interface can have: not multicast, not all zeros (is_valid_ether_addr). */
export const unicastMacSchema = expects(
  verified(z.string(), (s) => {
    if (!isMac(s)) return msg('notMac', s);
    if (isMulticastMac(s)) return msg('macMulticast', s);
    if (isZeroMac(s)) return msg('macZero');
    return null;
  }),
  'a MAC address like 02:00:00:00:0a:00',
);

export const devName = expects(z.string(), 'an interface name like eth0');
export const pingIface = expects(z.string(), 'an interface name or a source address');

export function intIn(min: number, max: number, range: string) {
  return expects(
    verified(z.number(), (n) => {
      if (!Number.isInteger(n)) return msg('notWhole', n);
      if (n < min || n > max) return msg('outOfRange', n, range);
      return null;
    }),
    range,
  );
}

export function numIn(min: number, max: number, range: string, minExclusive = false) {
  return expects(
    verified(z.number(), (n) =>
      n < min || (minExclusive && n === min) || n > max ? msg('outOfRange', n, range) : null),
    range,
  );
}

export const metricSchema = intIn(0, UINT32_MAX, `a whole number 0–${UINT32_MAX}`);
export const countSchema = intIn(1, LIMITS.count, `a whole number 1–${LIMITS.count}`);
export const secondsSchema = numIn(0, LIMITS.seconds, `a number of seconds 0–${LIMITS.seconds}`);
export const positiveSecondsSchema = numIn(0, LIMITS.seconds, `a number of seconds above 0, at most ${LIMITS.seconds}`, true);
export const seedSchema = intIn(0, UINT32_MAX, `a whole number 0–${UINT32_MAX}`);

export function listOf<T extends z.ZodType>(item: T, max: number) {
  return expects(z.array(item).max(max), 'a list');
}

export const ADDR_SCOPES = ['global', 'site', 'link', 'host'] as const;
export const HOST_KINDS = ['host', 'router', 'director', 'real-server', 'client'] as const;
export const NUD_NAMES = ['permanent', 'noarp', 'reachable', 'stale', 'delay', 'probe', 'failed', 'incomplete'] as const satisfies readonly NudName[];
const NUD_ANY_CASE = [...NUD_NAMES, ...NUD_NAMES.map((n) => n.toUpperCase() as Uppercase<NudName>)] as const;
export const nudSchema = expects(
  z.enum(NUD_ANY_CASE, { error: (iss) => tagged(msg('notOneOf', iss.input, NUD_NAMES)) }),
  `one of ${NUD_NAMES.join(', ')}`,
);

export const protoSchema = expects(verified(z.string(), protoProblem), 'a route protocol like kernel or static');

export const routeDestSchema = expects(
  verified(z.string(), (s) => (parseRouteDest(s) ? null : msg('notRouteDest', s))),
  'a route destination like 192.168.100.0/24 or default',
);

const sysctlValue = expects(z.number(), 'a number');
export const sysctlMap = expects(z.record(z.string(), sysctlValue), 'an object of sysctl keys and numbers');

// ---------------------------------------------------------------- sockets, IPVS (version 2)

export const L4_PROTOS = ['tcp', 'udp'] as const;
export const l4ProtoSchema = expects(
  z.enum(L4_PROTOS, { error: (iss) => tagged(msg('notOneOf', iss.input, L4_PROTOS)) }),
  'tcp or udp',
);
/** A TCP/UDP port a socket or a service uses (0 means "any" to bind() and is no service). */
export const portSchema = intIn(1, 65535, 'a port 1–65535');
/** ipvsadm -w: 0 (quiesced: no new connections) to 65535. */
export const weightSchema = intIn(0, 65535, 'a weight 0–65535');
/** ipvsadm -p: whole seconds. */
export const persistentSchema = intIn(1, LIMITS.seconds, `a number of seconds 1–${LIMITS.seconds}`);
/** A netmask with contiguous ones (ipvsadm -M), like 255.255.255.0. */
export const netmaskSchema = expects(
  verified(z.string(), (s) => (isNetmask(s) ? null : msg('notNetmask', s))),
  'a netmask like 255.255.255.0',
);

// ---------------------------------------------------------------- annotations

/** The annotation fields (types.ts: ANNOTATION_FIELDS), accepted anywhere, never interpreted. */
export const annotations = {
  id: z.unknown().optional(),
  article: z.unknown().optional(),
  note: z.unknown().optional(),
  expect: z.unknown().optional(),
  rp_filter_values: z.unknown().optional(),
  rp_filter_fixed: z.unknown().optional(),
};

// ---------------------------------------------------------------- routes

export const routeStringSchema = verified(z.string().max(500), (s) => {
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

// ---------------------------------------------------------------- actions

export const actionBase = { settle: secondsSchema.optional(), ...annotations };
export const host = expects(z.string(), 'a host name');
export const hostList = expects(z.array(host).max(LIMITS.hosts), 'a list of host names');

