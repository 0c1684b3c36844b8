import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { model } from '../../store/lazyModel.ts';
import { useShare } from './shareContext.ts';

/** Toolbar buttons: the gallery, opening a scenario file, and Share (link, embed, exports). */
export function ShareButtons() {
  const { t } = useTranslation();
  const share = useShare();
  const input = useRef<HTMLInputElement>(null);
  if (!share || share.embed) return null;
  return (
    <div className="share-buttons" role="group" aria-label={t('share.toolbar.label')}>
      <button type="button" onClick={share.openGallery} title={t('share.toolbar.galleryAria')} data-testid="open-gallery">
        {t('share.toolbar.gallery')}
      </button>
      <button type="button" onClick={() => input.current?.click()} title={t('share.toolbar.openAria')} aria-label={t('share.toolbar.openAria')} data-testid="open-file">
        {t('share.toolbar.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept={`${model().SCENARIO_FILE_EXTENSION},${model().SCENARIO_FILE_TYPE}`}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Cleared so that choosing the same file again opens it again.
          e.target.value = '';
          if (files.length) share.openFiles(files);
        }}
      />
      <button type="button" className="primary" onClick={share.openShare} title={t('share.toolbar.shareAria')} data-testid="share">
        {t('share.toolbar.share')}
      </button>
    </div>
  );
}
