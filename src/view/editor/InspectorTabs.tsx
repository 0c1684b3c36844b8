import { useTranslation } from 'react-i18next';
import { useEditor, useEditorApi } from './EditorContext.tsx';

/** "State" (what the kernel has at the playback position) and "Configure" (edit the start-up configuration). */
export function InspectorTabs() {
  const { t } = useTranslation();
  const ed = useEditorApi();
  const tab = useEditor((s) => s.tab);
  return (
    <div className="inspector-tabs" role="tablist" aria-label={t('editor.tabs.label')}>
      {(['state', 'config'] as const).map((k) => (
        <button
          key={k}
          type="button"
          role="tab"
          id={`insp-tab-${k}`}
          aria-selected={tab === k}
          tabIndex={tab === k ? 0 : -1}
          onClick={() => ed.setState({ tab: k })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
              e.preventDefault();
              const next = k === 'state' ? 'config' : 'state';
              ed.setState({ tab: next });
              document.getElementById(`insp-tab-${next}`)?.focus();
            }
          }}
        >
          {t(`editor.tabs.${k}`)}
        </button>
      ))}
    </div>
  );
}
