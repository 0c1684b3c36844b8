import { useTranslation } from 'react-i18next';
import { SPEEDS } from '../../store/slices/playback.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { formatSeconds } from '../format/tcpdump.ts';
import { formatCount } from '../../i18n/simRun.ts';
import { useSimNow, useStep } from '../hooks/derived.ts';
import { Icon } from '../icons.tsx';

const MAX_MARKS = 25;
/** The step between numbered marks: 1, 2, 5, 10, 20, 50… steps, the first that gives at most MAX_MARKS. */
const markEvery = (n: number) => {
  for (let m = 1; ; m *= 10) for (const k of [1, 2, 5]) if (n / (k * m) <= MAX_MARKS) return k * m;
};

/**
 * Play, pause, step one event, speed, and a scrubber over the whole trace with step marks.
 * While a long run streams in (or after it stopped early), the scrubber spans what has been
 * computed, and a bar under it says how much of the run that is.
 */
export function TimelineBar() {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  // Not the position itself (it moves on every animation frame): whether it is at either end.
  const atStart = useApp((s) => s.cursor === 0);
  const total = useApp((s) => s.sim?.events.length ?? 0);
  const atEnd = useApp((s) => s.cursor >= (s.sim?.events.length ?? 0));
  const duration = useApp((s) => s.timeline.duration);
  const spans = useApp((s) => s.timeline.stepSpans);
  const computed = useApp((s) => (s.simPartial && s.sim ? s.sim.steps.length - 1 : null));
  const steps = useApp((s) => s.engineInput?.actions.length ?? 0);
  const computing = useApp((s) => s.simStatus === 'running');
  const st = () => api.getState();
  // At most MAX_MARKS numbered marks (every step, every 2nd, 5th, 10th…): a thousand would
  // overlap, and a streaming run moves them all each time it grows.
  const every = markEvery(spans.length);
  const disabled = total === 0;
  return (
    <div className="timeline" role="group" aria-label={t('timeline.label')}>
      <div className="timeline-buttons">
        <button type="button" onClick={() => st().reset()} disabled={disabled} title={t('timeline.reset')} aria-label={t('timeline.reset')}><Icon name="first" /></button>
        <button type="button" onClick={() => st().stepBack()} disabled={disabled || atStart} title={t('timeline.back')} aria-label={t('timeline.back')} data-testid="step-back"><Icon name="back" /></button>
        <button type="button" className="primary" onClick={() => st().togglePlay()} disabled={disabled} aria-label={playing ? t('timeline.pause') : t('timeline.play')} data-testid="play">
          <Icon name={playing ? 'pause' : 'play'} /> <span>{playing ? t('timeline.pause') : t('timeline.play')}</span>
        </button>
        <button type="button" onClick={() => st().stepForward()} disabled={disabled || atEnd} title={t('timeline.forward')} aria-label={t('timeline.forward')} data-testid="step-forward"><Icon name="forward" /></button>
        <button type="button" onClick={() => st().finish()} disabled={disabled} title={t('timeline.end')} aria-label={t('timeline.end')}><Icon name="last" /></button>
        <label className="speed">
          {t('timeline.speed')}{' '}
          <select value={speed} onChange={(e) => st().setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>{s}×</option>
            ))}
          </select>
        </label>
      </div>
      <div className="scrubber">
        <div className="step-marks" aria-hidden="true">
          {duration > 0 && spans.map(([a], i) => (i === 0 || i % every !== 0 ? null : <span key={i} style={{ left: `${(a / duration) * 100}%` }}>{i}</span>))}
        </div>
        <Scrubber duration={duration} disabled={disabled} />
        {computed !== null ? (
          <div className={`sim-computed${computing ? ' computing' : ''}`} data-testid="sim-computed" data-steps={computed}>
            <progress max={Math.max(1, steps)} value={computed} aria-hidden="true" />
            <span>{t('simRun.computed', { done: formatCount(computed), steps: formatCount(steps) })}</span>
          </div>
        ) : null}
      </div>
      <Position />
    </div>
  );
}

/** The playback position in words (simulated time, event, step), for the scrubber and the line beside it. */
function usePositionText(): string {
  const { t } = useTranslation();
  const cursor = useApp((s) => s.cursor);
  const total = useApp((s) => s.sim?.events.length ?? 0);
  const now = useSimNow(1);
  const step = useStep();
  return t('timeline.position', { t: formatSeconds(now), cursor, total, step });
}

/** The range input: the one part of the bar that follows every animation frame, with Position. */
function Scrubber({ duration, disabled }: { duration: number; disabled: boolean }) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const vtime = useApp((s) => Math.round(s.vtime));
  const position = usePositionText();
  return (
    <input
      type="range"
      min={0}
      max={Math.max(1, Math.round(duration))}
      step={1}
      value={vtime}
      disabled={disabled}
      aria-label={t('timeline.scrub')}
      aria-valuetext={position}
      onChange={(e) => {
        api.getState().pause();
        api.getState().seek(Number(e.target.value));
      }}
    />
  );
}

function Position() {
  return (
    <output className="timeline-pos" data-testid="position">
      {usePositionText()}
    </output>
  );
}
