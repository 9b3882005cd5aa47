import type { Scenario, SpecCatalog } from '@/lib/scenario/schema';
import { CandidateEvaluator, defaultModelIds, PlannerInputError, universeModels, type UniverseModel } from './candidates';
import { candidateCount, chainOf, enumerateCandidates, MAX_CANDIDATES } from './enumerate';
import { paretoFrontier, type RankedCandidate } from './frontier';
import { explainInfeasibility } from './infeasible';
import { figuresOf, isFeasible, PlannerSearch } from './search';
import type { OptimizeOptions, OptimizeResult } from './types';

export interface PlannerProblemInput {
  scenario: Scenario;
  catalog: SpecCatalog;
  options: OptimizeOptions;
  /** Default: every catalog model plus the scenario's own (issue 11). */
  modelIds?: readonly string[];
}

export interface PreparedProblem {
  evaluator: CandidateEvaluator;
  universe: UniverseModel[];
  options: OptimizeOptions;
  candidates: number;
}

/** Validate the universe and options; throws PlannerInputError naming the flag. */
export function prepareProblem(input: PlannerProblemInput): PreparedProblem {
  const { options } = input;
  if (!Number.isInteger(options.maxChain) || options.maxChain < 1 || options.maxChain > 5) {
    throw new PlannerInputError(`--max-chain: must be an integer from 1 to 5 (got ${options.maxChain})`);
  }
  const ids = input.modelIds ? [...input.modelIds] : defaultModelIds(input.scenario, input.catalog);
  if (ids.length === 0) throw new PlannerInputError('--models: no model to search (the scenario defines none and the catalog is off)');
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) throw new PlannerInputError(`--models: "${duplicate}" is listed twice`);
  const candidates = candidateCount(ids.length, options.maxChain);
  if (candidates > MAX_CANDIDATES) {
    throw new PlannerInputError(
      `--max-chain: ${options.maxChain} over ${ids.length} models is ${candidates.toLocaleString('en-US')} chains, more than ${MAX_CANDIDATES.toLocaleString('en-US')}; lower --max-chain or narrow --models`,
    );
  }
  const evaluator = new CandidateEvaluator(input.scenario, input.catalog, options.p95Measure);
  const universe = universeModels(evaluator, ids);
  return { evaluator, universe, options, candidates };
}

export function resultFromFeasible(feasible: readonly RankedCandidate[], evaluated: number, candidates: number, ms: number): OptimizeResult {
  const frontier = paretoFrontier(feasible).map((r) => r.figures);
  return { best: frontier[0] ?? null, frontier, evaluated, candidates, ms };
}

/** `plan optimize`: the cheapest chain under the constraints and the Pareto frontier (docs/decisions/009). */
export function optimize(input: PlannerProblemInput, now: () => number = () => performance.now()): OptimizeResult {
  const started = now();
  const problem = prepareProblem(input);
  const search = new PlannerSearch(problem);
  search.run();
  const result = resultFromFeasible(search.feasibleCandidates(), 0, problem.candidates, 0);
  if (!result.best) result.infeasible = explainInfeasibility(search, problem.options);
  result.evaluated = problem.evaluator.calls;
  result.ms = Math.round(now() - started);
  return result;
}

/** Every candidate simulated, no pruning: the reference the property test compares the search with. */
export function bruteForce(input: PlannerProblemInput): OptimizeResult {
  const problem = prepareProblem(input);
  const table = enumerateCandidates(problem.universe.length, problem.options.maxChain);
  const search = new PlannerSearch(problem);
  const feasible: RankedCandidate[] = [];
  const bounds = search.prepareBounds();
  for (let id = 0; id < table.count; id++) {
    const chain = chainOf(table, id);
    const evaluation = search.evaluateChain(chain);
    if (isFeasible(evaluation, problem.options)) feasible.push({ figures: figuresOf(evaluation), availabilityKey: bounds.availabilityOf(chain) });
  }
  return resultFromFeasible(feasible, problem.evaluator.calls, problem.candidates, 0);
}
