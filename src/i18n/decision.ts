/**
 * The one formatter of the engine's decisions: a decision is data (rule, verdict, reason
 * code, settings, values); its sentence is made here, when it is shown, from the templates
 * in decisions/en.ts and decisions/zh.ts. The Why panel, the event list, the CLI and the
 * exports all call `formatDecision`; a neighbour change's cause is `formatNeighCause`.
 */
import { ALSO_REASONS, DECISIONS, NEIGH_CAUSES, actsAs, isKnob } from '../engine/tables.ts';
import type { DecisionEvent, NeighCause, SettingUse } from '../engine/index.ts';
import { decisionsEn } from './decisions/en.ts';
import type { decisionsZh } from './decisions/zh.ts';

export type DecisionLang = 'en' | 'zh';

export type DecisionTables = typeof decisionsEn;
const LOADED: Partial<Record<DecisionLang, DecisionTables>> = { en: decisionsEn };
/** The tables by language; zh is there once the Chinese strings are loaded (index.ts `loadZh`). */
export const DECISION_TABLES = LOADED as Record<DecisionLang, DecisionTables>;
/** Called by index.ts when the Chinese strings have arrived (they load lazily: zhStrings.ts). */
export function installZhDecisions(tables: typeof decisionsZh) {
  LOADED.zh = tables;
}
/** A language's tables; Chinese before it has loaded is a programming error, never a silent fallback. */
function tablesOf(lang: DecisionLang): DecisionTables {
  const t = LOADED[lang];
  if (!t) throw new Error(`the ${lang} decision texts are not loaded: await loadZh() (src/i18n/index.ts) first`);
  return t;
}

const PLACEHOLDER = /{{\s*([\w.]+)\s*}}/g;

/** The key of a rule id in the tables (i18n keys cannot hold dots). */
export const ruleKey = (rule: string) => rule.replace(/\./g, '_');

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The sentence template for (rule, verdict, reason): the reason's own, else the rule's `*`. */
export function decisionTemplate(lang: DecisionLang | DecisionTables, rule: string, verdict: string, reason: string): string | undefined {
  const rules = (typeof lang === 'string' ? tablesOf(lang) : lang).rule as Record<string, Record<string, Record<string, string>>>;
  const byVerdict = own(rules, ruleKey(rule)) ? rules[ruleKey(rule)] : undefined;
  const byReason = byVerdict && own(byVerdict, verdict) ? byVerdict[verdict] : undefined;
  if (!byReason) return undefined;
  return own(byReason, reason) ? byReason[reason] : own(byReason, '*') ? byReason['*'] : undefined;
}

/** The fragment that explains a reason code inside a sentence (`{{why}}`, `{{also}}`). */
export function reasonTemplate(lang: DecisionLang | DecisionTables, code: string): string | undefined {
  const reasons = (typeof lang === 'string' ? tablesOf(lang) : lang).reason as Record<string, string>;
  return own(reasons, code) ? reasons[code] : undefined;
}

function fill(tpl: string, vars: Record<string, string | number | undefined>, missing: string[]): string {
  return tpl.replace(PLACEHOLDER, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) {
      missing.push(name);
      return `{{${name}}}`;
    }
    return String(v);
  });
}

/** A setting as the decision read it: "rp_filter=1 (max of all=1, eth1=0)". */
export function formatSetting(lang: DecisionLang, s: SettingUse): string {
  const text = fill(tablesOf(lang).setting[s.combine], { name: s.name, value: s.value, dev: s.dev, all: s.all, devValue: s.devValue }, []);
  // A value the kernel stores but whose code has no case for it: say what it acts as
  // ("arp_ignore=9 (max of all=9, eth0=0), which acts as 0").
  const acts = s.combine !== 'neigh' && isKnob(s.name) ? actsAs(s.name, s.value) : null;
  return acts === null ? text : text + fill(tablesOf(lang).actsAs, { acts }, []);
}

interface Rendered {
  text: string;
  /** What could not be rendered: missing templates and placeholders without a value. */
  problems: string[];
}

export function renderDecision(lang: DecisionLang, e: DecisionEvent): Rendered {
  const problems: string[] = [];
  const tpl = decisionTemplate(lang, e.rule, e.verdict, e.reason);
  if (tpl === undefined) {
    problems.push(`no template decision.${ruleKey(e.rule)}.${e.verdict}.${e.reason}`);
    return { text: `[${e.rule}: ${e.verdict}, ${e.reason}]`, problems };
  }
  const vars: Record<string, string | number | undefined> = { host: e.host, dev: e.dev ?? undefined };
  for (const s of e.settings) {
    vars[s.name] = s.value;
    vars[`set.${s.name}`] = formatSetting(lang, s);
  }
  Object.assign(vars, e.params);
  const missing: string[] = [];
  // Fragments are filled only when the sentence uses them.
  const uses = (name: string) => tpl.includes(`{{${name}}}`);
  if (uses('why')) {
    const r = reasonTemplate(lang, e.reason);
    if (r === undefined) problems.push(`no fragment reason.${e.reason}`);
    else vars.why = fill(r, vars, missing);
  }
  if (uses('also')) {
    const r = e.also === undefined ? undefined : reasonTemplate(lang, e.also);
    if (r === undefined) problems.push(`no fragment reason.${e.also ?? '(also missing)'}`);
    else vars.also = fill(r, vars, missing);
  }
  const text = fill(tpl, vars, missing);
  for (const m of missing) problems.push(`no value for {{${m}}}`);
  return { text, problems };
}

/** The decision in words, in `lang`. */
export function formatDecision(lang: DecisionLang, e: DecisionEvent): string {
  return renderDecision(lang, e).text;
}

/** Why a neighbour entry changed (a NEIGH_CAUSES code), in `lang`; the code itself if it has no template. */
export function formatNeighCause(lang: DecisionLang | DecisionTables, cause: NeighCause): string {
  const causes = (typeof lang === 'string' ? tablesOf(lang) : lang).neighCause as Record<string, string>;
  return own(causes, cause) ? causes[cause] : cause;
}

/**
 * What a set of templates lacks for the decisions the engine can make (trace.ts DECISIONS):
 * a sentence per (rule, verdict, reason), the fragment of every reason a sentence cites
 * with {{why}}, and of every second reason ({{also}}). Empty when complete.
 */
export function missingTemplates(tables: DecisionTables): string[] {
  const out: string[] = [];
  for (const [rule, verdicts] of Object.entries(DECISIONS)) {
    for (const [verdict, reasons] of Object.entries(verdicts as Record<string, readonly string[]>)) {
      for (const reason of reasons) {
        const tpl = decisionTemplate(tables, rule, verdict, reason);
        if (tpl === undefined) out.push(`${rule} ${verdict} ${reason}: no sentence`);
        else if (tpl.includes('{{why}}') && reasonTemplate(tables, reason) === undefined) out.push(`${rule} ${verdict} ${reason}: no fragment for the reason`);
      }
    }
  }
  for (const code of ALSO_REASONS) if (reasonTemplate(tables, code) === undefined) out.push(`also ${code}: no fragment`);
  const causes = tables.neighCause as Record<string, string>;
  for (const code of Object.values(NEIGH_CAUSES).flat()) if (!own(causes, code)) out.push(`neigh cause ${code}: no text`);
  return out;
}
