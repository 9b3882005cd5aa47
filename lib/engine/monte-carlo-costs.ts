import { lengthCdf, partialExpectation, type LengthDistribution } from './distributions';
import { rejectionFixedPoint } from './load';
import type { LengthInterval, LengthModel, PreparedScenario } from './prepare';
import { emptyStateLoad, evaluateStateLoad, type StateLoad } from './request-stages';

/**
 * Grid step in u = ln λ (λ = realtime arrivals per minute) of the per-state tables. Nodes sit at u = i·step for
 * integer i, so a node's value is a function of (state, i) only, whatever trials asked for it first.
 */
export const ARRIVAL_GRID_STEP = 1 / 32;

/** A state's coefficients: constant (no limit can bind), or nodes[i - offset] at u = i·step, dense, built lazily. */
interface StateTable {
  constant: Float64Array | null;
  offset: number;
  nodes: (Float64Array | undefined)[];
}

/**
 * The cost-only model of Monte Carlo (docs/decisions/006). For an outage state S and rejection vector r, the per-request
 * expectations that TCO needs — successes, timeouts and success output tokens per model, and the failed share — are
 * linear in the interval masses p_I and partial expectations PE_I of the output length (MODEL.md §5.5): the stage
 * programme scales every chain-interval path by w_c·p_I, and success output tokens by w_c·PE_I. So per (S, λ) we keep
 * the coefficients of that linear map, evaluated with r from the §6.5 fixed point at arrivals λ and the deterministic
 * token lengths; a trial-month then needs only p_I and PE_I of its drifted lengths and the coefficients at its
 * arrivals, interpolated (4-point Lagrange in ln λ) between nodes built on first use.
 *
 * Coefficient layout per interval I (stride `stride`): successes[j], timeouts[j], success output tokens[j] (j over
 * models), then the failed share.
 */
export class TrialCostModel {
  readonly intervalCount: number;
  readonly stride: number;
  readonly size: number;
  /** Interval bounds (lo, hi] of X: 0, the thresholds x*_j below the cap, ∞ (fixed: drift moves X, not x*_j). */
  readonly bounds: Float64Array;
  private readonly unitLengths: LengthModel[];
  private readonly load: StateLoad;
  /** Per state (indexed by mask): constant coefficients, or the arrival-grid nodes. */
  private readonly tables: (StateTable | undefined)[] = [];
  /** Per state: the coefficients with no arrivals. */
  private readonly idle: (Float64Array | undefined)[] = [];
  private readonly noRejection: Float64Array;
  /** Nodes computed so far (diagnostics and the benchmark). */
  nodeCount = 0;

  constructor(
    private readonly prepared: PreparedScenario,
    /** Deterministic token lengths: the fixed point at a node uses them (MODEL.md §6.5). */
    private readonly lengths: LengthModel,
  ) {
    const thresholds = [...new Set(prepared.models.map((m) => m.timeoutTokens))].filter((x) => x > 0 && x < lengths.output.cap).sort((a, b) => a - b);
    this.bounds = Float64Array.from([0, ...thresholds, Infinity]);
    this.intervalCount = this.bounds.length - 1;
    const modelCount = prepared.models.length;
    this.stride = 3 * modelCount + 1;
    this.size = this.stride * this.intervalCount;
    this.load = emptyStateLoad(modelCount);
    this.noRejection = new Float64Array(modelCount);
    // One length model per interval with p_I = 1 and PE_I = 1: the load pass then returns that interval's coefficients.
    this.unitLengths = Array.from({ length: this.intervalCount }, (_, i): LengthModel => {
      const lo = this.bounds[i]!;
      const hi = this.bounds[i + 1]!;
      const interval: LengthInterval = {
        lo,
        hi,
        probability: 1,
        cdfLo: 0,
        partialExpectation: 1,
        timesOut: prepared.models.map((m) => lo >= m.timeoutTokens),
        // Holding times enter only the busy time of the load pass, which costs do not use.
        successHoldMs: prepared.models.map(() => 0),
      };
      return { ...lengths, intervals: [interval] };
    });
  }

  /** The arrivals per minute of the next `accumulate` calls, and their lattice position and Lagrange weights. */
  private arrivals = 0;
  private base = 0;
  private readonly lagrange = new Float64Array(4);

  /** Set the arrivals λ (per minute) that the following `accumulate` calls use (one period of one trial-month). */
  setArrivals(arrivals: number): void {
    this.arrivals = arrivals;
    if (!(arrivals > 0)) return;
    const x = Math.log(arrivals) / ARRIVAL_GRID_STEP;
    const base = Math.floor(x);
    const t = x - base;
    this.base = base;
    // 4-point Lagrange weights for nodes base-1 … base+2 at offset t ∈ [0, 1).
    this.lagrange[0] = (-t * (t - 1) * (t - 2)) / 6;
    this.lagrange[1] = ((t + 1) * (t - 1) * (t - 2)) / 2;
    this.lagrange[2] = (-(t + 1) * t * (t - 2)) / 2;
    this.lagrange[3] = ((t + 1) * t * (t - 1)) / 6;
  }

  /** into += weight × coefficients of state `downMask` at the arrivals of `setArrivals`. */
  accumulate(downMask: number, weight: number, into: Float64Array): void {
    const table = this.tables[downMask] ?? this.createTable(downMask);
    const fixed = !(this.arrivals > 0) ? this.noArrivals(downMask) : table.constant;
    const size = this.size;
    if (fixed) {
      for (let k = 0; k < size; k++) into[k] = into[k]! + weight * fixed[k]!;
      return;
    }
    const base = this.base;
    const a = this.node(table, downMask, base - 1);
    const b = this.node(table, downMask, base);
    const c = this.node(table, downMask, base + 1);
    const d = this.node(table, downMask, base + 2);
    const fa = weight * this.lagrange[0]!;
    const fb = weight * this.lagrange[1]!;
    const fc = weight * this.lagrange[2]!;
    const fd = weight * this.lagrange[3]!;
    for (let k = 0; k < size; k++) into[k] = into[k]! + fa * a[k]! + fb * b[k]! + fc * c[k]! + fd * d[k]!;
  }

  /** The table of a state: constant coefficients when no rate- or concurrency-limited model is up in S (r ≡ 0). */
  private createTable(downMask: number): StateTable {
    const limited = this.prepared.models.some((m) => m.hasLimits && (downMask & (1 << m.providerIndex)) === 0);
    const table: StateTable = { constant: limited ? null : this.coefficients(downMask, this.noRejection), offset: 0, nodes: [] };
    this.tables[downMask] = table;
    return table;
  }

  /** Coefficients with no arrivals (r = 0). */
  private noArrivals(downMask: number): Float64Array {
    let coefficients = this.idle[downMask];
    if (!coefficients) {
      coefficients = this.coefficients(downMask, this.noRejection);
      this.idle[downMask] = coefficients;
    }
    return coefficients;
  }

  /** Node `index` (u = index·step) of a limited state, computed on first use: §6.5 from r = 0 at λ = e^u. */
  private node(table: StateTable, downMask: number, index: number): Float64Array {
    const { nodes } = table;
    const hit = nodes[index - table.offset];
    if (hit) return hit;
    if (nodes.length === 0) table.offset = index;
    if (index < table.offset) {
      // Grow the dense node list downwards.
      const shift = table.offset - index;
      nodes.unshift(...new Array<Float64Array | undefined>(shift));
      table.offset = index;
    }
    const at = index - table.offset;
    let coefficients = nodes[at];
    if (!coefficients) {
      const { workload } = this.prepared.input;
      const rejection = rejectionFixedPoint(this.prepared, this.lengths, downMask, Math.exp(index * ARRIVAL_GRID_STEP), workload.arrivalDispersion);
      coefficients = this.coefficients(downMask, rejection);
      while (nodes.length < at) nodes.push(undefined);
      nodes[at] = coefficients;
      this.nodeCount++;
    }
    return coefficients;
  }

  /** The linear map's coefficients in state S with rejections r: one load pass per unit interval (MODEL.md §5.4-§5.5). */
  private coefficients(downMask: number, rejection: Float64Array): Float64Array {
    const modelCount = this.prepared.models.length;
    const out = new Float64Array(this.size);
    const load = this.load;
    for (let i = 0; i < this.intervalCount; i++) {
      evaluateStateLoad(this.prepared, this.unitLengths[i]!, downMask, rejection, load);
      const at = i * this.stride;
      for (let j = 0; j < modelCount; j++) {
        out[at + j] = load.successes[j]!;
        out[at + modelCount + j] = load.timeouts[j]!;
        out[at + 2 * modelCount + j] = load.successOutputTokens[j]!;
      }
      out[at + 3 * modelCount] = load.failure;
    }
    return out;
  }
}

/**
 * Interval masses p_I = F(hi) - F(lo) and partial expectations PE_I of a (drifted) output length over fixed bounds
 * (MODEL.md §3.2), written into `mass` and `partial`.
 */
export function intervalMoments(output: LengthDistribution, bounds: Float64Array, mass: Float64Array, partial: Float64Array): void {
  let cdfLo = lengthCdf(output, bounds[0]!);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const cdfHi = lengthCdf(output, bounds[i + 1]!);
    mass[i] = cdfHi - cdfLo;
    partial[i] = mass[i]! > 0 ? partialExpectation(output, bounds[i]!, bounds[i + 1]!) : 0;
    cdfLo = cdfHi;
  }
}

/** Set `target` to the length distribution `base` with μ shifted by `shift` (MODEL.md §9.1b), without allocating. */
export function shiftLength(target: LengthDistribution, base: LengthDistribution, shift: number): void {
  target.mu = base.mu + shift;
  target.sigma = base.sigma;
  target.cap = base.cap;
  target.uncappedMean = Math.exp(target.mu + (target.sigma * target.sigma) / 2);
  target.mean = partialExpectation(target, 0, Infinity);
}
