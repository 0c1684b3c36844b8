/**
 * The console's commands: one entry per program, with its one-line help. A command reads
 * the ConsoleState and returns what it prints, its exit status and, for a change, the
 * actions it stands for (the session inserts them after the cursor's step or into the
 * setup). Adding a command: a function here (README "Adding things → A command").
 */
import { explainCommand } from './explainCmd.ts';
import { asAction, ipCommand } from './ip.ts';
import { ipvsadmCommand } from './ipvsadm.ts';
import { arpCommand, ifconfigCommand, routeCommand } from './netTools.ts';
import type { SimpleCommand } from './shell.ts';
import { err, ok, type CommandResult, type ConsoleState } from './state.ts';
import { catCommand, echoCommand, sysctlCommand } from './sysctl.ts';
import { tcpdumpCommand } from './tcpdump.ts';

export interface ConsoleCommand {
  /** Synopsis, as `help` lists it. */
  usage: string;
  run(st: ConsoleState, argv: string[], redirect?: SimpleCommand['redirect']): CommandResult;
}

export const COMMANDS: Record<string, ConsoleCommand> = {
  ip: { usage: 'ip [-4] [-s] [-d] addr|link|route|neigh [show|add|del|replace|change|flush|get] …', run: ipCommand },
  sysctl: { usage: 'sysctl [-n] [-N] [-q] KEY… | -w KEY=VALUE… | -a [-r PATTERN] | -p [FILE]', run: sysctlCommand },
  echo: { usage: 'echo N > /proc/sys/net/ipv4/…', run: echoCommand },
  cat: { usage: 'cat /proc/sys/net/ipv4/…', run: catCommand },
  arp: { usage: 'arp [-n] [-a] [-i DEV] [IP] | -d IP | -s IP MAC', run: arpCommand },
  ifconfig: { usage: 'ifconfig [-a] [DEV[:N] [ADDR] [netmask MASK] [up|down]]', run: ifconfigCommand },
  route: { usage: 'route [-n] | add|del [-host|-net] TARGET [netmask M] [gw GW] [dev DEV]', run: routeCommand },
  ping: { usage: 'ping [-c N] [-W S] [-i S] [-I DEV|ADDR] ADDR', run: (st, argv) => asAction(st, argv, 'tool') },
  arping: { usage: 'arping [-c N] [-w S] [-D] [-U] [-A] [-b] [-f] [-s SRC] -I DEV ADDR', run: (st, argv) => asAction(st, argv, 'tool') },
  packit: { usage: 'packit -t ARP -A 1|2 -x SPA -y TPA [-X SHA] [-Y THA] [-e SRC] [-E DST] -i DEV [-c N]', run: (st, argv) => asAction(st, argv, 'tool') },
  ipvsadm: { usage: 'ipvsadm -Ln | -Lnc', run: ipvsadmCommand },
  tcpdump: { usage: 'tcpdump -n [-e] [-i DEV] [-c N] [arp|icmp|tcp|udp|host X …]', run: tcpdumpCommand },
  explain: { usage: 'explain KEY | explain route ROUTE   (which decisions change with another value: re-simulated)', run: explainCommand },
  clear: { usage: 'clear', run: () => ({ ...ok(), clear: true }) },
  help: { usage: 'help', run: () => ok(helpText()) },
};

export function helpText(): string[] {
  return [
    'Commands (output as the real tools print it, from the host at the playback cursor):',
    ...Object.entries(COMMANDS).map(([, c]) => `  ${c.usage}`),
    'A change (ip … add, sysctl -w, echo > /proc/sys/…, ifconfig, route add, ping, arping, packit) is',
    'inserted as an action after the cursor\'s step and the scenario runs again.',
    'Shell: quotes, \\, ;, # comments and > FILE work; pipes, &&, $VAR and globs do not.',
  ];
}

export function runCommand(st: ConsoleState, cmd: SimpleCommand): CommandResult {
  const name = cmd.argv[0];
  const c = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!c) return err(127, `bash: ${name}: command not found`);
  if (cmd.redirect && name !== 'echo') return err(1, `arplab: only echo can write to a file here (> ${cmd.redirect.path})`);
  return c.run(st, cmd.argv, cmd.redirect);
}
