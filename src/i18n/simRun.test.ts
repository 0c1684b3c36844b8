/** The budget message in both languages: the limit by name and number, the action, what to change. */
import { describe, expect, it } from 'vitest';
import { createI18n, loadZh } from './index.ts';
import { budgetMessage } from './simRun.ts';
import type { BudgetExceeded } from '../engine/index.ts';

// The app loads its Chinese strings on demand (i18n/index.ts loadZh); these tests read them.
await loadZh();

const arping: BudgetExceeded = { limit: 'deliveries', max: 500_000, step: 3, steps: 1000, action: { type: 'arping', host: 'H3', target: '10.0.0.3', U: true } };

describe('budgetMessage', () => {
  const en = createI18n('en');
  const zh = createI18n('zh');
  const tEn = (k: string, o?: Record<string, unknown>) => en.t(k, o);
  const tZh = (k: string, o?: Record<string, unknown>) => zh.t(k, o);

  it('names the limit, the action and what to change', () => {
    expect(budgetMessage(tEn, arping)).toBe('This scenario needs more than 500,000 frame deliveries (the limit): give arping on action 3 (on H3) a -c or -w (without them it runs for 60 s), or remove hosts or actions.');
    expect(budgetMessage(tEn, { ...arping, action: { ...arping.action!, count: 1000 } as BudgetExceeded['action'] })).toContain('lower arping -c or -w on action 3 (on H3)');
    expect(budgetMessage(tEn, { ...arping, limit: 'events', max: 1_000_000, action: { type: 'ping', host: 'A', to: '10.0.0.2', count: 1000, interval: 0 } }))
      .toBe('This scenario needs more than 1,000,000 trace events (the limit): lower ping -c or raise -i on action 3 (on A), or remove hosts or actions.');
    expect(budgetMessage(tEn, { ...arping, step: 0, action: null, limit: 'neighRows' })).toMatch(/neighbour-table rows .*: remove hosts\.$/);
    expect(budgetMessage(tEn, { ...arping, action: { type: 'wait', seconds: 86400 } })).toContain('shorten the wait of action 3');
  });

  it('in 简体中文', () => {
    expect(budgetMessage(tZh, arping)).toBe('此场景需要超过 500,000 次帧投递（上限）：为动作 3（在 H3 上）的 arping 指定 -c 或 -w（否则它会运行 60 秒），或删除一些主机或动作。');
  });
});
