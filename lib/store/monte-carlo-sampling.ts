import { mergeMonteCarloSamples, sampleMonteCarlo, summarizeMonteCarlo } from '@/lib/engine';
import type { WorkerRequest, WorkerResponse } from './monte-carlo-protocol';

/**
 * What a Monte Carlo worker does with one request (docs/decisions/007): sample a contiguous block of trials
 * (MODEL.md §9.3), or merge blocks and summarize them into percentiles (§9.4). Pure, so tests run it without a worker.
 */
export function handleWorkerRequest(request: WorkerRequest): WorkerResponse {
  try {
    if (request.type === 'sample') {
      return { type: 'sampled', task: request.task, block: sampleMonteCarlo(request.input, request.firstTrial, request.trialCount) };
    }
    const merged = mergeMonteCarloSamples(request.blocks);
    return { type: 'summarized', task: request.task, result: summarizeMonteCarlo(request.settings, merged), merged };
  } catch (error) {
    return { type: 'failed', task: request.task, message: error instanceof Error ? error.message : String(error) };
  }
}
