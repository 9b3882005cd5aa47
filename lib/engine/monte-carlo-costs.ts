import { priceFactor } from './costs';
import { lengthCdf, MAX_EXPECTED_TOKENS, normalCdf, partialExpectation, type LengthDistribution } from './distributions';
import { rejectionFixedPoint } from './load';
import type { LengthInterval, LengthModel, PreparedScenario } from './prepare';
import { emptyStateLoad, evaluateStateLoad, type StateLoad } from './request-stages';

/**
 * Grid step in u = ln λ (λ = realtime arrivals per minute) of the per-state tables. Nodes sit at u = i·step for
 * integer i, so a node's value is a function of (state, i) only, whatever trials asked for it first.
 */
export const ARRIVAL_GRID_STEP = 1 / 32;
const NODES_PER_UNIT = 32;
/** Module-local alias: tsx's CommonJS interop reads an imported binding through a getter on every use. */
const phi = normalCdf;

/**
 * A state's coefficients, compact layout (see TrialCostModel): constant (no limit can bind), or lattice nodes
 * lo … lo + capacity - 1 stored flat (node k at data[(k - lo)·entries]), built on first use.
 */
export interface StateTable {
  constant: Float64Array | null;
  lo: number;
  capacity: number;
  data: Float64Array;
  built: Uint8Array;
  /** ready[k - lo] = 1 when nodes k-1 … k+2 (the 4-point window of base k) are all built. */
  ready: Uint8Array;
}

/**
 * The cost-only model of Monte Carlo (docs/decisions/006). For an outage state S and rejection vector r, the per-request
 * expectations that TCO needs are linear in the interval masses p_I and partial expectations PE_I of the output length
 * (MODEL.md §5.5): the stage programme scales every chain-interval path by w_c·p_I, and success output tokens by
 * w_c·PE_I. So per (S, λ) we keep the coefficients of that linear map, evaluated with r from the §6.5 fixed point at
 * arrivals λ and the deterministic token lengths; a trial-month then needs only p_I and PE_I of its drifted lengths and
 * the coefficients at its arrivals, interpolated (4-point Lagrange in ln λ) between nodes built on first use.
 *
 * Compact layout (docs/decisions/006, 2026-12-03 afternoon): per interval I a block of `block` = 2·models + 1 entries,
 * what the §8.1 cost lines bill per request:
 *  - [j]: billed-input requests at model j, successes_j + timeouts_j (× p_I);
 *  - [models + j]: billed output tokens at j: timeouts_j·x*_j (× p_I) if every X in I exceeds x*_j, else success
 *    output tokens (× PE_I) — the other of the two is zero by construction (no success beyond x*_j, no timeout below);
 *  - [2·models]: the failed share (× p_I).
 * `multiplierIsMass[e]` says which of p_I or PE_I entry e multiplies.
 */
export class TrialCostModel {
  readonly intervalCount: number;
  /** Entries per interval block: 2·models + 1. */
  readonly block: number;
  /** Entries of a coefficient vector: block·intervals. */
  readonly entries: number;
  /** Interval bounds (lo, hi] of X: 0, the thresholds x*_j below the cap, ∞ (fixed: drift moves X, not x*_j). */
  readonly bounds: Float64Array;
  /** 1 where entry e multiplies p_I, 0 where it multiplies PE_I. */
  readonly multiplierIsMass: Uint8Array;
  private readonly timesOut: Uint8Array;
  private readonly unitLengths: LengthModel[];
  private readonly load: StateLoad;
  /** Per state (indexed by mask): constant coefficients, or the arrival-lattice nodes. */
  readonly tables: (StateTable | undefined)[] = [];
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
    this.block = 2 * modelCount + 1;
    this.entries = this.block * this.intervalCount;
    this.load = emptyStateLoad(modelCount);
    this.noRejection = new Float64Array(modelCount);
    this.timesOut = new Uint8Array(this.intervalCount * modelCount);
    this.multiplierIsMass = new Uint8Array(this.entries).fill(1);
    for (let i = 0; i < this.intervalCount; i++) {
      for (const model of prepared.models) {
        const out = this.bounds[i]! >= model.timeoutTokens;
        this.timesOut[i * modelCount + model.index] = out ? 1 : 0;
        if (!out) this.multiplierIsMass[i * this.block + modelCount + model.index] = 0;
      }
    }
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

  /** Lattice position of ln λ: the window's base node and its 4-point Lagrange weights (nodes base-1 … base+2). */
  static latticePosition(lnArrivals: number, weights: Float64Array, at: number): number {
    const x = lnArrivals * NODES_PER_UNIT;
    const base = Math.floor(x);
    const t = x - base;
    const tm1 = t - 1;
    const tm2 = t - 2;
    const tp1 = t + 1;
    weights[at] = (-t * tm1 * tm2) / 6;
    weights[at + 1] = (tp1 * tm1 * tm2) / 2;
    weights[at + 2] = (-tp1 * t * tm2) / 2;
    weights[at + 3] = (tp1 * t * tm1) / 6;
    return base;
  }

  /** The table of a state (created on first use). */
  table(downMask: number): StateTable {
    return this.tables[downMask] ?? this.createTable(downMask);
  }

  /**
   * into += weight × the coefficients of state `downMask` at the lattice position (base, weights[at … at+3]) of
   * `latticePosition` (into = … when `assign`).
   */
  accumulate(downMask: number, weight: number, base: number, weights: Float64Array, at: number, into: Float64Array, assign: boolean): void {
    const table = this.tables[downMask] ?? this.createTable(downMask);
    const entries = this.entries;
    const fixed = table.constant;
    if (fixed) {
      if (assign) for (let e = 0; e < entries; e++) into[e] = weight * fixed[e]!;
      else for (let e = 0; e < entries; e++) into[e] = into[e]! + weight * fixed[e]!;
      return;
    }
    let k = base - table.lo;
    if (k < 1 || k + 2 >= table.capacity || table.ready[k] === 0) k = this.buildWindow(table, downMask, base);
    const data = table.data;
    const fa = weight * weights[at]!;
    const fb = weight * weights[at + 1]!;
    const fc = weight * weights[at + 2]!;
    const fd = weight * weights[at + 3]!;
    const a = (k - 1) * entries;
    const b = a + entries;
    const c = b + entries;
    const d = c + entries;
    if (assign) for (let e = 0; e < entries; e++) into[e] = fa * data[a + e]! + fb * data[b + e]! + fc * data[c + e]! + fd * data[d + e]!;
    else for (let e = 0; e < entries; e++) into[e] = into[e]! + fa * data[a + e]! + fb * data[b + e]! + fc * data[c + e]! + fd * data[d + e]!;
  }

  /** into += weight × the coefficients of state `downMask` with no arrivals (r = 0). */
  accumulateIdle(downMask: number, weight: number, into: Float64Array): void {
    const fixed = this.noArrivals(downMask);
    for (let e = 0; e < this.entries; e++) into[e] = into[e]! + weight * fixed[e]!;
  }

  /** The table of a state: constant coefficients when no rate- or concurrency-limited model is up in S (r ≡ 0). */
  private createTable(downMask: number): StateTable {
    const limited = this.prepared.models.some((m) => m.hasLimits && (downMask & (1 << m.providerIndex)) === 0);
    const table: StateTable = {
      constant: limited ? null : this.coefficients(downMask, this.noRejection),
      lo: 0,
      capacity: 0,
      data: new Float64Array(0),
      built: new Uint8Array(0),
      ready: new Uint8Array(0),
    };
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

  /** Build nodes base-1 … base+2 of a limited state (growing its storage); returns base's slot, base - lo. */
  private buildWindow(table: StateTable, downMask: number, base: number): number {
    const entries = this.entries;
    if (table.capacity === 0 || base - 1 < table.lo || base + 2 >= table.lo + table.capacity) {
      // Grow to cover the window with slack on both sides (nodes are kept; only storage moves).
      const lo = table.capacity === 0 ? base - 8 : Math.min(table.lo, base - 8);
      const hi = table.capacity === 0 ? base + 10 : Math.max(table.lo + table.capacity, base + 10);
      const capacity = hi - lo;
      const data = new Float64Array(capacity * entries);
      const built = new Uint8Array(capacity);
      const shift = table.lo - lo;
      if (table.capacity > 0) {
        data.set(table.data, shift * entries);
        built.set(table.built, shift);
      }
      table.lo = lo;
      table.capacity = capacity;
      table.data = data;
      table.built = built;
      table.ready = new Uint8Array(capacity);
      for (let k = 1; k + 2 < capacity; k++) table.ready[k] = built[k - 1]! & built[k]! & built[k + 1]! & built[k + 2]!;
    }
    const k = base - table.lo;
    for (let node = k - 1; node <= k + 2; node++) {
      if (table.built[node]) continue;
      const index = table.lo + node;
      const { workload } = this.prepared.input;
      const rejection = rejectionFixedPoint(this.prepared, this.lengths, downMask, Math.exp(index * ARRIVAL_GRID_STEP), workload.arrivalDispersion);
      table.data.set(this.coefficients(downMask, rejection), node * entries);
      table.built[node] = 1;
      this.nodeCount++;
    }
    for (let w = Math.max(1, k - 3); w <= Math.min(table.capacity - 3, k + 3); w++) {
      table.ready[w] = table.built[w - 1]! & table.built[w]! & table.built[w + 1]! & table.built[w + 2]!;
    }
    return k;
  }

  /** The linear map's coefficients in state S with rejections r, compact layout: one load pass per unit interval (MODEL.md §5.4-§5.5, §8.1). */
  private coefficients(downMask: number, rejection: Float64Array): Float64Array {
    const modelCount = this.prepared.models.length;
    const out = new Float64Array(this.entries);
    const load = this.load;
    for (let i = 0; i < this.intervalCount; i++) {
      evaluateStateLoad(this.prepared, this.unitLengths[i]!, downMask, rejection, load);
      const at = i * this.block;
      for (const model of this.prepared.models) {
        const j = model.index;
        const successes = load.successes[j]!;
        const timeouts = load.timeouts[j]!;
        const successOutput = load.successOutputTokens[j]!;
        const timesOut = this.timesOut[i * modelCount + j] === 1;
        // The dropped term is zero by construction (see the layout); a violation would silently lose cost.
        if (timesOut ? successes !== 0 || successOutput !== 0 : timeouts !== 0) {
          throw new Error(`TrialCostModel: model ${model.id} has ${timesOut ? 'successes' : 'timeouts'} in length interval ${i}`);
        }
        out[at + j] = successes + timeouts;
        out[at + modelCount + j] = timesOut ? timeouts * model.timeoutTokens : successOutput;
      }
      out[at + 2 * modelCount] = load.failure;
    }
    return out;
  }
}

/**
 * Moments of a trial's drifted token lengths (MODEL.md §9.1b, μ += shift): E[in], E[out], and the interval masses
 * p_I = F(hi) - F(lo) and partial expectations PE_I of the output length over the model's fixed bounds (§3.2), with
 * the logarithms of the bounds and caps taken once. Same formulas as `lengthCdf` and `partialExpectation`.
 */
export class DriftedLengthMoments {
  inputMean = 0;
  outputMean = 0;
  readonly mass: Float64Array;
  readonly partial: Float64Array;
  /** p_I then PE_I in one buffer (`mass` and `partial` are views of it). */
  readonly massThenPartial: Float64Array;
  private readonly input: LengthDistribution;
  private readonly output: LengthDistribution;
  private readonly lnBounds: Float64Array;
  private readonly lnInputCap: number;
  private readonly lnOutputCap: number;
  /** Scratch distributions of the general path (σ = 0 or overflowing means). */
  private readonly driftedInput: LengthDistribution;
  private readonly driftedOutput: LengthDistribution;

  constructor(
    lengths: LengthModel,
    private readonly bounds: Float64Array,
  ) {
    this.input = lengths.input;
    this.output = lengths.output;
    this.driftedInput = { ...lengths.input };
    this.driftedOutput = { ...lengths.output };
    const intervals = bounds.length - 1;
    this.massThenPartial = new Float64Array(2 * intervals);
    this.mass = this.massThenPartial.subarray(0, intervals);
    this.partial = this.massThenPartial.subarray(intervals);
    this.lnBounds = bounds.map((b) => Math.log(b));
    this.lnInputCap = Math.log(lengths.input.cap);
    this.lnOutputCap = Math.log(lengths.output.cap);
  }

  /** The moments at μ_in + inputShift and μ_out + outputShift. */
  set(inputShift: number, outputShift: number): void {
    const input = this.input;
    const output = this.output;
    const inputMu = input.mu + inputShift;
    const outputMu = output.mu + outputShift;
    const inputSigma = input.sigma;
    const sigma = output.sigma;
    const inputM = Math.exp(inputMu + (inputSigma * inputSigma) / 2);
    const m = Math.exp(outputMu + (sigma * sigma) / 2);
    if (!(inputSigma > 0 && sigma > 0 && Number.isFinite(inputM) && Number.isFinite(m))) {
      this.setGeneral(inputShift, outputShift);
      return;
    }
    // E[min(Y, K)] = m·Φ((ln K - μ - σ²)/σ) + K·(1 - Φ((ln K - μ)/σ)) (MODEL.md §3.2), m alone without a cap.
    const inputCap = input.cap;
    let inputMean = inputM;
    if (inputCap !== Infinity) {
      const lnK = this.lnInputCap;
      inputMean = inputM * phi((lnK - inputMu - inputSigma * inputSigma) / inputSigma) + inputCap * (1 - phi((lnK - inputMu) / inputSigma));
    }
    this.inputMean = Math.min(inputMean, MAX_EXPECTED_TOKENS);

    const cap = output.cap;
    const lnBounds = this.lnBounds;
    const mass = this.mass;
    const partial = this.partial;
    const last = mass.length - 1;
    // Interior bounds lie below the cap: F(b) = Φ((ln b - μ)/σ), shifted Φ((ln b - μ - σ²)/σ).
    let cdfLo = 0;
    let shiftedLo = 0;
    for (let i = 0; i < last; i++) {
      const lnB = lnBounds[i + 1]!;
      const cdfHi = phi((lnB - outputMu) / sigma);
      const shiftedHi = phi((lnB - outputMu - sigma * sigma) / sigma);
      const p = cdfHi - cdfLo;
      mass[i] = p;
      partial[i] = p > 0 && shiftedHi - shiftedLo > 0 ? Math.min(m * (shiftedHi - shiftedLo), MAX_EXPECTED_TOKENS) : 0;
      cdfLo = cdfHi;
      shiftedLo = shiftedHi;
    }
    // Last interval (lo, ∞): up to the cap, plus the cap's atom K·(1 - Φ((ln K - μ)/σ)).
    let shiftedCap = 1;
    let atom = 0;
    if (cap !== Infinity) {
      const lnK = this.lnOutputCap;
      shiftedCap = phi((lnK - outputMu - sigma * sigma) / sigma);
      atom = cap * (1 - phi((lnK - outputMu) / sigma));
    }
    const p = 1 - cdfLo;
    mass[last] = p;
    const body = shiftedCap - shiftedLo > 0 ? m * (shiftedCap - shiftedLo) : 0;
    partial[last] = p > 0 ? Math.min(body + atom, MAX_EXPECTED_TOKENS) : 0;
    this.outputMean = Math.min(m * shiftedCap + atom, MAX_EXPECTED_TOKENS);
  }

  /** Point masses (σ = 0) and means beyond the double range: the general functions. */
  private setGeneral(inputShift: number, outputShift: number): void {
    shiftLength(this.driftedInput, this.input, inputShift);
    shiftLength(this.driftedOutput, this.output, outputShift);
    this.inputMean = this.driftedInput.mean;
    this.outputMean = this.driftedOutput.mean;
    intervalMoments(this.driftedOutput, this.bounds, this.mass, this.partial);
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

/**
 * Month-only constants of the §8 cost lines for Monte Carlo (MODEL.md §8.1-§8.5; price drift, ADR 011), so that a
 * trial-month does no per-model price arithmetic. Prices are per token (USD per 1M / 1e6).
 */
export class MonthCostTable {
  readonly modelCount: number;
  readonly providerCount: number;
  /** [m·models + j]: ((1-c)·pIn + c·pCached)·f_jm/1e6 and pOut·f_jm/1e6. */
  readonly inputPrice: Float64Array;
  readonly outputPrice: Float64Array;
  /** Per model: provider index, and capacity TPM of a provisioned model (0: pay as you go). */
  readonly providerOf: Int32Array;
  readonly capacityTPM: Float64Array;
  readonly anyProvisioned: boolean;
  /** §8.2 batch: [m·providers + p] Σ over chains whose first model is at p of w_c·pBatchIn·f/1e6 (and out). */
  readonly batchInputPrice: Float64Array;
  readonly batchOutputPrice: Float64Array;
  /** §8.3-§8.4 per month: flat provisioned prices (total and [m·providers + p]), integration + maintenance + platform. */
  readonly flatRate: Float64Array;
  readonly providerFlat: Float64Array;
  readonly fixedCharges: Float64Array;
  /** Providers whose SLA credits can apply (contractual with tiers), in provider order. */
  readonly creditProviders: Int32Array;
  readonly aggregatorFeeShare: number;
  readonly downtimeCostPerMinute: number;
  readonly failedRequestCost: number;

  constructor(prepared: PreparedScenario, months: number) {
    const { costs, workload } = prepared.input;
    const cached = workload.cachedShare;
    const modelCount = prepared.models.length;
    const providerCount = prepared.providers.length;
    this.modelCount = modelCount;
    this.providerCount = providerCount;
    this.inputPrice = new Float64Array(months * modelCount);
    this.outputPrice = new Float64Array(months * modelCount);
    this.providerOf = Int32Array.from(prepared.models.map((m) => m.providerIndex));
    this.capacityTPM = Float64Array.from(prepared.models.map((m) => m.spec.provisioned?.capacityTPM ?? 0));
    this.anyProvisioned = prepared.models.some((m) => m.spec.provisioned);
    this.batchInputPrice = new Float64Array(months * providerCount);
    this.batchOutputPrice = new Float64Array(months * providerCount);
    this.flatRate = new Float64Array(months);
    this.providerFlat = new Float64Array(months * providerCount);
    this.fixedCharges = new Float64Array(months);
    const rate = costs.engineeringHourlyRate;
    for (let m = 0; m < months; m++) {
      for (const model of prepared.models) {
        const f = priceFactor(model, m);
        const s = model.spec;
        this.inputPrice[m * modelCount + model.index] = (((1 - cached) * s.inputPer1M + cached * s.cachedInputPer1M) * f) / 1e6;
        this.outputPrice[m * modelCount + model.index] = (s.outputPer1M * f) / 1e6;
        const flat = (s.provisioned?.monthlyPrice ?? 0) * f;
        this.flatRate[m] = this.flatRate[m]! + flat;
        this.providerFlat[m * providerCount + model.providerIndex] = this.providerFlat[m * providerCount + model.providerIndex]! + flat;
      }
      for (const chain of prepared.chains) {
        const model = prepared.models[chain.firstModelIndex]!;
        const f = priceFactor(model, m);
        const at = m * providerCount + model.providerIndex;
        this.batchInputPrice[at] = this.batchInputPrice[at]! + (chain.weight * model.spec.batchInputPer1M * f) / 1e6;
        this.batchOutputPrice[at] = this.batchOutputPrice[at]! + (chain.weight * model.spec.batchOutputPer1M * f) / 1e6;
      }
      let fixed = costs.platformFeeMonthly;
      for (const provider of prepared.providers) {
        if (m === 0) fixed += provider.integrationHours * rate;
        fixed += provider.maintenanceHoursPerMonth * rate;
      }
      this.fixedCharges[m] = fixed;
    }
    this.creditProviders = Int32Array.from(prepared.providers.flatMap((p, index) => (p.contractual && p.slaCredits.length > 0 ? [index] : [])));
    this.aggregatorFeeShare = costs.aggregatorFeePct / 100;
    this.downtimeCostPerMinute = costs.downtimeCostPerMinute;
    this.failedRequestCost = costs.failedRequestCost;
  }
}
