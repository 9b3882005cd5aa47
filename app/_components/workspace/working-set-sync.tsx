'use client';

import { useEffect } from 'react';
import { AutosaveNotice } from './autosave-notice';
import { openingModulesLoaded } from './opening';

type Runtime = typeof import('./working-set-runtime');

/** Tries before the page gives up loading the sync (a chunk that failed to load, e.g. a dropped connection). */
const LOAD_ATTEMPTS = 3;

let loaded: Runtime | null = null;
let loading: Promise<Runtime> | null = null;

function load(attempt: number): Promise<Runtime> {
  return import('./working-set-runtime').catch((error: unknown) => {
    if (attempt >= LOAD_ATTEMPTS) throw error;
    return new Promise<Runtime>((resolve) => setTimeout(() => resolve(load(attempt + 1)), 500 * attempt));
  });
}

/** The sync's module and every module the opened page needs (opening.ts): the page opens after both. */
function loadRuntime(): Promise<Runtime> {
  loading ??= Promise.all([load(1), openingModulesLoaded()]).then(([runtime]) => (loaded = runtime));
  return loading;
}

/**
 * The sync's module once loaded, else null. The page is opened (`useShareState().opened`) only after it ran, so the
 * share actions, shown only then, can call it synchronously (a clipboard write must stay in the click's task).
 */
export function workspaceRuntime(): Runtime | null {
  return loaded;
}

/**
 * Keeps the URL fragment and the autosave in step with the store and opens the link or the autosave on the first
 * mount (working-set-runtime.ts). That code (link codec, validator, autosave record) loads after the first render,
 * off the first load (docs/decisions/007); the page shows its opening placeholder until it has run.
 */
export function WorkingSetSync() {
  useEffect(() => {
    let stop: (() => void) | null = null;
    let unmounted = false;
    void loadRuntime().then(({ startWorkingSetSync }) => {
      if (!unmounted) stop = startWorkingSetSync();
    });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, []);
  return <AutosaveNotice />;
}
