/**
 * `ipvsadm -Ln` / `-Lnc` (also `-L -n`, `-l`): the director's virtual services and
 * connection table after the cursor's step, as the engine recorded them (engine/tools/ipvsadm.ts
 * prints them). Changing services from the console is not modelled yet: the setup's `ipvs`
 * (scenario format v2) holds them.
 */
import { ipvsadmLn, ipvsadmLnc } from '../engine/index.ts';
import { err, ok, type CommandResult, type ConsoleState } from './state.ts';

export function ipvsadmCommand(st: ConsoleState, argv: string[]): CommandResult {
  const flags = new Set<string>();
  for (const w of argv.slice(1)) {
    if (w === '--list') flags.add('L');
    else if (w === '--numeric') flags.add('n');
    else if (w === '--connection') flags.add('c');
    else if (/^-[a-zA-Z]+$/.test(w)) for (const ch of w.slice(1)) flags.add(ch === 'l' ? 'L' : ch);
    else return err(2, `arplab: ipvsadm ${w}: only listing (-Ln, -Lnc) is modelled; services are part of the director's setup`);
  }
  if (flags.size === 0) flags.add('L');
  const bad = [...flags].find((f) => !'Lnc'.includes(f));
  if (bad) return err(2, `arplab: ipvsadm -${bad}: only listing (-Ln, -Lnc) is modelled; services are part of the director's setup`);
  if (!flags.has('L')) return err(2, 'arplab: ipvsadm: only listing (-Ln, -Lnc) is modelled');
  const step = st.sim.steps[Math.min(st.step, st.sim.steps.length - 1)];
  const table = step?.ipvs?.[st.host] ?? { services: [], conns: [] };
  return ok(flags.has('c') ? ipvsadmLnc(table) : ipvsadmLn(table));
}
