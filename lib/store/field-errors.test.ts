import { describe, expect, it } from 'vitest';
import { parseScenario } from '@/lib/scenario/schema';
import { displayMessage, errorsByPath, errorsWithin, toFieldError, toFieldErrors } from './field-errors';

describe('field errors', () => {
  it('splits "path: message" at the first ": " even when an id contains a colon', () => {
    expect(toFieldError('workload.outputTokens.p95: must be >= 250')).toEqual({ path: 'workload.outputTokens.p95', message: 'must be >= 250' });
    expect(toFieldError('models.bedrock:claude.inputPer1M: must be >= 0')).toEqual({ path: 'models.bedrock:claude.inputPer1M', message: 'must be >= 0' });
    expect(toFieldError('something went wrong')).toEqual({ path: '(scenario)', message: 'something went wrong' });
  });

  it('turns real parse errors into one FieldError per field, multi-line issues included', () => {
    const parsed = parseScenario({
      version: 1,
      workload: { requestsPerDay: -1, inputTokens: { median: 100, p95: 50 }, outputTokens: { median: 10, p95: 20 }, a: 1, b: 2 },
      routing: { chains: [{ weight: 1, models: ['x'] }] },
    });
    if (parsed.ok) throw new Error('expected errors');
    const byPath = errorsByPath(toFieldErrors(parsed.errors));
    expect(byPath.get('workload.requestsPerDay')).toEqual(['must be >= 0']);
    expect(byPath.get('workload.inputTokens.p95')).toEqual(['must be >= 100']);
    expect(byPath.get('workload.a')).toEqual(['unknown field']);
    expect(byPath.get('workload.b')).toEqual(['unknown field']);
  });

  it('errorsWithin matches a prefix at a path boundary only', () => {
    const errors = toFieldErrors(['routing.chains[0].models[1]: unknown model "z"', 'routing.chains[01]: x', 'routing.chainsX: y', 'routing.chains[0]: z']);
    expect(errorsWithin(errors, 'routing.chains[0]').map((e) => e.message)).toEqual(['unknown model "z"', 'z']);
  });

  it('states the weight rule in percent, as the form shows weights', () => {
    expect(displayMessage({ path: 'routing.chains', message: 'weights must sum to 1 (they sum to 0.9)' })).toBe(
      'Traffic weights must add up to 100 % (they add up to 90 %)',
    );
    expect(displayMessage({ path: 'workload.requestsPerDay', message: 'must be >= 0' })).toBe('Must be >= 0');
  });
});
