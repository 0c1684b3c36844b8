/**
 * The bridge from zod's issues to ours (issues.ts): one generic error map for the built-in
 * checks (type, enum, unknown field, union), and a pass that turns zod's issue tree into a
 * flat list.
 */
import type { z } from 'zod';
import { issueOf, type ScenarioIssue } from './issues.ts';
import { msg, tagged, untag, type Problem } from './messages.ts';
import { EXPECTS, listedFields } from './schema.ts';

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
        ? tagged(msg('required', expected(iss)))
        : tagged(msg('wrongType', expected(iss), iss.input));
    case 'invalid_value':
      return tagged(msg('notOneOf', iss.input, (iss.values ?? []) as (string | number)[]));
    case 'unrecognized_keys': {
      const shape = (iss.inst as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      // The allowed fields ride along in the message; fromZod makes one issue per key.
      return tagged({ code: 'unknownField', message: JSON.stringify(Object.keys(shape)) });
    }
    case 'invalid_union': {
      if ('discriminator' in iss && iss.discriminator) {
        const options = ((iss as { options?: unknown[] }).options ?? []).map(String);
        const input = iss.input as Record<string, unknown> | undefined;
        const t = input?.[String(iss.discriminator)];
        return t === undefined
          ? tagged(msg('missingActionType', options))
          : tagged(msg('unknownActionType', t, options));
      }
      return tagged(msg('wrongType', expected(iss), iss.input));
    }
    case 'too_big':
      return iss.origin === 'string'
        ? tagged(msg('tooLong', Number(iss.maximum)))
        : tagged(msg('tooMany', 'entries', Number(iss.maximum)));
    case 'too_small':
      return tagged(msg('outOfRange', Number(iss.input), `at least ${Number(iss.minimum)}`));
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
        out.push(issueOf([...path, key], msg('unknownField', key, listedFields(shape), shape)));
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
    // Our own checks (verified, the cross-references) put their Problem in params.
    const params = (iss as { params?: Partial<Problem> }).params;
    const p = params?.code ? { ...params, code: params.code, message: iss.message } : untag(iss.message);
    out.push(issueOf(path, p));
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
