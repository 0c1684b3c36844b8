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

export const simRunZh: typeof simRunEn = {
  running: '正在模拟… 第 {{step}} 步，共 {{steps}} 步',
  work: '已投递 {{deliveries}} 帧，上限 {{max}}',
  cancel: '取消',
  cancelled: '模拟已取消。场景没有改变：可以编辑它，或重新运行。',
  rerun: '重新运行',
  budgetTitle: '此场景太大，无法模拟',
  budget: '此场景需要超过 {{max}} {{limit}}（上限）：{{hint}}。',
  editable: '场景保持原样；修改后会重新运行。',
  limit: {
    deliveries: '次帧投递',
    events: '条跟踪事件',
    neighRows: '行邻居表（每一步之后每台主机的表）',
  },
  hint: {
    arping: '减小动作 {{n}}（在 {{host}} 上）的 arping -c 或 -w，或删除一些主机或动作',
    arpingForever: '为动作 {{n}}（在 {{host}} 上）的 arping 指定 -c 或 -w（否则它会运行 60 秒），或删除一些主机或动作',
    ping: '减小动作 {{n}}（在 {{host}} 上）的 ping -c 或增大 -i，或删除一些主机或动作',
    wait: '缩短动作 {{n}} 的等待时间，或删除一些主机或动作',
    other: '删除一些主机或动作（在第 {{n}} 个动作时达到上限，共 {{steps}} 个）',
    setup: '删除一些主机',
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
