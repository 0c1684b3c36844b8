import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { scenarioActionLine } from '../timeline/eventLine.ts';
import { isolate } from '../../i18n/displayText.ts';
import { stepConnections, type ConnRow, type StepConnections } from './connections.ts';

/**
 * Every connection of every connect step that has run at the playback position: client,
 * virtual service, who served it (through the director, or directly: bypassed) or why no
 * one did, and its path; counted per real server. "Why" selects the frame the director
 * scheduled (the why-panel then shows the scheduler's choice), or the client's first one.
 */
export function ConnectionsPanel() {
  const { t } = useTranslation();
  const sim = useApp((s) => s.sim);
  const actions = useApp((s) => s.scenario.actions);
  const cursor = useApp((s) => s.cursor);
  const all = useMemo(() => (sim ? stepConnections(sim) : []), [sim]);
  return (
    <section className="panel lvs-conns" aria-labelledby="lvs-conns-h" data-testid="connections">
      <h2 id="lvs-conns-h">{t('lvs.conns.title')}</h2>
      {all.length === 0 ? <p className="muted small">{t('lvs.conns.none')}</p> : null}
      {all.map((sc) => {
        const a = actions?.[sc.step - 1];
        return (
          <div key={sc.step} className="lvs-step" data-conn-step={sc.step}>
            <h3>{t('lvs.conns.step', { n: sc.step, cmd: a ? isolate(scenarioActionLine(a)) : '' })}</h3>
            {cursor < sc.end ? <p className="muted small">{t('lvs.conns.notYet')}</p> : <StepTable sc={sc} />}
          </div>
        );
      })}
    </section>
  );
}

function outcome(t: (k: string, o?: Record<string, unknown>) => string, c: ConnRow): string {
  if (c.result !== 'served') return t(`lvs.conns.result.${c.result}`);
  if (c.director) return t('lvs.conns.served', { server: c.server, director: c.director });
  if (c.bypassed) return t('lvs.conns.bypassed', { server: c.server });
  return t('lvs.conns.servedPlain', { server: c.server });
}

function StepTable({ sc }: { sc: StepConnections }) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const failed = Object.values(sc.failed).reduce((x, y) => x + (y ?? 0), 0);
  return (
    <>
      <p className="lvs-summary" data-testid="conn-summary" data-bypassed={sc.bypassed} data-via={sc.viaDirector}>
        {t('lvs.conns.summary', { total: sc.rows.length, via: sc.viaDirector, bypassed: sc.bypassed, failed })}
      </p>
      {sc.servers.length ? (
        <>
          <h4>{t('lvs.conns.perServer')}</h4>
          <ul className="lvs-servers">
            {sc.servers.map((s) => (
              <li key={s.server} data-server={s.server} data-served={s.served} data-bypassed={s.bypassed} className={s.bypassed ? 'bypassed' : undefined}>
                {t('lvs.conns.serverLine', { server: s.server, n: s.served, via: s.viaDirector, bypassed: s.bypassed })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="table-scroll">
        <table className="kv lvs-conn-table">
          <thead>
            <tr>
              <th scope="col">{t('lvs.conns.col.n')}</th>
              <th scope="col">{t('lvs.conns.col.client')}</th>
              <th scope="col">{t('lvs.conns.col.to')}</th>
              <th scope="col">{t('lvs.conns.col.result')}</th>
              <th scope="col">{t('lvs.conns.col.path')}</th>
              <th scope="col"><span className="sr-only">{t('lvs.conns.why')}</span></th>
            </tr>
          </thead>
          <tbody>
            {sc.rows.map((c) => (
              <tr key={c.i} data-conn={c.i} data-result={c.result} data-server={c.server ?? ''} data-director={c.director ?? ''} className={c.bypassed ? 'bypassed' : c.result !== 'served' ? 'failed' : undefined}>
                <td>{c.i}</td>
                <td><code>{c.proto} {c.client}</code></td>
                <td><code>{c.to}</code></td>
                <td>{outcome(t, c)}</td>
                <td className="lvs-path">{isolate(c.path.join(' → '))}</td>
                <td>
                  {c.why ? (
                    <button type="button" className="small" aria-label={t('lvs.conns.whyAria', { n: c.i })}
                      onClick={() => api.getState().select({ kind: 'frame', frameId: c.why!.frameId, at: { host: c.why!.host, dev: c.why!.dev } })}>
                      {t('lvs.conns.why')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
