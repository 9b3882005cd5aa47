import type { WorkingSetDocument } from '@/lib/scenario/working-set';
import { AUTOSAVE_FORMAT, AUTOSAVE_KEY, decodeAutosaveRecord, encodeAutosaveRecord, sameContent, type AutosaveRecord } from './autosave-record';
import type { WorkingSet } from './scenario-store';

/**
 * The autosave of one tab (docs/decisions/013-drafts-and-autosave.md). It never throws and never blocks editing:
 * - storage missing or blocked: says so once, the app keeps working;
 * - storage full (QuotaExceededError): says so, keeps the newest edit pending and retries with a growing pause (and
 *   on every later edit); when a write lands again it says so;
 * - another tab saved a newer edit: this tab never writes over it with an older one and is told (`onNewerElsewhere`),
 *   so it can offer to load it. An edit made here after that is newer, wins, and the other tab is told in turn.
 */

export type AutosaveStorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'saved'; at: number; recovered: boolean }
  | { kind: 'unavailable' }
  | { kind: 'full'; retryInMs: number };

export interface AutosaveContent {
  valid: WorkingSetDocument;
  fragment: string | null;
  /** The working set on screen when it differs from `valid`. */
  draft?: WorkingSet;
  /** Wall-clock time of the edit (ms since 1970). */
  editedAt: number;
}

export interface AutosaveTimers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface AutosaveSessionOptions {
  storage: AutosaveStorageLike | null;
  tabId: string;
  timers: AutosaveTimers;
  onStatus: (status: AutosaveStatus) => void;
  /** Another tab saved an edit newer than what this tab shows. */
  onNewerElsewhere: (record: AutosaveRecord) => void;
}

export interface AutosaveSession {
  /** Save the newest content (call it throttled). */
  save: (content: AutosaveContent) => void;
  /** Retry a pending save now (the user asked). */
  retry: () => void;
  /** `storage` event: another tab wrote `newValue` under `key`. */
  onStorageEvent: (key: string | null, newValue: string | null) => void;
  /** This tab now shows `record` (loaded from another tab): it is the base of the next save. */
  adopt: (record: AutosaveRecord) => void;
  dispose: () => void;
}

export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 60_000;

export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  // Chromium/WebKit: QuotaExceededError (code 22); old Firefox: NS_ERROR_DOM_QUOTA_REACHED (code 1014).
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

export function createAutosaveSession(options: AutosaveSessionOptions): AutosaveSession {
  const { storage, tabId, timers } = options;
  let pending: AutosaveContent | null = null;
  /** The newest record this tab wrote or adopted. */
  let base: AutosaveRecord | null = null;
  /** Revision of the newest foreign record this tab was told about (tell once per record). */
  let toldRevision = -1;
  let retryTimer: unknown = null;
  let retryInMs = FIRST_RETRY_MS;
  let full = false;
  let status: AutosaveStatus['kind'] = 'idle';
  let disposed = false;

  const setStatus = (next: AutosaveStatus) => {
    if (next.kind === status && next.kind !== 'full') return;
    status = next.kind;
    options.onStatus(next);
  };

  /** The stored text of `base` when this tab wrote it: unchanged text needs no decoding (a zod parse per save). */
  let baseText: string | null = null;

  const readStored = (): { record: AutosaveRecord | null; text: string | null } => {
    try {
      const text = storage?.getItem(AUTOSAVE_KEY) ?? null;
      if (text !== null && text === baseText && base) return { record: base, text };
      const decoded = decodeAutosaveRecord(text);
      return { record: decoded.ok ? decoded.record : null, text };
    } catch {
      return { record: null, text: null };
    }
  };

  const tell = (record: AutosaveRecord) => {
    if (record.revision <= toldRevision) return;
    toldRevision = record.revision;
    options.onNewerElsewhere(record);
  };

  const scheduleRetry = () => {
    if (retryTimer !== null || disposed) return;
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      // Each failed retry waits twice as long (5 s, 10 s, … 60 s); edits in between also try at once.
      retryInMs = Math.min(MAX_RETRY_MS, retryInMs * 2);
      write();
    }, retryInMs);
  };

  const write = () => {
    if (!pending || disposed) return;
    if (!storage) {
      pending = null;
      setStatus({ kind: 'unavailable' });
      return;
    }
    const content = pending;
    const { record: stored, text: storedText } = readStored();
    const foreign = stored && stored.tabId !== tabId && stored.revision > (base?.revision ?? -1) ? stored : null;
    if (foreign && foreign.editedAt > content.editedAt) {
      // Another tab's edit is newer than this one: keep it, tell this tab.
      pending = null;
      tell(foreign);
      return;
    }
    if (stored && sameContent(stored, content)) {
      pending = null;
      base = stored;
      baseText = storedText;
      return;
    }
    const record: AutosaveRecord = {
      format: AUTOSAVE_FORMAT,
      valid: content.valid,
      fragment: content.fragment,
      ...(content.draft ? { draft: content.draft } : {}),
      editedAt: content.editedAt,
      tabId,
      revision: Math.max(stored?.revision ?? 0, base?.revision ?? 0) + 1,
    };
    const text = encodeAutosaveRecord(record);
    try {
      storage.setItem(AUTOSAVE_KEY, text);
    } catch (error) {
      if (isQuotaError(error)) {
        full = true;
        setStatus({ kind: 'full', retryInMs });
        scheduleRetry();
      } else {
        pending = null;
        setStatus({ kind: 'unavailable' });
      }
      return;
    }
    pending = null;
    base = record;
    baseText = text;
    const recovered = full;
    full = false;
    retryInMs = FIRST_RETRY_MS;
    if (retryTimer !== null) timers.clearTimeout(retryTimer);
    retryTimer = null;
    setStatus({ kind: 'saved', at: content.editedAt, recovered });
  };

  return {
    save(content) {
      pending = content;
      write();
    },
    retry() {
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      retryTimer = null;
      write();
    },
    onStorageEvent(key, newValue) {
      if (disposed || (key !== null && key !== AUTOSAVE_KEY) || newValue === null) return;
      const decoded = decodeAutosaveRecord(newValue);
      if (!decoded.ok) return;
      const { record } = decoded;
      if (record.tabId === tabId || record.revision <= (base?.revision ?? -1)) return;
      if (base && sameContent(base, record)) {
        base = record;
        baseText = newValue;
        return;
      }
      tell(record);
    },
    adopt(record) {
      base = record;
      baseText = null;
      toldRevision = Math.max(toldRevision, record.revision);
      pending = null;
    },
    dispose() {
      disposed = true;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      retryTimer = null;
    },
  };
}
