/**
 * One worker of the Monte Carlo pool (docs/decisions/007, lib/store/monte-carlo-pool.ts): answers sample and summarize
 * requests (lib/store/monte-carlo-sampling.ts) so that neither costs the main thread anything. Sample buffers travel
 * by transfer, never by copy.
 */
import { blockBuffers, type WorkerRequest, type WorkerResponse } from './monte-carlo-protocol';
import { handleWorkerRequest } from './monte-carlo-sampling';

const scope = self as unknown as { postMessage(message: WorkerResponse, transfer: Transferable[]): void };

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const response = handleWorkerRequest(event.data);
  const blocks = response.type === 'sampled' ? [response.block] : response.type === 'summarized' ? [response.merged] : [];
  scope.postMessage(response, blockBuffers(blocks));
};
