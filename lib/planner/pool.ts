import type { RankedCandidate } from './frontier';
import { prepareProblem, resultFromFeasible, type PlannerProblemInput } from './optimize';
import { PlannerSearch } from './search';
import type { OptimizeResult } from './types';
import { ownsChain } from './worker-protocol';

/**
 * The search of /plan's worker pool in one process (docs/decisions/009): `workerCount` partitions (ownsChain) take
 * turns, and after each turn the feasible chains one evaluated are handed to the others as dominators, as the
 * workers' progress messages do. The union of the partitions' feasible chains gives the same best chain and frontier
 * as `optimize` (a property test checks it). `evaluated` sums the partitions; `perWorker` is what each simulated.
 */
export function optimizeInPartitions(input: PlannerProblemInput, workerCount: number, checksPerTurn = 4): { result: OptimizeResult; perWorker: number[] } {
  const searches = Array.from({ length: workerCount }, (_, index) => {
    const problem = prepareProblem(input);
    return new PlannerSearch({ ...problem, owns: ownsChain(index, workerCount) });
  });
  const finished = searches.map(() => false);
  while (finished.includes(false)) {
    searches.forEach((search, index) => {
      if (finished[index]) return;
      let checks = 0;
      finished[index] = search.run(() => ++checks >= checksPerTurn);
      const points = search.takeDominators();
      if (points.length > 0) searches.forEach((other, j) => j !== index && other.addDominators(points));
    });
  }
  const feasible: RankedCandidate[] = searches.flatMap((s) => [...s.feasibleCandidates()]);
  const perWorker = searches.map((s) => s.problem.evaluator.calls);
  const result = resultFromFeasible(feasible, perWorker.reduce((a, b) => a + b, 0), searches[0]!.table.count, 0);
  return { result, perWorker };
}
