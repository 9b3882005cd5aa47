import type { EngineInput, MonteCarloResult } from '@/lib/engine/types';
import { blockBuffers, type MonteCarloSettings, type SampleBlock, type WorkerRequest, type WorkerResponse } from './monte-carlo-protocol';

/**
 * A pool of Monte Carlo workers (docs/decisions/007). A run is cut into contiguous blocks of trials spread over the
 * workers; the first ~500 trials come first and are summarized into a first band as soon as they are in, then the
 * rest refine it to the full count (MODEL.md §9: trial t depends only on (seed, t), so the merged samples, and
 * therefore the final band, are identical to a one-thread run). Cancelling a run drops its queued blocks at once;
 * a worker still busy with one of its blocks is terminated (and replaced on demand) unless the block is about to end,
 * so a stale run never delays the next one and never reports.
 */

/** What the pool needs of a Worker (a real one in the browser, a fake in tests). */
export interface PoolWorker {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerResponse }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface MonteCarloPoolOptions {
  /** Number of workers (callers clamp hardwareConcurrency to 1-4). */
  size: number;
  createWorker: () => PoolWorker;
  /** Trials of the first, early band; runs of at most this many trials report once. */
  firstBandTrials?: number;
  /** Largest block one worker samples at a time (bounds how long a cancelled block can run on). */
  maxBlockTrials?: number;
  now?: () => number;
}

export interface MonteCarloRunCallbacks {
  /** A band over the first trials (final = false), then the band over every trial (final = true). */
  onBand: (result: MonteCarloResult, final: boolean) => void;
  onFail: (message: string) => void;
}

export const FIRST_BAND_TRIALS = 500;
const MAX_BLOCK_TRIALS = 1000;
/** A cancelled block expected to run longer than this is cut short by terminating its worker (~ a worker's start-up). */
const RESTART_COST_MS = 30;

interface Job {
  input: EngineInput;
  settings: MonteCarloSettings;
  callbacks: MonteCarloRunCallbacks;
  /** Blocks sampled (or merged) and not yet handed to a summary. */
  blocks: SampleBlock[];
  firstBandIssued: boolean;
  summarizing: boolean;
  finished: boolean;
}

type Task =
  | { id: number; job: Job; kind: 'sample'; firstTrial: number; trialCount: number }
  | { id: number; job: Job; kind: 'summarize'; final: boolean; blocks: SampleBlock[] };

interface Slot {
  worker: PoolWorker | null;
  task: Task | null;
  startedAt: number;
}

/** Split [from, to) into `parts` contiguous blocks of near-equal size, none above `maxBlock` trials. */
export function planBlocks(from: number, to: number, parts: number, maxBlock: number): [number, number][] {
  const count = to - from;
  if (count <= 0) return [];
  const pieces = Math.min(count, Math.max(parts, Math.ceil(count / maxBlock)));
  const blocks: [number, number][] = [];
  for (let i = 0; i < pieces; i++) {
    const start = from + Math.floor((count * i) / pieces);
    const end = from + Math.floor((count * (i + 1)) / pieces);
    if (end > start) blocks.push([start, end]);
  }
  return blocks;
}

/** Blocks sorted by first trial, split into the prefix contiguous from trial 0 and the rest. */
function contiguousPrefix(blocks: readonly SampleBlock[]): { prefix: SampleBlock[]; rest: SampleBlock[]; trials: number } {
  const sorted = [...blocks].sort((a, b) => a.firstTrial - b.firstTrial);
  let trials = 0;
  let split = 0;
  while (split < sorted.length && sorted[split]!.firstTrial === trials) {
    trials += sorted[split]!.trials;
    split++;
  }
  return { prefix: sorted.slice(0, split), rest: sorted.slice(split), trials };
}

export class MonteCarloPool {
  private readonly slots: Slot[];
  private queue: Task[] = [];
  private nextTaskId = 1;
  /** Measured sampling cost (EMA), to decide whether a cancelled block is worth waiting for. */
  private msPerTrial: number | null = null;
  private readonly firstBandTrials: number;
  private readonly maxBlockTrials: number;
  private readonly now: () => number;

  constructor(private readonly options: MonteCarloPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, Math.floor(options.size)) }, () => ({ worker: null, task: null, startedAt: 0 }));
    this.firstBandTrials = options.firstBandTrials ?? FIRST_BAND_TRIALS;
    this.maxBlockTrials = options.maxBlockTrials ?? MAX_BLOCK_TRIALS;
    this.now = options.now ?? (() => performance.now());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Start every worker now (their start-up then overlaps the debounce before the first run). */
  warm(): void {
    for (const slot of this.slots) this.ensureWorker(slot);
  }

  /** Start a run; returns a function that cancels it (no callback fires after it). */
  run(input: EngineInput, settings: MonteCarloSettings, callbacks: MonteCarloRunCallbacks): () => void {
    const job: Job = { input, settings, callbacks, blocks: [], firstBandIssued: false, summarizing: false, finished: false };
    const trials = Math.max(0, Math.floor(settings.trials));
    if (trials === 0) {
      callbacks.onFail('no trials');
      return () => {};
    }
    const first = trials > this.firstBandTrials ? this.firstBandTrials : trials;
    if (first === trials) job.firstBandIssued = true;
    const ranges = [...planBlocks(0, first, this.slots.length, this.maxBlockTrials), ...planBlocks(first, trials, this.slots.length, this.maxBlockTrials)];
    for (const [start, end] of ranges) {
      this.queue.push({ id: this.nextTaskId++, job, kind: 'sample', firstTrial: start, trialCount: end - start });
    }
    this.dispatch();
    return () => this.cancel(job);
  }

  /** Tasks waiting or running (tests and diagnostics). */
  activeTasks(): number {
    return this.queue.length + this.slots.filter((slot) => slot.task !== null).length;
  }

  /** Workers alive (tests and diagnostics). */
  liveWorkers(): number {
    return this.slots.filter((slot) => slot.worker !== null).length;
  }

  dispose(): void {
    for (const slot of this.slots) {
      slot.worker?.terminate();
      slot.worker = null;
      slot.task = null;
    }
    this.queue = [];
  }

  private cancel(job: Job): void {
    if (job.finished) return;
    job.finished = true;
    job.blocks = [];
    this.queue = this.queue.filter((task) => task.job !== job);
    const now = this.now();
    for (const slot of this.slots) {
      const task = slot.task;
      if (!task || task.job !== job || task.kind !== 'sample') continue;
      const remaining = this.msPerTrial === null ? Infinity : task.trialCount * this.msPerTrial - (now - slot.startedAt);
      if (remaining > RESTART_COST_MS) {
        slot.worker?.terminate();
        slot.worker = null;
        slot.task = null;
      }
    }
    this.dispatch();
  }

  private fail(job: Job, message: string): void {
    if (job.finished) return;
    this.cancel(job);
    job.callbacks.onFail(message);
  }

  private ensureWorker(slot: Slot): PoolWorker {
    if (slot.worker) return slot.worker;
    const worker = this.options.createWorker();
    worker.onmessage = (event) => this.onMessage(slot, worker, event.data);
    worker.onerror = () => this.onCrash(slot, worker);
    slot.worker = worker;
    return worker;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.queue.shift();
      if (!task) return;
      let worker: PoolWorker;
      try {
        worker = this.ensureWorker(slot);
      } catch (error) {
        this.fail(task.job, error instanceof Error ? error.message : 'a Monte Carlo worker could not start');
        continue;
      }
      slot.task = task;
      slot.startedAt = this.now();
      if (task.kind === 'sample') {
        worker.postMessage({ type: 'sample', task: task.id, input: task.job.input, firstTrial: task.firstTrial, trialCount: task.trialCount }, []);
      } else {
        worker.postMessage({ type: 'summarize', task: task.id, settings: task.job.settings, blocks: task.blocks }, blockBuffers(task.blocks));
      }
    }
  }

  private onCrash(slot: Slot, worker: PoolWorker): void {
    if (slot.worker !== worker) return;
    const task = slot.task;
    worker.terminate();
    slot.worker = null;
    slot.task = null;
    if (task) this.fail(task.job, 'a Monte Carlo worker stopped');
    this.dispatch();
  }

  private onMessage(slot: Slot, worker: PoolWorker, response: WorkerResponse): void {
    const task = slot.task;
    if (slot.worker !== worker || !task || task.id !== response.task) return;
    slot.task = null;
    const job = task.job;
    if (response.type === 'failed') {
      this.fail(job, response.message);
    } else if (response.type === 'sampled') {
      const perTrial = (this.now() - slot.startedAt) / Math.max(1, response.block.trials);
      this.msPerTrial = this.msPerTrial === null ? perTrial : 0.5 * (this.msPerTrial + perTrial);
      if (!job.finished) {
        job.blocks.push(response.block);
        this.summarizeWhenReady(job);
      }
    } else if (task.kind === 'summarize' && !job.finished) {
      job.summarizing = false;
      job.blocks.push(response.merged);
      if (task.final) {
        job.finished = true;
        job.blocks = [];
        job.callbacks.onBand(response.result, true);
      } else {
        job.callbacks.onBand(response.result, false);
        this.summarizeWhenReady(job);
      }
    }
    this.dispatch();
  }

  /** Queue a summary (ahead of any sampling) once the first band's trials, or all of them, are in. */
  private summarizeWhenReady(job: Job): void {
    if (job.summarizing || job.finished) return;
    const { prefix, rest, trials } = contiguousPrefix(job.blocks);
    const final = trials >= job.settings.trials;
    if (!final && (job.firstBandIssued || trials < this.firstBandTrials)) return;
    job.firstBandIssued = true;
    job.summarizing = true;
    job.blocks = rest;
    this.queue.unshift({ id: this.nextTaskId++, job, kind: 'summarize', final, blocks: prefix });
  }
}
