'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { LinkError } from '@/lib/scenario/url-codec';

const box = 'mx-auto w-full max-w-[820px] rounded-lg border px-4 py-3 text-sm';
const TONES = {
  status: `${box} border-dashed border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-300`,
  info: `${box} border-blue-200 bg-blue-50 text-blue-950 dark:border-blue-800 dark:bg-blue-950/40 dark:text-blue-50`,
  error: `${box} border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-50`,
} as const;

const linkClass = 'font-medium underline underline-offset-2';

/** A one-box page state: loading, nothing to report, or a scenario that cannot be simulated (with its fields). */
export function ReportMessage({
  tone,
  title,
  text,
  issues,
  simulatorLink = '/',
}: {
  tone: keyof typeof TONES;
  title: string;
  text?: string;
  issues?: string[];
  simulatorLink?: string;
}) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={TONES[tone]}>
      <p className="font-semibold">{title}</p>
      {text ? <p className="mt-1">{text}</p> : null}
      {issues && issues.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {issues.slice(0, 8).map((issue) => (
            <li key={issue} className="font-mono text-xs">
              {issue}
            </li>
          ))}
        </ul>
      ) : null}
      {tone === 'status' ? null : (
        <p className="mt-2">
          <a href={simulatorLink} className={linkClass}>
            Open the simulator
          </a>
        </p>
      )}
    </div>
  );
}

/**
 * A link that cannot be opened, in the style of the simulator's link-problem banner (DESIGN.md §3): what is wrong,
 * the raw link kept available, and the way back. The report never substitutes another scenario for a broken link.
 */
export function ReportLinkProblem({ error, rawLink }: { error: LinkError; rawLink: string }) {
  const [showRaw, setShowRaw] = useState(false);
  const button =
    'rounded-md border border-red-300 bg-white px-2.5 py-1 text-sm font-medium text-red-900 hover:bg-red-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 dark:border-red-700 dark:bg-red-950 dark:text-red-100';
  return (
    <div role="alert" aria-labelledby="report-link-problem-title" className={TONES.error}>
      <p id="report-link-problem-title" className="font-semibold">
        This scenario link could not be opened
      </p>
      <p className="mt-1">{error.message}</p>
      {error.issues && error.issues.length > 1 ? (
        <ul className="mt-1 list-disc pl-5">
          {error.issues.slice(0, 8).map((issue) => (
            <li key={issue} className="font-mono text-xs">
              {issue}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-1">No report was made from it. Ask for the link again, or open the simulator to build the scenario.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Link href="/" className={button}>
          Open the simulator
        </Link>
        <button type="button" className={button} aria-expanded={showRaw} onClick={() => setShowRaw((shown) => !shown)}>
          {showRaw ? 'Hide the original link' : 'Show the original link'}
        </button>
      </div>
      {showRaw ? (
        <label className="mt-2 block text-xs">
          Original link
          <textarea
            readOnly
            value={rawLink}
            rows={3}
            onFocus={(event) => event.target.select()}
            className="mt-1 block w-full rounded border border-red-200 bg-white p-2 font-mono text-xs text-slate-900 dark:border-red-800 dark:bg-slate-950 dark:text-slate-100"
          />
        </label>
      ) : null}
    </div>
  );
}
