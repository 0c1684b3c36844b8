/**
 * Problems found while loading a scenario, as the UI shows them: a path to the field and a
 * message. Also the bridge from zod's issues to ours: one generic error map for the
 * built-in checks (type, enum, unknown field, union), and a pass that turns zod's
 * issue tree into a flat list.
 */
import type { z } from 'zod';
import { messages, tagged, untag, type MessageId } from './messages.ts';
import { EXPECTS, listedFields } from './schema.ts';

export interface ScenarioIssue {
  /** Path of the offending field, e.g. `hosts.A.interfaces.eth0.mac`, `actions[3].host`. */
  path: string;
  message: string;
  /** Message id from messages.ts (stable, for tests, lessons and translations). */
  code?: MessageId;
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

// ---------------------------------------------------------------- zod bridge


const TYPE_NAMES: Record<string, string> = {
  string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false',
  object: 'an object', array: 'a list', record: 'an object', null: 'null', literal: 'a fixed value',
};

type RawIssue = z.core.$ZodRawIssue;

function expected(iss: RawIssue): string {
  return EXPECTS.get(iss.inst as object) ?? TYPE_NAMES[String(iss.expected)] ?? String(iss.expected);
}

/** The error map passed to every parse: plain-language messages for zod's own checks. */
export function errorMap(iss: RawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined
        ? tagged('required', messages.required(expected(iss)))
        : tagged('wrongType', messages.wrongType(expected(iss), iss.input));
    case 'invalid_value':
      return tagged('notOneOf', messages.notOneOf(iss.input, (iss.values ?? []) as (string | number)[]));
    case 'unrecognized_keys': {
      const shape = (iss.inst as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      // The allowed fields ride along in the message; fromZod makes one issue per key.
      return tagged('unknownField', JSON.stringify(Object.keys(shape)));
    }
    case 'invalid_union': {
      if ('discriminator' in iss && iss.discriminator) {
        const options = ((iss as { options?: unknown[] }).options ?? []).map(String);
        const input = iss.input as Record<string, unknown> | undefined;
        const t = input?.[String(iss.discriminator)];
        return t === undefined
          ? tagged('missingActionType', messages.missingActionType(options))
          : tagged('unknownActionType', messages.unknownActionType(t, options));
      }
      return tagged('wrongType', messages.wrongType(expected(iss), iss.input));
    }
    case 'too_big':
      return iss.origin === 'string'
        ? tagged('tooLong', messages.tooLong(Number(iss.maximum)))
        : tagged('tooMany', messages.tooMany('entries', Number(iss.maximum)));
    case 'too_small':
      return tagged('outOfRange', messages.outOfRange(Number(iss.input), `at least ${Number(iss.minimum)}`));
    default:
      return undefined;
  }
}

/**
 * A union failed. If exactly one branch took the input's type (its issues are deeper than the
 * union itself), that branch's issues are the useful ones; otherwise the input had the wrong
 * type for every branch and the union's own message says what was expected.
 */
function unionBranch(errors: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | null {
  const typed = errors.filter((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  return typed.length === 1 ? typed[0] : null;
}

function collect(issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[], out: ScenarioIssue[]): void {
  for (const iss of issues) {
    const path = [...base, ...iss.path];
    if (iss.code === 'unrecognized_keys') {
      const { message } = untag(iss.message);
      let shape: string[] = [];
      try {
        shape = JSON.parse(message) as string[];
      } catch {
        shape = [];
      }
      for (const key of iss.keys) {
        out.push(issue([...path, key], 'unknownField', messages.unknownField(key, listedFields(shape), shape)));
      }
      continue;
    }
    if (iss.code === 'invalid_union' && !('discriminator' in iss && iss.discriminator)) {
      const branch = unionBranch(iss.errors);
      if (branch) {
        collect(branch, path, out);
        continue;
      }
    }
    const params = (iss as { params?: { code?: MessageId } }).params;
    const { code, message } = untag(iss.message);
    out.push({ path: formatPath(path), code: params?.code ?? code, message });
  }
}

/** zod's issues → ours, in document order, without duplicates. */
export function fromZod(error: z.ZodError): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  collect(error.issues, [], out);
  const seen = new Set<string>();
  return out.filter((i) => {
    const k = `${i.path}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
