import { chainUnavailability, outageModel } from '@/lib/engine/availability';
import { MIN_PER_MONTH } from '@/lib/engine/constants';
import type { EngineInput } from '@/lib/engine/types';

export interface ChainAvailabilityRow {
  /** "Chain 1" … or "All traffic" for the traffic-weighted row. */
  label: string;
  /** "gpt-4o-mini → claude-haiku". */
  route: string;
  /** Traffic share w_c (1 for the all-traffic row). */
  weight: number;
  /** A_c = 1 − Σ_{S ⊇ providers(c)} π_S (MODEL.md §4.3). */
  availability: number;
  /** (1 − A_c) × 43,830 min. */
  downtimeMinutes: number;
  /** What the chain's first provider alone would give: (1 − a_first) × 43,830 min. */
  primaryAloneDowntimeMinutes: number;
}

/**
 * Availability of each chain and of all traffic, from the common-shock outage model of MODEL.md §4.2–§4.3 (the same
 * functions the engine uses). Providers in scope are the keys of `input.providers`, in scope order (MODEL.md §2).
 */
export function chainAvailabilityRows(input: EngineInput): ChainAvailabilityRow[] {
  const providerIds = Object.keys(input.providers);
  const bit = new Map(providerIds.map((id, index) => [id, 1 << index]));
  const { states } = outageModel(
    providerIds.map((id) => input.providers[id]!.availability),
    input.outageCorrelation,
  );
  const chains = input.routing.chains;
  const rows: ChainAvailabilityRow[] = chains.map((chain, index) => {
    let mask = 0;
    for (const modelId of chain.models) mask |= bit.get(input.models[modelId]?.provider ?? '') ?? 0;
    const down = chainUnavailability(states, mask);
    const firstProvider = input.models[chain.models[0] ?? '']?.provider;
    const primaryAvailability = firstProvider ? (input.providers[firstProvider]?.availability ?? 1) : 1;
    return {
      label: `Chain ${index + 1}`,
      route: chain.models.join(' → '),
      weight: chain.weight,
      availability: 1 - down,
      downtimeMinutes: down * MIN_PER_MONTH,
      primaryAloneDowntimeMinutes: (1 - primaryAvailability) * MIN_PER_MONTH,
    };
  });
  if (rows.length > 1) {
    const weighted = (pick: (row: ChainAvailabilityRow) => number) => rows.reduce((sum, row) => sum + row.weight * pick(row), 0);
    rows.push({
      label: 'All traffic',
      route: 'traffic-weighted',
      weight: 1,
      availability: weighted((row) => row.availability),
      downtimeMinutes: weighted((row) => row.downtimeMinutes),
      primaryAloneDowntimeMinutes: weighted((row) => row.primaryAloneDowntimeMinutes),
    });
  }
  return rows;
}
