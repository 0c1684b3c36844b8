import './lvs.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IPVS_METHODS, IPVS_SCHEDULERS, type IpvsDestV2, type IpvsServiceV2, type ListenV2 } from '../../scenario/types.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { IssueList } from '../editor/IssueList.tsx';
import { useEdit } from '../editor/useEdit.ts';

type Proto = 'tcp' | 'udp';
const NO_SERVICES: readonly IpvsServiceV2[] = [];
const NO_LISTEN: readonly ListenV2[] = [];
const isPort = (v: string) => /^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 65535;

/** `ipvsadm -A -t VIP:PORT -s SCHED [-p N]` as the service's heading says it. */
export function serviceLine(sv: IpvsServiceV2): string {
  return `-A ${sv.proto === 'udp' ? '-u' : '-t'} ${sv.vip}:${sv.port} -s ${sv.scheduler ?? 'wlc'}${sv.persistent ? ` -p ${sv.persistent}` : ''}`;
}

function ServiceForm({ host, index, sv }: { host: string; index: number | null; sv: IpvsServiceV2 | null }) {
  const { t } = useTranslation();
  const { apply, issues, fail, clear } = useEdit();
  const [d, setD] = useState({ proto: (sv?.proto ?? 'tcp') as Proto, vip: sv?.vip ?? '', port: String(sv?.port ?? 80), scheduler: sv?.scheduler ?? 'wlc', persistent: sv?.persistent ? String(sv.persistent) : '' });
  const set = (p: Partial<typeof d>) => {
    setD((x) => ({ ...x, ...p }));
    clear();
  };
  const isNew = index === null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isPort(d.port)) return fail(t('lvs.edit.badPort', { value: d.port }));
    if (d.persistent.trim() && !/^\d+$/.test(d.persistent.trim())) return fail(t('lvs.edit.badNumber', { value: d.persistent }));
    const service: Omit<IpvsServiceV2, 'dests'> = { proto: d.proto, vip: d.vip.trim(), port: Number(d.port), scheduler: d.scheduler };
    if (d.persistent.trim() && Number(d.persistent) > 0) service.persistent = Number(d.persistent);
    if (isNew) {
      if (apply({ type: 'addIpvsService', host, service: { ...service, dests: [] } })) set({ vip: '' });
    } else apply({ type: 'updateIpvsService', host, index, service: { ...service, ...(sv?.netmask ? { netmask: sv.netmask } : {}) } });
  };
  const label = (k: string) => t(isNew ? `lvs.edit.newService.${k}` : `lvs.edit.service.${k}`, { n: (index ?? 0) + 1 });
  return (
    <form className="lvs-row" onSubmit={submit} data-ipvs-service={isNew ? 'new' : index}>
      <label className="field"><span>{t('lvs.edit.proto')}</span>
        <select value={d.proto} onChange={(e) => set({ proto: e.target.value as Proto })} aria-label={label('proto')}>
          <option value="tcp">tcp (-t)</option>
          <option value="udp">udp (-u)</option>
        </select>
      </label>
      <label className="field"><span>VIP</span><input value={d.vip} onChange={(e) => set({ vip: e.target.value })} placeholder="10.0.0.100" aria-label={label('vip')} spellCheck={false} aria-invalid={issues.length > 0} /></label>
      <label className="field"><span>{t('lvs.edit.port')}</span><input value={d.port} onChange={(e) => set({ port: e.target.value })} inputMode="numeric" aria-label={label('port')} /></label>
      <label className="field"><span>-s</span>
        <select value={d.scheduler} onChange={(e) => set({ scheduler: e.target.value as typeof d.scheduler })} aria-label={label('scheduler')}>
          {IPVS_SCHEDULERS.map((x) => <option key={x} value={x}>{x}</option>)}
        </select>
      </label>
      <label className="field"><span>-p</span><input value={d.persistent} onChange={(e) => set({ persistent: e.target.value })} inputMode="numeric" placeholder="–" aria-label={label('persistent')} /></label>
      <span className="row-buttons">
        {isNew ? (
          <button type="submit" disabled={!d.vip.trim()}>{t('lvs.edit.addService')}</button>
        ) : (
          <>
            <button type="submit" aria-label={label('apply')} title={t('editor.apply')}>✓</button>
            <button type="button" onClick={() => apply({ type: 'deleteIpvsService', host, index })} aria-label={label('delete')} title={t('editor.delete')}>✕</button>
          </>
        )}
      </span>
      <IssueList issues={issues} />
    </form>
  );
}

function DestForm({ host, service, index, dest, suggestions }: { host: string; service: number; index: number | null; dest: IpvsDestV2 | null; suggestions: string }) {
  const { t } = useTranslation();
  const { apply, issues, fail, clear } = useEdit();
  const [d, setD] = useState({ ip: dest?.ip ?? '', port: dest?.port === undefined ? '' : String(dest.port), weight: String(dest?.weight ?? 1), method: dest?.method ?? 'dr' });
  const set = (p: Partial<typeof d>) => {
    setD((x) => ({ ...x, ...p }));
    clear();
  };
  const isNew = index === null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (d.port.trim() && !isPort(d.port)) return fail(t('lvs.edit.badPort', { value: d.port }));
    if (!/^\d+$/.test(d.weight.trim()) || Number(d.weight) > 65535) return fail(t('lvs.edit.badWeight', { value: d.weight }));
    const next: IpvsDestV2 = { ip: d.ip.trim(), weight: Number(d.weight), method: d.method };
    if (d.port.trim()) next.port = Number(d.port);
    if (isNew) {
      if (apply({ type: 'addIpvsDest', host, service, dest: next })) set({ ip: '' });
    } else apply({ type: 'updateIpvsDest', host, service, index, dest: next });
  };
  const label = (k: string) => t(isNew ? `lvs.edit.newDest.${k}` : `lvs.edit.dest.${k}`, { n: service + 1, rs: dest?.ip ?? '' });
  return (
    <form className="lvs-row lvs-dest" onSubmit={submit} data-ipvs-dest={isNew ? 'new' : dest?.ip}>
      <span aria-hidden="true">-&gt;</span>
      <label className="field"><span>-r</span><input value={d.ip} onChange={(e) => set({ ip: e.target.value })} list={suggestions} placeholder="10.0.0.11" aria-label={label('ip')} spellCheck={false} aria-invalid={issues.length > 0} /></label>
      <label className="field"><span>{t('lvs.edit.port')}</span><input value={d.port} onChange={(e) => set({ port: e.target.value })} inputMode="numeric" placeholder="=" aria-label={label('port')} /></label>
      <label className="field"><span>-w</span><input value={d.weight} onChange={(e) => set({ weight: e.target.value })} inputMode="numeric" aria-label={label('weight')} /></label>
      <label className="field"><span>{t('lvs.edit.method')}</span>
        <select value={d.method} onChange={(e) => set({ method: e.target.value as typeof d.method })} aria-label={label('method')}>
          {IPVS_METHODS.map((m) => <option key={m} value={m}>{t(`lvs.edit.methods.${m}`)}</option>)}
        </select>
      </label>
      <span className="row-buttons">
        {isNew ? (
          <button type="submit" disabled={!d.ip.trim()}>{t('lvs.edit.addDest')}</button>
        ) : (
          <>
            <button type="submit" aria-label={label('apply')} title={t('editor.apply')}>✓</button>
            <button type="button" onClick={() => apply({ type: 'deleteIpvsDest', host, service, index })} aria-label={label('delete')} title={t('editor.delete')}>✕</button>
          </>
        )}
      </span>
      <IssueList issues={issues} />
    </form>
  );
}

function ListenForm({ host, index, l }: { host: string; index: number | null; l: ListenV2 | null }) {
  const { t } = useTranslation();
  const { apply, issues, fail, clear } = useEdit();
  const [d, setD] = useState({ proto: (l?.proto ?? 'tcp') as Proto, port: l ? String(l.port) : '80', addr: l?.addr ?? '' });
  const set = (p: Partial<typeof d>) => {
    setD((x) => ({ ...x, ...p }));
    clear();
  };
  const isNew = index === null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isPort(d.port)) return fail(t('lvs.edit.badPort', { value: d.port }));
    const listen: ListenV2 = { proto: d.proto, port: Number(d.port) };
    if (d.addr.trim()) listen.addr = d.addr.trim();
    if (apply({ type: 'addListen', host, listen })) set({ addr: '' });
  };
  if (!isNew && l) {
    const text = `${l.proto ?? 'tcp'} ${l.addr ?? '0.0.0.0'}:${l.port}`;
    return (
      <div className="lvs-row" data-listen={index}>
        <code>{text}</code>
        <span className="row-buttons">
          <button type="button" onClick={() => apply({ type: 'deleteListen', host, index: index! })} aria-label={t('lvs.edit.listen.delete', { what: text })} title={t('editor.delete')}>✕</button>
        </span>
        <IssueList issues={issues} />
      </div>
    );
  }
  return (
    <form className="lvs-row" onSubmit={submit} data-listen="new">
      <label className="field"><span>{t('lvs.edit.proto')}</span>
        <select value={d.proto} onChange={(e) => set({ proto: e.target.value as Proto })} aria-label={t('lvs.edit.listen.proto')}>
          <option value="tcp">tcp</option>
          <option value="udp">udp</option>
        </select>
      </label>
      <label className="field"><span>{t('lvs.edit.port')}</span><input value={d.port} onChange={(e) => set({ port: e.target.value })} inputMode="numeric" aria-label={t('lvs.edit.listen.port')} aria-invalid={issues.length > 0} /></label>
      <label className="field"><span>{t('lvs.edit.listen.addrCol')}</span><input value={d.addr} onChange={(e) => set({ addr: e.target.value })} placeholder="0.0.0.0" aria-label={t('lvs.edit.listen.addr')} spellCheck={false} /></label>
      <span className="row-buttons"><button type="submit">{t('lvs.edit.listen.add')}</button></span>
      <IssueList issues={issues} />
    </form>
  );
}

/**
 * The Configure tab's LVS part for a host: its server sockets (a real server's web server)
 * and, for a director or any host that has some, its virtual services with their real
 * servers — each row one checked op (src/ops/lvs.ts), one undo step.
 */
export function LvsEditor({ host }: { host: string }) {
  const { t } = useTranslation();
  const kind = useApp((s) => s.scenario.hosts[host]?.kind);
  const svcs = useApp((s) => s.scenario.hosts[host]?.ipvs ?? NO_SERVICES);
  const listen = useApp((s) => s.scenario.hosts[host]?.listen ?? NO_LISTEN);
  // Other hosts' addresses, offered as real servers.
  const addrsKey = useApp((s) =>
    Object.entries(s.scenario.hosts)
      .filter(([h]) => h !== host)
      .flatMap(([, h]) => Object.entries(h.interfaces ?? {}).filter(([dev]) => dev !== 'lo').flatMap(([, i]) => (i.addresses ?? []).map((a) => (typeof a === 'string' ? a : a.cidr).split('/')[0])))
      .join(' '),
  );
  const listId = `rs-addrs-${host}`;
  const showIpvs = kind === 'director' || svcs.length > 0;
  return (
    <>
      {showIpvs ? (
        <section className="panel edit-panel lvs-editor" aria-labelledby={`edit-ipvs-h-${host}`} data-testid="ipvs-editor">
          <h3 id={`edit-ipvs-h-${host}`}>{t('lvs.edit.title')}</h3>
          <datalist id={listId}>{addrsKey.split(' ').filter(Boolean).map((a) => <option key={a} value={a} />)}</datalist>
          {svcs.length === 0 ? <p className="muted small">{t('lvs.edit.none')}</p> : null}
          {svcs.map((sv, i) => (
            <div key={`${i}:${JSON.stringify(sv)}`} className="lvs-service" data-service={`${sv.vip}:${sv.port}`}>
              <p className="lvs-service-line"><code>ipvsadm {serviceLine(sv)}</code></p>
              <ServiceForm host={host} index={i} sv={sv} />
              {sv.dests.map((d, k) => <DestForm key={`${k}:${JSON.stringify(d)}`} host={host} service={i} index={k} dest={d} suggestions={listId} />)}
              <DestForm key={`new:${sv.dests.length}`} host={host} service={i} index={null} dest={null} suggestions={listId} />
            </div>
          ))}
          <h4>{t('lvs.edit.newServiceTitle')}</h4>
          <ServiceForm key={`new:${svcs.length}`} host={host} index={null} sv={null} />
        </section>
      ) : null}
      <section className="panel edit-panel lvs-editor" aria-labelledby={`edit-listen-h-${host}`} data-testid="listen-editor">
        <h3 id={`edit-listen-h-${host}`}>{t('lvs.edit.listen.title')}</h3>
        {listen.length === 0 ? <p className="muted small">{t('lvs.edit.listen.none')}</p> : null}
        {listen.map((l, i) => <ListenForm key={`${i}:${JSON.stringify(l)}`} host={host} index={i} l={l} />)}
        <ListenForm key={`new:${listen.length}`} host={host} index={null} l={null} />
      </section>
    </>
  );
}
