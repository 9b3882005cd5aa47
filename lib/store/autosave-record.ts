import { readStoredWorkingSet, type WorkingSetDocument } from '@/lib/scenario/working-set';
import { restorableDraft } from './autosave-draft';
import type { WorkingSet } from './scenario-store';

/**
 * What the autosave keeps in localStorage (docs/decisions/013-drafts-and-autosave.md): the last valid working set and
 * its link fragment, the draft on screen when it differs (valid or not), and who saved it when, so that two tabs can
 * tell which edit is newer. Stored as JSON under one key; the older format (a bare working set) is still read.
 */

export const AUTOSAVE_KEY = 'routecost:working-set';
export const AUTOSAVE_FORMAT = 2;

export interface AutosaveRecord {
  format: typeof AUTOSAVE_FORMAT;
  /** The last valid working set: what the link carries. */
  valid: WorkingSetDocument;
  /** `encodeWorkingSet(valid)` (no `#`): a reload of a page at this fragment restores the draft. */
  fragment: string | null;
  /** What was on screen when it differs from `valid` (an invalid draft); absent otherwise. */
  draft?: WorkingSet;
  /** Wall-clock time of the edit saved here (ms since 1970), so the newer of two tabs' edits wins. */
  editedAt: number;
  /** The page load that saved it (random per tab). */
  tabId: string;
  /** Grows by one with every save from any tab. */
  revision: number;
}

export type AutosaveDecode =
  | { ok: true; record: AutosaveRecord; migratedFrom?: number }
  | { ok: false; reason: 'empty' | 'unreadable'; message: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Read a stored value (null = nothing stored). Never throws; a damaged draft is dropped, the valid set kept. */
export function decodeAutosaveRecord(text: string | null): AutosaveDecode {
  if (text === null) return { ok: false, reason: 'empty', message: 'Nothing autosaved yet.' };
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'unreadable', message: 'The autosaved scenarios were damaged and could not be read.' };
  }
  const envelope = isObject(stored) && stored.format === AUTOSAVE_FORMAT ? stored : null;
  const valid = readStoredWorkingSet(envelope ? envelope.valid : stored);
  if (!valid.ok) return { ok: false, reason: 'unreadable', message: `The autosaved scenarios could not be read: ${valid.message}.` };
  const migrated = valid.migratedFrom === undefined ? {} : { migratedFrom: valid.migratedFrom };
  if (!envelope) {
    return { ok: true, record: { format: AUTOSAVE_FORMAT, valid: valid.value, fragment: null, editedAt: 0, tabId: '', revision: 0 }, ...migrated };
  }
  const draft = envelope.draft === undefined ? null : restorableDraft(envelope.draft);
  const record: AutosaveRecord = {
    format: AUTOSAVE_FORMAT,
    valid: valid.value,
    fragment: typeof envelope.fragment === 'string' ? envelope.fragment : null,
    ...(draft ? { draft } : {}),
    editedAt: finiteOr(envelope.editedAt, 0),
    tabId: typeof envelope.tabId === 'string' ? envelope.tabId : '',
    revision: Math.max(0, Math.trunc(finiteOr(envelope.revision, 0))),
  };
  return { ok: true, record, ...migrated };
}

export function encodeAutosaveRecord(record: AutosaveRecord): string {
  return JSON.stringify(record);
}

/** The working set to show for a record: the draft when there is one, else the valid set. */
export function shownWorkingSet(record: AutosaveRecord): WorkingSet {
  return record.draft ?? record.valid;
}

/** JSON with object keys sorted: equal for equal data whatever order the keys were written in (a parse reorders them). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** Same content (what the user sees), whoever saved it and when. */
export function sameContent(a: Pick<AutosaveRecord, 'valid' | 'draft'>, b: Pick<AutosaveRecord, 'valid' | 'draft'>): boolean {
  return canonicalJson(a.valid) === canonicalJson(b.valid) && canonicalJson(a.draft ?? null) === canonicalJson(b.draft ?? null);
}
