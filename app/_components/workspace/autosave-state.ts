'use client';

import { create } from 'zustand';
import type { AutosaveRecord } from '@/lib/store/autosave-record';
import type { AutosaveStatus } from '@/lib/store/autosave-session';

/**
 * UI state of the autosave (not inputs, so not in the scenario store): whether saving works, and a newer edit
 * saved by another tab that this tab can load (docs/decisions/013-drafts-and-autosave.md).
 */
interface AutosaveUiState {
  status: AutosaveStatus;
  newerElsewhere: AutosaveRecord | null;
  /** The user dismissed the "storage unavailable" note. */
  unavailableDismissed: boolean;
  /** Set by the sync: retry a save that storage refused. */
  retry: () => void;
  /** Set by the sync: load `newerElsewhere` into this tab. */
  loadNewer: () => void;
  /** Set by the sync: keep this tab's working set and save it as the newest edit. */
  keepMine: () => void;
  setStatus: (status: AutosaveStatus) => void;
  setNewerElsewhere: (record: AutosaveRecord | null) => void;
  dismissUnavailable: () => void;
  setActions: (actions: Pick<AutosaveUiState, 'retry' | 'loadNewer' | 'keepMine'>) => void;
}

const noop = () => undefined;

export const useAutosaveState = create<AutosaveUiState>()((set) => ({
  status: { kind: 'idle' },
  newerElsewhere: null,
  unavailableDismissed: false,
  retry: noop,
  loadNewer: noop,
  keepMine: noop,
  setStatus: (status) => set({ status }),
  setNewerElsewhere: (newerElsewhere) => set({ newerElsewhere }),
  dismissUnavailable: () => set({ unavailableDismissed: true }),
  setActions: (actions) => set(actions),
}));
