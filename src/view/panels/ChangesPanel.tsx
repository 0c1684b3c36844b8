import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionV1 } from '../../scenario/types.ts';
import { compareOutcomes, type OutcomeChange } from '../../store/derive/changes.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { useOwners } from '../hooks/derived.ts';
import { scenarioActionLine } from '../timeline/eventLine.ts';

/** One empty list for scenarios without actions (a new [] per call would re-render forever). */
const NO_ACTIONS: readonly ActionV1[] = [];

const MAX = 8;

type Since = 'edit' | 'loaded';

/**
 * After an edit: the scenario re-ran from the start; this says what came out differently —
 * than before the last edit, or than the scenario as it was loaded. It sits at the top of the
 * inspector, where the user who just edited something is looking.
 */
export function ChangesPanel() {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const changes = useApp((s) => s.changes);
  const sim = useApp((s) => s.sim);
  const baseSim = useApp((s) => s.baseSim);
  const actions = useApp((s) => s.scenario.actions ?? NO_ACTIONS);
  const owners = useOwners();
  const [since, setSince] = useState<Since>('edit');
  const sinceLoaded = useMemo(() => (since === 'loaded' && baseSim && sim ? compareOutcomes(baseSim, sim) : null), [since, baseSim, sim]);
  // Without actions there is no outcome to compare (e.g. while a topology is being built).
  if (!changes || (changes.length === 0 && actions.length === 0)) return null;
  const shown = since === 'loaded' && sinceLoaded ? sinceLoaded : changes;
  const who = (mac: string | null) => (mac ? (owners[mac] ?? mac) : t('changes.noMac'));
  const stepName = (i: number) => (i === 0 ? t('changes.setup') : t('changes.step', { n: i, cmd: actions[i - 1] ? scenarioActionLine(actions[i - 1]) : '' }));
  const line = (c: OutcomeChange) => {
    if (c.kind === 'result') return t(c.after ? 'changes.nowSucceeds' : c.after === false ? 'changes.nowFails' : 'changes.resultChanged');
    const at = { host: c.host, ip: c.ip, dev: c.dev };
    if (!c.after) return t('changes.noLonger', { ...at, before: who(c.before?.lladdr ?? null), state: c.before?.state });
    if (!c.after.lladdr) return t('changes.nowUnresolved', { ...at, state: c.after.state, before: c.before ? `${who(c.before.lladdr)}, ${c.before.state}` : t('changes.noEntry') });
    if (!c.before) return t('changes.nowCaches', { ...at, owner: who(c.after.lladdr), state: c.after.state });
    return t('changes.nowCachesWas', { ...at, owner: who(c.after.lladdr), state: c.after.state, before: who(c.before.lladdr), beforeState: c.before.state });
  };
  return (
    <section className="changes" aria-labelledby="changes-h" aria-live="polite" data-testid="changes" data-since={since}>
      <div className="changes-head">
        <h2 id="changes-h">{t('changes.title')}</h2>
        <div className="changes-since" role="radiogroup" aria-label={t('changes.compareWith')}>
          <span className="muted">{t('changes.compareWith')}</span>
          {(['edit', 'loaded'] as const).map((v) => (
            <button key={v} type="button" role="radio" aria-checked={since === v} className={since === v ? 'on' : ''} onClick={() => setSince(v)}>
              {t(v === 'edit' ? 'changes.sinceEdit' : 'changes.sinceLoaded')}
            </button>
          ))}
        </div>
        <button type="button" onClick={() => api.getState().dismissChanges()} aria-label={t('changes.dismiss')} title={t('changes.dismiss')}>✕</button>
      </div>
      {shown.length === 0 ? (
        <p>{t(since === 'loaded' ? 'changes.noneLoaded' : 'changes.none')}</p>
      ) : (
        <ul>
          {shown.slice(0, MAX).map((c, i) => (
            <li key={i}>
              <span className="muted">{stepName(c.step)}:</span> {line(c)}
            </li>
          ))}
          {shown.length > MAX ? <li className="muted">{t('changes.more', { count: shown.length - MAX })}</li> : null}
        </ul>
      )}
    </section>
  );
}
