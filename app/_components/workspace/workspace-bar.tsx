'use client';

import { PrintReportLink } from '../report/print-report-link';
import { LinkProblemBanner } from './link-problem-banner';
import { ScenarioTabs } from './scenario-tabs';
import { ShareMenu } from './share-menu';
import { useShareState } from './share-state';
import { WorkingSetSync } from './working-set-sync';

/**
 * Bar above the simulator and the compare view: scenario tabs (switch, rename, duplicate, remove), copy link,
 * export/import, the link-problem banner, and the URL/autosave sync (DESIGN.md §1.4-1.5, §3).
 */
export function WorkspaceBar() {
  const opened = useShareState((s) => s.opened);
  return (
    <section aria-label="Scenarios and sharing" className="mb-4">
      <WorkingSetSync />
      <LinkProblemBanner />
      <div hidden={!opened} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:flex-row sm:items-start sm:justify-between dark:border-slate-800 dark:bg-slate-900/60">
        <ScenarioTabs />
        <div className="flex flex-wrap items-start gap-2 sm:justify-end">
          <PrintReportLink />
          <ShareMenu />
        </div>
      </div>
    </section>
  );
}
