import { chainOf } from './enumerate';
import { MinHeap } from './heap';
import { figuresOf, type PlannerSearch } from './search';
import type { BindingConstraint, CandidateFigures, ClosestCandidate, ConstraintName, Infeasibility, OptimizeOptions } from './types';

/**
 * When no chain meets every constraint: which constraint binds (no chain meets it on its own) and the closest chains
 * (least relative shortfall of their worst constraint). Both searches are best-bound-first like the optimizer, with
 * a budget of simulate() calls; the availability figures are exact closed forms.
 */
const CLOSEST_COUNT = 5;
const SEARCH_BUDGET = 1500;

const FLAGS = { minAvailability: '--min-availability', maxP95Ms: '--max-p95-ms', max429Rate: '--max-429-rate' } as const;

interface Shortfalls {
  minAvailability: number;
  maxP95Ms: number;
  max429Rate: number;
}

/** Relative shortfall per constraint: of the allowed downtime share, of the p95 limit, of the 429 limit; 0 when met. */
function shortfalls(availability: number, p95: number, rate429: number, options: OptimizeOptions): Shortfalls {
  const { minAvailability, maxP95Ms, max429Rate } = options;
  return {
    minAvailability: minAvailability === undefined ? 0 : Math.max(0, minAvailability - availability) / Math.max(1 - minAvailability, 1e-12),
    maxP95Ms: maxP95Ms === undefined ? 0 : p95 === Infinity ? Infinity : Math.max(0, p95 - maxP95Ms) / maxP95Ms,
    max429Rate: max429Rate === undefined ? 0 : Math.max(0, rate429 - max429Rate) / Math.max(max429Rate, 1e-9),
  };
}

function worst(s: Shortfalls): number {
  return Math.max(s.minAvailability, s.maxP95Ms, s.max429Rate);
}

function activeConstraints(options: OptimizeOptions): ConstraintName[] {
  return (['minAvailability', 'maxP95Ms', 'max429Rate'] as const).filter((name) => options[name] !== undefined);
}

/** total.<measure>.p95 of an unevaluated chain is provably ≥ tau (search.ts: the bounds with its longest evaluated prefix). */
function provedAtLeast(search: PlannerSearch, chain: Uint16Array, tau: number): boolean {
  if (search.evaluation(chain)) return false;
  const bounds = search.boundModel();
  const prefix = search.longestPrefix(chain);
  return bounds.p95LowerBound(chain, prefix.evaluation, prefix.length) >= tau || bounds.p95AtLeast(chain, prefix.evaluation, prefix.length, tau);
}

export function explainInfeasibility(search: PlannerSearch, options: OptimizeOptions): Infeasibility {
  const bounds = search.boundModel();
  const table = search.table;
  const constraints = activeConstraints(options);

  // Lower bounds of every figure for every chain (prefix = the longest evaluated one).
  const lower = (id: number) => {
    const chain = chainOf(table, id);
    const prefix = search.longestPrefix(chain);
    const exact = search.evaluation(chain);
    return {
      chain,
      availability: bounds.availabilityOf(chain),
      p95: exact ? (exact.p95Ms ?? Infinity) : bounds.p95LowerBound(chain, prefix.evaluation, prefix.length),
      rate429: exact ? exact.rate429 : bounds.rate429LowerBound(chain, prefix.evaluation, prefix.length),
    };
  };

  const binding: BindingConstraint[] = [];
  for (const name of constraints) {
    const limit = options[name]!;
    if (name === 'minAvailability') {
      let best = 0;
      for (let id = 0; id < table.count; id++) best = Math.max(best, bounds.availabilityOf(chainOf(table, id)));
      if (best < limit) binding.push({ constraint: name, flag: FLAGS[name], limit, bestValue: best });
      continue;
    }
    // Least p95 / 429 rate over all chains, best-bound-first.
    const queue = new MinHeap();
    for (let id = 0; id < table.count; id++) queue.push(name === 'maxP95Ms' ? lower(id).p95 : lower(id).rate429, id);
    let best = Infinity;
    let budget = SEARCH_BUDGET;
    while (queue.size > 0 && queue.peekKey() < best && budget > 0) {
      const { id } = queue.pop()!;
      const chain = chainOf(table, id);
      // A chain proved no lower than the best found cannot improve it (bound P4 with its longest evaluated prefix).
      if (name === 'maxP95Ms' && best < Infinity && provedAtLeast(search, chain, best)) continue;
      const had = search.evaluation(chain) !== undefined;
      const evaluation = search.evaluateChain(chain);
      if (!had) budget--;
      const value = name === 'maxP95Ms' ? (evaluation.p95Ms ?? Infinity) : evaluation.rate429;
      best = Math.min(best, value);
      if (best <= limit) break;
    }
    if (best > limit) binding.push({ constraint: name, flag: FLAGS[name], limit, bestValue: best === Infinity ? null : best });
  }

  // Closest chains by their worst relative shortfall.
  const queue = new MinHeap();
  for (let id = 0; id < table.count; id++) {
    const l = lower(id);
    queue.push(worst(shortfalls(l.availability, l.p95, l.rate429, options)), id);
  }
  const found: { figures: CandidateFigures; shortfall: Shortfalls; availability: number }[] = [];
  let budget = SEARCH_BUDGET;
  const kth = () => (found.length < CLOSEST_COUNT ? Infinity : worst(found[CLOSEST_COUNT - 1]!.shortfall));
  while (queue.size > 0 && budget > 0 && queue.peekKey() <= kth()) {
    const { id } = queue.pop()!;
    const chain = chainOf(table, id);
    // Proved to miss the p95 limit by more than the 5th closest so far: it cannot enter the list.
    const limit = options.maxP95Ms;
    if (limit !== undefined && kth() < Infinity && provedAtLeast(search, chain, limit * (1 + kth()) * (1 + 1e-9) + 1e-9)) continue;
    const had = search.evaluation(chain) !== undefined;
    const evaluation = search.evaluateChain(chain);
    if (!had) budget--;
    const availability = bounds.availabilityOf(chain);
    const shortfall = shortfalls(evaluation.chainAvailability, evaluation.p95Ms ?? Infinity, evaluation.rate429, options);
    found.push({ figures: figuresOf(evaluation), shortfall, availability });
    found.sort((a, b) => worst(a.shortfall) - worst(b.shortfall) || a.figures.tco - b.figures.tco);
    found.length = Math.min(found.length, CLOSEST_COUNT);
  }
  const closest: ClosestCandidate[] = found.map((f) => ({
    ...f.figures,
    shortfall: worst(f.shortfall),
    violated: constraints.filter((name) => f.shortfall[name] > 0),
  }));
  return { binding, jointly: binding.length === 0, closest };
}
