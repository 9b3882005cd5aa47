import { decodeWorkingSet, fragmentHasWorkingSet, type LinkError } from '@/lib/scenario/url-codec';
import type { WorkingSetDocument } from '@/lib/scenario/working-set';
import type { WorkingSet } from '@/lib/store/scenario-store';
import type { AutosaveRead } from './autosave';

/**
 * Which working set the app opens with (DESIGN.md §1.5, §3): an explicit link wins over the autosave; a link that
 * cannot be read falls back to the autosave (else the default) and keeps the raw link so the user can copy it.
 * A reload (the address still holds the fragment this tab last wrote) brings back the autosaved draft, valid or not
 * (docs/decisions/013-drafts-and-autosave.md); so does opening the app without a link.
 */
export type InitialWorkingSet =
  | { source: 'link'; workingSet: WorkingSetDocument; migratedFrom?: number }
  | { source: 'autosave'; workingSet: WorkingSet; lastValid: WorkingSetDocument; linkError?: LinkError; rawLink?: string }
  | { source: 'default'; linkError?: LinkError; rawLink?: string };

export function chooseInitialWorkingSet(input: { href: string; hash: string; autosave: AutosaveRead }): InitialWorkingSet {
  const { autosave } = input;
  const fallback = (linkError?: LinkError): InitialWorkingSet => {
    const rawLink = linkError ? input.href : undefined;
    const failure = linkError ? { linkError, rawLink } : {};
    if (!autosave.ok) return { source: 'default', ...failure };
    return { source: 'autosave', workingSet: autosave.record.draft ?? autosave.value, lastValid: autosave.value, ...failure };
  };
  if (!fragmentHasWorkingSet(input.hash)) return fallback();
  // The address holds the autosave's own last valid link: this is a reload, so the draft on top of it comes back.
  if (autosave.ok && autosave.record.draft && autosave.record.fragment !== null && input.hash === `#${autosave.record.fragment}`) return fallback();
  const decoded = decodeWorkingSet(input.hash);
  if (!decoded.ok) return fallback(decoded.error);
  return decoded.migratedFrom === undefined
    ? { source: 'link', workingSet: decoded.value }
    : { source: 'link', workingSet: decoded.value, migratedFrom: decoded.migratedFrom };
}
