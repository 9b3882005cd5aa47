import { startTransition, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { MonteCarloResult } from '@/lib/engine/types';
import type { Scenario } from '@/lib/scenario/schema';
import { displayedEvaluation, type DisplayedEvaluation } from './displayed';
import { scenarioErrors } from './evaluate';
import type { FieldError } from './field-errors';
import { monteCarloKey, monteCarloSnapshot, requestMonteCarlo } from './monte-carlo-runner';
import { useScenarioStore } from './scenario-store';

/**
 * React hooks over the store: the only way components reach the engine (DESIGN.md §2). The store holds inputs only;
 * everything here is derived and memoised by draft identity (lib/store/evaluate.ts, displayed.ts).
 */

export type { DisplayedEvaluation } from './displayed';
export { evaluateScenario, scenarioErrors, type ScenarioEvaluation } from './evaluate';
export { errorsByPath, errorsWithin, displayMessage, type FieldError } from './field-errors';

export function useActiveIndex(): number {
  return useScenarioStore((s) => s.active);
}

/** The draft being edited. The store always holds at least one scenario. */
export function useActiveScenario(): Scenario {
  const scenario = useScenarioStore((s) => s.scenarios[s.active] ?? s.scenarios[0]);
  if (!scenario) throw new Error('the scenario store is empty');
  return scenario;
}

/**
 * Scenario `index`, updated inside a transition: an edit re-renders the inputs at once, and the components reading
 * this (the results, with their charts) follow in an interruptible background render instead of delaying the
 * keystroke. Switching to another index shows it at once.
 */
function useScenarioInTransition(index: number): Scenario | undefined {
  const [state, setState] = useState(() => ({ index, scenario: useScenarioStore.getState().scenarios[index] }));
  useEffect(() => {
    const sync = () => {
      const scenario = useScenarioStore.getState().scenarios[index];
      startTransition(() => setState((previous) => (previous.index === index && previous.scenario === scenario ? previous : { index, scenario })));
    };
    // Catch an edit made between this render and the subscription.
    sync();
    return useScenarioStore.subscribe(sync);
  }, [index]);
  const current = useScenarioStore((s) => (state.index === index ? undefined : s.scenarios[index]));
  return state.index === index ? state.scenario : current;
}

/**
 * Evaluation of scenario `index` for the results (null while that index does not exist, e.g. just after a removal).
 * Follows edits in a transition (see useScenarioInTransition), so heavy charts never delay typing.
 */
export function useEvaluation(index: number): DisplayedEvaluation | null {
  const scenario = useScenarioInTransition(index);
  return scenario ? displayedEvaluation(scenario) : null;
}

/** Validation errors of the active draft, immediately (no simulation): for the inputs' own messages. */
export function useActiveErrors(): FieldError[] {
  return scenarioErrors(useActiveScenario());
}

/** Evaluation of the active draft, not deferred. */
export function useActiveEvaluation(): DisplayedEvaluation | null {
  const scenario = useScenarioStore((s) => s.scenarios[s.active]);
  return scenario ? displayedEvaluation(scenario) : null;
}

export interface MonteCarloView {
  /**
   * idle: the scenario does not ask for Monte Carlo; updating: no band of this draft yet; refining: `result` is this
   * draft's first band (fewer trials than asked), the rest is running; ready: `result` is this draft's final band.
   */
  status: 'idle' | 'updating' | 'refining' | 'ready';
  /** Current band when refining or ready; while updating, the previous result of this scenario (if any) so the band stays. */
  result: MonteCarloResult | null;
  /** True when `result` belongs to an earlier draft (the run is pending, or the draft is invalid). */
  stale: boolean;
}

const IDLE: MonteCarloView = { status: 'idle', result: null, stale: false };

/**
 * Monte Carlo percentiles of scenario `index` (MODEL.md §9), run on the worker pool after a short debounce on the
 * last valid draft, first band then final band; never blocks typing. Components that show the same scenario share
 * one run (lib/store/monte-carlo-runner.ts).
 */
export function useMonteCarlo(index: number): MonteCarloView {
  const evaluation = useEvaluation(index);
  const input = evaluation?.input ?? null;
  const key = input?.monteCarlo ? monteCarloKey(input) : null;

  const subscribe = useCallback((onChange: () => void) => (input?.monteCarlo ? requestMonteCarlo(input, onChange) : () => {}), [input]);
  const getSnapshot = useCallback(() => (key === null ? undefined : monteCarloSnapshot(key)), [key]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const current = snapshot?.state === 'ready' ? snapshot.result : undefined;
  const band = snapshot?.state === 'refining' ? snapshot.result : undefined;

  // The last final result shown for this index, kept while a new run is pending ("adjusting state during render"),
  // but never across a replaced working set (a link, an import): that result belongs to another scenario.
  const generation = useScenarioStore((s) => s.generation);
  const [previous, setPrevious] = useState<{ index: number; generation: number; result: MonteCarloResult } | null>(null);
  if (current && (previous?.result !== current || previous.index !== index || previous.generation !== generation)) {
    setPrevious({ index, generation, result: current });
  }

  const kept = previous?.index === index && previous.generation === generation ? previous.result : null;
  const idle = key === null || !evaluation || snapshot?.state === 'failed';
  const evaluationStale = evaluation?.stale ?? false;
  // A stable object while nothing changes, so memoised consumers skip re-rendering.
  return useMemo<MonteCarloView>(() => {
    if (idle) return IDLE;
    if (current) return { status: 'ready', result: current, stale: evaluationStale };
    if (band) return { status: 'refining', result: band, stale: evaluationStale };
    return { status: 'updating', result: kept, stale: kept !== null };
  }, [idle, current, band, evaluationStale, kept]);
}
