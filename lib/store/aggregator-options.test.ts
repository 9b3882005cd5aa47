import { describe, expect, it } from 'vitest';
import { catalog } from '@/data';
import { aggregatorOptions, CUSTOM_FEES, matchingAggregatorOption, NO_AGGREGATOR } from './aggregator-options';

describe('aggregator options', () => {
  const options = aggregatorOptions();

  it('offers "none" first and every catalog fee that a scenario can express, with its figures', () => {
    expect(options[0]?.value).toBe(NO_AGGREGATOR);
    const openrouter = catalog.aggregators.find((a) => a.id === 'openrouter');
    const firstFee = openrouter?.fees[0];
    if (!openrouter || !firstFee || firstFee.percentOfSpend === undefined) throw new Error('catalog has OpenRouter with a percent fee');
    expect(options.find((o) => o.value === 'openrouter#0')?.costs).toEqual({ aggregatorFeePct: firstFee.percentOfSpend, platformFeeMonthly: 0 });
    expect(options.every((o) => (o.costs.aggregatorFeePct ?? 0) >= 0 && (o.costs.platformFeeMonthly ?? 0) >= 0)).toBe(true);
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
  });

  it('recognises the option a scenario uses, "none" for no fees, and custom otherwise', () => {
    const plan = options.find((o) => (o.costs.platformFeeMonthly ?? 0) > 0);
    if (!plan) throw new Error('catalog has a monthly plan');
    expect(matchingAggregatorOption({ aggregatorFeePct: 0, platformFeeMonthly: plan.costs.platformFeeMonthly }, options)).toBe(plan.value);
    expect(matchingAggregatorOption(undefined, options)).toBe(NO_AGGREGATOR);
    expect(matchingAggregatorOption({ aggregatorFeePct: 3.14 }, options)).toBe(CUSTOM_FEES);
  });
});
