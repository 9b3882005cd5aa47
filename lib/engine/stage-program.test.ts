import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from '../scenario/arbitraries';
import { prepareScenario as resolveScenario } from '../scenario/resolve';
import { threeProviderScenario } from './__fixtures__/scenarios';
import { AtomTable, EvaluationCache } from './month-model';
import { lengthModel, prepareScenario, type PreparedScenario } from './prepare';
import { emptyStateEvaluation, evaluateState, type StateEvaluation } from './request-stages';
import type { EngineInput } from './types';

const PER_MODEL = ['attempts', 'rejected429', 'busyMs', 'successes', 'successOutputTokens', 'timeouts', 'fallbackSuccesses', 'fallbackOutputTokens'] as const;
const SCALARS = ['retries', 'count5xx', 'outageFailures', 'failovers', 'servedByFallback', 'success', 'failure'] as const;

/**
 * Equal to 1e-12 relative. Values beyond 1e290 (a holding time over a zero speed: the Result saturates them) agree,
 * and where the reference overflowed to NaN (0·∞) the programme, which keeps its coefficients finite, must be large.
 */
function close(actual: number, expected: number): boolean {
  if (Number.isNaN(expected)) return !(Math.abs(actual) < 1e290);
  if (Math.abs(actual) >= 1e290 && Math.abs(expected) >= 1e290) return Math.sign(actual) === Math.sign(expected);
  return Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
}

/**
 * The compiled programme of every outage state (through EvaluationCache) against the reference stage programme
 * `evaluateState` (MODEL.md §5.4-§5.5) at rejection vector r: every expectation and every success atom's weight.
 */
function expectProgrammesMatch(input: EngineInput, rejections: Float64Array[]): void {
  const prepared: PreparedScenario = prepareScenario(input);
  const lengths = lengthModel(prepared);
  const atoms = new AtomTable(prepared, lengths);
  const cache = new EvaluationCache(prepared, lengths, true, atoms);
  for (const given of rejections) {
    // The §6.5 fixed point only ever sets r_j of models with a limit; the others stay 0.
    const rejection = given.map((r, j) => (prepared.models[j]!.hasLimits ? r : 0));
    for (const state of prepared.outage.states) {
      const reference = evaluateState(prepared, lengths, state.downMask, rejection, true, undefined, atoms.resolve);
      const compiled: StateEvaluation = emptyStateEvaluation(prepared.models.length);
      const atomWeights: number[] = [];
      cache.accumulate(state.downMask, rejection, compiled, 1, atomWeights, 1);
      for (const name of PER_MODEL) reference[name].forEach((value, i) => expect(close(compiled[name][i]!, value), `${name}[${i}]: ${compiled[name][i]} vs ${value}`).toBe(true));
      for (const name of SCALARS) expect(close(compiled[name], reference[name]), name).toBe(true);
      const referenceWeights: number[] = [];
      reference.atomShapes.forEach((shape, a) => (referenceWeights[shape] = (referenceWeights[shape] ?? 0) + reference.atomWeights[a]!));
      for (let shape = 0; shape < Math.max(atomWeights.length, referenceWeights.length); shape++) {
        expect(close(atomWeights[shape] ?? 0, referenceWeights[shape] ?? 0), `atom ${shape}`).toBe(true);
      }
    }
  }
}

describe('compiled stage programme (stage-program.ts) = the reference stage programme', () => {
  it('three providers with limits, concurrency, timeouts and outages, at r = 0 and r > 0', () => {
    const input = threeProviderScenario();
    expectProgrammesMatch(input, [new Float64Array(3), Float64Array.of(0.03, 0.2, 0.01), Float64Array.of(1, 0.5, 0)]);
  });

  it('random valid scenarios at random rejection vectors', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }), (scenario, r) => {
        const resolved = resolveScenario(scenario, { providers: {}, models: {} });
        if (!resolved.ok) return;
        const modelCount = prepareScenario(resolved.value).models.length;
        const rejection = Float64Array.from({ length: modelCount }, (_, j) => r[j % r.length]!);
        expectProgrammesMatch(resolved.value, [new Float64Array(modelCount), rejection]);
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });
});
