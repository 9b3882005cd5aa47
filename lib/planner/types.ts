/** Shared planner types (docs/decisions/009-planner-search.md). The JSON shapes are the CLI contract of issue 11. */

export type P95Measure = 'firstToken' | 'fullResponse';

export interface PlannerConstraints {
  /** On total.chainAvailability. */
  minAvailability?: number;
  /** On total.<p95Measure>.p95 (ms). */
  maxP95Ms?: number;
  /** On total.rate429. */
  max429Rate?: number;
}

export interface OptimizeOptions extends PlannerConstraints {
  /** Longest chain, 1-5. */
  maxChain: number;
  p95Measure: P95Measure;
}

/** One candidate as reported: `{models, tco, chainAvailability, p95Ms, rate429}`. */
export interface CandidateFigures {
  models: string[];
  tco: number;
  chainAvailability: number;
  p95Ms: number | null;
  rate429: number;
}

export type ConstraintName = 'minAvailability' | 'maxP95Ms' | 'max429Rate';

/** A constraint no candidate meets on its own, with the best value any candidate reaches. */
export interface BindingConstraint {
  constraint: ConstraintName;
  flag: '--min-availability' | '--max-p95-ms' | '--max-429-rate';
  limit: number;
  /** The best value over every candidate (exact for availability, the best evaluated otherwise). */
  bestValue: number | null;
}

export interface ClosestCandidate extends CandidateFigures {
  /** Relative shortfall of the worst-violated constraint (0 = feasible). */
  shortfall: number;
  violated: ConstraintName[];
}

export interface Infeasibility {
  /** Constraints no candidate meets on its own. */
  binding: BindingConstraint[];
  /** True when each constraint alone can be met but not all together. */
  jointly: boolean;
  closest: ClosestCandidate[];
}

export interface OptimizeResult {
  best: CandidateFigures | null;
  frontier: CandidateFigures[];
  /** Full simulate() calls. */
  evaluated: number;
  /** Every ordered chain of distinct models of length 1..maxChain. */
  candidates: number;
  ms: number;
  /** Present only when no candidate is feasible. */
  infeasible?: Infeasibility;
}

export interface OptimizeProgress {
  processed: number;
  candidates: number;
  evaluated: number;
  screened: number;
  pruned: number;
}
