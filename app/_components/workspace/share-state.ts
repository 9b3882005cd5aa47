'use client';

import { create } from 'zustand';
import type { LinkError } from '@/lib/scenario/url-codec';

/**
 * UI state of sharing (not inputs, so not in the scenario store): a link that could not be opened, the fragment of
 * the last valid working set (what "Copy link" copies while a draft is invalid), and a one-line notice.
 */
export interface LinkProblem {
  error: LinkError;
  /** The full URL as it was opened, so the user can copy or inspect it. */
  rawLink: string;
  /** What is shown instead. */
  fellBackTo: 'autosave' | 'default';
}

interface ShareState {
  /**
   * False until the first mount has chosen the working set (link, autosave or default). Until then the page shows a
   * placeholder instead of the default preset's figures, which a stakeholder opening a link must never see.
   */
  opened: boolean;
  linkProblem: LinkProblem | null;
  lastValidFragment: string | null;
  notice: string | null;
  markOpened: () => void;
  setLinkProblem: (problem: LinkProblem | null) => void;
  setLastValidFragment: (fragment: string) => void;
  setNotice: (notice: string | null) => void;
}

export const useShareState = create<ShareState>()((set) => ({
  opened: false,
  markOpened: () => set({ opened: true }),
  linkProblem: null,
  lastValidFragment: null,
  notice: null,
  setLinkProblem: (linkProblem) => set({ linkProblem }),
  setLastValidFragment: (lastValidFragment) => set({ lastValidFragment }),
  setNotice: (notice) => set({ notice }),
}));
