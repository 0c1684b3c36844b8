import { Icon } from '../icons.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/StoreContext.tsx';
import { IssueList } from '../editor/IssueList.tsx';
import { useEdit } from '../editor/useEdit.ts';
import { useHostView } from '../hooks/hostView.ts';
import { ExplainButton, ExplainSlot } from '../explain/lazy.tsx';
import { KNOBS, actsAs, sysctlKey } from './knobs.ts';

/**
 * sysctls for all, default and each interface. A cell is the value written in the scenario
 * ("–" = not written: kernel default, or inherited from default); under each interface's
 * cell, the effective value the kernel uses and which setting decided it.
 */
/** The picker's entry that opens a number field. */
const OTHER = 'other';

export function SysctlGrid({ host, dev }: { host: string; dev: string | null }) {
  const { t } = useTranslation();
  // Checked like every edit: a value the format refuses is not written, and the grid says why.
  const { apply, issues } = useEdit();
  const sysctls = useApp((s) => s.scenario.hosts[host]?.sysctls);
  // A lesson's locked knobs: shown locked here, and refused by every edit path (ops/locks.ts).
  const locks = useApp((s) => s.locks);
  const view = useHostView(host);
  const [explaining, setExplaining] = useState<{ knob: string; scope: string } | null>(null);
  // The cell whose picker chose "other…": it shows a number field for any int the kernel stores.
  const [otherKey, setOtherKey] = useState<string | null>(null);
  if (!view) return null;
  const devs = view.devices.map((d) => d.name);
  const scopes = ['all', 'default', ...devs];
  return (
    <section className="panel" aria-labelledby="sysctl-h">
      <h3 id="sysctl-h">{t('inspector.sysctls')}</h3>
      <div className="table-scroll">
        <table className="sysctl-grid">
          <thead>
            <tr>
              <th scope="col">net.ipv4.conf.*</th>
              {scopes.map((sc) => (
                <th scope="col" key={sc} className={sc === dev ? 'focus-col' : undefined}>{sc}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {KNOBS.map((k) => {
              const locked = locks.includes(k.name);
              return (
              <tr key={k.name} className={locked ? 'locked-knob' : undefined} data-locked={locked || undefined}>
                <th scope="row">
                  <span className="knob">{k.name}</span>
                  {locked ? <span className="lock-mark" role="img" aria-label={t('lessons.lockedKnob')} title={t('lessons.lockedKnob')}><Icon name="lock" /></span> : null}
                  <span className="knob-hint">{t(`knobs.${k.name}`)}</span>
                  <ExplainButton what={sysctlKey(dev ?? 'all', k.name)} onClick={() => setExplaining({ knob: k.name, scope: dev ?? 'all' })} />
                </th>
                {scopes.map((sc) => {
                  const key = sysctlKey(sc, k.name);
                  const v = sysctls?.[key];
                  const eff = sc !== 'all' && sc !== 'default' ? view.effective?.(k.name, sc) : undefined;
                  return (
                    <td key={sc} className={sc === dev ? 'focus-col' : undefined}>
                      {k.values && otherKey !== key ? (
                        <select
                          aria-label={key}
                          disabled={locked}
                          value={v === undefined ? '' : String(v)}
                          className={v === undefined ? 'unset' : 'set'}
                          onChange={(e) => {
                            if (e.target.value === OTHER) setOtherKey(key);
                            else apply({ type: 'setSysctl', host, key, value: e.target.value === '' ? null : Number(e.target.value) });
                          }}
                        >
                          <option value="">–</option>
                          {k.values.map((n) => (
                            <option key={n} value={n}>{n}</option>
                          ))}
                          {v !== undefined && !k.values.includes(v) ? <option value={v}>{v}</option> : null}
                          <option value={OTHER}>{t('inspector.otherValue')}</option>
                        </select>
                      ) : (
                        <KnobNumber
                          label={key}
                          value={v}
                          min={k.min}
                          max={k.max}
                          disabled={locked}
                          autoFocus={otherKey === key}
                          onCommit={(value) => {
                            setOtherKey(null);
                            apply({ type: 'setSysctl', host, key, value });
                          }}
                          onCancel={() => setOtherKey(null)}
                        />
                      )}
                      {v !== undefined && actsAs(k.name, v) !== null ? (
                        <div className="acts-as" data-acts-as={key} title={t('inspector.actsAsTitle', { knob: k.name, value: v, acts: actsAs(k.name, v) })}>
                          {t('inspector.actsAs', { acts: actsAs(k.name, v) })}
                        </div>
                      ) : null}
                      {eff ? (
                        <div className="eff" data-eff={`${sc}.${k.name}`} title={t('inspector.effTitle', { value: eff.value, from: t(`from.${eff.from}`, { dev: sc }) })}>
                          <strong>={eff.value}{actsAs(k.name, eff.value) !== null ? ` → ${actsAs(k.name, eff.value)}` : ''}</strong>
                          <span className="eff-from">{eff.viaDefault && eff.from !== 'all' ? t('fromShort.default') : t(`fromShort.${eff.from}`, { dev: sc })}</span>
                        </div>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ExplainSlot
        target={explaining && { kind: 'sysctl', host, key: sysctlKey(explaining.scope, explaining.knob) }}
        what={explaining ? sysctlKey(explaining.scope, explaining.knob) : ''}
        onClose={() => setExplaining(null)}
      >
        {explaining ? (
          <label className="explain-scope">
            {t('explain.scope')}
            <select value={explaining.scope} onChange={(e) => setExplaining({ ...explaining, scope: e.target.value })}>
              {scopes.map((sc) => <option key={sc} value={sc}>{sysctlKey(sc, explaining.knob)}</option>)}
            </select>
          </label>
        ) : null}
      </ExplainSlot>
      <IssueList issues={issues} />
      <p className="muted small">{t('inspector.sysctlNote')}</p>
    </section>
  );
}

/**
 * A number field: for a knob whose every value means something (medium_id), and for "other…"
 * of a knob with a picker (the kernel stores any int: arp_ignore 9 acts as 0). Written on
 * Enter or leaving the field; Escape puts the picker back.
 */
function KnobNumber({ label, value, min, max, disabled, autoFocus, onCommit, onCancel }: { label: string; value: number | undefined; min: number; max: number; disabled?: boolean; autoFocus?: boolean; onCommit: (v: number | null) => void; onCancel?: () => void }) {
  const shown = value === undefined ? '' : String(value);
  const [text, setText] = useState(shown);
  const [was, setWas] = useState(shown);
  if (was !== shown) {
    setWas(shown);
    setText(shown);
  }
  const commit = () => {
    if (text === shown) {
      onCancel?.();
      return;
    }
    onCommit(text.trim() === '' ? null : Number(text));
  };
  return (
    <input
      type="number"
      aria-label={label}
      disabled={disabled}
      placeholder="–"
      min={min}
      max={max}
      step={1}
      autoFocus={autoFocus}
      value={text}
      className={value === undefined ? 'knob-num unset' : 'knob-num set'}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') {
          setText(shown);
          onCancel?.();
        }
      }}
    />
  );
}
