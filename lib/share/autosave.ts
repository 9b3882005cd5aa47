import type { WorkingSetDocument } from '@/lib/scenario/working-set';
import { AUTOSAVE_KEY, decodeAutosaveRecord, type AutosaveRecord } from '@/lib/store/autosave-record';

/**
 * Autosave of the working set in localStorage (DESIGN.md §1.5): a reload never loses work, an invalid draft
 * included. The record format, the draft rules and the cross-tab and full-storage handling are in
 * lib/store/autosave-*.ts (docs/decisions/013-drafts-and-autosave.md). Storage may be missing, full or blocked
 * (private mode, a sandboxed iframe): every call tolerates that and says so.
 */

export { AUTOSAVE_KEY };

/** The part of `Storage` the autosave uses, so tests can pass a Map-backed fake. */
export type AutosaveStorage = Pick<Storage, 'getItem' | 'setItem'>;

export type AutosaveRead =
  | { ok: true; value: WorkingSetDocument; record: AutosaveRecord; migratedFrom?: number }
  | { ok: false; reason: 'empty' | 'unavailable' | 'unreadable'; message: string };

const UNAVAILABLE = 'This browser does not allow local storage, so work is not autosaved.';

export function readAutosave(storage: AutosaveStorage | null): AutosaveRead {
  if (!storage) return { ok: false, reason: 'unavailable', message: UNAVAILABLE };
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { ok: false, reason: 'unavailable', message: UNAVAILABLE };
  }
  const decoded = decodeAutosaveRecord(text);
  if (!decoded.ok) return decoded;
  const { record } = decoded;
  return decoded.migratedFrom === undefined
    ? { ok: true, value: record.valid, record }
    : { ok: true, value: record.valid, record, migratedFrom: decoded.migratedFrom };
}

/** `window.localStorage`, or null where reading it throws (blocked storage) or there is no window. */
export function browserStorage(): AutosaveStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
