import { builtInCatalogView as catalog } from '@/lib/catalog/builtin';
import type { CatalogView as Catalog } from '@/lib/catalog/catalog-view';
import type { Costs } from '@/lib/scenario/schema';

/**
 * Aggregator fee options from the catalog that Scenario v1 can express (MODEL.md §3.6): a percent of token spend
 * (`costs.aggregatorFeePct`), a flat plan (`costs.platformFeeMonthly`) or a price multiplier on every token price
 * (`costs.priceMultiplier`, ADR 010).
 */
export interface AggregatorOption {
  value: string;
  label: string;
  description: string;
  costs: Pick<Costs, 'aggregatorFeePct' | 'platformFeeMonthly' | 'priceMultiplier'>;
}

export const NO_AGGREGATOR = 'none';
export const CUSTOM_FEES = 'custom';

export function aggregatorOptions(data: Catalog = catalog): AggregatorOption[] {
  const options: AggregatorOption[] = [
    { value: NO_AGGREGATOR, label: 'None (direct to providers)', description: 'No aggregator fee.', costs: { aggregatorFeePct: 0, platformFeeMonthly: 0, priceMultiplier: undefined } },
  ];
  for (const aggregator of data.aggregators) {
    aggregator.fees.forEach((fee, i) => {
      const value = `${aggregator.id}#${i}`;
      if (fee.model === 'percent-of-spend' && fee.percentOfSpend !== undefined) {
        options.push({ value, label: `${aggregator.name}: ${fee.percentOfSpend} % of spend`, description: fee.description, costs: { aggregatorFeePct: fee.percentOfSpend, platformFeeMonthly: 0, priceMultiplier: undefined } });
      } else if (fee.model === 'monthly-plan' && fee.monthlyUsd !== undefined) {
        options.push({ value, label: `${aggregator.name}: $${fee.monthlyUsd}/month plan`, description: fee.description, costs: { aggregatorFeePct: 0, platformFeeMonthly: fee.monthlyUsd, priceMultiplier: undefined } });
      } else if (fee.model === 'price-multiplier' && fee.priceMultiplier !== undefined) {
        options.push({ value, label: `${aggregator.name}: prices × ${fee.priceMultiplier}`, description: fee.description, costs: { aggregatorFeePct: 0, platformFeeMonthly: 0, priceMultiplier: fee.priceMultiplier } });
      } else if (fee.model === 'self-hosted') {
        options.push({ value, label: `${aggregator.name}: self-hosted`, description: fee.description, costs: { aggregatorFeePct: 0, platformFeeMonthly: 0, priceMultiplier: undefined } });
      }
    });
  }
  return options;
}

/** The option whose fees equal the scenario's, else CUSTOM_FEES ("None" wins ties with free plans). */
export function matchingAggregatorOption(costs: Costs | undefined, options: readonly AggregatorOption[]): string {
  const pct = costs?.aggregatorFeePct ?? 0;
  const plan = costs?.platformFeeMonthly ?? 0;
  const multiplier = costs?.priceMultiplier ?? 1;
  const match = options.find((o) => (o.costs.aggregatorFeePct ?? 0) === pct && (o.costs.platformFeeMonthly ?? 0) === plan && (o.costs.priceMultiplier ?? 1) === multiplier);
  return match?.value ?? CUSTOM_FEES;
}
