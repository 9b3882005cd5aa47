import { runMonteCarlo } from '@/lib/engine';
import type { EngineInput, MonteCarloResult } from '@/lib/engine/types';

/**
 * Debounced, shared Monte Carlo runs for the UI (MODEL.md §9). Several components may ask for the same input; they
 * share one run, keyed by the input's content (editing the name does not rerun it). A run starts only after the input
 * has been stable for the debounce delay, and is cancelled if every asker has moved on before it starts, so typing is
 * never blocked by runs for drafts that are already gone. Results are kept in a small LRU.
 */

export const MONTE_CARLO_DEBOUNCE_MS = 300;
const CACHE_SIZE = 12;

type Listener = () => void;

interface PendingRun {
  listeners: Set<Listener>;
  cancel: () => void;
}

const results = new Map<string, MonteCarloResult>();
const pending = new Map<string, PendingRun>();

/** Content key of an input: the same resolved scenario (name aside) gives the same key. */
export function monteCarloKey(input: EngineInput): string {
  return JSON.stringify({ ...input, name: undefined });
}

/** The cached result for a key, without side effects (safe to call while rendering). */
export function peekMonteCarlo(key: string): MonteCarloResult | undefined {
  return results.get(key);
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

/**
 * Ask for the Monte Carlo result of `input`; `onReady` is called once it is cached. Returns an unsubscribe function.
 * `schedule` defaults to a timer, then (where the browser has it) an idle callback so the run waits for a pause.
 */
export function requestMonteCarlo(
  input: EngineInput,
  onReady: Listener,
  schedule: (run: () => void) => () => void = debounceThenIdle,
): () => void {
  const key = monteCarloKey(input);
  const cached = results.get(key);
  if (cached || !input.monteCarlo) {
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
    const cancel = schedule(() => {
      pending.delete(key);
      const result = computeMonteCarlo(input);
      if (result) remember(key, result);
      for (const listener of listeners) listener();
    });
    run = { listeners, cancel };
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

function debounceThenIdle(run: () => void): () => void {
  let idleHandle: number | null = null;
  const timer = setTimeout(() => {
    if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function') {
      idleHandle = window.requestIdleCallback(run, { timeout: 500 });
    } else {
      run();
    }
  }, MONTE_CARLO_DEBOUNCE_MS);
  return () => {
    clearTimeout(timer);
    if (idleHandle !== null) window.cancelIdleCallback(idleHandle);
  };
}
