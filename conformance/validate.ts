/**
 * Scenario format v1 (shared docs/scenario-format.md), checked from the outside: the shape
 * of every field, and that every name a segment or an action uses exists. Actions are
 * checked by their descriptors (src/scenario/actions/), which the app uses too. The generator's
 * tests hold every generated scenario to it; the runner uses it to refuse a bad file early.
 */
import { z } from 'zod';
import { actionDevs, actionHostList, actionSchema, descriptorOf } from '../src/scenario/actions/registry.ts';
import type { ActionV1 as FormatAction } from '../src/scenario/types.ts';
import type { ScenarioV1 } from './scenario.ts';

const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${octet}(\\.${octet}){3}$`);
const CIDR = new RegExp(`^${octet}(\\.${octet}){3}/(3[0-2]|[12]?\\d)$`);
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;
const IFNAME = /^[A-Za-z0-9_.:-]{1,15}$/;

const ipv4 = z.string().regex(IPV4, 'an IPv4 address a.b.c.d');
const cidr = z.string().regex(CIDR, 'an IPv4 prefix a.b.c.d/len');
const mac = z.string().regex(MAC, 'a MAC address xx:xx:xx:xx:xx:xx');

const address = z.union([
  cidr,
  z.strictObject({
    cidr,
    label: z.string().min(1).max(15).optional(),
    scope: z.enum(['global', 'site', 'link', 'host']).optional(),
    noprefixroute: z.boolean().optional(),
    metric: z.number().int().min(0).optional(),
  }),
]);

const routeObj = z.strictObject({
  dest: z.union([z.literal('default'), cidr, ipv4]),
  via: ipv4.optional(),
  dev: z.string().regex(IFNAME).optional(),
  metric: z.number().int().min(0).optional(),
  src: ipv4.optional(),
  proto: z.string().min(1).optional(),
  scope: z.enum(['global', 'link', 'host']).optional(),
  type: z.enum(['unicast', 'blackhole', 'unreachable', 'prohibit']).optional(),
});
const route = z.union([z.string().min(1), routeObj]);

const SYSCTL = /^(net\.ipv4\.ip_forward|net\.ipv4\.conf\.[^.\s]+\.[a-z_]+|net\.ipv4\.neigh\.[^.\s]+\.[a-z_]+)$/;
const sysctls = z.record(z.string().regex(SYSCTL, 'a key net.ipv4.conf.IF.KNOB, net.ipv4.neigh.IF.PARAM or net.ipv4.ip_forward'), z.number().int());
const nud = z.enum(['permanent', 'reachable', 'stale', 'delay', 'probe', 'noarp', 'failed', 'incomplete']);

const host = z.looseObject({
  interfaces: z.record(z.string().regex(IFNAME), z.strictObject({
    mac: mac.optional(),
    addresses: z.array(address).optional(),
    state: z.enum(['up', 'down']).optional(),
  })).optional(),
  routes: z.array(route).optional(),
  sysctls: sysctls.optional(),
  neigh: z.array(z.strictObject({ ip: ipv4, lladdr: mac.optional(), dev: z.string().regex(IFNAME), nud: nud.optional() })).optional(),
  kind: z.enum(['host', 'router', 'director', 'real-server', 'client']).optional(),
  notes: z.string().optional(),
});

const scenario = z.looseObject({
  version: z.literal(1).optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  seed: z.number().int().optional(),
  hosts: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/), host),
  segments: z.record(z.string().min(1), z.array(z.string().regex(/^[^.]+\.[^.]+$/, 'a port "Host.iface"'))).optional(),
  // every action type's fields, from its descriptor (src/scenario/actions/)
  actions: z.array(actionSchema).optional(),
});

/** Problems with a scenario, each as "path: message"; empty when it is valid format v1. */
export function validateScenario(doc: unknown): string[] {
  const r = scenario.safeParse(doc);
  if (!r.success) return r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
  const sc = doc as ScenarioV1;
  const problems: string[] = [];
  const ifaces = new Map<string, Set<string>>();
  for (const [h, spec] of Object.entries(sc.hosts)) {
    ifaces.set(h, new Set(['lo', ...Object.keys(spec.interfaces ?? {})]));
  }
  const seen = new Set<string>();
  for (const [seg, ports] of Object.entries(sc.segments ?? {})) {
    for (const p of ports) {
      const [h, i] = p.split('.') as [string, string];
      if (!ifaces.get(h)?.has(i) || i === 'lo') problems.push(`segments.${seg}: no interface ${p}`);
      if (seen.has(p)) problems.push(`segments.${seg}: ${p} is on two segments`);
      seen.add(p);
    }
  }
  const macs = new Map<string, string>();
  for (const [h, spec] of Object.entries(sc.hosts)) {
    for (const [i, f] of Object.entries(spec.interfaces ?? {})) {
      if (!f.mac) continue;
      const m = f.mac.toLowerCase();
      if (macs.has(m)) problems.push(`hosts.${h}.interfaces.${i}.mac: ${m} is also ${macs.get(m)}'s`);
      macs.set(m, `${h}.${i}`);
    }
  }
  (sc.actions ?? []).forEach((a, n) => {
    const where = `actions.${n}`;
    const action = a as FormatAction;
    const hs = actionHostList(action);
    if (descriptorOf(a.type)?.hosts === 'many' && hs.length === 0) problems.push(`${where}: needs host or hosts`);
    for (const h of hs) {
      if (!ifaces.has(h)) {
        problems.push(`${where}: no host ${h}`);
        continue;
      }
      for (const d of actionDevs(action, h)) if (!ifaces.get(h)!.has(d)) problems.push(`${where}: ${h} has no ${d}`);
    }
  });
  return problems;
}
