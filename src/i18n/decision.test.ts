/**
 * Every decision the engine can make (trace.ts DECISIONS) has its sentence in English and
 * Chinese, and both languages name the same values, so no explanation can fall back to
 * a raw code or show a `{{placeholder}}`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadZh } from './index.ts';
import { DECISIONS, NEIGH_CAUSES } from '../engine/index.ts';
import { DECISION_TABLES, decisionTemplate, formatNeighCause, missingTemplates, reasonTemplate, type DecisionTables } from './decision.ts';

// The app loads its Chinese strings on demand (i18n/index.ts loadZh); these tests read them.
beforeAll(() => loadZh());

const placeholders = (t: string | undefined) => [...(t ?? '').matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1]).sort();

describe('decision templates', () => {
  it('cover every (rule, verdict, reason) the engine can emit, in both languages', () => {
    expect(missingTemplates(DECISION_TABLES.en)).toEqual([]);
    expect(missingTemplates(DECISION_TABLES.zh)).toEqual([]);
  });

  it('fail when a template is missing (mutation: one sentence and one fragment removed)', () => {
    const broken = JSON.parse(JSON.stringify(DECISION_TABLES.en)) as DecisionTables;
    delete (broken.rule.proxy_arp.ignore as Record<string, string>).same_medium;
    delete (broken.reason as Record<string, string>).strict_other_dev;
    expect(missingTemplates(broken)).toEqual([
      'arp_process.route drop strict_other_dev: no fragment for the reason',
      'arp_process.route ignore strict_other_dev: no fragment for the reason',
      'rp_filter drop strict_other_dev: no fragment for the reason',
      'proxy_arp ignore same_medium: no sentence',
      'ip_input.rp_filter drop strict_other_dev: no fragment for the reason',
      'ip_input.no_route drop strict_other_dev: no fragment for the reason',
    ]);
  });

  it('word every neighbour-change cause (NEIGH_CAUSES) in both languages, never as the code', () => {
    for (const code of Object.values(NEIGH_CAUSES).flat()) {
      for (const lang of ['en', 'zh'] as const) {
        const text = formatNeighCause(lang, code);
        expect(text, `${lang} ${code}`).not.toBe(code);
        expect(text, `${lang} ${code}`).not.toMatch(/{{/);
      }
    }
    // The tables hold no cause the engine cannot emit.
    const codes = Object.values(NEIGH_CAUSES).flat().sort();
    expect(Object.keys(DECISION_TABLES.en.neighCause).sort()).toEqual(codes);
    expect(Object.keys(DECISION_TABLES.zh.neighCause).sort()).toEqual(codes);
  });

  it('fail when a neighbour-change cause has no text (mutation: one removed)', () => {
    const broken = JSON.parse(JSON.stringify(DECISION_TABLES.zh)) as DecisionTables;
    delete (broken.neighCause as Record<string, string>).timer_delay_expired;
    expect(missingTemplates(broken)).toEqual(['neigh cause timer_delay_expired: no text']);
    expect(formatNeighCause(broken, 'timer_delay_expired')).toBe('timer_delay_expired');
  });

  it('name the same values in English and Chinese', () => {
    const drift: string[] = [];
    for (const [rule, verdicts] of Object.entries(DECISIONS)) {
      for (const [verdict, reasons] of Object.entries(verdicts as Record<string, readonly string[]>)) {
        for (const reason of reasons) {
          const en = placeholders(decisionTemplate('en', rule, verdict, reason));
          const zh = placeholders(decisionTemplate('zh', rule, verdict, reason));
          if (en.join() !== zh.join()) drift.push(`${rule} ${verdict} ${reason}: en ${en.join()} / zh ${zh.join()}`);
        }
      }
    }
    for (const code of Object.keys(DECISION_TABLES.en.reason)) {
      const en = placeholders(reasonTemplate('en', code));
      const zh = placeholders(reasonTemplate('zh', code));
      if (en.join() !== zh.join()) drift.push(`reason ${code}: en ${en.join()} / zh ${zh.join()}`);
    }
    expect(drift).toEqual([]);
  });
});
