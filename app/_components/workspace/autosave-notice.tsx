'use client';

import { useAutosaveState } from './autosave-state';

const button =
  'rounded-md border px-2.5 py-1 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2';

function timeOf(ms: number): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(ms);
}

/**
 * What the autosave needs the user to know (docs/decisions/013-drafts-and-autosave.md): another tab saved a newer
 * edit (load it, or keep this one), storage is full (work goes on, saving is retried), storage is blocked.
 */
export function AutosaveNotice() {
  const status = useAutosaveState((s) => s.status);
  const newer = useAutosaveState((s) => s.newerElsewhere);
  const unavailableDismissed = useAutosaveState((s) => s.unavailableDismissed);
  const { retry, loadNewer, keepMine, dismissUnavailable } = useAutosaveState.getState();

  return (
    <>
      {newer ? (
        <div
          role="alert"
          aria-labelledby="autosave-newer-title"
          className="mb-3 flex flex-col gap-2 rounded-lg border border-blue-300 bg-blue-50 px-4 py-3 text-sm text-blue-950 sm:flex-row sm:items-center sm:justify-between dark:border-blue-800 dark:bg-blue-950/40 dark:text-blue-50"
        >
          <div>
            <p id="autosave-newer-title" className="font-semibold">
              These scenarios were changed in another tab
            </p>
            <p className="mt-0.5">
              The other tab saved a newer edit at {timeOf(newer.editedAt)}. Load it here, or keep what this tab shows (it then becomes the newest edit, and the
              other tab is told).
            </p>
          </div>
          <div className="flex shrink-0 flex-wrap gap-2">
            <button type="button" className={`${button} border-blue-700 bg-blue-700 text-white hover:bg-blue-800 focus-visible:outline-blue-700`} onClick={() => loadNewer()}>
              Load the newer edit
            </button>
            <button
              type="button"
              className={`${button} border-blue-300 bg-white text-blue-900 hover:bg-blue-100 focus-visible:outline-blue-700 dark:border-blue-700 dark:bg-blue-950 dark:text-blue-100`}
              onClick={() => keepMine()}
            >
              Keep this tab’s version
            </button>
          </div>
        </div>
      ) : null}
      {status.kind === 'full' ? (
        <div
          role="status"
          className="mb-3 flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 sm:flex-row sm:items-center sm:justify-between dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-50"
        >
          <p>
            <span className="font-semibold">Autosave paused: this browser’s storage is full.</span> You can keep working; RouteCost tries again every few seconds
            and after each change. To keep this work now, copy the link or export JSON.
          </p>
          <button
            type="button"
            className={`${button} shrink-0 border-amber-400 bg-white text-amber-950 hover:bg-amber-100 focus-visible:outline-amber-700 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-50`}
            onClick={() => retry()}
          >
            Try again now
          </button>
        </div>
      ) : null}
      {status.kind === 'saved' && status.recovered ? (
        <p role="status" className="mb-3 rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-50">
          Autosave works again: your latest changes are saved in this browser.
        </p>
      ) : null}
      {status.kind === 'unavailable' && !unavailableDismissed ? (
        <div role="status" className="mb-3 flex items-start justify-between gap-3 rounded-lg border border-slate-300 bg-slate-50 px-4 py-2 text-sm text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200">
          <p>This browser does not let RouteCost use local storage, so work is not autosaved. Copy the link or export JSON to keep it.</p>
          <button type="button" className="shrink-0 underline" onClick={() => dismissUnavailable()}>
            Dismiss
          </button>
        </div>
      ) : null}
    </>
  );
}
