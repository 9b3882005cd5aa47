import { describe, expect, it } from 'vitest';
import examples from './__fixtures__/model-examples.json';
import { differences } from './__fixtures__/compare';
import { resolveExample } from './__fixtures__/resolve-example';
import { backoffMeans, erlangB, erlangC, erlangCMeanWaitMs, expectedExcess, outageModel, simulate } from './index';
import { chainUnavailability } from './availability';
import { effectiveRequestLimitPerMinute } from './rate-limits';
import { MIN_PER_MONTH } from './constants';

type Example = { id: string; input: Record<string, unknown>; output: Record<string, unknown> };
const byId = (id: string): Example => {
  const found = (examples.examples as unknown as Example[]).find((e) => e.id === id);
  if (!found) throw new Error(`example ${id} missing`);
  return found;
};

/** JSON round trip: the Result as a user sees it (undefined keys dropped). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('golden examples of MODEL.md §10 (1e-9 relative, 1e-12 absolute, same keys and nulls)', () => {
  it.each(['E1', 'E6', 'E7'])('%s: simulate reproduces every field', (id) => {
    const example = byId(id);
    expect(differences(asJson(simulate(resolveExample(example.input))), example.output)).toEqual([]);
  });

  it('E2: outageModel, chain availability and downtime for ρ = 0, 0.5, 1', () => {
    const example = byId('E2');
    const expected = example.output as Record<string, Record<string, unknown>>;
    const availabilities = [0.999, 0.995];
    const actual: Record<string, unknown> = {};
    for (const rho of [0, 0.5, 1]) {
      const model = outageModel(availabilities, rho);
      const down = chainUnavailability(model.states, 0b11);
      actual[`rho=${rho}`] = {
        commonUnavailability: model.commonUnavailability,
        residualUnavailability: model.residualUnavailability,
        chainAvailability: 1 - down,
        downtimeMinutesPerMonth: down * MIN_PER_MONTH,
        downtimeCostPerMonthAt100PerMin: down * MIN_PER_MONTH * 100,
      };
    }
    actual.singleP1 = { downtimeMinutesPerMonth: chainUnavailability(outageModel([0.999], 0).states, 0b1) * MIN_PER_MONTH };
    expect(differences(actual, expected)).toEqual([]);
  });

  it('E3: backoff means for every jitter and the seed pattern simulate call', () => {
    const example = byId('E3');
    const input = example.input as { backoff: { baseMs: number; multiplier: number; capMs: number }; retries: number; scenario: unknown };
    const expected = example.output as { backoffMeans: unknown; result: unknown };
    const means = Object.fromEntries((['none', 'full', 'equal', 'decorrelated'] as const).map((j) => [j, backoffMeans(input.backoff, input.retries, j)]));
    expect(differences(means, expected.backoffMeans)).toEqual([]);
    expect(differences(asJson(simulate(resolveExample(input.scenario))), expected.result)).toEqual([]);
  });

  it('E4: expected excess over RPM/TPM limits at peak', () => {
    const example = byId('E4');
    const input = example.input as { requestsPerDay: number; peakToAvg: number; cases: [number, number][] };
    const lambda = (input.requestsPerDay * input.peakToAvg) / 1440;
    const actual: Record<string, unknown> = { lambdaPerMin: lambda };
    for (const [limit, dispersion] of input.cases) {
      const excess = expectedExcess(lambda, limit, dispersion);
      actual[`L=${limit},D=${dispersion}`] = { excess, rejectShare: excess / lambda };
    }
    // ⌊400,000 / 1,300⌋ = 307 requests per minute.
    actual.tpmLimit = { tpm: 400000, tokensPerRequest: 1300, L: effectiveRequestLimitPerMinute(null, 400000, 1300) };
    expect(differences(actual, example.output)).toEqual([]);
  });

  it('E5: Little, Erlang B and Erlang C', () => {
    const example = byId('E5');
    const input = example.input as { lambdaPerSec: number; meanHoldSec: number };
    const load = input.lambdaPerSec * input.meanHoldSec;
    const actual = {
      offeredLoadErlangs: load,
      erlangB: { c12: erlangB(12, load), c16: erlangB(16, load), c20: erlangB(20, load) },
      erlangC: { c16: erlangC(16, load), meanWaitMs_c16: erlangCMeanWaitMs(16, input.lambdaPerSec, input.meanHoldSec) },
    };
    expect(differences(actual, example.output)).toEqual([]);
  });

  it('E8: provisioned capacity and pay-as-you-go', () => {
    const example = byId('E8');
    const input = example.input as { provisioned: unknown; payg: unknown };
    const expected = example.output as { provisioned: unknown; payg: unknown };
    expect(differences(asJson(simulate(resolveExample(input.provisioned))), expected.provisioned)).toEqual([]);
    expect(differences(asJson(simulate(resolveExample(input.payg))), expected.payg)).toEqual([]);
  });
});
