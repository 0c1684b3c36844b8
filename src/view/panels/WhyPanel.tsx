import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionEvent, EngineScenario } from '../../engine/index.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { explainDecision, kernelName } from '../why/explain.ts';
import { IpvsDecisionDetails } from '../lvs/IpvsDecisionDetails.tsx';
import { loNote } from '../lvs/loNote.ts';

interface PortDecisions {
  port: string;
  decisions: DecisionEvent[];
}

/**
 * "Why": for one frame, the decisions taken at every interface that saw it (and the
 * sender's own choice), each with the rule, the settings it read, their effective values
 * and where those came from (all, the interface, or default).
 */
export function WhyPanel({ frameId, at }: { frameId: number; at: { host: string; dev: string } | null }) {
  const { t, i18n } = useTranslation();
  const sim = useApp((s) => s.sim);
  const input = useApp((s) => s.engineInput);
  const flight = useApp((s) => {
    const i = s.timeline.flightIndex[frameId];
    return i === undefined ? undefined : s.timeline.flights[i];
  });
  const groups = useMemo((): PortDecisions[] => {
    if (!sim || !flight) return [];
    const byPort = new Map<string, DecisionEvent[]>();
    const add = (port: string, d?: DecisionEvent) => {
      if (!byPort.has(port)) byPort.set(port, []);
      if (d) byPort.get(port)!.push(d);
    };
    // The sender's decisions just before it sent the frame (e.g. arp_announce's choice).
    const ev = sim.events;
    const tx = ev.at(flight.txIndex)!;
    for (let i = flight.txIndex - 1; i >= 0; i--) {
      const e = ev.at(i)!;
      if (e.t !== tx.t || e.kind === 'tx' || e.kind === 'rx') break;
      if (e.kind === 'decision' && e.frameId === null && e.host === flight.host) add(`${e.host}.${e.dev ?? flight.dev}`, e);
    }
    for (const d of flight.deliveries) add(`${d.host}.${d.dev}`);
    for (const e of ev) if (e.kind === 'decision' && e.frameId === frameId) add(`${e.host}${e.dev ? `.${e.dev}` : ''}`, e);
    return [...byPort.entries()].map(([port, decisions]) => ({ port, decisions }));
  }, [sim, flight, frameId]);
  if (!flight) return null;
  const focus = at ? `${at.host}.${at.dev}` : null;
  return (
    <section className="panel why" aria-labelledby="why-h" data-testid="why">
      <h2 id="why-h">{t('why.title')}</h2>
      {groups.map((g) => (
        <div key={g.port} className={`why-port${g.port === focus ? ' focus' : ''}`} data-why-port={g.port}>
          <h3>{g.port}</h3>
          {g.decisions.length === 0 ? <p className="muted small">{t('why.noDecision')}</p> : null}
          {g.decisions.map((d, k) => (
            <div key={k} className={`decision v-${d.verdict}`} data-rule={d.rule} data-verdict={d.verdict}>
              <p>
                <span className={`badge verdict-${d.verdict}`}>{t(`verdict.${d.verdict}`)}</span>{' '}
                <strong>{t(`ruleName.${d.rule.replace(/\./g, '_')}`, { defaultValue: d.rule })}</strong>{' '}
                <code className="muted small">{d.rule}</code>
              </p>
              <p className="why-text">{explainDecision(i18n, d)}</p>
              <LoNoteLine d={d} input={input} />
              <IpvsDecisionDetails d={d} />
              {d.settings.length > 0 ? (
                <table className="kv settings">
                  <thead>
                    <tr>
                      <th scope="col">{t('why.setting')}</th>
                      <th scope="col">{t('why.effective')}</th>
                      <th scope="col">{t('why.cameFrom')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.settings.map((s, j) => (
                      <tr key={j}>
                        <th scope="row">
                          <code>{s.name}</code>
                          <div className="muted small">
                            {s.combine === 'neigh' ? kernelName(s, 'dev') : `${kernelName(s, 'all')}=${s.all ?? '?'} · ${kernelName(s, 'dev')}=${s.devValue ?? '?'}`}
                          </div>
                        </th>
                        <td><strong>{s.value}</strong> <span className="muted small">{t(`combine.${s.combine}`)}</span></td>
                        <td>
                          {t(`from.${s.from}`, { dev: s.dev })}
                          {s.devFromDefault ? <div className="muted small">{t('why.viaDefault', { dev: s.dev })}</div> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

/** Why the VIP on lo (or tunl0) alone does not keep a real server quiet, or why it does (lvs/loNote.ts). */
function LoNoteLine({ d, input }: { d: DecisionEvent; input: EngineScenario | null }) {
  const { t } = useTranslation();
  const note = loNote(d, input);
  return note ? <p className="lo-note" data-testid="lo-note" data-note={note.key}>{t(`lvs.note.${note.key}`, note.vars)}</p> : null;
}
