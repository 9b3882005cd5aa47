import { describe, expect, it } from 'vitest';
import { singleModelScenario } from './__fixtures__/scenarios';
import { overflowShare, slaCreditPct } from './costs';
import { simulate } from './index';

describe('token costs (MODEL.md §8.1-§8.5)', () => {
  it('single model, no failures: cost/request = [E[in]((1-c)pIn + c·pCached) + E[out]·pOut]/1e6', () => {
    const month = simulate(singleModelScenario()).months[0]!;
    // (1,104.8606·(0.7·0.15 + 0.3·0.075) + 393.93496·0.60)/1e6 = $3.7723e-4 per request.
    const perRequest = (1104.8606487904017 * (0.7 * 0.15 + 0.3 * 0.075) + 393.9349553184365 * 0.6) / 1e6;
    expect(month.tokenCost.total / month.requests / perRequest - 1).toBeLessThan(1e-12);
  });
  it('batch uses the batch prices of each chain’s first model, no cache discount', () => {
    const month = simulate(singleModelScenario({ workload: { batchShare: 1 } })).months[0]!;
    // 3,043,750 × (1,104.8606 × 0.075 + 393.93496 × 0.30)/1e6 (batch defaults: 0.5 × realtime).
    expect(month.tokenCost.batch / ((3043750 * (1104.8606487904017 * 0.075 + 393.9349553184365 * 0.3)) / 1e6) - 1).toBeLessThan(1e-12);
    expect(month.realtimeRequests).toBe(0);
    expect(month.fullResponse.p50).toBeNull();
    expect(month.targetMissShare).toBeNull();
  });
  it('overflow share φ = max(0, 1 - capacity/τ); 1 without provisioning; 0 without traffic', () => {
    // E8 peak: τ = 2.0817M tokens/min against 1.2M → φ = 0.42354.
    expect(overflowShare(1.2e6, 2081710)).toBeCloseTo(1 - 1.2e6 / 2081710, 15);
    expect(overflowShare(1.2e6, 832700)).toBe(0);
    expect(overflowShare(null, 5)).toBe(1);
    expect(overflowShare(1.2e6, 0)).toBe(0);
  });
  it('SLA credit: the largest creditPct whose threshold the availability is below', () => {
    const tiers = [
      { belowPct: 99.9, creditPct: 10 },
      { belowPct: 99, creditPct: 25 },
      { belowPct: 95, creditPct: 100 },
    ];
    expect(slaCreditPct(tiers, 0.9995)).toBe(0);
    expect(slaCreditPct(tiers, 0.998)).toBe(10);
    expect(slaCreditPct(tiers, 0.97)).toBe(25);
    expect(slaCreditPct(tiers, 0.5)).toBe(100);
  });
  it('fees, engineering and failed requests enter the TCO', () => {
    const input = singleModelScenario({ provider: { availability: 0.99, integrationHours: 10, maintenanceHoursPerMonth: 2 }, horizonMonths: 2 });
    input.costs = { engineeringHourlyRate: 100, aggregatorFeePct: 5, platformFeeMonthly: 50, downtimeCostPerMinute: 2, failedRequestCost: 0.001 };
    const [first, second] = simulate(input).months;
    // Month 0: integration 10 h × $100; maintenance 2 h × $100 every month.
    expect(first!.engineering).toEqual({ integration: 1000, maintenance: 200 });
    expect(second!.engineering).toEqual({ integration: 0, maintenance: 200 });
    expect(first!.aggregatorFee).toBeCloseTo(0.05 * first!.tokenCost.total, 12);
    // Outage 1 % of the time: 438.3 minutes × $2; 1 % of requests fail × $0.001.
    expect(first!.downtimeMinutes).toBeCloseTo(438.3, 9);
    expect(first!.failedRequests).toBeCloseTo(0.01 * first!.realtimeRequests, 6);
    const expected = first!.tokenCost.total + first!.aggregatorFee + 50 + 1200 + first!.downtimeCost + first!.failedRequestCost;
    expect(first!.tco).toBeCloseTo(expected, 9);
  });
});
