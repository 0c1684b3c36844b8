/** What `ip -s neigh show` would list for each host (NOARP and NONE entries left out). */
import { fmtIp } from '../net/ip.ts';
import type { World } from './world.ts';
import type { NeighRow } from '../trace.ts';
import { NUD_VALID } from '../neigh/entry.ts';

export function neighTables(w: World): Record<string, NeighRow[]> {
  const out: Record<string, NeighRow[]> = {};
  for (const h of w.hostList) {
    const rows: NeighRow[] = [];
    for (const d of h.devices) {
      for (const n of d.neigh.values()) {
        if (n.state === 'NONE' || n.state === 'NOARP') continue;
        const sec = (t: number) => Math.max(0, Math.floor((w.now - t) / 1_000_000));
        rows.push({
          ip: fmtIp(n.ip),
          dev: d.name,
          lladdr: NUD_VALID.has(n.state) ? n.ha : null,
          state: n.state,
          used: sec(n.used),
          confirmed: sec(n.confirmed),
          updated: sec(n.updated),
          probes: n.probes,
          timer: n.timer && !n.timer.cancelled ? n.timer.t - w.now : null,
        });
      }
    }
    out[h.name] = rows;
  }
  return out;
}
