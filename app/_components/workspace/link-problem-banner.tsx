'use client';

import { useState } from 'react';
import { useShareState } from './share-state';

/**
 * Shown when a link could not be opened (DESIGN.md §3): what is wrong, what is shown instead, and the raw link kept
 * available (copy it, or show it) so nothing the sender shared is lost. Never a blank page, never a stack trace.
 */
export function LinkProblemBanner() {
  const problem = useShareState((s) => s.linkProblem);
  const setLinkProblem = useShareState((s) => s.setLinkProblem);
  const notice = useShareState((s) => s.notice);
  const setNotice = useShareState((s) => s.setNotice);
  const [showRaw, setShowRaw] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);

  if (!problem) {
    return notice ? (
      <div role="status" className="mb-3 flex items-start justify-between gap-3 rounded-lg border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900 dark:border-blue-800 dark:bg-blue-950/40 dark:text-blue-100">
        <p>{notice}</p>
        <button type="button" className="shrink-0 underline" onClick={() => setNotice(null)}>
          Dismiss
        </button>
      </div>
    ) : null;
  }

  const fallback = problem.fellBackTo === 'autosave' ? 'You are looking at your last autosaved scenarios instead.' : 'You are looking at the default scenario instead.';
  const button =
    'rounded-md border border-red-300 bg-white px-2.5 py-1 text-sm font-medium text-red-900 hover:bg-red-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 dark:border-red-700 dark:bg-red-950 dark:text-red-100';

  async function copyRaw() {
    try {
      await navigator.clipboard.writeText(problem!.rawLink);
      setCopied('The original link was copied.');
    } catch {
      setShowRaw(true);
      setCopied('The browser did not allow copying: the link is shown below.');
    }
  }

  return (
    <div role="alert" aria-labelledby="link-problem-title" className="mb-3 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-50">
      <p id="link-problem-title" className="font-semibold">
        This scenario link could not be opened
      </p>
      <p className="mt-1">{problem.error.message}</p>
      {problem.error.issues && problem.error.issues.length > 1 ? (
        <ul className="mt-1 list-disc pl-5">
          {problem.error.issues.slice(0, 8).map((issue) => (
            <li key={issue} className="font-mono text-xs">
              {issue}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-1">{fallback} The original link is kept until you dismiss this message.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={button} onClick={() => void copyRaw()}>
          Copy the original link
        </button>
        <button type="button" className={button} aria-expanded={showRaw} onClick={() => setShowRaw((v) => !v)}>
          {showRaw ? 'Hide the original link' : 'Show the original link'}
        </button>
        <button type="button" className={button} onClick={() => setLinkProblem(null)}>
          Dismiss
        </button>
      </div>
      {copied ? <p className="mt-1 text-xs">{copied}</p> : null}
      {showRaw ? (
        <label className="mt-2 block text-xs">
          Original link
          <textarea readOnly value={problem.rawLink} rows={3} onFocus={(event) => event.target.select()} className="mt-1 block w-full rounded border border-red-200 bg-white p-2 font-mono text-xs text-slate-900 dark:border-red-800 dark:bg-slate-950 dark:text-slate-100" />
        </label>
      ) : null}
    </div>
  );
}
