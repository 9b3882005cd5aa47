import { describe, expect, it } from 'vitest';
import { presetScenario } from '@/lib/scenario/presets';
import { setMonteCarlo, setName, setWorkload } from '@/lib/scenario/edit';
import { evaluateScenario } from './evaluate';
import {
  monteCarloFailed,
  monteCarloKey,
  monteCarloSnapshot,
  peekMonteCarlo,
  pendingMonteCarloRuns,
  requestMonteCarlo,
  type MonteCarloExecutor,
  type MonteCarloReport,
} from './monte-carlo-runner';
import { synchronousExecutor } from './monte-carlo-sync';
import type { EngineInput } from '@/lib/engine/types';
import './scenario-validator'; // the store's zod validator (lib/store/evaluate.ts)

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
    requestMonteCarlo(input, () => notified++, scheduler.schedule, synchronousExecutor);
    requestMonteCarlo(input, () => notified++, scheduler.schedule, synchronousExecutor);
    expect(pendingMonteCarloRuns()).toBe(1);
    expect(peekMonteCarlo(monteCarloKey(input))).toBeUndefined();
    scheduler.flush();
    expect(notified).toBe(2);
    const result = peekMonteCarlo(monteCarloKey(input));
    expect(result?.trials).toBe(40);
    expect(result?.seed).toBe(3);
    expect(result?.monthly).toHaveLength(input.horizonMonths);
    // a cached result needs no new run
    requestMonteCarlo(input, () => notified++, scheduler.schedule, synchronousExecutor);
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

  it('a run in progress (in a worker) is abandoned when nobody waits any more, and its late result is not cached', () => {
    const scheduler = manualScheduler();
    const input = inputOf(34_567);
    let abandoned = 0;
    let report: MonteCarloReport | null = null;
    const executor: MonteCarloExecutor = (_, r) => {
      report = r;
      return () => abandoned++;
    };
    const unsubscribe = requestMonteCarlo(input, () => {}, scheduler.schedule, executor);
    scheduler.flush();
    expect(report).not.toBeNull();
    unsubscribe();
    expect(abandoned).toBe(1);
    expect(pendingMonteCarloRuns()).toBe(0);
    (report as unknown as MonteCarloReport).band({ trials: 1, seed: 1, monthly: [], total: { p5: 1, p50: 2, p95: 3 } }, true);
    expect(peekMonteCarlo(monteCarloKey(input))).toBeUndefined();

    // a failed run caches nothing and still tells the waiting components
    let told = 0;
    requestMonteCarlo(input, () => told++, scheduler.schedule, executor);
    scheduler.flush();
    (report as unknown as MonteCarloReport).fail();
    expect(told).toBe(1);
    expect(peekMonteCarlo(monteCarloKey(input))).toBeUndefined();
    expect(monteCarloFailed(monteCarloKey(input))).toBe(true);
    expect(monteCarloSnapshot(monteCarloKey(input))).toEqual({ state: 'failed' });
  });

  it('a first band shows as refining until the final band; a cancelled run drops its first band', () => {
    const scheduler = manualScheduler();
    const input = inputOf(45_678);
    const key = monteCarloKey(input);
    let report: MonteCarloReport | null = null;
    const executor: MonteCarloExecutor = (_, r) => {
      report = r;
      return () => {};
    };
    const first = { trials: 500, seed: 3, monthly: [], total: { p5: 1, p50: 2, p95: 3 } };
    const final = { trials: 1000, seed: 3, monthly: [], total: { p5: 1.1, p50: 2, p95: 2.9 } };
    let told = 0;
    const unsubscribe = requestMonteCarlo(input, () => told++, scheduler.schedule, executor);
    expect(monteCarloSnapshot(key)).toBeUndefined();
    scheduler.flush();
    const reporter = report as unknown as MonteCarloReport;
    reporter.band(first, false);
    const refining = monteCarloSnapshot(key);
    expect(refining).toEqual({ state: 'refining', result: first });
    expect(monteCarloSnapshot(key)).toBe(refining); // stable for useSyncExternalStore
    expect(peekMonteCarlo(key)).toBeUndefined(); // exports never take a first band for the result
    reporter.band(final, true);
    expect(monteCarloSnapshot(key)).toEqual({ state: 'ready', result: final });
    expect(peekMonteCarlo(key)).toBe(final);
    expect(told).toBe(2);
    unsubscribe();

    const other = inputOf(45_679);
    const cancel = requestMonteCarlo(other, () => {}, scheduler.schedule, executor);
    scheduler.flush();
    (report as unknown as MonteCarloReport).band(first, false);
    expect(monteCarloSnapshot(monteCarloKey(other))?.state).toBe('refining');
    cancel();
    expect(monteCarloSnapshot(monteCarloKey(other))).toBeUndefined();
  });

  it('the key ignores the name but not the figures', () => {
    const scenario = setMonteCarlo(presetScenario('support-chatbot'), { trials: 10 });
    const renamed = evaluateScenario(setName(scenario, 'Another name')).input;
    const base = evaluateScenario(scenario).input;
    if (!base || !renamed) throw new Error('preset must be valid');
    expect(monteCarloKey(renamed)).toBe(monteCarloKey(base));
    expect(monteCarloKey(inputOf(1000))).not.toBe(monteCarloKey(inputOf(1001)));
  });

  it('without workers (Node here) the default executor loads the engine on demand and reports one final band', async () => {
    const input = inputOf(56_789);
    const ready = new Promise<void>((resolve) => requestMonteCarlo(input, resolve, (run) => (run(), () => {})));
    await ready;
    expect(monteCarloSnapshot(monteCarloKey(input))?.state).toBe('ready');
    expect(peekMonteCarlo(monteCarloKey(input))?.trials).toBe(40);
  });
});
