import type { Scenario } from '@/lib/scenario/schema';
import type { BreakevenResult } from './breakeven';
import type { RankedCandidate } from './frontier';
import type { SensitivityResult } from './sensitivity';
import type { Infeasibility, OptimizeOptions, OptimizeProgress } from './types';

/** Messages between /plan and its planner workers (docs/decisions/009): one partition of the chains per worker. */
export type PlannerRequest =
  | { type: 'optimize'; scenario: Scenario; options: OptimizeOptions; workerIndex: number; workerCount: number }
  | { type: 'explain' }
  | { type: 'sensitivity'; scenario: Scenario; swingPct: number }
  | { type: 'breakeven'; a: Scenario; b: Scenario; vary: string; from?: number; to?: number };

export type PlannerResponse =
  | { type: 'progress'; progress: OptimizeProgress }
  | { type: 'optimized'; feasible: RankedCandidate[]; progress: OptimizeProgress; candidates: number }
  | { type: 'explained'; infeasible: Infeasibility; evaluated: number }
  | { type: 'sensitivity'; result: SensitivityResult }
  | { type: 'breakeven'; result: BreakevenResult }
  | { type: 'failed'; message: string };

/** The partition rule: chains whose first model index ≡ workerIndex (mod workerCount). */
export function ownsFirstModel(workerIndex: number, workerCount: number): (first: number) => boolean {
  return (first) => first % workerCount === workerIndex;
}
