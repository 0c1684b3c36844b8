/**
 * Decisions in the reader's language: a template per rule and verdict (i18n key
 * `whyRules.<rule>.<verdict>`), filled from the decision's params plus host, dev and the
 * settings' effective values. In English, and whenever there is no template or it needs a
 * value the engine did not give, the engine's own sentence is shown.
 */
import type { i18n } from 'i18next';
import type { DecisionEvent, SettingUse } from '../../engine/trace.ts';

const PLACEHOLDER = /{{\s*([\w.]+)\s*}}/g;

export const ruleKey = (rule: string) => rule.replace(/\./g, '_');

export function explainDecision(inst: i18n, e: DecisionEvent): string {
  if (inst.language === 'en') return e.text;
  const key = `whyRules.${ruleKey(e.rule)}.${e.verdict}`;
  const tpl = inst.getResource(inst.language, 'translation', key) as unknown;
  if (typeof tpl !== 'string') return e.text;
  const vars: Record<string, string | number> = { host: e.host, dev: e.dev ?? '' };
  for (const s of e.settings) vars[s.name] = s.value;
  Object.assign(vars, e.params);
  // A reason code (e.g. rp_filter's "no_addr") has its own sentence, filled from the same values.
  if (typeof e.params.reason === 'string') {
    const rkey = `whyReasons.${e.params.reason}`;
    const rtpl = inst.getResource(inst.language, 'translation', rkey) as unknown;
    if (typeof rtpl !== 'string') return e.text;
    for (const m of rtpl.matchAll(PLACEHOLDER)) if (!(m[1] in vars)) return e.text;
    vars.reason = inst.t(rkey, vars);
  }
  for (const m of tpl.matchAll(PLACEHOLDER)) if (!(m[1] in vars)) return e.text;
  return inst.t(key, vars);
}

/** The kernel's name of a setting: net.ipv4.conf.<all|dev>.<knob>, or net.ipv4.neigh.<dev>.<param>. */
export function kernelName(s: SettingUse, which: 'all' | 'dev'): string {
  if (s.combine === 'neigh') return `net.ipv4.neigh.${s.dev}.${s.name}`;
  return `net.ipv4.conf.${which === 'all' ? 'all' : s.dev}.${s.name}`;
}
