import { describe, expect, it } from 'vitest';
import { presetScenario } from '@/lib/scenario/presets';
import { setMonteCarlo, setName, setWorkload } from '@/lib/scenario/edit';
import { evaluateScenario } from './evaluate';
import { monteCarloKey, peekMonteCarlo, pendingMonteCarloRuns, requestMonteCarlo } from './monte-carlo-runner';
import type { EngineInput } from '@/lib/engine/types';

/** A scheduler the test drives by hand: `flush()` starts every scheduled run, as the debounce timer would. */
function manualScheduler() {
  const queue: { run: () => void; cancelled: boolean }[] = [];
  return {
    schedule: (run: () => void) => {
      const job = { run, cancelled: false };
      queue.push(job);
      return () => {
        job.cancelled = true;
      };
    },
    flush: () => {
      for (const job of queue.splice(0)) if (!job.cancelled) job.run();
    },
  };
}

function inputOf(requestsPerDay: number, trials = 40): EngineInput {
  const scenario = setMonteCarlo(setWorkload(presetScenario('cost-sensitive'), { requestsPerDay }), { trials, seed: 3 });
  const input = evaluateScenario(scenario).input;
  if (!input) throw new Error('preset must be valid');
  return input;
}

describe('Monte Carlo runner', () => {
  it('components asking for the same input share one run, and the result is cached under its content key', () => {
    const scheduler = manualScheduler();
    const input = inputOf(12_345);
    let notified = 0;
    requestMonteCarlo(input, () => notified++, scheduler.schedule);
    requestMonteCarlo(input, () => notified++, scheduler.schedule);
    expect(pendingMonteCarloRuns()).toBe(1);
    expect(peekMonteCarlo(monteCarloKey(input))).toBeUndefined();
    scheduler.flush();
    expect(notified).toBe(2);
    const result = peekMonteCarlo(monteCarloKey(input));
    expect(result?.trials).toBe(40);
    expect(result?.seed).toBe(3);
    expect(result?.monthly).toHaveLength(input.horizonMonths);
    // a cached result needs no new run
    requestMonteCarlo(input, () => notified++, scheduler.schedule);
    expect(pendingMonteCarloRuns()).toBe(0);
  });

  it('a run nobody waits for any more is cancelled before it starts (typing never waits for old drafts)', () => {
    const scheduler = manualScheduler();
    const stale = inputOf(23_456);
    const unsubscribe = requestMonteCarlo(stale, () => {}, scheduler.schedule);
    unsubscribe();
    expect(pendingMonteCarloRuns()).toBe(0);
    scheduler.flush();
    expect(peekMonteCarlo(monteCarloKey(stale))).toBeUndefined();
  });

  it('the key ignores the name but not the figures', () => {
    const scenario = setMonteCarlo(presetScenario('support-chatbot'), { trials: 10 });
    const renamed = evaluateScenario(setName(scenario, 'Another name')).input;
    const base = evaluateScenario(scenario).input;
    if (!base || !renamed) throw new Error('preset must be valid');
    expect(monteCarloKey(renamed)).toBe(monteCarloKey(base));
    expect(monteCarloKey(inputOf(1000))).not.toBe(monteCarloKey(inputOf(1001)));
  });
});
