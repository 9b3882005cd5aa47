import { MIN_PER_MONTH } from './constants';

/** One global outage state S (bit i set = provider i down, MODEL.md §4.2) and its probability π_S. */
export interface OutageState {
  downMask: number;
  probability: number;
}

export interface OutageModel {
  /** c = ρ·min_p u_p: probability of the common shock that takes every provider down. */
  commonUnavailability: number;
  /** u'_p = 1 - (1 - u_p)/(1 - c) (0 if c = 1), in provider order. */
  residualUnavailability: number[];
  /** Every state with π_S > 0, in increasing mask order. */
  states: OutageState[];
}

/**
 * Common-shock outage model (MODEL.md §4.2): c = ρ·min u_p, u'_p = 1 - (1-u_p)/(1-c),
 * π_S = (1-c)·∏_{p∈S} u'_p·∏_{p∉S}(1-u'_p) + c·1{S = all}. States with π_S = 0 are dropped.
 */
export function outageModel(availabilities: readonly number[], correlation: number): OutageModel {
  const count = availabilities.length;
  const unavailability = availabilities.map((a) => 1 - a);
  const commonUnavailability = count === 0 ? 0 : correlation * Math.min(...unavailability);
  const residualUnavailability = unavailability.map((u) => (commonUnavailability >= 1 ? 0 : 1 - (1 - u) / (1 - commonUnavailability)));
  const allDown = (1 << count) - 1;
  const states: OutageState[] = [];
  for (let mask = 0; mask <= allDown; mask++) {
    let probability = 1 - commonUnavailability;
    for (let i = 0; i < count; i++) {
      const u = residualUnavailability[i]!;
      probability *= mask & (1 << i) ? u : 1 - u;
    }
    if (mask === allDown) probability += commonUnavailability;
    if (probability > 0) states.push({ downMask: mask, probability });
  }
  return { commonUnavailability, residualUnavailability, states };
}

/** P(every provider of a chain is down) = Σ_{S ⊇ providers(c)} π_S (MODEL.md §4.3). */
export function chainUnavailability(states: readonly OutageState[], chainProviderMask: number): number {
  let sum = 0;
  for (const state of states) if ((state.downMask & chainProviderMask) === chainProviderMask) sum += state.probability;
  return sum;
}

export interface ScenarioAvailability {
  /** Σ_c w_c A_c. */
  chainAvailability: number;
  /** Σ_c w_c (1 - A_c) × MIN_PER_MONTH (traffic-weighted). */
  downtimeMinutesPerMonth: number;
}

/** Scenario availability and expected downtime minutes per month (MODEL.md §4.3). */
export function scenarioAvailability(
  states: readonly OutageState[],
  chains: readonly { weight: number; providerMask: number }[],
): ScenarioAvailability {
  let availability = 0;
  let unavailability = 0;
  for (const chain of chains) {
    const down = chainUnavailability(states, chain.providerMask);
    availability += chain.weight * (1 - down);
    unavailability += chain.weight * down;
  }
  return { chainAvailability: availability, downtimeMinutesPerMonth: unavailability * MIN_PER_MONTH };
}
