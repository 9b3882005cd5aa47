import { decodeWorkingSet, fragmentHasWorkingSet, type LinkError } from '@/lib/scenario/url-codec';
import type { WorkingSetDocument } from '@/lib/scenario/working-set';
import type { AutosaveRead } from './autosave';

/**
 * Which working set the app opens with (DESIGN.md §1.5, §3): an explicit link wins over the autosave; a link that
 * cannot be read falls back to the autosave (else the default) and keeps the raw link so the user can copy it.
 */
export type InitialWorkingSet =
  | { source: 'link'; workingSet: WorkingSetDocument; migratedFrom?: number }
  | { source: 'autosave'; workingSet: WorkingSetDocument; linkError?: LinkError; rawLink?: string }
  | { source: 'default'; linkError?: LinkError; rawLink?: string };

export function chooseInitialWorkingSet(input: { href: string; hash: string; autosave: AutosaveRead }): InitialWorkingSet {
  const fallback = (linkError?: LinkError): InitialWorkingSet => {
    const rawLink = linkError ? input.href : undefined;
    const failure = linkError ? { linkError, rawLink } : {};
    return input.autosave.ok ? { source: 'autosave', workingSet: input.autosave.value, ...failure } : { source: 'default', ...failure };
  };
  if (!fragmentHasWorkingSet(input.hash)) return fallback();
  const decoded = decodeWorkingSet(input.hash);
  if (!decoded.ok) return fallback(decoded.error);
  return decoded.migratedFrom === undefined
    ? { source: 'link', workingSet: decoded.value }
    : { source: 'link', workingSet: decoded.value, migratedFrom: decoded.migratedFrom };
}
