/**
 * Lesson progress in localStorage, versioned. A missing, corrupt or unknown save is ignored
 * rather than trusted, and a failed write (quota, private mode) never breaks the lesson.
 */
const KEY = 'kube-storage-visualized.lesson-progress.v1';

export type Progress = Readonly<Record<string, readonly string[]>>;

export function isProgress(value: unknown): value is Progress {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(
      (steps) => Array.isArray(steps) && steps.every((step) => typeof step === 'string'),
    )
  );
}

export function loadProgress(): Progress {
  try {
    const text = globalThis.localStorage?.getItem(KEY);
    if (!text) return {};
    const value: unknown = JSON.parse(text);
    return isProgress(value) ? value : {};
  } catch {
    return {};
  }
}

export function saveProgress(progress: Progress): boolean {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}
