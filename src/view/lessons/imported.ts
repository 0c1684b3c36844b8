/**
 * Lessons imported from files (or authored here), kept in the browser as the files they came
 * from (`arplab.lessons.imported`: a list of lesson files) and read back through the same
 * validation (lessons/file.ts) every time, so a stored lesson is never trusted more than a
 * file. A value that does not parse is left alone and reported as nothing imported.
 */
import { COURSE_TEXT } from '../../i18n/lessonCourse.ts';
import { COURSE, lessonById, type Lesson } from '../../lessons/index.ts';
import { exportLesson, loadLesson, type LessonDoc } from '../../lessons/file.ts';

export const IMPORTED_KEY = 'arplab.lessons.imported';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function readFiles(s: Storage | null = storage()): unknown[] {
  try {
    const v = JSON.parse(s?.getItem(IMPORTED_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** Every imported lesson that still loads. */
export function importedLessons(): LessonDoc[] {
  return readFiles().flatMap((f) => {
    const r = loadLesson(f);
    return r.ok ? [r.doc] : [];
  });
}

/** Keeps a lesson (replacing one with the same id); false when the browser refuses to store it. */
export function keepImported(doc: LessonDoc): boolean {
  const s = storage();
  const files = readFiles(s).filter((f) => (f as { id?: unknown }).id !== doc.lesson.id);
  try {
    s?.setItem(IMPORTED_KEY, JSON.stringify([...files, JSON.parse(exportLesson(doc))]));
    return !!s;
  } catch {
    return false;
  }
}

export function removeImported(id: string): void {
  const s = storage();
  try {
    s?.setItem(IMPORTED_KEY, JSON.stringify(readFiles(s).filter((f) => (f as { id?: unknown }).id !== id)));
  } catch {
    /* storage refused: the lesson stays listed */
  }
}

/** A course lesson or an imported one, with its words. An imported id never shadows a course lesson. */
export function lessonDoc(id: string): LessonDoc | undefined {
  const course = lessonById(id);
  if (course) return { lesson: course, text: COURSE_TEXT[id] };
  return importedLessons().find((d) => d.lesson.id === id);
}

/** Is this id taken by the course (an import must use another)? */
export const isCourseId = (id: string): boolean => COURSE.some((l: Lesson) => l.id === id);
