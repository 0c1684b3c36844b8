/**
 * Decisions in the reader's language: the one formatter (src/i18n/decision.ts) in the
 * language i18next currently shows.
 */
import type { i18n } from 'i18next';
import type { DecisionEvent, SettingUse } from '../../engine/index.ts';
import { formatDecision, type DecisionLang } from '../../i18n/decision.ts';

/** The formatter's language for what i18next shows. */
export const decisionLang = (inst: i18n): DecisionLang => (inst.language === 'zh' ? 'zh' : 'en');

export function explainDecision(inst: i18n, e: DecisionEvent): string {
  return formatDecision(decisionLang(inst), e);
}

/** The kernel's name of a setting: net.ipv4.conf.<all|dev>.<knob>, or net.ipv4.neigh.<dev>.<param>. */
export function kernelName(s: SettingUse, which: 'all' | 'dev'): string {
  if (s.combine === 'neigh') return `net.ipv4.neigh.${s.dev}.${s.name}`;
  return `net.ipv4.conf.${which === 'all' ? 'all' : s.dev}.${s.name}`;
}
