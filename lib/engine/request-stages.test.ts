import { describe, expect, it } from 'vitest';
import { singleModelScenario, threeProviderScenario } from './__fixtures__/scenarios';
import { lengthModel, prepareScenario } from './prepare';
import { emptyStateLoad, evaluateState, evaluateStateLoad } from './request-stages';

describe('stage programme and chain enumeration (MODEL.md §5.4-§5.5)', () => {
  it('retries a transient error: attempts 1 + e + e², failure e³', () => {
    const prepared = prepareScenario(singleModelScenario({ model: { transientErrorRate: 0.1 }, routing: { maxRetries: 2 } }));
    const lengths = lengthModel(prepared);
    const evaluation = evaluateState(prepared, lengths, 0, new Float64Array(1), true);
    // 1 + 0.1 + 0.01 = 1.11 attempts; 0.1 + 0.01 = 0.11 retries; 0.001 fail after three 5xx.
    expect(evaluation.attempts[0]).toBeCloseTo(1.11, 14);
    expect(evaluation.retries).toBeCloseTo(0.11, 14);
    expect(evaluation.count5xx).toBeCloseTo(0.111, 14);
    expect(evaluation.failure).toBeCloseTo(0.001, 15);
    expect(evaluation.success).toBeCloseTo(0.999, 14);
    // Success atoms at overheads 0, 200 + 100 and 200 + 100 + 200 + 200 ms (fastFail 200, backoff 100 then 200).
    expect(evaluation.atoms.map((a) => a.overheadMs)).toEqual([0, 300, 700]);
  });
  it('splits the 429 share r from the 5xx share (1 - r)e and fails over on 429 at once', () => {
    const prepared = prepareScenario(singleModelScenario({ model: { transientErrorRate: 0.1 }, routing: { maxRetries: 1, failoverOn: ['429'] } }));
    const evaluation = evaluateState(prepared, lengthModel(prepared), 0, Float64Array.of(0.2), false);
    // Attempt 1: 429 w.p. 0.2 (exits), 5xx w.p. 0.08 (retried); attempt 2 reached w.p. 0.08.
    expect(evaluation.attempts[0]).toBeCloseTo(1.08, 14);
    expect(evaluation.rejected429[0]).toBeCloseTo(0.2 + 0.08 * 0.2, 14);
    expect(evaluation.success).toBeCloseTo(0.72 + 0.08 * 0.72, 14);
  });
  it('the scalar load pass agrees with the full programme in every outage state', () => {
    const prepared = prepareScenario(threeProviderScenario());
    const lengths = lengthModel(prepared);
    const rejection = Float64Array.of(0.03, 0.2, 0.01);
    const load = emptyStateLoad(prepared.models.length);
    for (const state of prepared.outage.states) {
      const full = evaluateState(prepared, lengths, state.downMask, rejection, true);
      evaluateStateLoad(prepared, lengths, state.downMask, rejection, load);
      for (const name of ['attempts', 'rejected429', 'busyMs', 'successes', 'successOutputTokens', 'timeouts'] as const) {
        full[name].forEach((value, j) => expect(Math.abs(load[name][j]! - value)).toBeLessThanOrEqual(1e-12 * Math.max(1, value)));
      }
      expect(load.failure).toBeCloseTo(full.failure, 14);
      // Every request either succeeds or fails: P(success) + P(failure) = Σ w_c p_I = 1.
      expect(full.success + full.failure).toBeCloseTo(1, 12);
    }
  });
});
