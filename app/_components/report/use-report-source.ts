'use client';

import { useMemo, useSyncExternalStore } from 'react';
import { decodeWorkingSet, encodeWorkingSet, fragmentHasWorkingSet, type LinkError } from '@/lib/scenario/url-codec';
import type { WorkingSetDocument } from '@/lib/scenario/working-set';
import { browserStorage, readAutosave } from '@/lib/share/autosave';

/**
 * Which working set the report shows (DESIGN.md §3): the link fragment (`#s=1.d.…`, the simulator's own link); without
 * one, the autosaved working set; else nothing (the page says so). A link that cannot be read is reported, never
 * replaced by the autosave: a printed report must show the scenario its link names or nothing. Read-only: the report
 * never writes the URL or the autosave.
 */
export type ReportSource =
  | { status: 'loading' }
  | { status: 'ok'; from: 'link' | 'autosave'; workingSet: WorkingSetDocument; fragment: string; migratedFrom?: number }
  | { status: 'link-error'; error: LinkError; rawLink: string }
  | { status: 'none'; reason: string };

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;
/** Server render and hydration: nothing is known yet (the fragment never reaches the server). */
const noHash = () => null;

export function readReportSource(hash: string, href: string): ReportSource {
  if (fragmentHasWorkingSet(hash)) {
    const decoded = decodeWorkingSet(hash);
    if (!decoded.ok) return { status: 'link-error', error: decoded.error, rawLink: href };
    const fragment = hash.replace(/^#/, '');
    return decoded.migratedFrom === undefined
      ? { status: 'ok', from: 'link', workingSet: decoded.value, fragment }
      : { status: 'ok', from: 'link', workingSet: decoded.value, fragment: encodeWorkingSet(decoded.value), migratedFrom: decoded.migratedFrom };
  }
  const saved = readAutosave(browserStorage());
  if (saved.ok) return { status: 'ok', from: 'autosave', workingSet: saved.value, fragment: encodeWorkingSet(saved.value) };
  return { status: 'none', reason: saved.reason === 'empty' ? 'There is no scenario in this link and none autosaved in this browser yet.' : saved.message };
}

export function useReportSource(): ReportSource {
  const hash = useSyncExternalStore(subscribeToHash, currentHash, noHash);
  return useMemo(() => (hash === null ? { status: 'loading' } : readReportSource(hash, window.location.href)), [hash]);
}
