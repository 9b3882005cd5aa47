'use client';

import { useEffect } from 'react';
import { builtInSpecCatalog } from '@/lib/catalog/builtin';
import { makePrimary } from '@/lib/scenario/edit';
import { useScenarioStore } from '@/lib/store/scenario-store';

/**
 * `/?model=<id>` (the catalog's "Use in simulator"): make that model the primary of the active scenario's first chain,
 * keeping the rest. Runs once after mount, after the share link (#s=…) has set the working set; unknown ids are ignored.
 * The query parameter is then removed so a reload or a copied link does not apply it twice.
 */
export function useModelQuery(): void {
  useEffect(() => {
    const url = new URL(window.location.href);
    const modelId = url.searchParams.get('model');
    if (!modelId || !Object.hasOwn(builtInSpecCatalog.models, modelId)) return;
    // Let the share/autosave sync restore the working set first (it runs in its own mount effect).
    const timer = window.setTimeout(() => {
      useScenarioStore.getState().updateActive((s) => makePrimary(s, modelId));
      url.searchParams.delete('model');
      window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    }, 0);
    return () => window.clearTimeout(timer);
  }, []);
}
