import { BoundModel, RELATIVE_SLACK } from './bounds';
import { CandidateEvaluator, type Evaluation, type UniverseModel } from './candidates';
import { chainKey, chainOf, enumerateCandidates, type CandidateTable } from './enumerate';
import { p95Key, paretoFrontier, tcoKey, type RankedCandidate } from './frontier';
import { MinHeap, Staircase } from './heap';
import type { CandidateFigures, OptimizeOptions, OptimizeProgress } from './types';

/**
 * Best-bound-first search over every chain (docs/decisions/009). Singles are simulated first (their figures feed the
 * bounds); then every longer chain is taken in increasing order of its TCO lower bound and is
 *  - screened (skipped) when a bound proves it violates a constraint,
 *  - pruned when an evaluated feasible chain has tco ≤ its TCO lower bound, availability ≥ its (exact) availability
 *    and p95 ≤ its p95 lower bound (so it is strictly dominated: it can be neither best nor on the frontier),
 *  - otherwise simulated. A chain of 3+ models first has its prefix simulated (a candidate too), which tightens the
 *    bounds of every chain sharing it; the chain goes back in the queue if its bound rose.
 * `owns(chain)` restricts the chains searched to a worker's partition (worker-protocol.ts); the singles
 * are always simulated because every bound needs them.
 */
export interface SearchProblem {
  evaluator: CandidateEvaluator;
  universe: readonly UniverseModel[];
  options: OptimizeOptions;
  owns?: (chain: ArrayLike<number>) => boolean;
}

/** An evaluated feasible chain as the pruning rule sees it (keys of frontier.ts; availability exact, A of bounds.ts). */
export interface SharedDominator {
  tcoKey: number;
  availability: number;
  p95Key: number;
}

export function figuresOf(evaluation: Evaluation): CandidateFigures {
  return {
    models: evaluation.models,
    tco: evaluation.tco,
    chainAvailability: evaluation.chainAvailability,
    p95Ms: evaluation.p95Ms,
    rate429: evaluation.rate429,
  };
}

/** Constraints on the engine's own figures (issue 11). */
export function isFeasible(evaluation: CandidateFigures, options: OptimizeOptions): boolean {
  if (options.minAvailability !== undefined && !(evaluation.chainAvailability >= options.minAvailability)) return false;
  if (options.maxP95Ms !== undefined && !(evaluation.p95Ms !== null && evaluation.p95Ms <= options.maxP95Ms)) return false;
  if (options.max429Rate !== undefined && !(evaluation.rate429 <= options.max429Rate)) return false;
  return true;
}

/** The availability bound only skips a chain this far below the limit (rounding of the engine's state sum is ~1e-16). */
const AVAILABILITY_SCREEN_MARGIN = 1e-12;

export class PlannerSearch {
  readonly table: CandidateTable;
  readonly n: number;
  private bounds: BoundModel | null = null;
  private readonly evaluations = new Map<number, Evaluation>();
  private readonly feasible: RankedCandidate[] = [];
  private readonly queue = new MinHeap();
  /** Evaluated feasible chains by tco key, waiting to enter the staircases (weak: tco ≤ bound; strict: tco < bound). */
  private readonly pendingWeak = new MinHeap();
  private readonly pendingStrict = new MinHeap();
  private readonly pendingPoints: { availability: number; p95: number }[] = [];
  private readonly outbox: SharedDominator[] = [];
  private readonly weakStaircase = new Staircase();
  private readonly strictStaircase = new Staircase();
  private readonly done = new Uint8Array(0);
  /** The best TCO lower bound known per candidate; the queue holds it to the cent (ties: shorter chains first). */
  private readonly tcoBounds = new Float64Array(0);
  private nextSingle = 0;
  private ownedCount = 0;
  private processed = 0;
  private screened = 0;
  private pruned = 0;

  constructor(readonly problem: SearchProblem) {
    this.n = problem.universe.length;
    this.table = enumerateCandidates(this.n, problem.options.maxChain);
    this.done = new Uint8Array(this.table.count);
    this.tcoBounds = new Float64Array(this.table.count);
    for (let id = 0; id < this.table.count; id++) if (this.owned(id)) this.ownedCount++;
  }

  private owned(id: number): boolean {
    return this.problem.owns ? this.problem.owns(chainOf(this.table, id)) : true;
  }

  get finished(): boolean {
    return this.bounds !== null && this.queue.size === 0;
  }

  progress(): OptimizeProgress {
    return { processed: this.processed, candidates: this.ownedCount, evaluated: this.problem.evaluator.calls, screened: this.screened, pruned: this.pruned };
  }

  /** Work until `deadline()` says stop or the search is finished; true when finished. */
  run(shouldStop: () => boolean = () => false): boolean {
    while (this.nextSingle < this.n) {
      this.evaluateSingle(this.nextSingle++);
      if (shouldStop()) return false;
    }
    if (!this.bounds) this.startSearch();
    let steps = 0;
    while (this.queue.size > 0) {
      this.step();
      if ((++steps & 63) === 0 && shouldStop()) return this.finished;
    }
    return true;
  }

  /** Simulate the singles and build the bounds, without searching (the brute-force reference uses this). */
  prepareBounds(): BoundModel {
    while (this.nextSingle < this.n) this.evaluateSingle(this.nextSingle++);
    if (!this.bounds) this.startSearch();
    return this.bounds!;
  }

  /** Feasible evaluated chains (the frontier and the best are computed from these). */
  feasibleCandidates(): readonly RankedCandidate[] {
    return this.feasible;
  }

  frontier(): RankedCandidate[] {
    return paretoFrontier(this.feasible);
  }

  boundModel(): BoundModel {
    if (!this.bounds) throw new Error('the search has not started');
    return this.bounds;
  }

  evaluation(chain: ArrayLike<number>): Evaluation | undefined {
    return this.evaluations.get(chainKey(chain, chain.length, this.n));
  }

  /** Simulate a chain (once; later calls reuse the figures). */
  evaluateChain(chain: ArrayLike<number>): Evaluation {
    const key = chainKey(chain, chain.length, this.n);
    let evaluation = this.evaluations.get(key);
    if (!evaluation) {
      const ids = Array.from(chain, (i) => this.problem.universe[i]!.id);
      evaluation = this.problem.evaluator.evaluate(ids);
      this.evaluations.set(key, evaluation);
      if (this.bounds) this.record(chain, evaluation);
    }
    return evaluation;
  }

  private evaluateSingle(index: number): void {
    this.evaluateChain([index]);
    if (this.owned(index)) {
      this.done[index] = 1;
      this.processed++;
    }
  }

  private startSearch(): void {
    const singles = this.problem.universe.map((_, i) => this.evaluations.get(chainKey([i], 1, this.n))!);
    const base = this.problem.evaluator.input([this.problem.universe[0]!.id]);
    this.bounds = new BoundModel(this.problem.universe, singles, base, this.problem.options.p95Measure);
    for (let i = 0; i < this.n; i++) this.record([i], singles[i]!);
    for (let id = this.n; id < this.table.count; id++) {
      if (!this.owned(id)) continue;
      const chain = chainOf(this.table, id);
      this.tcoBounds[id] = this.bounds.tcoLowerBound(chain, null, 1);
      this.queue.push(tcoKey(this.tcoBounds[id]!), id);
    }
  }

  /** An evaluated chain: a dominator for the pruning rule and a frontier entry when feasible and owned. */
  private record(chain: ArrayLike<number>, evaluation: Evaluation): void {
    if (!isFeasible(evaluation, this.problem.options)) return;
    const point: SharedDominator = { tcoKey: tcoKey(evaluation.tco), availability: this.bounds!.availabilityOf(chain), p95Key: p95Key(evaluation.p95Ms) };
    this.addDominator(point);
    if (this.problem.owns && !this.problem.owns(chain)) return;
    this.feasible.push({ figures: figuresOf(evaluation), availabilityKey: point.availability });
    // Every worker simulates the singles itself; longer chains are news to the other partitions.
    if (this.problem.owns && chain.length > 1) this.outbox.push(point);
  }

  private addDominator(point: SharedDominator): void {
    this.pendingPoints.push({ availability: point.availability, p95: point.p95Key });
    this.pendingWeak.push(point.tcoKey, this.pendingPoints.length - 1);
    this.pendingStrict.push(point.tcoKey, this.pendingPoints.length - 1);
  }

  /** Feasible chains this partition evaluated since the last call, for the other workers of the pool. */
  takeDominators(): SharedDominator[] {
    return this.outbox.splice(0);
  }

  /**
   * Feasible chains evaluated by other partitions: dominators like this partition's own (the pruning rule holds for
   * any evaluated feasible chain; it is on the frontier of the union or dominated there by one that is).
   */
  addDominators(points: readonly SharedDominator[]): void {
    for (const point of points) this.addDominator(point);
  }

  /** Longest evaluated prefix valid for this chain: same common shock c, so the same outage law (MODEL.md §4.2). */
  longestPrefix(chain: ArrayLike<number>): { evaluation: Evaluation; length: number } {
    const bounds = this.bounds!;
    const shock = bounds.commonShock(chain);
    for (let length = chain.length - 1; length >= 2; length--) {
      const evaluation = this.evaluations.get(chainKey(chain, length, this.n));
      if (evaluation && bounds.commonShock(chain, length) === shock) return { evaluation, length };
    }
    return { evaluation: this.evaluations.get(chainKey(chain, 1, this.n))!, length: 1 };
  }

  private step(): void {
    const top = this.queue.pop()!;
    const id = top.id;
    if (this.done[id]) return;
    const bounds = this.bounds!;
    const chain = chainOf(this.table, id);
    const key = chainKey(chain, chain.length, this.n);
    if (this.evaluations.has(key)) {
      this.finish(id);
      return;
    }
    let prefix = this.longestPrefix(chain);
    // Every bound computed so far is valid, so the larger is too. The queue is ordered by cents (then by id: shorter
    // chains first) and keys only rise, which keeps the pruning rule sound (dominators enter by cents).
    let tcoBound = Math.max(this.tcoBounds[id]!, bounds.tcoLowerBound(chain, prefix.evaluation, prefix.length));
    this.tcoBounds[id] = tcoBound;
    if (tcoKey(tcoBound) > top.key) {
      this.queue.push(tcoKey(tcoBound), id);
      return;
    }
    if (this.screen(chain, prefix.evaluation, prefix.length)) {
      this.screened++;
      this.finish(id);
      return;
    }
    if (this.dominated(chain, tcoBound, prefix.evaluation, prefix.length)) {
      this.pruned++;
      this.finish(id);
      return;
    }
    // Tighten with the immediate prefix before paying for this chain.
    if (chain.length >= 3 && prefix.length < chain.length - 1) {
      const shorter = Array.from(chain.subarray(0, chain.length - 1));
      if (bounds.commonShock(shorter) === bounds.commonShock(chain)) {
        this.evaluateChain(shorter);
        prefix = this.longestPrefix(chain);
        tcoBound = Math.max(tcoBound, bounds.tcoLowerBound(chain, prefix.evaluation, prefix.length));
        this.tcoBounds[id] = tcoBound;
        if (tcoKey(tcoBound) > top.key) {
          this.queue.push(tcoKey(tcoBound), id);
          return;
        }
        if (this.screen(chain, prefix.evaluation, prefix.length)) {
          this.screened++;
          this.finish(id);
          return;
        }
        if (this.dominated(chain, tcoBound, prefix.evaluation, prefix.length)) {
          this.pruned++;
          this.finish(id);
          return;
        }
      }
    }
    this.evaluateChain(chain);
    this.finish(id);
  }

  private finish(id: number): void {
    this.done[id] = 1;
    this.processed++;
  }

  /** A constraint the chain provably violates (exact availability; p95 and 429 lower bounds). */
  private screen(chain: ArrayLike<number>, prefix: Evaluation, prefixLength: number): boolean {
    const bounds = this.bounds!;
    const { minAvailability, maxP95Ms, max429Rate } = this.problem.options;
    if (minAvailability !== undefined && bounds.availabilityOf(chain) + AVAILABILITY_SCREEN_MARGIN < minAvailability) return true;
    if (maxP95Ms !== undefined) {
      if (bounds.p95LowerBound(chain, prefix, prefixLength) > maxP95Ms) return true;
      if (bounds.p95AtLeast(chain, prefix, prefixLength, maxP95Ms * (1 + RELATIVE_SLACK) + RELATIVE_SLACK)) return true;
    }
    if (max429Rate !== undefined && bounds.rate429LowerBound(chain, prefix, prefixLength) > max429Rate) return true;
    return false;
  }

  /**
   * Strictly behind an evaluated feasible chain b in the frontier order (docs/decisions/009): b's keys are no worse
   * than this chain's bounds and b is better on one key, or b is this chain's own prefix (which comes first on ties).
   */
  private dominated(chain: ArrayLike<number>, tcoBound: number, prefix: Evaluation, prefixLength: number): boolean {
    const boundKey = tcoKey(tcoBound);
    while (this.pendingWeak.size > 0 && this.pendingWeak.peekKey() <= boundKey) {
      const point = this.pendingPoints[this.pendingWeak.pop()!.id]!;
      this.weakStaircase.insert(point.availability, point.p95);
    }
    while (this.pendingStrict.size > 0 && this.pendingStrict.peekKey() < boundKey) {
      const point = this.pendingPoints[this.pendingStrict.pop()!.id]!;
      this.strictStaircase.insert(point.availability, point.p95);
    }
    if (this.weakStaircase.size === 0) return false;
    const bounds = this.bounds!;
    const availability = bounds.availabilityOf(chain);
    // The least p95 key this chain's p95 bound must reach for some dominator (+∞ = a dominator without successes):
    // strictly cheaper; cheaper or equal and more available; equally available and strictly faster; its own prefix.
    const strict = this.strictStaircase.leastP95(availability, false);
    const higher = this.weakStaircase.leastP95(availability, true);
    const equal = this.weakStaircase.leastP95(availability, false);
    let any = strict !== undefined || higher !== undefined || equal !== undefined;
    let need = Math.min(strict ?? Infinity, higher ?? Infinity, equal === undefined ? Infinity : equal + 1);
    for (let length = chain.length - 1; length >= 1; length--) {
      const shorter = this.evaluations.get(chainKey(chain, length, this.n));
      if (!shorter || !isFeasible(shorter, this.problem.options)) continue;
      if (tcoKey(shorter.tco) <= boundKey && bounds.availabilityOf(chain, length) >= availability) {
        any = true;
        need = Math.min(need, p95Key(shorter.p95Ms));
      }
    }
    if (!any) return false;
    return this.p95KeyAtLeast(chain, prefix, prefixLength, need);
  }

  /**
   * Whether p95Key of the chain is provably ≥ `key`: first the closed-form bound, then the mixture test at the least
   * p95 that rounds to `key` (Math.round(1000·p) ≥ key ⇔ p ≥ (key - 0.5)/1000), raised by the relative slack.
   */
  private p95KeyAtLeast(chain: ArrayLike<number>, prefix: Evaluation, prefixLength: number, key: number): boolean {
    const bounds = this.bounds!;
    if (p95Key(bounds.p95LowerBound(chain, prefix, prefixLength)) >= key) return true;
    if (key === Infinity) return false;
    const tau = ((key - 0.5) / 1000) * (1 + RELATIVE_SLACK) + RELATIVE_SLACK;
    return bounds.p95AtLeast(chain, prefix, prefixLength, tau);
  }
}
