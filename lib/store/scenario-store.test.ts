import { beforeEach, describe, expect, it } from 'vitest';
import { presetScenario } from '@/lib/scenario/presets';
import { initialWorkingSet, MAX_SCENARIOS, useScenarioStore } from './scenario-store';

const store = () => useScenarioStore.getState();

describe('scenario store', () => {
  beforeEach(() => {
    useScenarioStore.setState({ ...initialWorkingSet(), baseline: 0, generation: 0 });
  });

  it('edits the active scenario without mutating the previous draft', () => {
    const before = store().scenarios[0];
    store().updateActive((s) => ({ ...s, workload: { ...s.workload, requestsPerDay: 123 } }));
    expect(store().scenarios[0]?.workload.requestsPerDay).toBe(123);
    expect(before?.workload.requestsPerDay).not.toBe(123);
  });

  it('duplicates up to four scenarios, activating each copy, and removes with indexes kept in range', () => {
    for (let i = 0; i < MAX_SCENARIOS + 2; i++) store().duplicateScenario(0);
    expect(store().scenarios).toHaveLength(MAX_SCENARIOS);
    expect(store().active).toBe(MAX_SCENARIOS - 1);
    store().setBaseline(3);
    store().removeScenario(3);
    expect(store().scenarios).toHaveLength(MAX_SCENARIOS - 1);
    expect(store().active).toBeLessThan(MAX_SCENARIOS - 1);
    expect(store().baseline).toBeLessThan(MAX_SCENARIOS - 1);
    while (store().scenarios.length > 1) store().removeScenario(0);
    store().removeScenario(0);
    expect(store().scenarios).toHaveLength(1);
  });

  it('a replaced working set bumps the generation, so results kept from before are not shown for it', () => {
    const generation = store().generation;
    store().replaceWorkingSet({ scenarios: [presetScenario('code-generation'), presetScenario('cost-sensitive')], active: 7 });
    expect(store().generation).toBe(generation + 1);
    expect(store().active).toBe(1);
    expect(store().baseline).toBe(0);
    store().updateActive((s) => ({ ...s, name: 'edited' }));
    expect(store().generation).toBe(generation + 1);
  });
});
