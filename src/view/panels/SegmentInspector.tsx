import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { SegmentEditorSlot } from '../editor/lazy.tsx';

/** A segment (Linux bridge): its ports in attachment order, which is the order floods reach them in reverse. */
export function SegmentInspector({ segment }: { segment: string }) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const ports = useApp((s) => s.scenario.segments?.[segment]);
  if (!ports) return null;
  return (
    <section className="panel" aria-labelledby="seg-h">
      <h2 id="seg-h">{t('segment.title', { name: segment })}</h2>
      <p className="muted">{t('segment.floodOrder')}</p>
      <ol>
        {ports.map((p) => {
          const [host, dev] = [p.slice(0, p.indexOf('.')), p.slice(p.indexOf('.') + 1)];
          return (
            <li key={p}>
              <button type="button" className="link-button" onClick={() => api.getState().select({ kind: 'iface', host, dev })}>{p}</button>
            </li>
          );
        })}
      </ol>
      <SegmentEditorSlot segment={segment} />
    </section>
  );
}
