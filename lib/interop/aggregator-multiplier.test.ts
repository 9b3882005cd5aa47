import { describe, expect, it } from 'vitest';
import { aggregatorOptions, matchingAggregatorOption, NO_AGGREGATOR } from '@/lib/store/aggregator-options';

/** TokenMix's price-multiplier fee is expressible as `costs.priceMultiplier` (ADR 010). */
describe('price-multiplier aggregators', () => {
  const options = aggregatorOptions();

  it('TokenMix is offered with its multiplier, and is recognised back', () => {
    const tokenmix = options.find((o) => o.value.startsWith('tokenmix#'));
    expect(tokenmix?.costs).toEqual({ aggregatorFeePct: 0, platformFeeMonthly: 0, priceMultiplier: 0.95 });
    expect(tokenmix?.label).toBe('TokenMix.ai: prices × 0.95');
    expect(matchingAggregatorOption({ priceMultiplier: 0.95 }, options)).toBe(tokenmix?.value);
  });

  it('every other option resets the multiplier; 1 counts as none', () => {
    for (const option of options.filter((o) => !o.value.startsWith('tokenmix#'))) {
      expect(Object.hasOwn(option.costs, 'priceMultiplier') && option.costs.priceMultiplier === undefined, option.value).toBe(true);
    }
    expect(matchingAggregatorOption({ priceMultiplier: 1 }, options)).toBe(NO_AGGREGATOR);
  });
});
