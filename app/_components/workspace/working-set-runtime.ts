import { decodeWorkingSet, encodeWorkingSet, fragmentHasWorkingSet } from '@/lib/scenario/url-codec';
import { parseWorkingSet, type WorkingSetDocument } from '@/lib/scenario/working-set';
import { browserStorage, readAutosave } from '@/lib/share/autosave';
import { chooseInitialWorkingSet } from '@/lib/share/initial-working-set';
import { createThrottle, URL_WRITE_INTERVAL_MS } from '@/lib/share/throttle';
import type { AutosaveRecord } from '@/lib/store/autosave-record';
import { createAutosaveSession, type AutosaveContent, type AutosaveSession } from '@/lib/store/autosave-session';
// Gives the store's evaluation its validator before any working set other than the default preset is opened.
import '@/lib/store/scenario-validator';
import { useScenarioStore, type WorkingSet } from '@/lib/store/scenario-store';
import { useAutosaveState } from './autosave-state';
import { useShareState } from './share-state';

/*
 * The URL and autosave sync of the workspace (working-set-sync.tsx), loaded after the first render: it brings the
 * link codec (fflate), the zod validator and the autosave record, none of which the first paint needs
 * (docs/decisions/007).
 */

/** The first mount in a page load reads the link or the autosave; later mounts (client navigation) keep the store. */
let openedThisPageLoad = false;

const AUTOSAVE_INTERVAL_MS = 300;
/** An edit waits for an idle moment at most this long before it is written (then it is written anyway). */
const IDLE_WRITE_TIMEOUT_MS = 500;

/** One autosave session per page load (it remembers the last record it wrote across client navigation). */
let session: AutosaveSession | null = null;
/** The last valid working set and its fragment: the base of a saved invalid draft. */
let lastValid: { value: WorkingSetDocument; fragment: string } | null = null;

function migratedNotice(from: number): string {
  return `This link was made with scenario schema v${from}; it was updated to the current version. Copy the link again to share the updated form.`;
}

/** Random id of this page load (crypto.getRandomValues works on plain http too, unlike randomUUID). */
function newTabId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function autosaveSession(): AutosaveSession {
  session ??= createAutosaveSession({
    storage: browserStorage(),
    tabId: newTabId(),
    timers: { setTimeout: (callback, ms) => window.setTimeout(callback, ms), clearTimeout: (handle) => window.clearTimeout(handle as number) },
    onStatus: (status) => useAutosaveState.getState().setStatus(status),
    onNewerElsewhere: (record) => useAutosaveState.getState().setNewerElsewhere(record),
  });
  return session;
}

/** Open a link fragment into the store; on failure keep what is shown and report the problem. */
function openFragment(hash: string, href: string): void {
  const decoded = decodeWorkingSet(hash);
  const share = useShareState.getState();
  if (decoded.ok) {
    useScenarioStore.getState().replaceWorkingSet(decoded.value);
    share.setLinkProblem(null);
    share.setNotice(decoded.migratedFrom === undefined ? null : migratedNotice(decoded.migratedFrom));
  } else {
    share.setLinkProblem({ error: decoded.error, rawLink: href, fellBackTo: 'autosave' });
  }
}

/** The link to copy: the current working set when valid, else the last valid one (and say so). */
export function linkToCopy(): { link: string; stale: boolean } | null {
  const { scenarios, active } = useScenarioStore.getState();
  const base = `${window.location.origin}${window.location.pathname}`;
  const parsed = parseWorkingSet({ scenarios, active });
  if (parsed.ok) return { link: `${base}#${encodeWorkingSet(parsed.value)}`, stale: false };
  const last = useShareState.getState().lastValidFragment;
  return last ? { link: `${base}#${last}`, stale: true } : null;
}

function currentWorkingSet(): WorkingSet {
  const { scenarios, active } = useScenarioStore.getState();
  return { scenarios, active };
}

/** Show a record saved by another tab here (its draft, valid or not) and make it the base of the next save. */
function loadRecord(record: AutosaveRecord): void {
  const store = useScenarioStore.getState();
  if (record.draft) store.restoreDraft(record.draft, record.valid);
  else store.replaceWorkingSet(record.valid);
  const fragment = record.fragment ?? encodeWorkingSet(record.valid);
  lastValid = { value: record.valid, fragment };
  useShareState.getState().setLastValidFragment(fragment);
  autosaveSession().adopt(record);
}

/**
 * Start keeping the URL fragment and the autosave in step with the store (DESIGN.md §1.5, §3). On the first mount: an
 * explicit link wins over the autosave; a reload brings back the autosaved draft, valid or not, with its errors; a
 * link that cannot be read leaves the autosave on screen and reports the problem. Then every change is written,
 * throttled (History API limits): the URL only while the whole working set is valid (a copied link always opens),
 * the autosave always (the draft on top of the last valid set; docs/decisions/013-drafts-and-autosave.md). While a
 * link problem is shown the address bar keeps the raw link. Returns the cleanup.
 */
export function startWorkingSetSync(): () => void {
  const storage = browserStorage();
  const autosave = autosaveSession();
  if (!openedThisPageLoad) {
    openedThisPageLoad = true;
    const saved = readAutosave(storage);
    const choice = chooseInitialWorkingSet({ href: window.location.href, hash: window.location.hash, autosave: saved });
    const store = useScenarioStore.getState();
    if (choice.source === 'autosave' && saved.ok) {
      if (saved.record.draft) store.restoreDraft(choice.workingSet, choice.lastValid);
      else store.replaceWorkingSet(choice.workingSet);
      const fragment = saved.record.fragment ?? encodeWorkingSet(choice.lastValid);
      lastValid = { value: choice.lastValid, fragment };
      useShareState.getState().setLastValidFragment(fragment);
      autosave.adopt(saved.record);
    } else if (choice.source === 'link') {
      store.replaceWorkingSet(choice.workingSet);
    }
    const share = useShareState.getState();
    if (choice.source !== 'link' && choice.linkError && choice.rawLink) {
      share.setLinkProblem({ error: choice.linkError, rawLink: choice.rawLink, fellBackTo: choice.source });
    }
    if (choice.source === 'link' && choice.migratedFrom !== undefined) share.setNotice(migratedNotice(choice.migratedFrom));
  }
  useShareState.getState().markOpened();

  let lastWrittenHash = window.location.hash;
  // A write flushed while navigating away must not land on the next page's URL (e.g. /catalog).
  const pathname = window.location.pathname;
  const writeUrl = createThrottle((fragment: string) => {
    if (useShareState.getState().linkProblem || window.location.pathname !== pathname) return;
    const hash = `#${fragment}`;
    if (window.location.hash === hash) return;
    lastWrittenHash = hash;
    // Next's own history state (`__NA`) tells its patched replaceState that this is not a navigation: the address bar
    // changes without a router update and re-render of the page (~100 ms per write on this machine while typing).
    window.history.replaceState(window.history.state, '', hash);
  }, URL_WRITE_INTERVAL_MS);
  const writeStorage = createThrottle((content: AutosaveContent) => autosave.save(content), AUTOSAVE_INTERVAL_MS);
  const writeBoth = createThrottle((change: { workingSet: WorkingSet; editedAt: number }) => {
    const parsed = parseWorkingSet(change.workingSet);
    if (parsed.ok) {
      const fragment = encodeWorkingSet(parsed.value);
      lastValid = { value: parsed.value, fragment };
      useShareState.getState().setLastValidFragment(fragment);
      writeUrl.push(fragment);
      writeStorage.push({ valid: parsed.value, fragment, editedAt: change.editedAt });
    } else if (lastValid) {
      // The link keeps the last valid set; the autosave keeps the draft on top of it, errors and all.
      writeStorage.push({ valid: lastValid.value, fragment: lastValid.fragment, draft: change.workingSet, editedAt: change.editedAt });
    }
  }, AUTOSAVE_INTERVAL_MS);
  // An edit is written once the main thread is idle, not inside the keystroke that made it: validating, encoding and
  // storing the working set would delay the headline figures of that keystroke (docs/decisions/007).
  let edited: { workingSet: WorkingSet; editedAt: number } | null = null;
  let idleHandle: number | null = null;
  const writeEdited = () => {
    idleHandle = null;
    if (edited) writeBoth.push(edited);
    edited = null;
  };
  const cancelIdle = () => {
    if (idleHandle === null) return;
    if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idleHandle);
    else window.clearTimeout(idleHandle);
    idleHandle = null;
  };
  const pushCurrent = () => {
    cancelIdle();
    edited = null;
    writeBoth.push({ workingSet: currentWorkingSet(), editedAt: Date.now() });
  };

  pushCurrent();
  const unsubscribeStore = useScenarioStore.subscribe((state, previous) => {
    if (state.scenarios !== previous.scenarios || state.active !== previous.active) {
      edited = { workingSet: { scenarios: state.scenarios, active: state.active }, editedAt: Date.now() };
      if (idleHandle !== null) return;
      idleHandle = typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(writeEdited, { timeout: IDLE_WRITE_TIMEOUT_MS }) : window.setTimeout(writeEdited, 50);
    }
  });
  // Dismissing a link problem lets the address bar show the current working set again.
  const unsubscribeShare = useShareState.subscribe((state, previous) => {
    if (previous.linkProblem && !state.linkProblem) pushCurrent();
  });
  const flushAll = () => {
    cancelIdle();
    writeEdited();
    writeBoth.flush();
    writeUrl.flush();
    writeStorage.flush();
  };
  useAutosaveState.getState().setActions({
    retry: () => {
      flushAll();
      autosave.retry();
    },
    loadNewer: () => {
      const record = useAutosaveState.getState().newerElsewhere;
      useAutosaveState.getState().setNewerElsewhere(null);
      if (record) loadRecord(record);
    },
    keepMine: () => {
      useAutosaveState.getState().setNewerElsewhere(null);
      pushCurrent();
      flushAll();
    },
  });
  const onHashChange = () => {
    const { hash, href } = window.location;
    if (hash === lastWrittenHash || !fragmentHasWorkingSet(hash)) return;
    lastWrittenHash = hash;
    openFragment(hash, href);
  };
  const onStorage = (event: StorageEvent) => {
    if (event.storageArea === null || event.storageArea === storage) autosave.onStorageEvent(event.key, event.newValue);
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flushAll();
  };
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('storage', onStorage);
  window.addEventListener('pagehide', flushAll);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    unsubscribeStore();
    unsubscribeShare();
    window.removeEventListener('hashchange', onHashChange);
    window.removeEventListener('storage', onStorage);
    window.removeEventListener('pagehide', flushAll);
    document.removeEventListener('visibilitychange', onVisibility);
    flushAll();
  };
}
