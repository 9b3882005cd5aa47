import type { Scenario } from '@/lib/scenario/schema';

/**
 * Ready break-even comparisons of /plan (issue 11): B is the active scenario A changed in one way, and the input
 * varied is the one that decides between them.
 */
export type ComparisonId = 'provisioned' | 'aggregator' | 'batch';

export interface Comparison {
  a: Scenario;
  b: Scenario;
  vary: string;
  from: number;
  to: number;
  labelA: string;
  labelB: string;
}

/** The primary model: the first model of the first chain. */
function primaryOf(scenario: Scenario): string {
  return scenario.routing.chains[0]!.models[0]!;
}

/** Pay-as-you-go vs provisioned throughput on the primary model, over 0-3× today's volume. */
export function provisionedComparison(a: Scenario, monthlyPrice: number, capacityTPM: number): Comparison {
  const id = primaryOf(a);
  const b: Scenario = { ...a, models: { ...(a.models ?? {}), [id]: { ...(a.models?.[id] ?? {}), provisioned: { monthlyPrice, capacityTPM } } } };
  return { a, b, vary: 'workload.requestsPerDay', from: 0, to: 3 * Math.max(1, a.workload.requestsPerDay), labelA: 'Pay as you go', labelB: `Provisioned ${id}` };
}

/**
 * Direct vs through an aggregator: B pays `feePct` on token spend but integrates once (the engineering hours of every
 * provider but the primary's set to 0), over 0-3× today's volume.
 */
export function aggregatorComparison(a: Scenario, feePct: number, providerIds: readonly string[]): Comparison {
  const [first, ...others] = providerIds;
  const providers = { ...(a.providers ?? {}) };
  for (const id of others) providers[id] = { ...(providers[id] ?? {}), integrationHours: 0, maintenanceHoursPerMonth: 0 };
  void first;
  const b: Scenario = { ...a, providers, costs: { ...(a.costs ?? {}), aggregatorFeePct: feePct } };
  return { a, b, vary: 'workload.requestsPerDay', from: 0, to: 3 * Math.max(1, a.workload.requestsPerDay), labelA: 'Direct', labelB: `Aggregator (${feePct} % fee)` };
}

/** The active chain vs another chain (e.g. the planner's best) as the batch share goes from 0 to 1. */
export function batchComparison(a: Scenario, models: readonly string[]): Comparison {
  const b: Scenario = { ...a, routing: { ...a.routing, chains: [{ weight: 1, models: [...models] }] } };
  return { a, b, vary: 'workload.batchShare', from: 0, to: 1, labelA: 'Current routing', labelB: models.join(' → ') };
}

/** The scenario with its routing replaced by one chain (the "Use this chain" action). */
export function withChain(scenario: Scenario, models: readonly string[]): Scenario {
  return { ...scenario, routing: { ...scenario.routing, chains: [{ weight: 1, models: [...models] }] } };
}
