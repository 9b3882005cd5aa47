import type { EngineInput, MonteCarloResult } from '@/lib/engine/types';

/**
 * Messages between the Monte Carlo pool (main thread, lib/store/monte-carlo-pool.ts) and its workers
 * (lib/store/monte-carlo.worker.ts). A worker either samples a contiguous block of trials or merges blocks and
 * summarizes them into percentiles (MODEL.md §9.4), so the main thread never sorts samples: it only renders.
 * Trial t depends only on (seed, t), so any split of a run over workers merges into the same result.
 */

/** Trial-major TCO samples of trials firstTrial … firstTrial + trials - 1 (the engine's MonteCarloSamples). */
export interface SampleBlock {
  firstTrial: number;
  trials: number;
  months: number;
  /** Index (t - firstTrial)·months + m. */
  monthlyTco: Float64Array;
  totalTco: Float64Array;
}

export interface MonteCarloSettings {
  trials: number;
  seed: number;
}

export type WorkerRequest =
  | { type: 'sample'; task: number; input: EngineInput; firstTrial: number; trialCount: number }
  | { type: 'summarize'; task: number; settings: MonteCarloSettings; blocks: SampleBlock[] };

export type WorkerResponse =
  | { type: 'sampled'; task: number; block: SampleBlock }
  /** `merged` is every block of the request as one, handed back so the next refinement can extend it. */
  | { type: 'summarized'; task: number; result: MonteCarloResult; merged: SampleBlock }
  | { type: 'failed'; task: number; message: string };

/** The buffers of blocks, to transfer instead of copying them. */
export function blockBuffers(blocks: readonly SampleBlock[]): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const block of blocks) {
    for (const array of [block.monthlyTco, block.totalTco]) {
      if (array.buffer instanceof ArrayBuffer && !buffers.includes(array.buffer)) buffers.push(array.buffer);
    }
  }
  return buffers;
}
