import { readStoredWorkingSet, type WorkingSetDocument } from '@/lib/scenario/working-set';

/**
 * Autosave of the working set in localStorage (DESIGN.md §1.5): a reload never loses work. The stored value is the
 * working-set JSON a link carries, read back through the same migrations and strict validation. Storage may be
 * missing, full or blocked (private mode, a sandboxed iframe): every call tolerates that and says so.
 */

export const AUTOSAVE_KEY = 'routecost:working-set';

/** The part of `Storage` the autosave uses, so tests can pass a Map-backed fake. */
export type AutosaveStorage = Pick<Storage, 'getItem' | 'setItem'>;

export type AutosaveRead =
  | { ok: true; value: WorkingSetDocument; migratedFrom?: number }
  | { ok: false; reason: 'empty' | 'unavailable' | 'unreadable'; message: string };

export function readAutosave(storage: AutosaveStorage | null): AutosaveRead {
  if (!storage) return { ok: false, reason: 'unavailable', message: 'This browser does not allow local storage, so work is not autosaved.' };
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { ok: false, reason: 'unavailable', message: 'This browser does not allow local storage, so work is not autosaved.' };
  }
  if (text === null) return { ok: false, reason: 'empty', message: 'Nothing autosaved yet.' };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'unreadable', message: 'The autosaved scenarios were damaged and could not be read.' };
  }
  const stored = readStoredWorkingSet(document);
  if (!stored.ok) return { ok: false, reason: 'unreadable', message: `The autosaved scenarios could not be read: ${stored.message}.` };
  return stored;
}

/** Save; false when storage refused (quota, blocked). */
export function writeAutosave(storage: AutosaveStorage | null, workingSet: WorkingSetDocument): boolean {
  if (!storage) return false;
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ scenarios: workingSet.scenarios, active: workingSet.active }));
    return true;
  } catch {
    return false;
  }
}

/** `window.localStorage`, or null where reading it throws (blocked storage) or there is no window. */
export function browserStorage(): AutosaveStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
