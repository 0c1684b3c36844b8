import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRouteString } from '../../scenario/routeString.ts';
import { routeObject } from '../../ops/access.ts';
import type { ScenarioOp } from '../../ops/op.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { ipRouteLine } from '../format/iproute2.ts';
import { ExplainButton, RouteExplainSlot } from '../explain/lazy.tsx';
import { useHostView } from '../hooks/hostView.ts';

/** The host's routes in `ip route` form: metric editable, add (in `ip route` syntax) and delete. */
export function RoutesTable({ host }: { host: string }) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const routes = useApp((s) => s.scenario.hosts[host]?.routes);
  const view = useHostView(host);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [explaining, setExplaining] = useState<number | null>(null);
  // Checked like a loaded scenario (gateway on a connected subnet, no duplicate route…): refused edits say why.
  const apply = (op: ScenarioOp) => {
    const issues = api.getState().dispatch(op, { quiet: true });
    setError(issues.length ? issues.map((i) => i.message).join('; ') : null);
    return issues.length === 0;
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    try {
      if (apply({ type: 'addRoute', host, route: parseRouteString(text) })) setText('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section className="panel" aria-labelledby="routes-h">
      <h3 id="routes-h">{t('inspector.routes')}</h3>
      <p className="muted small">{t('inspector.routesNote')}</p>
      <ul className="routes">
        {(routes ?? []).map((r, i) => {
          const o = routeObject(r);
          const line = ipRouteLine({ ...o, metric: 0 });
          return (
            <li key={`${i}-${line}-${o.metric ?? 0}`} data-route={i}>
              <code>{line}</code>
              <label className="metric">
                metric
                <input
                  type="number"
                  min={0}
                  defaultValue={o.metric ?? 0}
                  aria-label={t('inspector.metricAria', { route: line })}
                  onBlur={(e) => apply({ type: 'setRouteMetric', host, index: i, metric: Number(e.target.value) })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') apply({ type: 'setRouteMetric', host, index: i, metric: Number(e.currentTarget.value) });
                  }}
                />
              </label>
              <button type="button" onClick={() => apply({ type: 'deleteRoute', host, index: i })} aria-label={t('inspector.deleteRoute', { route: line })} title={t('inspector.delete')}>✕</button>
              <ExplainButton full what={ipRouteLine(o)} onClick={() => setExplaining(i)} />
            </li>
          );
        })}
      </ul>
      <RouteExplainSlot host={host} routes={routes} index={explaining} onClose={() => setExplaining(null)} />
      <form className="route-add" onSubmit={add}>
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="192.168.100.0/24 dev eth1 metric 50" aria-label={t('inspector.addRouteAria')} spellCheck={false} aria-invalid={!!error} />
        <button type="submit" disabled={!text.trim()}>{t('inspector.addRoute')}</button>
      </form>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {view?.routes ? (
        <details>
          <summary>{t('inspector.kernelTables')}</summary>
          <pre className="cmd">{`$ ip route show\n${view.routes.main.join('\n')}\n$ ip route show table local\n${view.routes.local.join('\n')}`}</pre>
        </details>
      ) : null}
    </section>
  );
}
