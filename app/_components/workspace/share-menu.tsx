'use client';

import { useRef, useState } from 'react';
import type { CsvDelimiter } from '@/lib/export/csv';
import { LONG_LINK_CHARS } from '@/lib/scenario/link-format';
import { useScenarioStore } from '@/lib/store/scenario-store';
import { InteropActions } from '../interop/interop-actions';
import type { ExportOutcome } from './exports';
import { useShareState } from './share-state';
import { workspaceRuntime } from './working-set-sync';

const button =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';
const primaryButton =
  'rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-blue-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600';
const menuItem =
  'block w-full rounded px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-none dark:text-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800';

type Status = { tone: 'ok' | 'warn' | 'error'; text: string } | null;

/** Copy link (with confirmation and the long-link warning), Export (CSV, CSV for Excel, JSON) and Import JSON. */
export function ShareMenu() {
  const [status, setStatus] = useState<Status>(null);
  const [shownLink, setShownLink] = useState<string | null>(null);
  const lastValidFragment = useShareState((s) => s.lastValidFragment);
  const fileInput = useRef<HTMLInputElement>(null);
  const exportMenu = useRef<HTMLDetailsElement>(null);
  // The fragment exists only after the client synced, so `window` is there whenever it is read.
  const linkLength = lastValidFragment ? `${window.location.origin}${window.location.pathname}#`.length + lastValidFragment.length : 0;

  async function copyLink() {
    const copy = workspaceRuntime()?.linkToCopy() ?? null;
    if (!copy) {
      setStatus({ tone: 'error', text: 'Fix the highlighted inputs first: there is no valid scenario to link to yet.' });
      return;
    }
    const staleNote = copy.stale ? ' It has the last valid inputs: fix the highlighted field to include your latest edit.' : '';
    try {
      await navigator.clipboard.writeText(copy.link);
      setShownLink(null);
      setStatus({ tone: copy.stale ? 'warn' : 'ok', text: `Link copied.${staleNote}` });
    } catch {
      setShownLink(copy.link);
      setStatus({ tone: 'warn', text: `The browser did not allow copying: select the link below and copy it.${staleNote}` });
    }
  }

  // The CSV writer (papaparse) and the JSON export load on the first click, not with the page (docs/decisions/007).
  async function runExport(run: (exports: typeof import('./exports')) => ExportOutcome) {
    exportMenu.current?.removeAttribute('open');
    let exports: typeof import('./exports');
    try {
      exports = await import('./exports');
    } catch {
      setStatus({ tone: 'error', text: 'The export could not be loaded: check the connection and try again.' });
      return;
    }
    const outcome = run(exports);
    setStatus(outcome.ok ? { tone: 'ok', text: `Downloaded ${outcome.fileName}.` } : { tone: 'error', text: outcome.message });
  }

  const exportCsv = (delimiter: CsvDelimiter) => void runExport((exports) => exports.downloadCsv(scenarios().scenarios, scenarios().active, delimiter));

  async function importFile(file: File) {
    let json: typeof import('@/lib/export/json');
    try {
      json = await import('@/lib/export/json');
    } catch {
      setStatus({ tone: 'error', text: `“${file.name}” was not imported: the importer could not be loaded. Nothing on screen changed.` });
      return;
    }
    const { MAX_IMPORT_BYTES, parseWorkingSetJson } = json;
    if (file.size > MAX_IMPORT_BYTES) {
      setStatus({ tone: 'error', text: `“${file.name}” was not imported: the file is too large (the limit is ${MAX_IMPORT_BYTES / 1024} KB). Nothing on screen changed.` });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setStatus({ tone: 'error', text: `“${file.name}” could not be read. Nothing on screen changed.` });
      return;
    }
    const parsed = parseWorkingSetJson(text, file.size);
    if (!parsed.ok) {
      setStatus({ tone: 'error', text: `“${file.name}” was not imported. ${parsed.message} Nothing on screen changed.` });
      return;
    }
    useScenarioStore.getState().replaceWorkingSet(parsed.value);
    useShareState.getState().setLinkProblem(null);
    const count = parsed.value.scenarios.length;
    setStatus({ tone: 'ok', text: `Imported ${count} scenario${count === 1 ? '' : 's'} from “${file.name}”.` });
  }

  const scenarios = () => useScenarioStore.getState();
  const toneClass = { ok: 'text-emerald-800 dark:text-emerald-300', warn: 'text-amber-800 dark:text-amber-300', error: 'text-red-700 dark:text-red-300' };

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={primaryButton} onClick={() => void copyLink()}>
          Copy link
        </button>
        <details ref={exportMenu} className="relative">
          <summary className={`${button} cursor-pointer list-none`}>Export ▾</summary>
          <div className="absolute right-0 z-20 mt-1 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
            <button type="button" className={menuItem} onClick={() => exportCsv(',')}>
              CSV (monthly projection)
            </button>
            <button type="button" className={menuItem} onClick={() => exportCsv(';')}>
              CSV for Excel (semicolon)
            </button>
            <button type="button" className={menuItem} onClick={() => void runExport((exports) => exports.downloadJson(scenarios().scenarios, scenarios().active))}>
              JSON (scenarios)
            </button>
          </div>
        </details>
        <button type="button" className={button} onClick={() => fileInput.current?.click()}>
          Import JSON
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-label="Import scenarios from a JSON file"
          className="sr-only"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <InteropActions />
      </div>
      <div aria-live="polite" className="min-h-[1.25rem] text-sm">
        {status ? (
          <p role={status.tone === 'error' ? 'alert' : 'status'} className={toneClass[status.tone]}>
            {status.text}
          </p>
        ) : null}
      </div>
      {shownLink ? (
        <label className="w-full max-w-xl text-xs text-slate-600 dark:text-slate-400">
          Link to these scenarios
          <input readOnly value={shownLink} onFocus={(event) => event.target.select()} className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-900" />
        </label>
      ) : null}
      {linkLength > LONG_LINK_CHARS ? (
        <p role="status" className="max-w-xl text-sm text-amber-800 dark:text-amber-300">
          This link is {linkLength.toLocaleString('en-US')} characters long; chat apps and some browsers cut links above {LONG_LINK_CHARS.toLocaleString('en-US')}. Share a JSON export instead (Export → JSON).
        </p>
      ) : null}
    </div>
  );
}
