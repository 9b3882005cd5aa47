/**
 * Runs Monte Carlo (MODEL.md §9) off the main thread: a 1,000-trial run takes seconds, and typing must never wait
 * for it (docs/decisions/004). One message in (input and settings), one message out (the result, or null on failure).
 */
import { runMonteCarlo } from '@/lib/engine';
import type { EngineInput, MonteCarloResult } from '@/lib/engine/types';

export interface MonteCarloRequest {
  input: EngineInput;
  settings: { trials: number; seed: number };
}

export type MonteCarloResponse = { ok: true; result: MonteCarloResult } | { ok: false };

self.onmessage = (event: MessageEvent<MonteCarloRequest>) => {
  let response: MonteCarloResponse;
  try {
    response = { ok: true, result: runMonteCarlo(event.data.input, event.data.settings) };
  } catch {
    response = { ok: false };
  }
  self.postMessage(response);
};
