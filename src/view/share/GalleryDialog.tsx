import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GALLERY, type GalleryEntry } from '../../examples/gallery/index.ts';
import { normalizeForCompare } from '../../scenario/compare.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { Dialog } from './Dialog.tsx';
import { GalleryPreview } from './GalleryPreview.tsx';
import { RichText } from './RichText.tsx';

/** Every tag of the gallery, sorted, once. */
const ALL_TAGS = [...new Set(GALLERY.flatMap((e) => e.tags))].sort();

function safeCompareKey(s: GalleryEntry['scenario']): string | null {
  try {
    return normalizeForCompare(s);
  } catch {
    return null;
  }
}

/** The article's experiments: title, summary and tags in the UI's language, a thumbnail, and Open. */
export function GalleryDialog({ onClose, onOpen }: { onClose(): void; onOpen(entry: GalleryEntry): void }) {
  const { t } = useTranslation();
  const lang = useApp((s) => s.lang);
  const scenario = useApp((s) => s.scenario);
  const [tag, setTag] = useState('');
  const [query, setQuery] = useState('');
  const searchId = useId();
  const tagId = useId();
  const introId = useId();

  // Which entry is open now: only entries with as many hosts as the current scenario are
  // compared in full (normalising a 1,001-host data centre takes a while; most never match).
  const hostCount = Object.keys(scenario.hosts).length;
  const currentKey = useMemo(() => (GALLERY.some((e) => Object.keys(e.scenario.hosts).length === hostCount) ? safeCompareKey(scenario) : null), [scenario, hostCount]);
  const keys = useMemo(() => new Map(GALLERY.map((e) => [e.id, currentKey !== null && Object.keys(e.scenario.hosts).length === hostCount ? safeCompareKey(e.scenario) : null])), [currentKey, hostCount]);

  const q = query.trim().toLowerCase();
  const shown = GALLERY.filter((e) =>
    (tag === '' || e.tags.includes(tag))
    && (q === '' || [e.title.en, e.title.zh, e.summary.en, e.summary.zh, ...e.tags, e.id].some((x) => x.toLowerCase().includes(q))));

  return (
    <Dialog title={t('share.gallery.title')} onClose={onClose} className="gallery-dialog" describedBy={introId} testId="gallery-dialog">
      <p id={introId} className="muted">{t('share.gallery.intro')}</p>
      <div className="gallery-filters">
        <label htmlFor={searchId}>{t('share.gallery.search')}</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label htmlFor={tagId}>{t('share.gallery.filter')}</label>
        <select id={tagId} value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">{t('share.gallery.allTags')}</option>
          {ALL_TAGS.map((x) => (
            <option key={x} value={x}>{x}</option>
          ))}
        </select>
        <span className="muted small" role="status">{t('share.gallery.count', { shown: shown.length, total: GALLERY.length })}</span>
      </div>
      {shown.length === 0 ? <p>{t('share.gallery.none')}</p> : null}
      <ul className="gallery-list">
        {shown.map((e) => {
          const title = e.title[lang];
          const isCurrent = currentKey !== null && keys.get(e.id) === currentKey;
          return (
            <li key={e.id} className={`gallery-item${isCurrent ? ' current' : ''}`} data-gallery={e.id}>
              <GalleryPreview scenario={e.scenario} label={t('share.gallery.preview', { title })} />
              <div className="gallery-text">
                <h3>
                  {title}
                  {isCurrent ? <span className="badge gallery-current">{t('share.gallery.current')}</span> : null}
                </h3>
                <p className="gallery-summary"><RichText text={e.summary[lang]} /></p>
                <div className="gallery-meta">
                  <ul className="gallery-tags" aria-label={t('share.gallery.tags')}>
                    {e.tags.map((x) => (
                      <li key={x}>{x}</li>
                    ))}
                  </ul>
                  <span className="muted small">{e.rpFilter !== undefined ? t('share.gallery.rpFilter', { n: e.rpFilter }) : t('share.gallery.engineChecked')}</span>
                </div>
              </div>
              <button type="button" className="primary gallery-open" onClick={() => onOpen(e)} aria-label={t('share.gallery.openAria', { title })}>
                {t('share.gallery.open')}
              </button>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
