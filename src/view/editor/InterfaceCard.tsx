import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterfaceV1 } from '../../scenario/types.ts';
import { segmentOf } from '../../ops/link.ts';
import type { ScenarioOp } from '../../ops/op.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { AddressRow } from './AddressRow.tsx';
import { requestDelete } from './commands.ts';
import { useEditorApi } from './EditorContext.tsx';
import { IssueList } from './IssueList.tsx';
import { useEdit } from './useEdit.ts';
import { isolate } from '../../i18n/displayText.ts';

/**
 * One interface: name, MAC (the engine's default shown when none is written), up/down,
 * the segment it is on, its addresses; remove (with what depends on it).
 */
export function InterfaceCard({ host, dev, iface, focus }: { host: string; dev: string; iface: InterfaceV1; focus: boolean }) {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  const ed = useEditorApi();
  const scenario = useApp((s) => s.scenario);
  const segments = scenario.segments;
  const effectiveMac = useApp((s) => s.engineInput?.hosts.find((h) => h.name === host)?.interfaces.find((i) => i.name === dev)?.mac ?? '');
  const seg = segmentOf(scenario, `${host}.${dev}`);
  const [name, setName] = useState(dev);
  const [mac, setMac] = useState(iface.mac ?? '');
  const { apply, issues, fail, clear } = useEdit();
  const lo = dev === 'lo';
  const port = `${host}.${dev}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ops: ScenarioOp[] = [];
    const newName = name.trim();
    if (!lo && newName !== dev) {
      if (!newName) {
        fail(t('editor.errors.ifaceEmpty'));
        return;
      }
      if (Object.hasOwn(app.getState().scenario.hosts[host]?.interfaces ?? {}, newName)) {
        fail(t('editor.errors.ifaceTaken', { host, dev: newName }));
        return;
      }
    }
    const m = mac.trim().toLowerCase();
    if (!lo && m !== (iface.mac ?? '').toLowerCase()) ops.push({ type: 'setInterface', host, dev, mac: m === '' ? null : m });
    if (!lo && newName !== dev) ops.push({ type: 'renameInterface', host, from: dev, to: newName });
    if (!ops.length) return;
    if (apply(ops.length === 1 ? ops[0] : { type: 'batch', ops, label: 'interface' }) && newName !== dev) {
      app.getState().select({ kind: 'iface', host, dev: newName });
    }
  };

  const moveTo = (to: string) => {
    const ops: ScenarioOp[] = [];
    if (seg) ops.push({ type: 'detachPort', segment: seg, port });
    if (to) ops.push({ type: 'attachPort', segment: to, port });
    if (ops.length) apply(ops.length === 1 ? ops[0] : { type: 'batch', ops, label: 'segment' });
  };

  const changed = (!lo && name.trim() !== dev) || mac.trim().toLowerCase() !== (iface.mac ?? '').toLowerCase();
  return (
    <li className={`iface-card${focus ? ' focus' : ''}`} data-iface={port}>
      <div className="iface-head">
        <strong>{isolate(dev)}</strong>
        {lo ? <span className="muted small">{t('editor.iface.loHint')}</span> : (
          <>
            <label className="check">
              <input type="checkbox" checked={iface.state !== 'down'} onChange={(e) => apply({ type: 'setInterface', host, dev, state: e.target.checked ? 'up' : 'down' })} aria-label={t('editor.iface.upAria', { port })} />
              {t('editor.iface.up')}
            </label>
            <label className="field-inline">
              <span>{t('editor.iface.segment')}</span>
              <select value={seg ?? ''} onChange={(e) => moveTo(e.target.value)} aria-label={t('editor.iface.segmentAria', { port })}>
                <option value="">{t('editor.iface.unattached')}</option>
                {Object.keys(segments ?? {}).map((s) => <option key={s} value={s}>{isolate(s)}</option>)}
              </select>
            </label>
            <button type="button" className="danger" onClick={() => requestDelete(app, ed, { iface: { host, dev } })} aria-label={t('editor.iface.removeAria', { port })} title={t('editor.iface.remove')}>✕</button>
          </>
        )}
      </div>
      {lo ? null : (
        <form className="edit-row" onSubmit={submit}>
          <label className="field">
            <span>{t('editor.iface.name')}</span>
            <input className="iface-name" value={name} onChange={(e) => { setName(e.target.value); clear(); }} aria-label={t('editor.iface.nameAria', { port })} spellCheck={false} />
          </label>
          <label className="field">
            <span>MAC</span>
            <input className="iface-mac" value={mac} placeholder={effectiveMac} onChange={(e) => { setMac(e.target.value); clear(); }} aria-label={t('editor.iface.macAria', { port })} aria-invalid={issues.length > 0} spellCheck={false} data-testid={`mac-${port}`} />
          </label>
          <button type="submit" disabled={!changed} aria-label={t('editor.iface.applyAria', { port })}>{t('editor.apply')}</button>
        </form>
      )}
      <IssueList issues={issues} />
      <div className="addr-list" aria-label={t('editor.addr.listAria', { port })} role="group">
        {(iface.addresses ?? []).map((a, i) => (
          <AddressRow key={`${i}:${JSON.stringify(a)}`} host={host} dev={dev} index={i} address={a} />
        ))}
        <AddressRow key={`new:${(iface.addresses ?? []).length}`} host={host} dev={dev} index={null} address={null} />
      </div>
    </li>
  );
}
