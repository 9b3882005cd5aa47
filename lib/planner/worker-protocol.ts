import type { Scenario } from '@/lib/scenario/schema';
import type { BreakevenResult } from './breakeven';
import type { RankedCandidate } from './frontier';
import type { SharedDominator } from './search';
import type { SensitivityResult } from './sensitivity';
import type { Infeasibility, OptimizeOptions, OptimizeProgress } from './types';

/**
 * Messages between /plan and its planner workers (docs/decisions/009): one partition of the chains per worker; the
 * feasible chains a worker evaluates travel with its progress and are relayed to the others as dominators.
 */
export type PlannerRequest =
  | { type: 'optimize'; scenario: Scenario; options: OptimizeOptions; workerIndex: number; workerCount: number }
  | { type: 'dominators'; points: SharedDominator[] }
  | { type: 'explain' }
  | { type: 'sensitivity'; scenario: Scenario; swingPct: number }
  | { type: 'breakeven'; a: Scenario; b: Scenario; vary: string; from?: number; to?: number };

export type PlannerResponse =
  | { type: 'progress'; progress: OptimizeProgress; dominators: SharedDominator[] }
  | { type: 'optimized'; feasible: RankedCandidate[]; progress: OptimizeProgress; candidates: number }
  | { type: 'explained'; infeasible: Infeasibility; evaluated: number }
  | { type: 'sensitivity'; result: SensitivityResult }
  | { type: 'breakeven'; result: BreakevenResult }
  | { type: 'failed'; message: string };

/**
 * The partition rule: a chain belongs to the worker whose index ≡ its second model's index (mod workerCount), a
 * single to the one ≡ its model's index. A chain and its prefixes of 2+ models fall in the same partition (they share
 * the second model), and the cheap first models, which most evaluated chains start with, are spread over every worker.
 */
export function ownsChain(workerIndex: number, workerCount: number): (chain: ArrayLike<number>) => boolean {
  return (chain) => chain[chain.length > 1 ? 1 : 0]! % workerCount === workerIndex;
}
