import { beforeEach, describe, expect, it } from 'vitest';
import { setWorkload } from '@/lib/scenario/edit';
import { presetScenario } from '@/lib/scenario/presets';
import { displayedEvaluation } from './displayed';
import { initialWorkingSet, useScenarioStore } from './scenario-store';
import './scenario-validator'; // the store's zod validator (lib/store/evaluate.ts)

const store = () => useScenarioStore.getState();
const active = () => {
  const s = store();
  const scenario = s.scenarios[s.active];
  if (!scenario) throw new Error('no active scenario');
  return scenario;
};

describe('displayedEvaluation keeps the last valid result of an invalid draft', () => {
  beforeEach(() => store().replaceWorkingSet(initialWorkingSet()));

  it('a valid draft shows its own result, not stale', () => {
    const shown = displayedEvaluation(active());
    expect(shown.status).toBe('ok');
    expect(shown.stale).toBe(false);
    expect(shown.result?.total.tco).toBeGreaterThan(0);
    expect(displayedEvaluation(active())).toBe(shown);
  });

  it('after edits that make the draft invalid, the last valid figures stay, marked stale, with the errors', () => {
    store().updateActive((s) => setWorkload(s, { requestsPerDay: 80_000 }));
    const valid = displayedEvaluation(active());
    store().updateActive((s) => setWorkload(s, { requestsPerDay: -1 }));
    store().updateActive((s) => setWorkload(s, { peakToAvg: 0 }));
    const shown = displayedEvaluation(active());
    expect(shown.status).toBe('invalid');
    expect(shown.stale).toBe(true);
    expect(shown.result).toBe(valid.result);
    expect(shown.errors.map((e) => e.path)).toEqual(['workload.requestsPerDay', 'workload.peakToAvg']);
    // fixing the draft brings fresh, non-stale figures that follow the input (more traffic, more cost)
    store().updateActive((s) => setWorkload(s, { requestsPerDay: 160_000, peakToAvg: 2.5 }));
    const fixed = displayedEvaluation(active());
    expect(fixed.stale).toBe(false);
    expect(fixed.result?.total.tokenCost.total).toBeGreaterThan(valid.result?.total.tokenCost.total ?? Infinity);
  });

  it('a duplicate of an invalid draft inherits the source history', () => {
    const valid = displayedEvaluation(active());
    store().updateActive((s) => setWorkload(s, { requestsPerDay: -1 }));
    store().duplicateScenario(0);
    const copy = displayedEvaluation(active());
    expect(store().active).toBe(1);
    expect(copy.stale).toBe(true);
    expect(copy.result).toBe(valid.result);
  });

  it('an invalid scenario that arrives from outside (link, import) has no history: no result, not stale', () => {
    const foreign = presetScenario('code-generation');
    foreign.routing.chains = [{ weight: 1, models: ['model-that-does-not-exist'] }];
    store().replaceWorkingSet({ scenarios: [foreign], active: 0 });
    const shown = displayedEvaluation(active());
    expect(shown).toMatchObject({ status: 'invalid', stale: false, result: null, input: null });
    expect(shown.errors[0]?.path).toBe('routing.chains[0].models[0]');
  });
});
