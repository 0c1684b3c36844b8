/**
 * Over the canvas: a simulation under way (progress and Cancel; once a long run streams,
 * that its first steps can be played), or why there is none (or only part of one) — the
 * work budget's message (which limit, what to change) or "cancelled" with Run again; the
 * steps a streamed run computed before it stopped stay playable, and the banner says how
 * many. The scenario stays on screen and editable in every case; an edit runs it again.
 */
import { useTranslation } from 'react-i18next';
import { budgetMessage, formatCount } from '../../i18n/simRun.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { useShownAfter } from '../hooks/useShownAfter.ts';

/** A run shorter than this shows no banner (most edits re-simulate in a few ms). */
const SHOW_AFTER_MS = 250;

export function SimStatus() {
  const { t } = useTranslation();
  const status = useApp((s) => s.simStatus);
  const progress = useApp((s) => s.simProgress);
  const error = useApp((s) => s.simError);
  const cancel = useApp((s) => s.cancelSim);
  const rerun = useApp((s) => s.resimulate);
  // Steps of a streamed run on screen (step 0, the setup, not counted), and of the whole run.
  const done = useApp((s) => (s.simPartial && s.sim ? s.sim.steps.length - 1 : null));
  const steps = useApp((s) => s.engineInput?.actions.length ?? 0);
  // A run already under way when this appears (a link's run starts before the page is drawn)
  // has reported progress: show it at once.
  const shown = useShownAfter(status === 'running', SHOW_AFTER_MS, progress !== null);

  if (status === 'running') {
    if (!shown) return null;
    return (
      <div className="sim-status" role="status" data-testid="sim-running">
        <span>{t('simRun.running', { step: progress?.step ?? 0, steps: progress?.steps ?? '…' })}</span>
        <progress max={progress?.budget.deliveries ?? 1} value={progress?.deliveries ?? 0} aria-label={t('simRun.work', { deliveries: formatCount(progress?.deliveries ?? 0), max: formatCount(progress?.budget.deliveries ?? 0) })} />
        <span className="muted">{t('simRun.work', { deliveries: formatCount(progress?.deliveries ?? 0), max: formatCount(progress?.budget.deliveries ?? 0) })}</span>
        <button type="button" onClick={cancel} data-testid="sim-cancel">{t('simRun.cancel')}</button>
        {done !== null ? <p data-testid="sim-streaming">{t('simRun.streaming')}</p> : null}
      </div>
    );
  }
  if (error && !Array.isArray(error) && typeof error === 'object') {
    if (error.kind === 'budget') {
      return (
        <div className="sim-status sim-status-error" role="alert" data-testid="sim-budget">
          <strong>{t('simRun.budgetTitle')}</strong>
          <p>{budgetMessage((k, o) => t(k, o), error.budget)}</p>
          {done !== null ? <p data-testid="sim-kept">{t('simRun.budgetPartial', { done })}</p> : null}
          <p className="muted">{t('simRun.editable')}</p>
        </div>
      );
    }
    return (
      <div className="sim-status" role="status" data-testid="sim-cancelled">
        <span>{done !== null ? t('simRun.cancelledPartial', { done, steps }) : t('simRun.cancelled')}</span>
        <button type="button" onClick={() => rerun()}>{t('simRun.rerun')}</button>
      </div>
    );
  }
  return null;
}
