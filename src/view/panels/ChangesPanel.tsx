import { useTranslation } from 'react-i18next';
import type { ActionV1 } from '../../scenario/types.ts';
import type { OutcomeChange } from '../../store/derive/changes.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { useOwners } from '../hooks/derived.ts';
import { scenarioActionLine } from '../timeline/eventLine.ts';

/** One empty list for scenarios without actions (a new [] per call would re-render forever). */
const NO_ACTIONS: readonly ActionV1[] = [];

const MAX = 8;

/** After an edit: the scenario re-ran from the start; this says what came out differently. */
export function ChangesPanel() {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const changes = useApp((s) => s.changes);
  const actions = useApp((s) => s.scenario.actions ?? NO_ACTIONS);
  const owners = useOwners();
  // Without actions there is no outcome to compare (e.g. while a topology is being built).
  if (!changes || (changes.length === 0 && actions.length === 0)) return null;
  const who = (mac: string | null) => (mac ? (owners[mac] ?? mac) : t('changes.noMac'));
  const stepName = (i: number) => (i === 0 ? t('changes.setup') : t('changes.step', { n: i, cmd: actions[i - 1] ? scenarioActionLine(actions[i - 1]) : '' }));
  const line = (c: OutcomeChange) => {
    if (c.kind === 'result') return t(c.after ? 'changes.nowSucceeds' : c.after === false ? 'changes.nowFails' : 'changes.resultChanged');
    if (!c.after) return t('changes.noLonger', { host: c.host, ip: c.ip, before: who(c.before?.lladdr ?? null), state: c.before?.state });
    if (!c.after.lladdr) return t('changes.nowUnresolved', { host: c.host, ip: c.ip, state: c.after.state, before: c.before ? `${who(c.before.lladdr)}, ${c.before.state}` : t('changes.noEntry') });
    if (!c.before) return t('changes.nowCaches', { host: c.host, ip: c.ip, owner: who(c.after.lladdr), state: c.after.state });
    return t('changes.nowCachesWas', { host: c.host, ip: c.ip, owner: who(c.after.lladdr), state: c.after.state, before: who(c.before.lladdr), beforeState: c.before.state });
  };
  return (
    <section className="changes" aria-labelledby="changes-h" aria-live="polite" data-testid="changes">
      <div className="changes-head">
        <h2 id="changes-h">{t('changes.title')}</h2>
        <button type="button" onClick={() => api.getState().dismissChanges()} aria-label={t('changes.dismiss')} title={t('changes.dismiss')}>✕</button>
      </div>
      {changes.length === 0 ? (
        <p>{t('changes.none')}</p>
      ) : (
        <ul>
          {changes.slice(0, MAX).map((c, i) => (
            <li key={i}>
              <span className="muted">{stepName(c.step)}:</span> {line(c)}
            </li>
          ))}
          {changes.length > MAX ? <li className="muted">{t('changes.more', { count: changes.length - MAX })}</li> : null}
        </ul>
      )}
    </section>
  );
}
