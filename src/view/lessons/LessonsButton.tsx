/**
 * The toolbar's "Lessons" entry, and the app shell's slot for the lesson player, which is
 * loaded only when a lesson opens (the course and its text stay out of the first load).
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { enterLessons, syncLessonUrl } from './session.ts';

const LessonPanel = lazy(() => import('./LessonPanel.tsx'));

export function LessonsButton() {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const open = useApp((s) => s.lesson !== null);
  return (
    <button type="button" aria-pressed={open} title={t('lessons.buttonAria')} data-testid="lessons-button" onClick={() => enterLessons(api, { id: null, step: 0, trainer: false })}>
      {t('lessons.button')}
    </button>
  );
}

export function LessonSlot() {
  const { t } = useTranslation();
  const lesson = useApp((s) => s.lesson);
  useEffect(() => syncLessonUrl(lesson), [lesson]);
  if (!lesson) return null;
  return (
    <Suspense fallback={<p className="muted">{t('lessons.loading')}</p>}>
      <LessonPanel />
    </Suspense>
  );
}
