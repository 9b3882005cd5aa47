import { describe, expect, it } from 'vitest';
import { runMonteCarlo } from '@/lib/engine';
import type { EngineInput, MonteCarloResult } from '@/lib/engine/types';
import { presetScenario } from '@/lib/scenario/presets';
import { setMonteCarlo } from '@/lib/scenario/edit';
import { evaluateScenario } from './evaluate';
import { MonteCarloPool, planBlocks, type PoolWorker } from './monte-carlo-pool';
import type { WorkerRequest, WorkerResponse } from './monte-carlo-protocol';
import { handleWorkerRequest } from './monte-carlo-sampling';
import { poolSize } from './monte-carlo-runner';
import './scenario-validator'; // the store's zod validator (lib/store/evaluate.ts)

/** A worker the test steps by hand: each `step()` answers its oldest request with the real worker logic. */
class FakeWorker implements PoolWorker {
  inbox: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: { data: WorkerResponse }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  postMessage(message: WorkerRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.inbox.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  step(): boolean {
    const request = this.inbox.shift();
    if (!request || this.terminated) return false;
    this.onmessage?.({ data: handleWorkerRequest(request) });
    return true;
  }
}

function fakePool(size: number, firstBandTrials: number, maxBlockTrials = 1000) {
  const workers: FakeWorker[] = [];
  let clock = 0;
  const pool = new MonteCarloPool({
    size,
    firstBandTrials,
    maxBlockTrials,
    now: () => clock,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  /** Answer every outstanding request, round-robin over live workers, until none is left. */
  const drain = () => {
    for (let guard = 0; guard < 10_000; guard++) {
      clock += 1;
      let stepped = false;
      for (const worker of [...workers]) if (!worker.terminated && worker.step()) stepped = true;
      if (!stepped) return;
    }
    throw new Error('the pool never went quiet');
  };
  return { pool, workers, drain, tick: (ms: number) => (clock += ms) };
}

function inputOf(trials: number, seed = 5): EngineInput {
  const input = evaluateScenario(setMonteCarlo(presetScenario('cost-sensitive'), { trials, seed })).input;
  if (!input?.monteCarlo) throw new Error('preset must be valid');
  return input;
}

describe('Monte Carlo worker pool', () => {
  it('plans contiguous blocks that cover the range, one per worker at least, none above the cap', () => {
    expect(planBlocks(0, 500, 2, 1000)).toEqual([
      [0, 250],
      [250, 500],
    ]);
    const blocks = planBlocks(500, 10_000, 3, 1000);
    expect(blocks).toHaveLength(10);
    expect(blocks[0]![0]).toBe(500);
    expect(blocks.at(-1)![1]).toBe(10_000);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]![0]).toBe(blocks[i - 1]![1]);
    expect(Math.max(...blocks.map(([a, b]) => b - a))).toBeLessThanOrEqual(1000);
    expect(planBlocks(0, 3, 4, 1000)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(planBlocks(7, 7, 2, 10)).toEqual([]);
  });

  it('sizes the pool to the cores, at least one and at most four', () => {
    expect(poolSize(2)).toBe(2);
    expect(poolSize(16)).toBe(4);
    expect(poolSize(0)).toBe(1);
    expect(poolSize(undefined)).toBe(1);
  });

  it('reports a first band early, then a final band identical to a one-thread run, whatever the split', () => {
    const input = inputOf(90);
    const expected = runMonteCarlo(input, input.monteCarlo!);
    for (const [size, maxBlock] of [
      [1, 1000],
      [2, 1000],
      [3, 17],
      [4, 7],
    ] as const) {
      const { pool, workers, drain } = fakePool(size, 40, maxBlock);
      const bands: { result: MonteCarloResult; final: boolean }[] = [];
      pool.run(input, input.monteCarlo!, { onBand: (result, final) => bands.push({ result, final }), onFail: () => bands.push({ result: null!, final: false }) });
      drain();
      expect(workers.length).toBe(size);
      expect(bands.map((b) => b.final), `size ${size} block ${maxBlock}`).toEqual([false, true]);
      expect(bands[0]!.result.trials).toBeGreaterThanOrEqual(40);
      expect(bands[0]!.result.trials).toBeLessThan(90);
      expect(bands[1]!.result).toEqual(expected);
      expect(pool.activeTasks()).toBe(0);
    }
  });

  it('a run of no more trials than the first band reports once, final', () => {
    const input = inputOf(30);
    const { pool, drain } = fakePool(2, 40);
    const finals: boolean[] = [];
    pool.run(input, input.monteCarlo!, { onBand: (_, final) => finals.push(final), onFail: () => finals.push(false) });
    drain();
    expect(finals).toEqual([true]);
  });

  it('a cancelled run reports nothing more; a busy worker is terminated and replaced, and the next run is exact', () => {
    const stale = inputOf(80, 1);
    const { pool, workers, drain } = fakePool(2, 20, 30);
    const staleBands: boolean[] = [];
    const cancel = pool.run(stale, stale.monteCarlo!, { onBand: (_, final) => staleBands.push(final), onFail: () => staleBands.push(false) });
    // Both workers are busy with the first band's blocks; the sampling cost is unknown, so they are cut short.
    cancel();
    expect(workers.filter((w) => w.terminated)).toHaveLength(2);
    expect(pool.activeTasks()).toBe(0);

    const fresh = inputOf(60, 2);
    const bands: MonteCarloResult[] = [];
    pool.run(fresh, fresh.monteCarlo!, { onBand: (result) => bands.push(result), onFail: () => {} });
    drain();
    expect(staleBands).toEqual([]);
    expect(workers).toHaveLength(4);
    expect(bands.at(-1)).toEqual(runMonteCarlo(fresh, fresh.monteCarlo!));
  });

  it('a block about to end is let finish after a cancel (its result is dropped) instead of restarting its worker', () => {
    const input = inputOf(60, 3);
    const { pool, workers, drain, tick } = fakePool(1, 1000, 20);
    // Learn the sampling cost: one full run (1 ms per block step on the fake clock).
    pool.run(input, input.monteCarlo!, { onBand: () => {}, onFail: () => {} });
    drain();
    const reports: boolean[] = [];
    const cancel = pool.run(input, input.monteCarlo!, { onBand: (_, final) => reports.push(final), onFail: () => reports.push(false) });
    tick(1);
    cancel();
    expect(workers.filter((w) => w.terminated)).toHaveLength(0);
    drain();
    expect(reports).toEqual([]);
    expect(pool.activeTasks()).toBe(0);
  });

  it('an engine failure in a worker fails the run once, and a crashed worker fails its run and is replaced', () => {
    const input = inputOf(50);
    const { pool, workers, drain } = fakePool(2, 20);
    const failures: string[] = [];
    const broken = { ...input, horizonMonths: Number.NaN } as EngineInput;
    pool.run(broken, { trials: 50, seed: 1 }, { onBand: () => failures.push('band'), onFail: (message) => failures.push(message) });
    drain();
    expect(failures).toHaveLength(1);
    expect(failures[0]).not.toBe('band');

    const crashed: string[] = [];
    pool.run(input, input.monteCarlo!, { onBand: () => crashed.push('band'), onFail: (message) => crashed.push(message) });
    workers.at(-1)!.onerror?.(new Event('error'));
    expect(crashed).toEqual(['a Monte Carlo worker stopped']);
    const bands: boolean[] = [];
    pool.run(input, input.monteCarlo!, { onBand: (_, final) => bands.push(final), onFail: () => bands.push(false) });
    drain();
    expect(bands.at(-1)).toBe(true);
  });
});
