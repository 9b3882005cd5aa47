/**
 * One planner worker (docs/decisions/009): searches its partition of the chains (worker-protocol.ts) in slices of
 * ~100 ms, reporting progress and the feasible chains it evaluated after each, and taking the other workers' as
 * dominators in between; also runs sensitivity and break-even off the main thread.
 */
import { builtInSpecCatalog } from '@/data';
import { breakeven } from '@/lib/planner/breakeven';
import { explainInfeasibility } from '@/lib/planner/infeasible';
import { prepareProblem } from '@/lib/planner/optimize';
import { PlannerSearch } from '@/lib/planner/search';
import { sensitivity } from '@/lib/planner/sensitivity';
import { ownsChain, type PlannerRequest, type PlannerResponse } from '@/lib/planner/worker-protocol';

const post = (message: PlannerResponse) => (self as unknown as { postMessage(m: PlannerResponse): void }).postMessage(message);
let search: PlannerSearch | null = null;

self.onmessage = (event: MessageEvent<PlannerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'optimize') {
      const problem = prepareProblem({ scenario: request.scenario, catalog: builtInSpecCatalog, options: request.options });
      const current = new PlannerSearch({ ...problem, owns: ownsChain(request.workerIndex, request.workerCount) });
      search = current;
      // Slices of ~100 ms, so that dominators relayed from the other workers arrive between them.
      const slice = () => {
        if (search !== current) return;
        try {
          const started = performance.now();
          const done = current.run(() => performance.now() - started > 100);
          post({ type: 'progress', progress: current.progress(), dominators: current.takeDominators() });
          if (done) post({ type: 'optimized', feasible: [...current.feasibleCandidates()], progress: current.progress(), candidates: problem.candidates });
          else setTimeout(slice, 0);
        } catch (error) {
          post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
      };
      slice();
    } else if (request.type === 'dominators') {
      search?.addDominators(request.points);
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
