import type { Jitter } from './types';

export interface BackoffSettings {
  baseMs: number;
  multiplier: number;
  /** null = ∞ */
  capMs: number | null;
}

/**
 * Expected delay (ms) before retries k = 1..retries (MODEL.md §5.3): v_k = min(cap, base·mult^(k-1));
 * none v_k, full v_k/2, equal 0.75·v_k; decorrelated d_0 = base, d_k = min(cap, (base + 3·d_{k-1})/2).
 */
export function backoffMeans(backoff: BackoffSettings, retries: number, jitter: Jitter): number[] {
  const cap = backoff.capMs ?? Infinity;
  const delays: number[] = [];
  let decorrelated = backoff.baseMs;
  for (let k = 1; k <= retries; k++) {
    const v = Math.min(cap, backoff.baseMs * backoff.multiplier ** (k - 1));
    switch (jitter) {
      case 'none':
        delays.push(v);
        break;
      case 'full':
        delays.push(v / 2);
        break;
      case 'equal':
        delays.push(0.75 * v);
        break;
      case 'decorrelated':
        decorrelated = Math.min(cap, (backoff.baseMs + 3 * decorrelated) / 2);
        delays.push(decorrelated);
        break;
    }
  }
  return delays;
}
