/** `wait`: the clock runs (`sleep SECONDS`). */
import { z } from 'zod';
import { actionBase, secondsSchema } from '../fields.ts';
import { LIMITS } from '../limits.ts';
import { fail, num } from './cmdline.ts';
import { pick } from './common.ts';
import type { ActionDescriptor } from './descriptor.ts';

const schema = z.strictObject({ type: z.literal('wait'), seconds: secondsSchema, ...actionBase });

/** GNU sleep's suffixes. */
const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export const wait: ActionDescriptor<'wait', typeof schema> = {
  type: 'wait',
  schema,
  hosts: 'none',
  normalize: (a) => ({ type: 'wait', seconds: a.seconds }),
  check: () => {},
  devs: () => [],
  renameDev: (a) => a,
  arbitrary: (c) => ({ type: 'wait', seconds: pick([0.5, 1, 1.2, 3, 6, 30], c.a) }),
  print: (a) => `sleep ${num(a.seconds)}`,
  command: ['sleep'],
  parse(words) {
    if (words.length < 2) return fail('sleep: missing operand');
    if (words.length > 2) return fail(`sleep: one interval, please (got ${words.slice(1).join(' ')})`);
    const m = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?([smhd]?)$/i.exec(words[1]);
    if (!m) return fail(`sleep: invalid time interval ‘${words[1]}’`);
    const seconds = Number(m[1] + (m[2] ?? '')) * UNIT[m[3]];
    if (seconds > LIMITS.seconds) return fail(`sleep: ${words[1]} is more than a day of simulated time`);
    return { ok: true, action: { type: 'wait', seconds } };
  },
  form: [{ key: 'seconds', input: 'number', label: 'seconds', error: 'seconds', initial: '1', required: true, above: 0, max: 3600 }],
  harness: {
    kind: 'none',
    timeoutMs: () => 0,
    sleep: (a) => a.seconds,
    timing: (a) => ({ outcomes: [{ lo: a.seconds, hi: a.seconds + 0.02 }], events: () => [] }),
  },
};
