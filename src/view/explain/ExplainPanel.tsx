/**
 * "What does this change?" for a sysctl or a route of the host inspector: the scenario is
 * re-simulated once per other value in a worker (explain.worker.ts), with progress and
 * Cancel, and the result lists per value the decisions that come out differently — each in
 * the Why panel's words, the scenario's and the variant's — or that it changes nothing,
 * and why. Loaded lazily (explain/lazy.tsx): the first page load does not pay for it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { combineText, ExplainError, nothingWhy, type DecisionChange, type ExplainTarget, type Explanation, type Variant } from '../../commands/explain.ts';
import { formatDecision, formatSetting } from '../../i18n/decision.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { decisionLang } from '../why/explain.ts';
import { explainInWorker } from './runExplain.ts';
import './explain.css';

type Phase =
  | { kind: 'running'; done: number; total: number; label: string }
  | { kind: 'done'; result: Explanation }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled' };

export default function ExplainPanel({ target, what, onClose }: { target: ExplainTarget; what: string; onClose: () => void }) {
  const { t } = useTranslation();
  // A new explanation whenever the scenario changes (an edit elsewhere): the old one would be about another scenario.
  const scenario = useApp((s) => s.scenario);
  const [phase, setPhase] = useState<Phase>({ kind: 'running', done: 0, total: 1, label: '' });
  const [run, setRun] = useState(0);
  const [running, setRunning] = useState<AbortController | null>(null);
  const targetKey = JSON.stringify(target);
  useEffect(() => {
    const ctl = new AbortController();
    setRunning(ctl);
    setPhase({ kind: 'running', done: 0, total: 1, label: '' });
    explainInWorker(scenario, JSON.parse(targetKey) as ExplainTarget, { signal: ctl.signal, onProgress: (p) => setPhase({ kind: 'running', ...p }) }).then(
      (result) => setPhase({ kind: 'done', result }),
      (x: unknown) => {
        // Interrupted: cancelled, or a newer explanation replaced this one.
        if (x instanceof ExplainError) setPhase({ kind: 'error', message: x.message.replace(/^explain: /, '') });
      },
    );
    return () => ctl.abort();
  }, [scenario, targetKey, run]);
  const cancel = () => {
    running?.abort();
    setPhase({ kind: 'cancelled' });
  };
  return (
    <section className="explain-panel" role="region" aria-label={t('explain.title', { what })} data-testid="explain-panel">
      <header>
        <h4>{t('explain.title', { what })}</h4>
        <button type="button" onClick={onClose} aria-label={t('explain.close')} title={t('explain.close')}>×</button>
      </header>
      <p className="muted small">{t('explain.intro')}</p>
      {phase.kind === 'running' ? (
        <p role="status" className="explain-progress">
          <progress max={phase.total} value={phase.done} />
          {t('explain.running', { done: phase.done + 1, total: phase.total, label: phase.label })}
          <button type="button" onClick={cancel}>{t('explain.cancel')}</button>
        </p>
      ) : null}
      {phase.kind === 'cancelled' ? (
        <p role="status">{t('explain.cancelled')} <button type="button" onClick={() => setRun((n) => n + 1)}>{t('explain.again')}</button></p>
      ) : null}
      {phase.kind === 'error' ? <p role="alert" className="form-error">{t('explain.error', { message: phase.message })}</p> : null}
      {phase.kind === 'done' ? <Result e={phase.result} /> : null}
    </section>
  );
}

function Result({ e }: { e: Explanation }) {
  const { t } = useTranslation();
  const tg = e.target;
  const r = e.reads;
  return (
    <div data-testid="explain-result">
      {tg.kind === 'sysctl' ? (
        <>
          <p>
            {t('explain.atStart', { title: e.title, host: tg.host })}{' '}
            {e.setLater.map((l) => t('explain.setLater', { step: l.step, value: l.value })).join(' ')}
          </p>
          <p>
            {r && r.decisions
              ? t('explain.readBy', { count: r.decisions, where: Object.entries(r.count).map(([d, n]) => `${d} (${n})`).join(', ') })
              : t('explain.readByNone', { host: tg.host })}{' '}
            {e.combine ? t('explain.combine', { rule: t(`explain.combineRule.${e.combine}`) }) : null}
          </p>
        </>
      ) : (
        <p>{t('explain.route', { title: e.title, host: tg.host })}</p>
      )}
      <p className="muted small">{t('explain.runs', { runs: e.runs, deliveries: e.deliveries.toLocaleString() })}</p>
      {e.variants.map((v) => <VariantBlock key={v.label} e={e} v={v} />)}
    </div>
  );
}

function VariantBlock({ e, v }: { e: Explanation; v: Variant }) {
  const { t, i18n } = useTranslation();
  const tg = e.target;
  const knob = tg.kind === 'sysctl' ? e.title.split(' = ')[0] : '';
  const head = tg.kind === 'sysctl' ? t('explain.valueHead', { knob: knob.split('.').pop(), value: v.label }) : v.removed ? t('explain.without') : t('explain.withMetric', { metric: v.label });
  const n = v.changes.reduce((k, c) => k + c.count, 0);
  const nothing = !v.error && n === 0 && v.steps.length === 0;
  return (
    <details className={`explain-variant${nothing ? ' nothing' : ''}`} open={!nothing} data-variant={v.label}>
      <summary>
        <strong>{head}</strong>: {v.error ? t('explain.notTried', { why: v.error }) : nothing ? t('explain.nothing') : t('explain.changes', { count: n })}
      </summary>
      {nothing && tg.kind === 'sysctl' && v.reads ? <NothingWhyText e={e} v={v} /> : null}
      {!nothing && v.reads && v.reads.decisions ? (
        <p className="small">
          {t('explain.effective')}:{' '}
          {Object.entries(v.reads.devs).map(([d, uses]) => <code key={d}>{uses.map((u) => formatSetting(decisionLang(i18n), u)).join(' / ')}</code>)}
        </p>
      ) : null}
      {v.steps.length ? (
        <ul className="explain-steps" aria-label={t('explain.stepResults')}>
          {v.steps.map((s) => <li key={s.step}>{t('explain.step', { steps: s.step })}: {s.before} → {s.after}</li>)}
        </ul>
      ) : null}
      <ol className="explain-changes">
        {v.changes.map((c, i) => <ChangeItem key={i} c={c} />)}
      </ol>
    </details>
  );
}

function NothingWhyText({ e, v }: { e: Explanation; v: Variant }) {
  const { t } = useTranslation();
  const host = e.target.host;
  const w = nothingWhy(v.reads!, e.title.split(' = ')[0]);
  if (!w) return null;
  if (w.kind === 'unread') return <p className="explain-why">{t('explain.whyNothing.unread', { knob: w.knob, host })}</p>;
  const devs = w.devs.map((d) => `${d.dev} (${d.decisions})`).join(', ');
  const rule = combineText(w.combine, w.devs[0].dev);
  return <p className="explain-why">{t(`explain.whyNothing.${w.kind}`, { knob: w.knob, devs, scope: w.scope, rule })}</p>;
}

function ChangeItem({ c }: { c: DecisionChange }) {
  const { t, i18n } = useTranslation();
  const lang = decisionLang(i18n);
  const steps = c.steps.join(', ');
  return (
    <li data-host={c.host} data-dev={c.dev ?? ''}>
      <div className="explain-where">
        <span>{t('explain.step', { steps })}</span> <strong>{c.host}{c.dev ? `.${c.dev}` : ''}</strong> <code>{c.subject}</code>
        {c.count > c.steps.length ? <span className="muted"> {t('explain.times', { count: c.count })}</span> : null}
      </div>
      <div className="explain-was"><span className="tag">{t('explain.was')}</span> {c.before ? formatDecision(lang, c.before.sample) : t('explain.none')}</div>
      <div className="explain-now"><span className="tag">{t('explain.now')}</span> {c.after ? formatDecision(lang, c.after.sample) : t('explain.none')}</div>
    </li>
  );
}
