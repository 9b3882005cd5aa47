'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { BreakevenResult } from '@/lib/planner/breakeven';
import type { RankedCandidate } from '@/lib/planner/frontier';
import { resultFromFeasible } from '@/lib/planner/optimize';
import type { SensitivityResult } from '@/lib/planner/sensitivity';
import type { OptimizeOptions, OptimizeResult } from '@/lib/planner/types';
import type { PlannerRequest, PlannerResponse } from '@/lib/planner/worker-protocol';
import type { Scenario } from '@/lib/scenario/schema';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; processed: number; candidates: number; evaluated: number }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string }
  | { status: 'done'; result: OptimizeResult };

function newWorker(): Worker {
  return new Worker(new URL('./planner.worker.ts', import.meta.url), { type: 'module', name: 'planner' });
}

/** Pool size: the cores but one, at most 4 (the search splits by second model and shares dominators, docs/decisions/009). */
function poolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(4, cores - 1));
}

/** The optimizer over a pool of workers, with progress and cancel. */
export function useOptimizer() {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const workers = useRef<Worker[]>([]);
  const stop = useCallback(() => {
    for (const worker of workers.current) worker.terminate();
    workers.current = [];
  }, []);
  useEffect(() => stop, [stop]);

  const run = useCallback(
    (scenario: Scenario, options: OptimizeOptions) => {
      stop();
      const started = performance.now();
      const count = poolSize();
      const pool = Array.from({ length: count }, newWorker);
      workers.current = pool;
      const progress = pool.map(() => ({ processed: 0, candidates: 0, evaluated: 0 }));
      const feasible: RankedCandidate[][] = pool.map(() => []);
      let finished = 0;
      let candidates = 0;
      setState({ status: 'running', processed: 0, candidates: 0, evaluated: 0 });
      const report = () => {
        const sum = progress.reduce((acc, p) => ({ processed: acc.processed + p.processed, candidates: acc.candidates + p.candidates, evaluated: acc.evaluated + p.evaluated }), { processed: 0, candidates: 0, evaluated: 0 });
        setState({ status: 'running', ...sum });
      };
      pool.forEach((worker, index) => {
        worker.onmessage = (event: MessageEvent<PlannerResponse>) => {
          const message = event.data;
          if (workers.current !== pool) return;
          if (message.type === 'failed') {
            stop();
            setState({ status: 'failed', message: message.message });
          } else if (message.type === 'progress') {
            progress[index] = message.progress;
            // Relay the worker's feasible chains: dominators for the other partitions (docs/decisions/009).
            if (message.dominators.length > 0) {
              pool.forEach((other, j) => {
                if (j !== index) other.postMessage({ type: 'dominators', points: message.dominators } satisfies PlannerRequest);
              });
            }
            report();
          } else if (message.type === 'optimized') {
            progress[index] = message.progress;
            feasible[index] = message.feasible;
            candidates = message.candidates;
            finished++;
            report();
            if (finished < pool.length) return;
            const evaluated = progress.reduce((acc, p) => acc + p.evaluated, 0);
            const result = resultFromFeasible(feasible.flat(), evaluated, candidates, 0);
            if (result.best) {
              result.ms = Math.round(performance.now() - started);
              stop();
              setState({ status: 'done', result });
            } else {
              pool[0]!.postMessage({ type: 'explain' } satisfies PlannerRequest);
              pool[0]!.onmessage = (explained: MessageEvent<PlannerResponse>) => {
                const reply = explained.data;
                if (reply.type === 'explained') {
                  result.infeasible = reply.infeasible;
                  result.evaluated = evaluated - progress[0]!.evaluated + reply.evaluated;
                  result.ms = Math.round(performance.now() - started);
                  stop();
                  setState({ status: 'done', result });
                } else if (reply.type === 'failed') {
                  stop();
                  setState({ status: 'failed', message: reply.message });
                }
              };
            }
          }
        };
        worker.postMessage({ type: 'optimize', scenario, options, workerIndex: index, workerCount: count } satisfies PlannerRequest);
      });
    },
    [stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState({ status: 'cancelled' });
  }, [stop]);

  return { state, run, cancel };
}

/** One request to one worker (sensitivity, break-even), replaced by the next request. */
export function useWorkerTask<T extends SensitivityResult | BreakevenResult>(type: 'sensitivity' | 'breakeven') {
  const [state, setState] = useState<{ status: 'idle' | 'running' } | { status: 'done'; result: T } | { status: 'failed'; message: string }>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);
  const run = useCallback(
    (request: PlannerRequest) => {
      worker.current?.terminate();
      const current = newWorker();
      worker.current = current;
      setState({ status: 'running' });
      current.onmessage = (event: MessageEvent<PlannerResponse>) => {
        const message = event.data;
        if (worker.current !== current) return;
        if (message.type === 'failed') setState({ status: 'failed', message: message.message });
        else if (message.type === type) setState({ status: 'done', result: message.result as T });
        current.terminate();
        worker.current = null;
      };
      current.postMessage(request);
    },
    [type],
  );
  return { state, run };
}
