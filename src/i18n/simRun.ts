/**
 * Strings of a running simulation (progress, Cancel) and of the work budget's message,
 * with the one function that words a BudgetExceeded — used by the UI and the CLI alike.
 */
import type { BudgetExceeded } from '../engine/index.ts';
import { isolate } from './displayText.ts';

export const simRunEn = {
  running: 'Simulating… step {{step}} of {{steps}}',
  work: '{{deliveries}} of at most {{max}} frame deliveries',
  cancel: 'Cancel',
  cancelled: 'Simulation cancelled. Your scenario is unchanged: edit it, or run it again.',
  /** A long run streams: its first steps play while the rest computes (view/sim/, store/traceStream.ts). */
  streaming: 'Playback can start: the steps computed so far play while the rest computes.',
  computed: 'Computed {{done}} of {{steps}} steps',
  cancelledPartial: 'Simulation cancelled after step {{done}} of {{steps}}. Your scenario is unchanged: edit it, or run it again. The steps computed so far are kept: play them.',
  budgetPartial: 'The {{done}} steps computed before the limit are kept: play them.',
  rerun: 'Run again',
  budgetTitle: 'This scenario is too big to simulate',
  budget: 'This scenario needs more than {{max}} {{limit}} (the limit): {{hint}}.',
  editable: 'Your scenario is kept as it is; once you change it, it runs again.',
  limit: {
    deliveries: 'frame deliveries',
    events: 'trace events',
    neighRows: 'neighbour-table rows (every host’s table after every step)',
  },
  hint: {
    arping: 'lower arping -c or -w on action {{n}} (on {{host}}), or remove hosts or actions',
    arpingForever: 'give arping on action {{n}} (on {{host}}) a -c or -w (without them it runs for 60 s), or remove hosts or actions',
    ping: 'lower ping -c or raise -i on action {{n}} (on {{host}}), or remove hosts or actions',
    wait: 'shorten the wait of action {{n}}, or remove hosts or actions',
    other: 'remove hosts or actions (the limit was reached at action {{n}} of {{steps}})',
    setup: 'remove hosts',
  },
};

type T = (key: string, opts?: Record<string, unknown>) => string;

const grouped = new Intl.NumberFormat('en-US');

/** The budget message: the limit by name and number, and what to change (action number, host). */
export function budgetMessage(t: T, b: BudgetExceeded): string {
  const a = b.action;
  const n = b.step;
  const common = { n, steps: b.steps };
  let hint: string;
  if (!a || n === 0) hint = t('simRun.hint.setup');
  else if (a.type === 'arping') hint = t(a.count === undefined && a.w === undefined ? 'simRun.hint.arpingForever' : 'simRun.hint.arping', { ...common, host: isolate(a.host) });
  else if (a.type === 'ping') hint = t('simRun.hint.ping', { ...common, host: isolate(a.host) });
  else if (a.type === 'wait') hint = t('simRun.hint.wait', common);
  else hint = t('simRun.hint.other', common);
  return t('simRun.budget', { max: grouped.format(b.max), limit: t(`simRun.limit.${b.limit}`), hint });
}

/** Numbers in progress text, grouped the same way in both languages. */
export const formatCount = (n: number) => grouped.format(n);
