/**
 * Modules the opened page renders but its first load does without (docs/decisions/007). Each starts loading when
 * its importer is evaluated, and the workspace opens (share-state `opened`, working-set-sync.tsx) only once all are
 * in, so nothing they render appears a moment after the page (no layout shift). Browser only.
 */
const pending: Promise<unknown>[] = [];

/** Start `load()` now (call it at module scope of a client component's module); the page opens after it settles. */
export function loadBeforeOpening<T>(load: () => Promise<T>): Promise<T> {
  const loading = load();
  // A module that failed to load must not keep the page closed: it renders without it.
  pending.push(loading.catch(() => undefined));
  return loading;
}

/** Settles once every module registered so far has loaded (or failed). */
export function openingModulesLoaded(): Promise<void> {
  return Promise.all(pending).then(() => undefined);
}
