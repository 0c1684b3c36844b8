/**
 * `ip [-s] route flush SELECTOR`: every route of the main table the selector matches is
 * deleted (one `ip route del` action each, one edit), kernel prefix routes included — as
 * iproute2 6.1 does (ip/iproute.c, iproute_list_flush_or_save): it dumps the table, keeps
 * the routes filter_nlmsg() lets through and sends RTM_DELROUTE for each. Checked against
 * iproute2 6.1 in a network namespace:
 * - no selector: `"ip route flush" requires arguments.`, exit 1;
 * - a bare PREFIX (or `to`/`exact PREFIX`) matches that exact destination, not the routes
 *   inside it (`flush 172.16.0.0/12` leaves 172.16.0.0/16); `root P` matches the routes
 *   inside P, `match P` those that contain P;
 * - `dev`, `via`, `src`, `proto`, `scope`, `type`, `metric` narrow it further (all must hold);
 * - `cache` (anywhere): the IPv4 routing cache is flushed and no route is deleted;
 * - `-s`: `Nothing to flush.`, or `*** Round 1, deleting N entries ***` and
 *   `*** Flush is complete after 1 round ***` after a blank line;
 * - `table N` for a table the kernel has not made: `Error: ipv4: FIB table does not exist.`,
 *   `Flush terminated`, exit 2.
 * Not modelled (said so): the local table (`table local|all`, the kernel's, from addresses) and `-s -s`.
 */
import type { ActionV1 } from '../scenario/types.ts';
import { ipErr } from '../scenario/actions/cmdline.ts';
import { ROUTE_PROTOS } from '../scenario/routeCheck.ts';
import { ipToInt } from './addr.ts';
import { mainTable } from './ipShow.ts';
import { err, ok, viewOf, type CommandResult, type ConsoleState } from './state.ts';

type RouteRow = ReturnType<typeof mainTable>[number];

const INCOMPLETE = 'Command line is not complete. Try option "help"';
const PROTOS: Record<string, string> = { '0': 'unspec', '1': 'redirect', '2': 'kernel', '3': 'boot', '4': 'static' };
const SCOPES: Record<string, string> = { global: 'global', universe: 'global', '0': 'global', link: 'link', '253': 'link', host: 'host', '254': 'host', site: 'site', '200': 'site', nowhere: 'nowhere', '255': 'nowhere' };
const TYPES = ['unicast', 'local', 'broadcast', 'anycast', 'multicast', 'blackhole', 'unreachable', 'prohibit', 'throw', 'nat', 'xresolve'];

interface Prefix {
  ip: number;
  len: number;
}

/** `default`, `0/0`, `a.b.c.d`, `a.b.c.d/n` as iproute2's get_prefix takes them; null when invalid. */
function prefixOf(w: string): Prefix | null {
  if (w === 'default' || w === 'all' || w === 'any') return { ip: 0, len: 0 };
  const m = /^(\d{1,3}(?:\.\d{1,3}){0,3})(?:\/(\d{1,2}))?$/.exec(w);
  if (!m) return null;
  const parts = m[1].split('.').map(Number);
  if (parts.some((p) => p > 255)) return null;
  const len = m[2] === undefined ? 32 : Number(m[2]);
  if (len > 32) return null;
  while (parts.length < 4) parts.push(0);
  return { ip: ipToInt(parts.join('.')), len };
}

const maskOf = (len: number) => (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);
const within = (inner: Prefix, outer: Prefix) => inner.len >= outer.len && ((inner.ip & maskOf(outer.len)) >>> 0) === ((outer.ip & maskOf(outer.len)) >>> 0);

/** A main-table row's destination (the engine prints `default` or `a.b.c.d/len`). */
const destOf = (r: RouteRow): Prefix => prefixOf(r.dest)!;

export function routeFlush(st: ConsoleState, args: string[], stats: number): CommandResult {
  if (args.length === 0) return err(1, '"ip route flush" requires arguments.');
  const keep: ((r: RouteRow) => boolean)[] = [];
  let cache = false;
  let exact: Prefix | null = null;
  const v = viewOf(st);
  for (let k = 0; k < args.length; k++) {
    const w = args[k];
    const next = () => args[++k];
    switch (w) {
      case 'cache':
        cache = true;
        break;
      case 'table': {
        const t = next();
        if (t === undefined) return err(255, INCOMPLETE);
        if (t === 'main' || t === '254') break;
        if (t === 'local' || t === '255' || t === 'all' || t === '0') return err(255, `arplab: ip route flush table ${t} is not modelled (the local table is the kernel's, made from the addresses); flush the main table`);
        if (t === 'default' || (/^\d+$/.test(t) && Number(t) < 2 ** 32)) return err(2, 'Error: ipv4: FIB table does not exist.', 'Flush terminated');
        return err(255, ipErr.arg(t, '"table" value is invalid'));
      }
      case 'dev':
      case 'oif': {
        const d = next();
        if (d === undefined) return err(255, INCOMPLETE);
        if (!v.devices.some((x) => x.name === d)) return err(1, `Cannot find device "${d}"`);
        keep.push((r) => r.dev === d);
        break;
      }
      case 'via':
      case 'src': {
        const a = next();
        if (a === undefined) return err(255, INCOMPLETE);
        const p = prefixOf(a);
        if (!p) return err(1, `Error: any valid prefix is expected rather than "${a}".`);
        keep.push((r) => {
          const x = w === 'via' ? r.via : r.src;
          return x !== null && within({ ip: ipToInt(x), len: 32 }, p);
        });
        break;
      }
      case 'proto':
      case 'protocol': {
        const p = next();
        if (p === undefined) return err(255, INCOMPLETE);
        const name = PROTOS[p] ?? ((ROUTE_PROTOS as readonly string[]).includes(p) ? p : /^\d+$/.test(p) && Number(p) < 256 ? p : null);
        if (name === null) return err(255, ipErr.arg(p, 'invalid "protocol"'), '');
        keep.push((r) => (r.proto ?? 'boot') === name);
        break;
      }
      case 'scope': {
        const s = next();
        if (s === undefined) return err(255, INCOMPLETE);
        const name = SCOPES[s];
        if (name === undefined) return err(255, ipErr.arg(s, 'invalid "scope"'), '');
        keep.push((r) => r.scope === name);
        break;
      }
      case 'type': {
        const t = next();
        if (t === undefined) return err(255, INCOMPLETE);
        if (!TYPES.includes(t)) return err(255, ipErr.arg(t, 'node type value is invalid'), '');
        keep.push((r) => (r.type ?? 'unicast') === t);
        break;
      }
      case 'metric':
      case 'priority':
      case 'preference': {
        const m = next();
        if (m === undefined) return err(255, INCOMPLETE);
        if (!/^\d+$/.test(m)) return err(255, ipErr.arg(m, '"metric" value is invalid'), '');
        keep.push((r) => r.metric === Number(m));
        break;
      }
      case 'root':
      case 'match':
      case 'exact':
      case 'to': {
        const a = next();
        if (a === undefined) return err(255, INCOMPLETE);
        const p = prefixOf(a);
        if (!p) return err(1, `Error: any valid prefix is expected rather than "${a}".`);
        if (w === 'root') keep.push((r) => within(destOf(r), p));
        else if (w === 'match') keep.push((r) => within(p, destOf(r)));
        else exact = p;
        break;
      }
      default: {
        const p = prefixOf(w);
        if (!p) return err(1, `Error: any valid prefix is expected rather than "${w}".`);
        exact = p;
      }
    }
  }
  if (cache) return ok(stats ? ['*** IPv4 routing cache is flushed.'] : []);
  if (stats > 1) return err(255, 'arplab: ip -s -s route flush is not modelled (ip -s route flush counts what it deletes)');
  const target = exact;
  if (target) keep.push((r) => {
    const d = destOf(r);
    return d.len === target.len && d.ip === target.ip;
  });
  const gone = mainTable(v).filter((r) => keep.every((f) => f(r)));
  if (gone.length === 0) return ok(stats ? ['Nothing to flush.'] : []);
  const actions = gone.map((r) => ({
    type: 'route',
    host: st.host,
    op: 'del',
    route: { dest: r.dest, ...(r.via ? { via: r.via } : {}), ...(r.dev ? { dev: r.dev } : {}), metric: r.metric, ...(r.type && r.type !== 'unicast' ? { type: r.type } : {}) },
  }) as ActionV1);
  const out = stats ? ['', `*** Round 1, deleting ${gone.length} entries ***`, '*** Flush is complete after 1 round ***'] : [];
  return { out, rc: 0, change: { actions, kind: 'config' } };
}
