/**
 * `snapshot`: nothing runs; the step records every host's neighbour table again, as
 * `ip neigh show` on each host would list it.
 */
import { z } from 'zod';
import { actionBase } from '../fields.ts';
import { fail, ipErr } from './cmdline.ts';
import type { ActionDescriptor } from './descriptor.ts';

const schema = z.strictObject({ type: z.literal('snapshot'), ...actionBase });

export const snapshot: ActionDescriptor<'snapshot', typeof schema> = {
  type: 'snapshot',
  schema,
  hosts: 'none',
  normalize: () => ({ type: 'snapshot' }),
  check: () => {},
  devs: () => [],
  renameDev: (a) => a,
  arbitrary: () => ({ type: 'snapshot' }),
  print: () => 'ip neigh show',
  command: ['ip', 'neigh', 'show'],
  parse: (words) => (words.length > 3 ? fail(ipErr.garbage(words[3])) : { ok: true, action: { type: 'snapshot' } }),
  harness: {
    kind: 'none',
    timeoutMs: () => 0,
    timing: () => ({ outcomes: [{ lo: 0, hi: 0.01 }], events: () => [] }),
  },
};
