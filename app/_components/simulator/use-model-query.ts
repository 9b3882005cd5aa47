'use client';

import { useEffect } from 'react';
import { builtInSpecCatalog } from '@/lib/catalog/builtin';
import { makePrimary } from '@/lib/scenario/edit';
import { useScenarioStore } from '@/lib/store/scenario-store';
import { useShareState } from '../workspace/share-state';

/**
 * `/?model=<id>` (the catalog's "Use in simulator"): make that model the primary of the active scenario's first chain,
 * keeping the rest. Runs once the page has opened, i.e. after the share link (#s=…) or the autosave has set the
 * working set (working-set-sync.tsx); unknown ids are ignored.
 * The query parameter is then removed so a reload or a copied link does not apply it twice.
 */
export function useModelQuery(): void {
  const opened = useShareState((s) => s.opened);
  useEffect(() => {
    if (!opened) return;
    const url = new URL(window.location.href);
    const modelId = url.searchParams.get('model');
    if (!modelId || !Object.hasOwn(builtInSpecCatalog.models, modelId)) return;
    useScenarioStore.getState().updateActive((s) => makePrimary(s, modelId));
    url.searchParams.delete('model');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }, [opened]);
}
