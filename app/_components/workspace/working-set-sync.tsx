'use client';

import { useEffect } from 'react';
import { decodeWorkingSet, encodeWorkingSet, fragmentHasWorkingSet } from '@/lib/scenario/url-codec';
import { parseWorkingSet, type WorkingSetDocument } from '@/lib/scenario/working-set';
import { browserStorage, readAutosave, writeAutosave } from '@/lib/share/autosave';
import { chooseInitialWorkingSet } from '@/lib/share/initial-working-set';
import { createThrottle, URL_WRITE_INTERVAL_MS } from '@/lib/share/throttle';
import { useScenarioStore, type WorkingSet } from '@/lib/store/scenario-store';
import { useShareState } from './share-state';

/** The first mount in a page load reads the link or the autosave; later mounts (client navigation) keep the store. */
let openedThisPageLoad = false;

const AUTOSAVE_INTERVAL_MS = 300;

function migratedNotice(from: number): string {
  return `This link was made with scenario schema v${from}; it was updated to the current version. Copy the link again to share the updated form.`;
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

function currentWorkingSet(): WorkingSet {
  const { scenarios, active } = useScenarioStore.getState();
  return { scenarios, active };
}

/**
 * Keeps the URL fragment and the autosave in step with the store (DESIGN.md §1.5, §3). On the first mount: an
 * explicit link wins over the autosave; a link that cannot be read leaves the autosave on screen and reports the
 * problem. Then every change of the scenarios or the active index is written, throttled (History API limits), only
 * while the whole working set is valid (so a copied link always opens). While a link problem is shown the address
 * bar keeps the raw link.
 */
export function WorkingSetSync() {
  useEffect(() => {
    const storage = browserStorage();
    if (!openedThisPageLoad) {
      openedThisPageLoad = true;
      const choice = chooseInitialWorkingSet({ href: window.location.href, hash: window.location.hash, autosave: readAutosave(storage) });
      if (choice.source !== 'default') useScenarioStore.getState().replaceWorkingSet(choice.workingSet);
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
      window.history.replaceState(null, '', hash);
    }, URL_WRITE_INTERVAL_MS);
    const writeStorage = createThrottle((workingSet: WorkingSetDocument) => writeAutosave(storage, workingSet), AUTOSAVE_INTERVAL_MS);
    const writeBoth = createThrottle((workingSet: WorkingSet) => {
      const parsed = parseWorkingSet(workingSet);
      if (!parsed.ok) return; // keep the last valid link and autosave while a draft is invalid
      const fragment = encodeWorkingSet(parsed.value);
      useShareState.getState().setLastValidFragment(fragment);
      writeUrl.push(fragment);
      writeStorage.push(parsed.value);
    }, AUTOSAVE_INTERVAL_MS);

    writeBoth.push(currentWorkingSet());
    const unsubscribeStore = useScenarioStore.subscribe((state, previous) => {
      if (state.scenarios !== previous.scenarios || state.active !== previous.active) writeBoth.push({ scenarios: state.scenarios, active: state.active });
    });
    // Dismissing a link problem lets the address bar show the current working set again.
    const unsubscribeShare = useShareState.subscribe((state, previous) => {
      if (previous.linkProblem && !state.linkProblem) writeBoth.push(currentWorkingSet());
    });
    const onHashChange = () => {
      const { hash, href } = window.location;
      if (hash === lastWrittenHash || !fragmentHasWorkingSet(hash)) return;
      lastWrittenHash = hash;
      openFragment(hash, href);
    };
    const flushAll = () => {
      writeBoth.flush();
      writeUrl.flush();
      writeStorage.flush();
    };
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener('pagehide', flushAll);
    return () => {
      unsubscribeStore();
      unsubscribeShare();
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('pagehide', flushAll);
      flushAll();
    };
  }, []);
  return null;
}
