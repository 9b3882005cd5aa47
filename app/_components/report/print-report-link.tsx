'use client';

import { useShareState } from '../workspace/share-state';

const button =
  'inline-flex shrink-0 items-center whitespace-nowrap rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

/**
 * "Print report": opens /report with the link fragment of the current working set (the last valid one while a draft
 * is invalid, as "Copy link" does). A full page load, so the report reads exactly that fragment.
 */
export function PrintReportLink() {
  const fragment = useShareState((s) => s.lastValidFragment);
  return (
    <a href={fragment ? `/report#${fragment}` : '/report'} className={button}>
      Print report
    </a>
  );
}
