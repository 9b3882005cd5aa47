import type { EngineInput, Result } from '@/lib/engine/types';
import type { Scenario } from '@/lib/scenario/schema';
import { evaluateScenario, type ScenarioEvaluation } from './evaluate';
import type { FieldError } from './field-errors';
import { forgetAncestors, linkToAncestor, parentOf } from './lineage';

/**
 * What the results panel shows for a draft: its own figures when it is valid; when it is not, the errors plus the
 * figures of its last valid ancestor marked `stale` (DESIGN.md §5: nothing the user entered is lost, no blank chart).
 */
export interface DisplayedEvaluation {
  /** The draft as it is in the store now. */
  scenario: Scenario;
  /** Validity of the current draft. */
  status: 'ok' | 'invalid';
  /** Errors of the current draft; empty when `status` is `ok`. */
  errors: FieldError[];
  /** Resolved input behind `result` (the current draft's, or the last valid ancestor's when stale). */
  input: EngineInput | null;
  result: Result | null;
  /** True when `result` comes from an earlier draft because the current one is invalid. */
  stale: boolean;
}

/** Bound on how far back to look; a draft rarely descends from more than a few invalid edits (see lineage.ts). */
const MAX_ANCESTORS = 500;

/** The nearest valid evaluation on the draft's edit history (itself included), or null. */
export function lastValidEvaluation(scenario: Scenario): ScenarioEvaluation | null {
  const own = evaluateScenario(scenario);
  if (own.status === 'ok') {
    forgetAncestors(scenario);
    return own;
  }
  let ancestor = parentOf(scenario);
  for (let steps = 0; ancestor && steps < MAX_ANCESTORS; steps++) {
    const evaluation = evaluateScenario(ancestor);
    if (evaluation.status === 'ok') {
      linkToAncestor(scenario, ancestor);
      return evaluation;
    }
    ancestor = parentOf(ancestor);
  }
  return null;
}

const displayedCache = new WeakMap<Scenario, DisplayedEvaluation>();

/** Memoised by draft identity, so all consumers of one draft get the same object (cheap React equality). */
export function displayedEvaluation(scenario: Scenario): DisplayedEvaluation {
  const cached = displayedCache.get(scenario);
  if (cached) return cached;
  const current = evaluateScenario(scenario);
  const shown = current.status === 'ok' ? current : lastValidEvaluation(scenario);
  const displayed: DisplayedEvaluation = {
    scenario,
    status: current.status,
    errors: current.errors,
    input: shown?.input ?? null,
    result: shown?.result ?? null,
    stale: current.status === 'invalid' && shown !== null,
  };
  displayedCache.set(scenario, displayed);
  return displayed;
}
