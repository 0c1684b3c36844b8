import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Frame, TraceEvent } from '../../engine/index.ts';
import { isStop } from '../../store/derive/timeline.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { formatSeconds } from '../format/tcpdump.ts';
import { useThrottledCursor } from '../hooks/useThrottledCursor.ts';
import { decisionLang } from '../why/explain.ts';
import { eventLine, isArpEvent } from './eventLine.ts';
import { isolate } from '../../i18n/displayText.ts';
import { perObject } from '../hooks/perObject.ts';
import type { EngineScenario } from '../../engine/index.ts';

const ROW = 22;

/**
 * A row is its event's index: the event is read from the trace only when the row is drawn
 * (a streamed run's trace is the engine's compact log; keeping an object per row would put a
 * million objects back on the page's heap).
 */
type Row = number;
const OVERSCAN = 10;

/**
 * The trace so far, one line per event (tcpdump's wording for frames), filterable, newest
 * at the bottom. Only the visible rows are rendered.
 */
/** The hosts' names as one string (a selector compares it by value), once per engine input. */
const hostNames = perObject((input: EngineScenario) => input.hosts.map((h) => h.name).join('\u0000'));

export function EventList() {
  const { t, i18n } = useTranslation();
  const api = useAppStoreApi();
  const sim = useApp((s) => s.sim);
  const cursor = useThrottledCursor(150);
  const filter = useApp((s) => s.filter);
  const selected = useApp((s) => (s.selection?.kind === 'frame' ? s.selection.frameId : null));
  const hosts = useApp((s) => (s.engineInput ? hostNames(s.engineInput) : ''));
  const boxRef = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 200 });
  const stick = useRef(true);

  // Frames and their kinds by id, looked up in the timeline's flights (one per frame sent)
  // when a row needs them: nothing is gathered per event (a streamed run's trace keeps its
  // frames as text until read: store/traceStream.ts).
  const evs = sim?.events;
  const timeline = useApp((s) => s.timeline);
  const { frames, kinds } = useMemo(() => {
    const flight = (id: number) => {
      const fi = timeline.flightIndex[id];
      return fi === undefined ? undefined : timeline.flights[fi];
    };
    return {
      frames: { get: (id: number): Frame | undefined => flight(id)?.frame },
      kinds: { get: (id: number) => flight(id)?.kind, has: (id: number) => flight(id) !== undefined },
    };
  }, [timeline]);

  // The indices of the filtered rows up to the cursor, extended in place while the cursor moves
  // forward (a large run has hundreds of thousands: neither copied nor made into objects per
  // update); `count` re-renders the list. Keyed by the events array (the same while a streamed run grows).
  const cache = useRef<{ evs: unknown; filter: unknown; upTo: number; rows: Row[] }>({ evs: null, filter: null, upTo: 0, rows: [] });
  const count = useMemo(() => {
    const all = evs ?? [];
    const end = Math.min(cursor, all.length);
    let c = cache.current;
    if (c.evs !== evs || c.filter !== filter) c = cache.current = { evs, filter, upTo: 0, rows: [] };
    else if (end < c.upTo) {
      // Back: drop the rows at or after the cursor.
      let n = c.rows.length;
      while (n > 0 && c.rows[n - 1] >= end) n--;
      c.rows.length = n;
      c.upTo = end;
    }
    // Without a filter every event is a row: none is read (a streamed trace parses an object when read).
    const filtered = filter.dropsOnly || filter.arpOnly || filter.host;
    for (let i = c.upTo; i < end; i++) {
      if (filtered) {
        const e = all.at(i)!;
        if (filter.dropsOnly && !(e.kind === 'decision' && isStop(e))) continue;
        if (filter.arpOnly && !isArpEvent(e, kinds)) continue;
        if (filter.host && (e.kind === 'step' || e.host !== filter.host)) continue;
      }
      c.rows.push(i);
    }
    c.upTo = end;
    return c.rows.length;
  }, [evs, cursor, filter, kinds]);
  const rows = cache.current.rows;
  // The hosts' filter options, made again only when the hosts change.
  const hostOptions = useMemo(
    () =>
      hosts
        .split('\u0000')
        .filter(Boolean)
        .map((h) => (
          <option key={h} value={h}>{isolate(h)}</option>
        )),
    [hosts],
  );

  // Follow the newest row (without reading the layout back: rows have a fixed height).
  useEffect(() => {
    const el = boxRef.current;
    if (el && stick.current) el.scrollTop = count * ROW;
  }, [count]);
  // A new filter shows the newest rows.
  useEffect(() => {
    stick.current = true;
    const el = boxRef.current;
    if (el) el.scrollTop = Number.MAX_SAFE_INTEGER;
  }, [filter]);

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setScroll({ top: el.scrollTop, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scroll.top / ROW) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scroll.top + scroll.height) / ROW) + OVERSCAN);

  return (
    <section className="events" aria-labelledby="events-h">
      <div className="events-head">
        <h2 id="events-h">{t('events.title')}</h2>
        <label>
          <input type="checkbox" checked={filter.arpOnly} onChange={(e) => api.getState().setFilter({ arpOnly: e.target.checked })} />
          {t('events.arpOnly')}
        </label>
        <label>
          <input type="checkbox" checked={filter.dropsOnly} onChange={(e) => api.getState().setFilter({ dropsOnly: e.target.checked })} />
          {t('events.dropsOnly')}
        </label>
        <label>
          {t('events.host')}{' '}
          <select value={filter.host ?? ''} onChange={(e) => api.getState().setFilter({ host: e.target.value || null })}>
            <option value="">{t('events.allHosts')}</option>
            {hostOptions}
          </select>
        </label>
        <span className="events-count" aria-live="polite">{t('events.count', { shown: count, total: sim?.events.length ?? 0 })}</span>
      </div>
      <div
        ref={boxRef}
        className="events-box"
        tabIndex={0}
        role="log"
        aria-label={t('events.title')}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW;
          setScroll({ top: el.scrollTop, height: el.clientHeight });
        }}
      >
        <div style={{ height: count * ROW, position: 'relative' }}>
          {rows.slice(first, last).map((i, k) => {
            const e: TraceEvent = evs!.at(i)!;
            const line = eventLine(e, frames, decisionLang(i18n));
            const top = (first + k) * ROW;
            const cls = `ev ev-${line.tone}${line.frameId !== null && line.frameId === selected ? ' selected' : ''}`;
            const body = (
              <>
                <span className="ev-t">{formatSeconds(e.t)}</span>
                <span className="ev-who">{isolate(line.who)}</span>
                <span className="ev-text">{isolate(line.text)}</span>
              </>
            );
            return line.frameId !== null ? (
              <button
                type="button"
                key={i}
                className={cls}
                style={{ top }}
                data-event={i}
                onClick={() => api.getState().select({ kind: 'frame', frameId: line.frameId!, ...(e.kind === 'decision' && e.dev ? { at: { host: e.host, dev: e.dev } } : {}) })}
              >
                {body}
              </button>
            ) : (
              <div key={i} className={cls} style={{ top }} data-event={i}>
                {body}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
