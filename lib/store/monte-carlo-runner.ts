import type { EngineInput, MonteCarloResult } from '@/lib/engine/types';
import { MonteCarloPool, type PoolWorker } from './monte-carlo-pool';

/**
 * Shared, cancellable Monte Carlo runs for the UI (MODEL.md §9, docs/decisions/007). Several components may ask for
 * the same input; they share one run, keyed by the input's content (editing the name does not rerun it). A run
 * starts after the input has been stable for a short debounce, runs on a pool of Web Workers (one per core, at most
 * four), reports a first band after ~500 trials and the final band over every trial, and is cancelled the moment
 * every asker has moved on (an edit): its partial band is dropped, so a stale band is never shown as current.
 * Final results are kept in a small LRU.
 */

/** Wait this long after the last edit before starting a run (a burst of keystrokes starts one run, not eight). */
export const MONTE_CARLO_DEBOUNCE_MS = 60;
const CACHE_SIZE = 12;
const MAX_WORKERS = 4;

type Listener = () => void;

/** What the UI shows for a key: the final band, a first band while it refines, or a failure. */
export type MonteCarloSnapshot =
  | { state: 'ready'; result: MonteCarloResult }
  | { state: 'refining'; result: MonteCarloResult }
  | { state: 'failed' };

interface PendingRun {
  listeners: Set<Listener>;
  cancel: () => void;
}

const results = new Map<string, MonteCarloResult>();
/** First bands of runs still refining (dropped when the run ends or is cancelled). */
const bands = new Map<string, MonteCarloResult>();
/** Keys whose run failed (the engine threw): not retried, so the UI can stop showing "updating". */
const failures = new Set<string>();
const pending = new Map<string, PendingRun>();
/** One snapshot object per result, so useSyncExternalStore sees a stable value until something changes. */
const snapshots = new WeakMap<MonteCarloResult, MonteCarloSnapshot>();
const FAILED: MonteCarloSnapshot = { state: 'failed' };

/** Content key of an input: the same resolved scenario (name aside) gives the same key. */
export function monteCarloKey(input: EngineInput): string {
  return JSON.stringify({ ...input, name: undefined });
}

/** The final cached result for a key, without side effects (safe to call while rendering; what exports use). */
export function peekMonteCarlo(key: string): MonteCarloResult | undefined {
  return results.get(key);
}

/** Whether the run for this key failed. */
export function monteCarloFailed(key: string): boolean {
  return failures.has(key);
}

function snapshotOf(result: MonteCarloResult, state: 'ready' | 'refining'): MonteCarloSnapshot {
  const cached = snapshots.get(result);
  if (cached) return cached;
  const snapshot: MonteCarloSnapshot = { state, result };
  snapshots.set(result, snapshot);
  return snapshot;
}

/** The UI's view of a key (stable object identity while nothing changes); undefined while no band is in yet. */
export function monteCarloSnapshot(key: string): MonteCarloSnapshot | undefined {
  const result = results.get(key);
  if (result) return snapshotOf(result, 'ready');
  if (failures.has(key)) return FAILED;
  const band = bands.get(key);
  return band ? snapshotOf(band, 'refining') : undefined;
}

function remember(key: string, result: MonteCarloResult): void {
  results.set(key, result);
  while (results.size > CACHE_SIZE) {
    const oldest = results.keys().next().value;
    if (oldest === undefined) break;
    results.delete(oldest);
  }
}

/** Trials and seed the run uses: the scenario's own settings (resolveScenario applied the defaults). */
function settingsOf(input: EngineInput): { trials: number; seed: number } | null {
  return input.monteCarlo ? { trials: input.monteCarlo.trials, seed: input.monteCarlo.seed } : null;
}

/** Reports of a run: bands (the last one final), or a failure. */
export interface MonteCarloReport {
  band: (result: MonteCarloResult, final: boolean) => void;
  fail: () => void;
}

/** Starts a run and reports to `report`; returns a function that abandons it (nothing is reported afterwards). */
export type MonteCarloExecutor = (input: EngineInput, report: MonteCarloReport) => () => void;

/**
 * Ask for the Monte Carlo result of `input`; `onChange` is called on every band and on failure. Returns an
 * unsubscribe function; the last unsubscribe cancels the run. `schedule` defaults to the debounce timer; `execute`
 * to the worker pool where there are workers, else a synchronous run.
 */
export function requestMonteCarlo(
  input: EngineInput,
  onChange: Listener,
  schedule: (run: () => void) => () => void = debounce,
  execute: MonteCarloExecutor = defaultExecutor,
): () => void {
  const key = monteCarloKey(input);
  const cached = results.get(key);
  if (cached || !input.monteCarlo || failures.has(key)) {
    if (cached) {
      // Refresh its place in the LRU: someone is looking at it.
      results.delete(key);
      results.set(key, cached);
    }
    return () => {};
  }
  let run = pending.get(key);
  if (!run) {
    let cancelSchedule: () => void = () => {};
    let abandon: (() => void) | null = null;
    const created: PendingRun = {
      listeners: new Set<Listener>(),
      cancel: () => {
        cancelSchedule();
        abandon?.();
        bands.delete(key);
      },
    };
    const notify = () => {
      for (const listener of [...created.listeners]) listener();
    };
    run = created;
    pending.set(key, created);
    cancelSchedule = schedule(() => {
      abandon = execute(input, {
        band: (result, final) => {
          if (pending.get(key) !== created) return;
          if (final) {
            pending.delete(key);
            bands.delete(key);
            remember(key, result);
          } else {
            bands.set(key, result);
          }
          notify();
        },
        fail: () => {
          if (pending.get(key) !== created) return;
          pending.delete(key);
          bands.delete(key);
          failures.add(key);
          notify();
        },
      });
    });
  }
  const current = run;
  current.listeners.add(onChange);
  return () => {
    current.listeners.delete(onChange);
    if (current.listeners.size === 0 && pending.get(key) === current) {
      pending.delete(key);
      current.cancel();
    }
  };
}

/** Number of runs scheduled or running (for tests and diagnostics). */
export function pendingMonteCarloRuns(): number {
  return pending.size;
}

function debounce(run: () => void): () => void {
  const timer = setTimeout(run, MONTE_CARLO_DEBOUNCE_MS);
  return () => clearTimeout(timer);
}

/** Workers of the pool: one per core, at least one, at most four. */
export function poolSize(hardwareConcurrency: number | undefined): number {
  const cores = Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency as number) : 1;
  return Math.min(MAX_WORKERS, Math.max(1, cores));
}

let sharedPool: MonteCarloPool | null = null;

/** The page's pool, created on first use; a same-origin module worker (CSP worker-src 'self'). */
function pool(): MonteCarloPool {
  if (!sharedPool) {
    sharedPool = new MonteCarloPool({
      size: poolSize(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency),
      createWorker: () => new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), { type: 'module', name: 'monte-carlo' }) as unknown as PoolWorker,
    });
    sharedPool.warm();
  }
  return sharedPool;
}

/** Start the workers ahead of the first run (e.g. once the page is idle), so the first band does not wait for them. */
export function warmMonteCarloWorkers(): void {
  if (typeof Worker !== 'undefined') pool();
}

const poolExecutor: MonteCarloExecutor = (input, report) => {
  const settings = settingsOf(input);
  if (!settings) {
    report.fail();
    return () => {};
  }
  return pool().run(input, settings, { onBand: report.band, onFail: report.fail });
};

/** Without workers (old browsers, tests in Node): the engine on this thread, loaded on demand. */
const lazySynchronousExecutor: MonteCarloExecutor = (input, report) => {
  let cancelled = false;
  void import('./monte-carlo-sync').then(({ computeMonteCarlo }) => {
    if (cancelled) return;
    const result = computeMonteCarlo(input);
    if (result) report.band(result, true);
    else report.fail();
  });
  return () => {
    cancelled = true;
  };
};

function defaultExecutor(input: EngineInput, report: MonteCarloReport): () => void {
  return typeof Worker === 'undefined' ? lazySynchronousExecutor(input, report) : poolExecutor(input, report);
}
