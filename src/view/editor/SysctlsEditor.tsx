import { Icon } from '../icons.tsx';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONF_KNOBS, IP_FORWARD, NEIGH_PARAMS } from '../../scenario/sysctlKeys.ts';
import { isLocked } from '../../ops/locks.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { IssueList } from './IssueList.tsx';
import { useEdit } from './useEdit.ts';

function SysctlRow({ host, k, value }: { host: string; k: string | null; value: number | null }) {
  const { t } = useTranslation();
  const [key, setKey] = useState(k ?? '');
  const [v, setV] = useState(value === null ? '' : String(value));
  const { apply, issues, fail, clear } = useEdit();
  const isNew = k === null;
  // A key a lesson locks cannot be edited here (and the op would be refused anyway: ops/locks.ts).
  const locked = useApp((s) => k !== null && isLocked(k, s.locks));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = key.trim();
    if (!name) {
      fail(t('editor.errors.sysctlKey'));
      return;
    }
    if (!/^-?\d+$/.test(v.trim())) {
      fail(t('editor.errors.sysctlValue', { value: v }));
      return;
    }
    if (apply({ type: 'setSysctl', host, key: name, value: Number(v.trim()) }) && isNew) {
      setKey('');
      setV('');
    }
  };
  return (
    <form className={`sysctl-row${isNew ? ' sysctl-new' : ''}`} onSubmit={submit} data-sysctl-edit={k ?? 'new'}>
      {isNew ? (
        <input className="sysctl-key" list={`sysctl-keys-${host}`} value={key} onChange={(e) => { setKey(e.target.value); clear(); }} placeholder="net.ipv4.ip_forward" aria-label={t('editor.sysctl.keyAria')} spellCheck={false} />
      ) : (
        <code className="sysctl-key">{k}{locked ? <span className="lock-mark" role="img" aria-label={t('lessons.lockedKnob')} title={t('lessons.lockedKnob')}><Icon name="lock" /></span> : null}</code>
      )}
      <span aria-hidden="true">=</span>
      <input className="sysctl-value" value={v} onChange={(e) => { setV(e.target.value); clear(); }} inputMode="numeric" disabled={locked} aria-label={t('editor.sysctl.valueAria', { key: k ?? t('editor.sysctl.newKey') })} aria-invalid={issues.length > 0} />
      <span className="row-buttons">
        {isNew ? <button type="submit" disabled={!key.trim()}>{t('editor.sysctl.set')}</button> : (
          <>
            <button type="submit" disabled={locked || v.trim() === String(value)} aria-label={t('editor.sysctl.applyAria', { key: k })} title={t('editor.apply')}>✓</button>
            <button type="button" disabled={locked} onClick={() => apply({ type: 'setSysctl', host, key: k, value: null })} aria-label={t('editor.sysctl.deleteAria', { key: k })} title={t('editor.delete')}>✕</button>
          </>
        )}
      </span>
      <IssueList issues={issues} />
    </form>
  );
}

/** Every sysctl the host sets at start-up (the grid above covers the per-interface ARP knobs), and a new one. */
export function SysctlsEditor({ host }: { host: string }) {
  const { t } = useTranslation();
  const sysctls = useApp((s) => s.scenario.hosts[host]?.sysctls);
  const devsKey = useApp((s) => Object.keys(s.scenario.hosts[host]?.interfaces ?? {}).join(' '));
  const scopes = ['all', 'default', ...new Set([...(devsKey ? devsKey.split(' ') : []), 'lo'])];
  const suggestions = [
    IP_FORWARD,
    ...scopes.flatMap((sc) => Object.keys(CONF_KNOBS).map((knob) => `net.ipv4.conf.${sc}.${knob}`)),
    ...scopes.filter((sc) => sc !== 'all').flatMap((sc) => Object.keys(NEIGH_PARAMS).map((p) => `net.ipv4.neigh.${sc}.${p}`)),
  ];
  const entries = Object.entries(sysctls ?? {});
  return (
    <section className="panel edit-panel" aria-labelledby="edit-sysctl-h">
      <h3 id="edit-sysctl-h">{t('editor.sysctl.title')}</h3>
      <datalist id={`sysctl-keys-${host}`}>
        {suggestions.map((s) => <option key={s} value={s} />)}
      </datalist>
      {entries.length === 0 ? <p className="muted small">{t('editor.sysctl.none')}</p> : null}
      {entries.map(([k, v]) => <SysctlRow key={`${k}=${v}`} host={host} k={k} value={v} />)}
      <SysctlRow key={`new:${entries.length}`} host={host} k={null} value={null} />
    </section>
  );
}
