import { runMonteCarlo } from '@/lib/engine';
import type { EngineInput, MonteCarloResult } from '@/lib/engine/types';
import type { MonteCarloRequest, MonteCarloResponse } from './monte-carlo.worker';

/**
 * Debounced, shared Monte Carlo runs for the UI (MODEL.md §9). Several components may ask for the same input; they
 * share one run, keyed by the input's content (editing the name does not rerun it). A run starts only after the input
 * has been stable for the debounce delay, runs in a Web Worker in the browser (a 1,000-trial run takes seconds), and is
 * cancelled (the worker terminated) if every asker has moved on before it ends. Results are kept in a small LRU.
 */

export const MONTE_CARLO_DEBOUNCE_MS = 300;
const CACHE_SIZE = 12;

type Listener = () => void;

interface PendingRun {
  listeners: Set<Listener>;
  cancel: () => void;
}

const results = new Map<string, MonteCarloResult>();
/** Keys whose run failed (the engine threw): not retried, so the UI can stop showing "updating". */
const failures = new Set<string>();
const pending = new Map<string, PendingRun>();

/** Content key of an input: the same resolved scenario (name aside) gives the same key. */
export function monteCarloKey(input: EngineInput): string {
  return JSON.stringify({ ...input, name: undefined });
}

/** The cached result for a key, without side effects (safe to call while rendering). */
export function peekMonteCarlo(key: string): MonteCarloResult | undefined {
  return results.get(key);
}

/** Whether the run for this key failed. */
export function monteCarloFailed(key: string): boolean {
  return failures.has(key);
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

/** Run now, synchronously; an engine failure yields null (the UI then shows the deterministic figures only). */
export function computeMonteCarlo(input: EngineInput): MonteCarloResult | null {
  const settings = settingsOf(input);
  if (!settings) return null;
  try {
    return runMonteCarlo(input, settings);
  } catch {
    return null;
  }
}

/** Starts a run and calls `done` with its result (null on failure); returns a function that abandons it. */
export type MonteCarloExecutor = (input: EngineInput, done: (result: MonteCarloResult | null) => void) => () => void;

/**
 * Ask for the Monte Carlo result of `input`; `onReady` is called once it is cached. Returns an unsubscribe function.
 * `schedule` defaults to the debounce timer; `execute` to a Web Worker where there is one, else a synchronous run.
 */
export function requestMonteCarlo(
  input: EngineInput,
  onReady: Listener,
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
    const listeners = new Set<Listener>();
    let abandon: (() => void) | null = null;
    const cancelSchedule = schedule(() => {
      abandon = execute(input, (result) => {
        pending.delete(key);
        if (result) remember(key, result);
        else failures.add(key);
        for (const listener of listeners) listener();
      });
    });
    run = {
      listeners,
      cancel: () => {
        cancelSchedule();
        abandon?.();
      },
    };
    pending.set(key, run);
  }
  const current = run;
  current.listeners.add(onReady);
  return () => {
    current.listeners.delete(onReady);
    if (current.listeners.size === 0 && pending.get(key) === current) {
      current.cancel();
      pending.delete(key);
    }
  };
}

/** Number of runs scheduled but not started (for tests and diagnostics). */
export function pendingMonteCarloRuns(): number {
  return pending.size;
}

function debounce(run: () => void): () => void {
  const timer = setTimeout(run, MONTE_CARLO_DEBOUNCE_MS);
  return () => clearTimeout(timer);
}

/** Synchronous run (tests, and browsers without workers). */
export const synchronousExecutor: MonteCarloExecutor = (input, done) => {
  done(computeMonteCarlo(input));
  return () => {};
};

/** One worker per run, terminated when the run is abandoned or done (a worker costs ~50 ms to start, a run seconds). */
const workerExecutor: MonteCarloExecutor = (input, done) => {
  const settings = settingsOf(input);
  if (!settings) {
    done(null);
    return () => {};
  }
  let worker: Worker;
  try {
    worker = new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return synchronousExecutor(input, done);
  }
  let finished = false;
  const finish = (result: MonteCarloResult | null) => {
    if (finished) return;
    finished = true;
    worker.terminate();
    done(result);
  };
  worker.onmessage = (event: MessageEvent<MonteCarloResponse>) => finish(event.data.ok ? event.data.result : null);
  worker.onerror = () => finish(null);
  const request: MonteCarloRequest = { input, settings };
  worker.postMessage(request);
  return () => {
    if (finished) return;
    finished = true;
    worker.terminate();
  };
};

function defaultExecutor(input: EngineInput, done: (result: MonteCarloResult | null) => void): () => void {
  return typeof Worker === 'undefined' ? synchronousExecutor(input, done) : workerExecutor(input, done);
}
