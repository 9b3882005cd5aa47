import { create } from 'zustand';
import type { Scenario } from '@/lib/scenario/schema';
import { DEFAULT_PRESET_ID, presetScenario } from '@/lib/scenario/presets';
import { recordDerivation } from './lineage';

/** Up to four scenarios side by side (DESIGN.md §1.4). */
export const MAX_SCENARIOS = 4;

/** What a link, the autosave and a JSON export carry: the scenarios and which one is active (DESIGN.md §3). */
export interface WorkingSet {
  scenarios: Scenario[];
  active: number;
}

/**
 * The store holds inputs only (DESIGN.md §2): Scenario v1 drafts exactly as the user edits them, possibly invalid
 * (the selectors validate them and keep the last valid result). Results are derived, never stored.
 */
export interface ScenarioStoreState extends WorkingSet {
  /** Index of the scenario the compare view measures deltas against. */
  baseline: number;
  /** Bumped by `replaceWorkingSet`: results kept from before (e.g. a Monte Carlo band) belong to other scenarios. */
  generation: number;
  setActive: (index: number) => void;
  setBaseline: (index: number) => void;
  /** Replace the active scenario with `updater(active)`; the updater returns a new object (no mutation). */
  updateActive: (updater: (scenario: Scenario) => Scenario) => void;
  updateScenario: (index: number, updater: (scenario: Scenario) => Scenario) => void;
  /** Copy scenario `index` to the end and make the copy active; no-op at MAX_SCENARIOS. */
  duplicateScenario: (index: number) => void;
  removeScenario: (index: number) => void;
  /** Replace everything (a link, an autosave, an import). Callers validate first. */
  replaceWorkingSet: (workingSet: WorkingSet) => void;
  /**
   * Put an autosaved draft back (valid or not; lib/store/autosave-draft.ts checked its shape). Each draft scenario
   * descends from the same scenario of `lastValid`, so an invalid one shows those results, marked stale.
   */
  restoreDraft: (draft: WorkingSet, lastValid: WorkingSet) => void;
}

function clampIndex(index: number, length: number): number {
  return Math.min(Math.max(0, Math.trunc(index)), Math.max(0, length - 1));
}

/** Apply an edit and remember where the new draft came from (an invalid draft shows its last valid ancestor's results). */
function derive(current: Scenario, updater: (scenario: Scenario) => Scenario): Scenario {
  const next = updater(current);
  recordDerivation(current, next);
  return next;
}

export function initialWorkingSet(): WorkingSet {
  return { scenarios: [presetScenario(DEFAULT_PRESET_ID)], active: 0 };
}

export const useScenarioStore = create<ScenarioStoreState>()((set) => ({
  ...initialWorkingSet(),
  baseline: 0,
  generation: 0,
  setActive: (index) => set((s) => ({ active: clampIndex(index, s.scenarios.length) })),
  setBaseline: (index) => set((s) => ({ baseline: clampIndex(index, s.scenarios.length) })),
  updateActive: (updater) =>
    set((s) => {
      const current = s.scenarios[s.active];
      if (!current) return s;
      const scenarios = s.scenarios.slice();
      scenarios[s.active] = derive(current, updater);
      return { scenarios };
    }),
  updateScenario: (index, updater) =>
    set((s) => {
      const current = s.scenarios[index];
      if (!current) return s;
      const scenarios = s.scenarios.slice();
      scenarios[index] = derive(current, updater);
      return { scenarios };
    }),
  duplicateScenario: (index) =>
    set((s) => {
      const source = s.scenarios[index];
      if (!source || s.scenarios.length >= MAX_SCENARIOS) return s;
      const copy: Scenario = { ...structuredClone(source), name: `${source.name ?? 'Scenario'} (copy)`.slice(0, 120) };
      recordDerivation(source, copy);
      const scenarios = [...s.scenarios, copy];
      return { scenarios, active: scenarios.length - 1 };
    }),
  removeScenario: (index) =>
    set((s) => {
      if (s.scenarios.length <= 1 || !s.scenarios[index]) return s;
      const scenarios = s.scenarios.filter((_, i) => i !== index);
      const shift = (i: number) => clampIndex(i > index ? i - 1 : i === index ? 0 : i, scenarios.length);
      return { scenarios, active: shift(s.active), baseline: shift(s.baseline) };
    }),
  replaceWorkingSet: (workingSet) =>
    set((s) => ({
      scenarios: workingSet.scenarios.slice(0, MAX_SCENARIOS),
      active: clampIndex(workingSet.active, Math.min(workingSet.scenarios.length, MAX_SCENARIOS)),
      baseline: 0,
      generation: s.generation + 1,
    })),
  restoreDraft: (draft, lastValid) =>
    set((s) => {
      const scenarios = draft.scenarios.slice(0, MAX_SCENARIOS);
      scenarios.forEach((scenario, index) => {
        const ancestor = lastValid.scenarios[index];
        if (ancestor) recordDerivation(ancestor, scenario);
      });
      return { scenarios, active: clampIndex(draft.active, scenarios.length), baseline: 0, generation: s.generation + 1 };
    }),
}));
