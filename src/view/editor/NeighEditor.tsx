import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NudName } from '../../engine/index.ts';
import type { NeighV1 } from '../../scenario/types.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { IssueList } from './IssueList.tsx';
import { useEdit } from './useEdit.ts';
import { isolate } from '../../i18n/displayText.ts';

const NUDS: NudName[] = ['permanent', 'noarp', 'reachable', 'stale'];

interface Draft { ip: string; lladdr: string; dev: string; nud: string }
const draftOf = (n: NeighV1 | null, dev: string): Draft => ({ ip: n?.ip ?? '', lladdr: n?.lladdr ?? '', dev: n?.dev ?? dev, nud: (n?.nud ?? 'permanent').toLowerCase() });

function NeighRow({ host, index, entry, devs }: { host: string; index: number | null; entry: NeighV1 | null; devs: string[] }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(entry, devs[0] ?? 'lo'));
  const { apply, issues, fail, clear } = useEdit();
  const isNew = index === null;
  const set = (patch: Partial<Draft>) => {
    setD((x) => ({ ...x, ...patch }));
    clear();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!d.ip.trim()) {
      fail(t('editor.errors.ipEmpty'));
      return;
    }
    const n: NeighV1 = { ip: d.ip.trim(), ...(d.lladdr.trim() ? { lladdr: d.lladdr.trim().toLowerCase() } : {}), dev: d.dev, nud: d.nud as NudName };
    if (isNew) {
      if (apply({ type: 'addNeigh', host, entry: n })) setD(draftOf(null, d.dev));
    } else {
      apply({ type: 'updateNeigh', host, index, entry: n });
    }
  };
  const what = isNew ? t('editor.neigh.newAria') : `${entry?.ip} dev ${entry?.dev}`;
  const changed = JSON.stringify(d) !== JSON.stringify(draftOf(entry, devs[0] ?? 'lo'));
  return (
    <form className={`neigh-row-edit${isNew ? ' neigh-new' : ''}`} onSubmit={submit} data-neigh-edit={isNew ? 'new' : index}>
      <label className="field"><span>{t('editor.neigh.ip')}</span><input value={d.ip} onChange={(e) => set({ ip: e.target.value })} placeholder={isNew ? '192.168.100.1' : ''} aria-label={t('editor.neigh.ipAria', { what })} aria-invalid={issues.length > 0} spellCheck={false} /></label>
      <label className="field"><span>lladdr</span><input value={d.lladdr} onChange={(e) => set({ lladdr: e.target.value })} placeholder="02:00:00:00:0a:00" aria-label={t('editor.neigh.macAria', { what })} spellCheck={false} /></label>
      <label className="field"><span>dev</span>
        <select value={d.dev} onChange={(e) => set({ dev: e.target.value })} aria-label={t('editor.neigh.devAria', { what })}>
          {devs.map((x) => <option key={x} value={x}>{isolate(x)}</option>)}
        </select>
      </label>
      <label className="field"><span>nud</span>
        <select value={d.nud} onChange={(e) => set({ nud: e.target.value })} aria-label={t('editor.neigh.nudAria', { what })}>
          {[...new Set([...NUDS, d.nud])].map((x) => <option key={x} value={x}>{x}</option>)}
        </select>
      </label>
      <span className="row-buttons">
        {isNew ? <button type="submit" disabled={!d.ip.trim()}>{t('editor.add')}</button> : (
          <>
            <button type="submit" disabled={!changed} aria-label={t('editor.neigh.applyAria', { what })} title={t('editor.apply')}>✓</button>
            <button type="button" onClick={() => apply({ type: 'deleteNeigh', host, index })} aria-label={t('editor.neigh.deleteAria', { what })} title={t('editor.delete')}>✕</button>
          </>
        )}
      </span>
      <IssueList issues={issues} />
    </form>
  );
}

/** Static neighbour entries (`ip neigh replace … nud permanent`) of the host's start-up configuration. */
export function NeighEditor({ host }: { host: string }) {
  const { t } = useTranslation();
  const neigh = useApp((s) => s.scenario.hosts[host]?.neigh);
  const devsKey = useApp((s) => Object.keys(s.scenario.hosts[host]?.interfaces ?? {}).filter((d) => d !== 'lo').join(' '));
  const devs = devsKey ? devsKey.split(' ') : ['lo'];
  return (
    <section className="panel edit-panel" aria-labelledby="edit-neigh-h">
      <h3 id="edit-neigh-h">{t('editor.neigh.title')}</h3>
      {(neigh ?? []).map((n, i) => <NeighRow key={`${i}:${JSON.stringify(n)}`} host={host} index={i} entry={n} devs={devs} />)}
      <NeighRow key={`new:${neigh?.length ?? 0}:${devsKey}`} host={host} index={null} entry={null} devs={devs} />
    </section>
  );
}
