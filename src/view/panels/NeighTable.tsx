import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { neighAt } from '../../store/derive/neighAt.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { ipNeighLine } from '../format/iproute2.ts';
import { useOwners, useSimNow, useStep } from '../hooks/derived.ts';

/** `ip neigh show` at the playback position, with each entry's timer counting down. */
export function NeighTable({ host, dev }: { host: string; dev: string | null }) {
  const { t } = useTranslation();
  const sim = useApp((s) => s.sim);
  const cursor = useApp((s) => s.cursor);
  const step = useStep();
  const now = useSimNow(100_000);
  const owners = useOwners();
  const stepFirst = sim?.steps[step]?.events[0] ?? 0;
  const rows = useMemo(() => (sim ? (neighAt(sim, cursor, now, step, host)[host] ?? []) : []), [sim, cursor, now, step, host]);
  const shown = dev ? rows.filter((r) => r.dev === dev) : rows;
  return (
    <section className="panel" aria-labelledby="neigh-h">
      <h3 id="neigh-h">{t('inspector.neigh')}</h3>
      <pre className="cmd neigh-table" data-neigh-table={host}>
        <span className="prompt">{`${host}$ ip neigh show${dev ? ` dev ${dev}` : ''}`}</span>
        {'\n'}
        {shown.length === 0 ? <span className="muted">{t('inspector.neighEmpty')}</span> : null}
        {shown.map((r) => (
          <span key={`${r.dev} ${r.ip} ${r.changedAt}`} className={`neigh-line st-${r.state.toLowerCase()}${r.changedAt >= stepFirst ? ' changed' : ''}`} data-ip={r.ip}>
            {ipNeighLine(r)}
            <span className="neigh-extra">
              {r.lladdr && owners[r.lladdr] ? `  (${owners[r.lladdr]})` : ''}
              {r.timer !== null ? `  ${t('inspector.timer', { s: (r.timer / 1e6).toFixed(1) })}` : ''}
            </span>
            {'\n'}
          </span>
        ))}
      </pre>
    </section>
  );
}
