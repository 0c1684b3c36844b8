import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionV1 } from '../../scenario/types.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { useStep } from '../hooks/derived.ts';
import { stepsDone } from '../../store/derive/timeline.ts';
import { Icon } from '../icons.tsx';
import { scenarioActionLine } from '../timeline/eventLine.ts';
import { isolate } from '../../i18n/displayText.ts';

/** One empty list for scenarios without actions (a new [] per call would re-render forever). */
const NO_ACTIONS: readonly ActionV1[] = [];

/** Actions shown at first, and added by "Show more": a list of 1,000 rows would block the page on every render. */
const PAGE = 25;

/** The scenario's actions: run one, edit, reorder, delete. Action i is step i + 1 of the trace. */
export function ActionList() {
  const { t } = useTranslation();
  const actions = useApp((s) => s.scenario.actions ?? NO_ACTIONS);
  const steps = useApp((s) => s.sim?.steps);
  // A streaming run grows one steps array: its length says which actions can run already.
  const arrived = useApp((s) => s.sim?.steps.length ?? 0);
  // What the rows show of the playback: how many steps are done, and whether it has begun (not
  // the cursor itself, which moves on every animation frame).
  const done = useApp((s) => (s.sim ? stepsDone(s.sim, s.cursor) : 0));
  const begun = useApp((s) => s.cursor > 0);
  const editing = useApp((s) => s.editingAction);
  const current = useStep();
  const [limit, setLimit] = useState(PAGE);
  const shown = actions.slice(0, limit);
  return (
    <section className="actions" aria-labelledby="actions-h">
      <h2 id="actions-h">{t('actions.title')}</h2>
      {actions.length === 0 ? <p className="muted">{t('actions.empty')}</p> : null}
      <ol className="action-list">
        {shown.map((a, i) => {
          const step = i + 1 < arrived ? steps?.[i + 1] : undefined;
          const ran = step ? i + 1 < done : false;
          const result = !ran || !step ? null : step.ok === true ? 'ok' : step.ok === false ? 'fail' : 'done';
          return (
            <ActionRow key={i} a={a} i={i} last={i === actions.length - 1} runnable={!!step} result={result} error={step?.error}
              current={current === i + 1 && begun} editing={editing === i} />
          );
        })}
      </ol>
      {actions.length > limit ? (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          {t('actions.more', { n: Math.min(PAGE, actions.length - limit), total: actions.length })}
        </button>
      ) : null}
    </section>
  );
}

interface RowProps {
  a: ActionV1;
  i: number;
  last: boolean;
  runnable: boolean;
  result: 'ok' | 'fail' | 'done' | null;
  error: string | undefined;
  current: boolean;
  editing: boolean;
}

/** One action; memoised, so that playback re-renders only the rows whose state changes. */
const ActionRow = memo(function ActionRow({ a, i, last, runnable, result, error, current, editing }: RowProps) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const st = () => api.getState();
  const cmd = scenarioActionLine(a);
  return (
    <li className={`action${current ? ' current' : ''}${editing ? ' editing' : ''}`} data-action={i}>
      <span className="action-n">{i + 1}</span>
      <code className="action-cmd">{isolate(cmd)}</code>
      <span className="action-buttons">
        <button type="button" className="primary" onClick={() => st().runStep(i + 1)} disabled={!runnable} aria-label={t('actions.runAria', { cmd })}>
          <Icon name="play" /> {t('actions.run')}
        </button>
        <button type="button" onClick={() => st().setEditingAction(i)} aria-label={t('actions.editAria', { n: i + 1 })} title={t('actions.edit')}>✎</button>
        <button type="button" onClick={() => st().dispatch({ type: 'moveAction', from: i, to: i - 1 })} disabled={i === 0} aria-label={t('actions.upAria', { n: i + 1 })} title={t('actions.up')}>↑</button>
        <button type="button" onClick={() => st().dispatch({ type: 'moveAction', from: i, to: i + 1 })} disabled={last} aria-label={t('actions.downAria', { n: i + 1 })} title={t('actions.down')}>↓</button>
        <button type="button" onClick={() => st().dispatch({ type: 'deleteAction', index: i })} aria-label={t('actions.deleteAria', { n: i + 1 })} title={t('actions.delete')}>✕</button>
        {result ? <span className={`badge badge-${result}`} data-result={result}>{t(`actions.result.${result}`)}</span> : null}
        {error ? <span className="badge badge-fail" title={error}>{t('actions.error')}</span> : null}
      </span>
    </li>
  );
});
