/**
 * Problems found while loading a scenario, as the UI shows them: a path to the field and a
 * message. The bridge from zod's issues to these is zodIssues.ts, apart so that code that only
 * reports problems (migrations, the link codec) does not load the schema (README "First load").
 */
import type { MessageId, Problem } from './messages.ts';

export interface ScenarioIssue {
  /** Path of the offending field, e.g. `hosts.A.interfaces.eth0.mac`, `actions[3].host`. */
  path: string;
  message: string;
  /** Message id from messages.ts (stable, for tests, lessons and translations). */
  code?: MessageId;
  /** The message's arguments (messages.ts), for wording it in another language (src/i18n/scenarioMessages.ts). */
  args?: readonly unknown[];
  /** Where inside the value (a route's via, src…), as Problem has it. */
  field?: string;
  /** The route string the problem was found in. */
  route?: string;
}

/** `hosts.A.interfaces.eth0.mac`, `actions[3].type`, `hosts.A.sysctls["net.ipv4.ip_forward"]` */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[\p{L}\p{N}_-]+$/u.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

/** One line for a person: `path: message`. */
export function formatIssue(i: ScenarioIssue): string {
  return i.path ? `${i.path}: ${i.message}` : i.message;
}

export function issue(path: readonly PropertyKey[], code: MessageId, message: string): ScenarioIssue {
  return { path: formatPath(path), code, message };
}

/** An issue at `path` from a Problem (its id, English text, arguments and where inside the value). */
export function issueOf(path: readonly PropertyKey[], p: Problem): ScenarioIssue {
  return { path: formatPath(path), ...p };
}
