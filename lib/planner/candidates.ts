import { simulate } from '@/lib/engine';
import type { EngineInput, ModelSpec, ProviderSpec, Result } from '@/lib/engine/types';
import { resolveScenario } from '@/lib/scenario/resolve';
import type { Scenario, SpecCatalog } from '@/lib/scenario/schema';
import type { P95Measure } from './types';

/**
 * Candidates of the planner (docs/decisions/009): the scenario with `routing.chains` replaced by one chain
 * `{weight: 1, models}` of distinct models in order, everything else unchanged. Monte Carlo is dropped: `total` is
 * deterministic (MODEL.md §9.6 is a separate block) and the objective is `total.tco`.
 */
export function candidateScenario(scenario: Scenario, models: readonly string[]): Scenario {
  const candidate: Scenario = { ...scenario, routing: { ...scenario.routing, chains: [{ weight: 1, models: [...models] }] } };
  delete candidate.monteCarlo;
  return candidate;
}

/** What a full simulate() of a candidate tells the planner: the reported figures and what the bounds reuse. */
export interface Evaluation {
  models: string[];
  tco: number;
  chainAvailability: number;
  /** total.<measure>.p95; null when no realtime request succeeds. */
  p95Ms: number | null;
  p50Ms: number | null;
  rate429: number;
  /** Σ months of realtime token spend (input, cached input, output; after provisioned overflow). */
  realtimeSpend: number;
  batchSpend: number;
  flatRate: number;
  engineering: number;
  platformFee: number;
  realtimeRequests: number;
  failedRequests: number;
  count429: number;
  attempts: number;
}

export function evaluationOf(models: readonly string[], result: Result, measure: P95Measure): Evaluation {
  const total = result.total;
  const block = total[measure];
  return {
    models: [...models],
    tco: total.tco,
    chainAvailability: total.chainAvailability,
    p95Ms: block.p95,
    p50Ms: block.p50,
    rate429: total.rate429,
    realtimeSpend: total.tokenCost.inputUncached + total.tokenCost.inputCached + total.tokenCost.output,
    batchSpend: total.tokenCost.batch,
    flatRate: total.flatRate,
    engineering: total.engineering.integration + total.engineering.maintenance,
    platformFee: total.platformFee,
    realtimeRequests: total.realtimeRequests,
    failedRequests: total.failedRequests,
    count429: total.count429,
    attempts: total.attempts,
  };
}

/** Resolves and simulates candidates of one scenario; counts every simulate() call. */
export class CandidateEvaluator {
  calls = 0;
  constructor(
    readonly scenario: Scenario,
    readonly catalog: SpecCatalog,
    readonly measure: P95Measure,
  ) {}

  input(models: readonly string[]): EngineInput {
    const resolved = resolveScenario(candidateScenario(this.scenario, models), this.catalog);
    if (!resolved.ok) throw new PlannerInputError(resolved.errors[0] ?? `cannot resolve the chain ${models.join(' → ')}`);
    return resolved.value;
  }

  evaluate(models: readonly string[]): Evaluation {
    const input = this.input(models);
    this.calls++;
    return evaluationOf(models, simulate(input), this.measure);
  }
}

/** A planner input problem (unknown model, bad range): the CLI turns it into exit code 2. */
export class PlannerInputError extends Error {}

/** A model of the search universe with the facts the closed forms need (after the catalog merge, MODEL.md §3.0). */
export interface UniverseModel {
  id: string;
  providerId: string;
  spec: ModelSpec;
  provider: ProviderSpec;
}

/**
 * Resolve each model id on its own (chain [id]) so a merge or validation problem names the model. Throws
 * PlannerInputError for an id that does not resolve.
 */
export function universeModels(evaluator: CandidateEvaluator, ids: readonly string[]): UniverseModel[] {
  return ids.map((id) => {
    const resolved = resolveScenario(candidateScenario(evaluator.scenario, [id]), evaluator.catalog);
    if (!resolved.ok) {
      const first = resolved.errors[0] ?? '';
      throw new PlannerInputError(first.includes('unknown model') ? `--models: unknown model "${id}"` : first);
    }
    const spec = resolved.value.models[id]!;
    return { id, providerId: spec.provider, spec, provider: resolved.value.providers[spec.provider]! };
  });
}

/** Default universe: every built-in catalog model, then the scenario's own models not in the catalog (§3.0 order). */
export function defaultModelIds(scenario: Scenario, catalog: SpecCatalog): string[] {
  const ids = Object.keys(catalog.models);
  for (const id of Object.keys(scenario.models ?? {})) if (!ids.includes(id)) ids.push(id);
  return ids;
}
