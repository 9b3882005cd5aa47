/**
 * One planner worker (docs/decisions/009): searches its partition of the chains (first model index mod the pool
 * size), reporting progress every 150 ms; also runs sensitivity and break-even off the main thread.
 */
import { builtInSpecCatalog } from '@/data';
import { breakeven } from '@/lib/planner/breakeven';
import { explainInfeasibility } from '@/lib/planner/infeasible';
import { prepareProblem } from '@/lib/planner/optimize';
import { PlannerSearch } from '@/lib/planner/search';
import { sensitivity } from '@/lib/planner/sensitivity';
import { ownsFirstModel, type PlannerRequest, type PlannerResponse } from '@/lib/planner/worker-protocol';

const post = (message: PlannerResponse) => (self as unknown as { postMessage(m: PlannerResponse): void }).postMessage(message);
let search: PlannerSearch | null = null;

self.onmessage = (event: MessageEvent<PlannerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'optimize') {
      const problem = prepareProblem({ scenario: request.scenario, catalog: builtInSpecCatalog, options: request.options });
      search = new PlannerSearch({ ...problem, owns: ownsFirstModel(request.workerIndex, request.workerCount) });
      let last = performance.now();
      search.run(() => {
        const now = performance.now();
        if (now - last > 150) {
          last = now;
          post({ type: 'progress', progress: search!.progress() });
        }
        return false;
      });
      post({ type: 'optimized', feasible: [...search.feasibleCandidates()], progress: search.progress(), candidates: problem.candidates });
    } else if (request.type === 'explain') {
      if (!search) throw new Error('no search to explain');
      const infeasible = explainInfeasibility(search, search.problem.options);
      post({ type: 'explained', infeasible, evaluated: search.problem.evaluator.calls });
    } else if (request.type === 'sensitivity') {
      post({ type: 'sensitivity', result: sensitivity(request.scenario, builtInSpecCatalog, request.swingPct) });
    } else {
      post({ type: 'breakeven', result: breakeven(request.a, request.b, builtInSpecCatalog, { vary: request.vary, from: request.from, to: request.to }) });
    }
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
