import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObjV1, RouteV1 } from '../../scenario/types.ts';
import { routeObject } from '../../ops/access.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { ipRouteLine } from '../format/iproute2.ts';
import { IssueList } from './IssueList.tsx';
import { useEdit } from './useEdit.ts';
import { isolate } from '../../i18n/displayText.ts';
import { ExplainButton, RouteExplainSlot } from '../explain/lazy.tsx';

interface Draft {
  dest: string;
  via: string;
  dev: string;
  metric: string;
  src: string;
}

const draftOf = (r: RouteObjV1 | null): Draft => ({
  dest: r?.dest ?? '',
  via: r?.via ?? '',
  dev: r?.dev ?? '',
  metric: r?.metric === undefined ? '' : String(r.metric),
  src: r?.src ?? '',
});

function RouteRow({ host, index, route, devs, onExplain }: { host: string; index: number | null; route: RouteV1 | null; devs: string[]; onExplain?: () => void }) {
  const { t } = useTranslation();
  const base = route === null ? null : safe(route);
  const [d, setD] = useState<Draft>(() => draftOf(base));
  const { apply, issues, fail, clear } = useEdit();
  const isNew = index === null;
  const set = (patch: Partial<Draft>) => {
    setD((x) => ({ ...x, ...patch }));
    clear();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!d.dest.trim()) {
      fail(t('editor.errors.destEmpty'));
      return;
    }
    if (d.metric.trim() !== '' && !/^\d+$/.test(d.metric.trim())) {
      fail(t('editor.errors.metric', { value: d.metric }));
      return;
    }
    // Fields the form does not show (proto, scope, type) are kept.
    const { via: _v, dev: _d, metric: _m, src: _s, ...rest } = base ?? { dest: '' };
    const r: RouteObjV1 = {
      ...rest,
      dest: d.dest.trim(),
      ...(d.via.trim() ? { via: d.via.trim() } : {}),
      ...(d.dev ? { dev: d.dev } : {}),
      ...(d.metric.trim() !== '' ? { metric: Number(d.metric.trim()) } : {}),
      ...(d.src.trim() ? { src: d.src.trim() } : {}),
    };
    if (isNew) {
      if (apply({ type: 'addRoute', host, route: r })) setD(draftOf(null));
    } else {
      apply({ type: 'updateRoute', host, index, route: r });
    }
  };
  const line = base ? ipRouteLine(base) : '';
  const label = (k: string) => (isNew ? t(`editor.route.new.${k}`) : t(`editor.route.${k}`, { route: line }));
  const changed = JSON.stringify(d) !== JSON.stringify(draftOf(base));
  return (
    <form className={`route-row${isNew ? ' route-new' : ''}`} onSubmit={submit} data-route-edit={isNew ? 'new' : index}>
      <label className="field"><span>{t('editor.route.destCol')}</span><input value={d.dest} onChange={(e) => set({ dest: e.target.value })} placeholder={isNew ? '192.168.100.0/24' : ''} aria-label={label('dest')} aria-invalid={issues.length > 0} spellCheck={false} /></label>
      <label className="field"><span>dev</span>
        <select value={d.dev} onChange={(e) => set({ dev: e.target.value })} aria-label={label('dev')}>
          <option value="">—</option>
          {devs.map((x) => <option key={x} value={x}>{isolate(x)}</option>)}
        </select>
      </label>
      <label className="field"><span>metric</span><input value={d.metric} onChange={(e) => set({ metric: e.target.value })} placeholder="0" inputMode="numeric" aria-label={label('metric')} /></label>
      <label className="field"><span>via</span><input value={d.via} onChange={(e) => set({ via: e.target.value })} aria-label={label('via')} spellCheck={false} /></label>
      <label className="field"><span>src</span><input value={d.src} onChange={(e) => set({ src: e.target.value })} aria-label={label('src')} spellCheck={false} /></label>
      <span className="row-buttons">
        {isNew ? (
          <button type="submit" disabled={!d.dest.trim()}>{t('editor.route.add')}</button>
        ) : (
          <>
            <button type="submit" disabled={!changed} aria-label={t('editor.route.applyAria', { route: line })} title={t('editor.apply')}>✓</button>
            <button type="button" onClick={() => apply({ type: 'deleteRoute', host, index })} aria-label={t('editor.route.deleteAria', { route: line })} title={t('editor.delete')}>✕</button>
            {onExplain && base ? <ExplainButton what={ipRouteLine(base)} onClick={onExplain} /> : null}
          </>
        )}
      </span>
      <IssueList issues={issues} />
    </form>
  );
}

function safe(r: RouteV1): RouteObjV1 {
  try {
    return routeObject(r);
  } catch {
    return { dest: String(r) };
  }
}

/** The host's routes as fields (dest, dev, metric, via, src), each editable; and a new one. */
export function RoutesEditor({ host }: { host: string }) {
  const { t } = useTranslation();
  const routes = useApp((s) => s.scenario.hosts[host]?.routes);
  const devsKey = useApp((s) => {
    const ifs = Object.keys(s.scenario.hosts[host]?.interfaces ?? {});
    return (ifs.includes('lo') ? ifs : [...ifs, 'lo']).join(' ');
  });
  const devs = devsKey.split(' ');
  const [explaining, setExplaining] = useState<number | null>(null);
  return (
    <section className="panel edit-panel" aria-labelledby="edit-routes-h">
      <h3 id="edit-routes-h">{t('editor.route.title')}</h3>
      {(routes ?? []).map((r, i) => (
        <RouteRow key={`${i}:${JSON.stringify(r)}`} host={host} index={i} route={r} devs={devs} onExplain={() => setExplaining(i)} />
      ))}
      <RouteExplainSlot host={host} routes={routes} index={explaining} onClose={() => setExplaining(null)} />
      <RouteRow key={`new:${routes?.length ?? 0}`} host={host} index={null} route={null} devs={devs} />
    </section>
  );
}
