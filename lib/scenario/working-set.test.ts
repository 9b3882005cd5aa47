import { describe, expect, it } from 'vitest';
import { MAX_SCENARIOS } from '@/lib/store/scenario-store';
import { presetScenario } from './presets';
import { MAX_WORKING_SET_SCENARIOS, parseWorkingSet, readStoredWorkingSet, summariseIssues } from './working-set';

const scenario = presetScenario('support-chatbot');

describe('WorkingSetSchema', () => {
  it('allows as many scenarios as the store', () => {
    expect(MAX_WORKING_SET_SCENARIOS).toBe(MAX_SCENARIOS);
  });

  it('accepts one to four scenarios with an active index inside', () => {
    expect(parseWorkingSet({ scenarios: [scenario], active: 0 }).ok).toBe(true);
    expect(parseWorkingSet({ scenarios: [scenario, scenario, scenario, scenario], active: 3 }).ok).toBe(true);
  });

  it('names the field of every problem', () => {
    expect(parseWorkingSet({ scenarios: [], active: 0 })).toEqual({ ok: false, issues: ['scenarios: must have at least 1 item(s)', 'active: must be < 0 (the number of scenarios)'] });
    expect(parseWorkingSet({ scenarios: [scenario], active: 1 })).toEqual({ ok: false, issues: ['active: must be < 1 (the number of scenarios)'] });
    expect(parseWorkingSet({ scenarios: [scenario], active: 0.5 })).toMatchObject({ ok: false, issues: [expect.stringMatching(/^active: /)] });
    expect(parseWorkingSet({ scenarios: [scenario], active: 0, extra: 1 })).toEqual({ ok: false, issues: ['extra: unknown field'] });
    const bad = { ...scenario, workload: { ...scenario.workload, requestsPerDay: -1 } };
    expect(parseWorkingSet({ scenarios: [scenario, bad], active: 0 })).toEqual({ ok: false, issues: ['scenarios[1].workload.requestsPerDay: must be >= 0'] });
    expect(parseWorkingSet('x')).toEqual({ ok: false, issues: ['(working set): expected object'] });
  });
});

describe('readStoredWorkingSet', () => {
  it('reads a working set and, when allowed, a bare scenario', () => {
    expect(readStoredWorkingSet({ scenarios: [scenario], active: 0 })).toEqual({ ok: true, value: { scenarios: [scenario], active: 0 } });
    expect(readStoredWorkingSet(scenario, { allowSingleScenario: true })).toEqual({ ok: true, value: { scenarios: [scenario], active: 0 } });
    expect(readStoredWorkingSet(scenario)).toMatchObject({ ok: false, message: 'scenarios: required (a list of 1 to 4 scenarios)' });
  });

  it('refuses too many scenarios before looking at any of them', () => {
    const five = Array.from({ length: 5 }, () => ({ version: 99 }));
    expect(readStoredWorkingSet({ scenarios: five, active: 0 })).toMatchObject({ ok: false, kind: 'invalid', message: 'scenarios: must have 1 to 4 scenarios (has 5)' });
  });

  it('says which scenario comes from a newer schema', () => {
    expect(readStoredWorkingSet({ scenarios: [scenario, { ...scenario, version: 3 }], active: 0 })).toMatchObject({ ok: false, kind: 'newer-version', message: expect.stringMatching(/^scenarios\[1\] uses scenario schema v3/) });
  });

  it('rejects non-objects', () => {
    for (const value of [null, 1, 'x', [scenario]]) expect(readStoredWorkingSet(value)).toMatchObject({ ok: false, kind: 'invalid' });
  });
});

describe('summariseIssues', () => {
  it('lists five issues and counts the rest', () => {
    const issues = Array.from({ length: 7 }, (_, i) => `f${i}: bad`);
    expect(summariseIssues(issues)).toBe('f0: bad; f1: bad; f2: bad; f3: bad; f4: bad; and 2 more');
    expect(summariseIssues(['a: b'])).toBe('a: b');
  });
});
