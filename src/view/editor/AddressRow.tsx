import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddrScope } from '../../engine/index.ts';
import type { AddressV1 } from '../../scenario/types.ts';
import { useEdit } from './useEdit.ts';
import { IssueList } from './IssueList.tsx';

const SCOPES: AddrScope[] = ['global', 'site', 'link', 'host'];

interface Draft {
  cidr: string;
  label: string;
  scope: AddrScope;
  noprefixroute: boolean;
}

const draftOf = (a: AddressV1 | null): Draft =>
  a === null ? { cidr: '', label: '', scope: 'global', noprefixroute: false }
    : typeof a === 'string' ? { cidr: a, label: '', scope: 'global', noprefixroute: false }
      : { cidr: a.cidr, label: a.label ?? '', scope: a.scope ?? 'global', noprefixroute: a.noprefixroute ?? false };

/** The address as the user wrote it: a plain "a.b.c.d/len" when nothing else is set. */
function addressOf(d: Draft, prev: AddressV1 | null): AddressV1 {
  const metric = prev !== null && typeof prev !== 'string' ? prev.metric : undefined;
  const cidr = d.cidr.trim();
  if (!d.label.trim() && d.scope === 'global' && !d.noprefixroute && metric === undefined) return cidr;
  return {
    cidr,
    ...(d.label.trim() ? { label: d.label.trim() } : {}),
    ...(d.scope !== 'global' ? { scope: d.scope } : {}),
    ...(d.noprefixroute ? { noprefixroute: true } : {}),
    ...(metric !== undefined ? { metric } : {}),
  };
}

/**
 * One address of an interface (or the form for a new one): address/prefix, label
 * (eth0:0, lo:0), scope, noprefixroute. ✓ / Enter applies; invalid values stay in the form.
 */
export function AddressRow({ host, dev, index, address }: { host: string; dev: string; index: number | null; address: AddressV1 | null }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(address));
  const { apply, issues, fail, clear } = useEdit();
  const isNew = index === null;
  const set = (patch: Partial<Draft>) => {
    setD((x) => ({ ...x, ...patch }));
    clear();
  };
  const changed = JSON.stringify(d) !== JSON.stringify(draftOf(address));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!d.cidr.trim()) {
      fail(t('editor.errors.addressEmpty'));
      return;
    }
    const a = addressOf(d, address);
    if (isNew) {
      if (apply({ type: 'addAddress', host, dev, address: a })) setD(draftOf(null));
    } else {
      apply({ type: 'updateAddress', host, dev, index, address: a });
    }
  };
  const who = `${host}.${dev}`;
  // Existing rows and the new-address row have the same inputs: the names say which row.
  const which = isNew ? t('editor.addr.whichNew') : t('editor.addr.which', { n: index + 1 });
  return (
    <form className={`addr-row${isNew ? ' addr-new' : ''}`} onSubmit={submit} data-address={isNew ? 'new' : index} aria-label={isNew ? t('editor.addr.newAria', { port: who }) : t('editor.addr.aria', { port: who, cidr: draftOf(address).cidr })}>
      <input
        className="addr-cidr"
        value={d.cidr}
        onChange={(e) => set({ cidr: e.target.value })}
        placeholder={isNew ? (dev === 'lo' ? 'a.b.c.d/32' : 'a.b.c.d/len') : ''}
        aria-label={t('editor.addr.cidr', { port: who, which })}
        aria-invalid={issues.length > 0}
        spellCheck={false}
        inputMode="decimal"
      />
      <input className="addr-label" value={d.label} onChange={(e) => set({ label: e.target.value })} placeholder={`${dev}:0`} aria-label={t('editor.addr.label', { port: who, which })} spellCheck={false} />
      <select value={d.scope} onChange={(e) => set({ scope: e.target.value as AddrScope })} aria-label={t('editor.addr.scope', { port: who, which })}>
        {SCOPES.map((s) => <option key={s} value={s}>{s}</option>)}
      </select>
      <label className="check" title={t('editor.addr.noprefixrouteHint')}>
        <input type="checkbox" checked={d.noprefixroute} onChange={(e) => set({ noprefixroute: e.target.checked })} aria-label={t('editor.addr.noprefixrouteAria', { port: who, which })} />
        noprefixroute
      </label>
      <span className="row-buttons">
        {isNew ? (
          <button type="submit" disabled={!d.cidr.trim()} aria-label={t('editor.addr.addAria', { port: who })}>{t('editor.add')}</button>
        ) : (
          <>
            <button type="submit" disabled={!changed} aria-label={t('editor.addr.applyAria', { port: who, cidr: d.cidr })} title={t('editor.apply')}>✓</button>
            <button type="button" onClick={() => apply({ type: 'deleteAddress', host, dev, index })} aria-label={t('editor.addr.deleteAria', { port: who, cidr: draftOf(address).cidr })} title={t('editor.delete')}>✕</button>
          </>
        )}
      </span>
      <IssueList issues={issues} />
    </form>
  );
}
