import type { LengthModel, PreparedScenario } from './prepare';
import type { ShapeIndex } from './request-stages';

/**
 * The stage dynamic programme of MODEL.md §5.4-§5.5 for one outage state, compiled once into straight-line
 * multiply-adds. Everything in the programme but the rejection probabilities r_j is fixed for a whole simulation:
 * which providers are down, which X-intervals time out, every delay and so every overhead (hence which mass-list
 * entries merge), the chain weights and p_I, PE(I). The masses are polynomials in r, built from per-model factors
 * r_j, (1 - r_j)e_j and (1 - r_j)(1 - e_j) (§5.2). So the programme is recorded once per state as operations
 *
 *   mem[dst] += mem[src] · coef · factor[f]
 *
 * over one register file (outputs, success-atom weights, mass-list entries) and replayed for every r of the §6.5
 * fixed point and every month. Entries whose mass is zero for the r at hand are kept (they add zeros), so one
 * programme serves every r; the arithmetic is the reference's up to the order of additions (≈1e-16 relative).
 */
export interface StageProgram {
  /** The arena holding the operations. */
  arena: ProgramArena;
  /** Operation i (0 ≤ i < size) is (dst, src, factor) at arena.ops[3(start + i)…] with coefficient arena.coef[start + i]. */
  start: number;
  size: number;
  /** Registers used (outputs, atoms, the constant 1, mass entries). */
  registerCount: number;
  /** Success atoms: register of the weight (w_c·reach·p_s, MODEL.md §5.5) and AtomTable shape index. */
  atomRegisters: Int32Array;
  atomShapes: Int32Array;
}

/**
 * Storage for the programmes of one simulation: typed arrays are costly to allocate, so programmes are appended to
 * two growing buffers instead of getting their own.
 */
export class ProgramArena {
  ops = new Int32Array(3 * 256);
  coef = new Float64Array(256);
  size = 0;

  append(ops: Int32Array, coef: Float64Array, count: number): number {
    const start = this.size;
    if (start + count > this.coef.length) {
      let capacity = this.coef.length * 2;
      while (start + count > capacity) capacity *= 2;
      const grownOps = new Int32Array(3 * capacity);
      grownOps.set(this.ops.subarray(0, 3 * start));
      this.ops = grownOps;
      const grownCoef = new Float64Array(capacity);
      grownCoef.set(this.coef.subarray(0, start));
      this.coef = grownCoef;
    }
    this.ops.set(ops.subarray(0, 3 * count), 3 * start);
    this.coef.set(coef.subarray(0, count), start);
    this.size = start + count;
    return start;
  }
}

/** Register layout shared by every programme of a scenario with M models in scope. */
export interface ProgramLayout {
  modelCount: number;
  attempts: number;
  rejected429: number;
  busyMs: number;
  successes: number;
  successOutputTokens: number;
  timeouts: number;
  /** n_{j,f} at fallbackSuccesses + j·M + f (MODEL.md §8.7). */
  fallbackSuccesses: number;
  fallbackOutputTokens: number;
  retries: number;
  count5xx: number;
  outageFailures: number;
  failovers: number;
  servedByFallback: number;
  success: number;
  failure: number;
  /** A register holding 1 (the initial mass of every chain). */
  one: number;
  /** First free register. */
  end: number;
}

export function programLayout(modelCount: number): ProgramLayout {
  const m = modelCount;
  const base = 6 * m + 2 * m * m;
  return {
    modelCount: m,
    attempts: 0,
    rejected429: m,
    busyMs: 2 * m,
    successes: 3 * m,
    successOutputTokens: 4 * m,
    timeouts: 5 * m,
    fallbackSuccesses: 6 * m,
    fallbackOutputTokens: 6 * m + m * m,
    retries: base,
    count5xx: base + 1,
    outageFailures: base + 2,
    failovers: base + 3,
    servedByFallback: base + 4,
    success: base + 5,
    failure: base + 6,
    one: base + 7,
    end: base + 8,
  };
}

/** Factor slots: 0 is the constant 1; model j has r_j at 1 + 3j, (1 - r_j)e_j at 2 + 3j, (1 - r_j)(1 - e_j) at 3 + 3j. */
const CONSTANT = 0;
const rejectedFactor = (j: number) => 1 + 3 * j;
const transientFactor = (j: number) => 2 + 3 * j;
const admittedFactor = (j: number) => 3 + 3 * j;

export function factorCount(modelCount: number): number {
  return 1 + 3 * modelCount;
}

/** factor[·] for rejection probabilities r (MODEL.md §5.2); `into` has `factorCount` entries. */
export function fillFactors(prepared: PreparedScenario, rejection: Float64Array, into: Float64Array): Float64Array {
  into[CONSTANT] = 1;
  const models = prepared.models;
  for (let j = 0; j < models.length; j++) {
    const r = rejection[j]!;
    const e = models[j]!.spec.transientErrorRate;
    into[1 + 3 * j] = r;
    into[2 + 3 * j] = (1 - r) * e;
    into[3 + 3 * j] = (1 - r) * (1 - e);
  }
  return into;
}

/** Replays a programme: `mem` (≥ registerCount entries) is cleared, then every operation runs in order. */
export function runProgram(program: StageProgram, layout: ProgramLayout, factors: Float64Array, mem: Float64Array): void {
  mem.fill(0, 0, program.registerCount);
  mem[layout.one] = 1;
  const { ops, coef } = program.arena;
  const end = program.start + program.size;
  for (let i = program.start, at = 3 * program.start; i < end; i++, at += 3) {
    const dst = ops[at]!;
    mem[dst] = mem[dst]! + mem[ops[at + 1]!]! * coef[i]! * factors[ops[at + 2]!]!;
  }
}

/** Coefficients are kept finite (extreme inputs: a holding time of 1e200 ms times a mass) so 0·coef stays 0. */
function finite(value: number): number {
  return value > Number.MAX_VALUE ? Number.MAX_VALUE : value < -Number.MAX_VALUE ? -Number.MAX_VALUE : value;
}

/**
 * Growable operation buffers, shared by every compilation (compiling is not re-entrant): typed arrays are costly to
 * allocate, so a compiled programme is copied from these into its simulation's arena.
 */
class ProgramBuilder {
  ops = new Int32Array(3 * 1024);
  coef = new Float64Array(1024);
  size = 0;
  next = 0;
  reset(start: number): this {
    this.size = 0;
    this.next = start;
    return this;
  }
  register(): number {
    return this.next++;
  }
  op(dst: number, src: number, coef: number, factor: number): void {
    if (coef === 0) return;
    if (this.size === this.coef.length) this.grow();
    const at = this.size++;
    this.ops[3 * at] = dst;
    this.ops[3 * at + 1] = src;
    this.ops[3 * at + 2] = factor;
    this.coef[at] = finite(coef);
  }
  private grow(): void {
    const ops = new Int32Array(this.ops.length * 2);
    ops.set(this.ops);
    this.ops = ops;
    const coef = new Float64Array(this.coef.length * 2);
    coef.set(this.coef);
    this.coef = coef;
  }
}
const BUILDER = new ProgramBuilder();

/** Mass-list entries of one list: overhead key → register, in insertion order (MODEL.md §5.4 "merge equal overheads"). */
interface MassEntries {
  keys: number[];
  overheads: number[];
  registers: number[];
}

const emptyEntries = (): MassEntries => ({ keys: [], overheads: [], registers: [] });

/** Atom merging key: the overhead with 6 decimals (MODEL.md §2). */
function overheadKey(overheadMs: number): number {
  return Math.round(overheadMs * 1e6);
}

function entryFor(builder: ProgramBuilder, list: MassEntries, overheadMs: number, trackOverhead: boolean): number {
  const key = trackOverhead ? overheadKey(overheadMs) : 0;
  const at = list.keys.indexOf(key);
  if (at >= 0) return list.registers[at]!;
  const register = builder.register();
  list.keys.push(key);
  list.overheads.push(trackOverhead ? overheadMs : 0);
  list.registers.push(register);
  return register;
}

export interface CompileOptions {
  /** Track overheads and record success atoms (latency); else each list is one scalar mass. */
  atoms?: ShapeIndex;
}

interface FailureBranch {
  factor: number;
  delayMs: number;
  triggersFailover: boolean;
  kind: 'rejected' | 'transient' | 'timeout' | 'outage';
}

/** Compile the stage programme of outage state `downMask` (MODEL.md §5.4-§5.5, §6.4). */
export function compileStageProgram(
  prepared: PreparedScenario,
  lengths: LengthModel,
  downMask: number,
  layout: ProgramLayout,
  arena: ProgramArena,
  options: CompileOptions = {},
): StageProgram {
  const builder = BUILDER.reset(layout.end);
  const shapeIndex = options.atoms;
  const trackOverhead = shapeIndex !== undefined;
  const modelCount = prepared.models.length;
  const atomRegisterByShape = new Map<number, number>();
  const { timeoutMs, backoffDelays, failoverDelayMs } = prepared;

  for (const chain of prepared.chains) {
    for (let intervalIndex = 0; intervalIndex < lengths.intervals.length; intervalIndex++) {
      const interval = lengths.intervals[intervalIndex]!;
      const chainIntervalWeight = chain.weight * interval.probability;
      let inflight = emptyEntries();
      builder.op(entryFor(builder, inflight, 0, trackOverhead), layout.one, 1, CONSTANT);
      for (let stageIndex = 0; stageIndex < chain.stages.length; stageIndex++) {
        const stage = chain.stages[stageIndex]!;
        if (inflight.registers.length === 0) break;
        if (stageIndex > 0) {
          for (const register of inflight.registers) builder.op(layout.failovers, register, chainIntervalWeight, CONSTANT);
          for (let i = 0; i < inflight.overheads.length; i++) inflight.overheads[i] = inflight.overheads[i]! + failoverDelayMs;
        }
        const j = stage.modelIndex;
        const model = prepared.models[j]!;
        const down = (downMask & (1 << model.providerIndex)) !== 0;
        const timesOut = interval.timesOut[j]!;
        // §5.2 per-attempt outcomes; a model without limits never rejects (r_j = 0), e_j = 0 never fails transiently.
        const failures: FailureBranch[] = [];
        let successFactor = -1;
        if (down) {
          failures.push({ factor: CONSTANT, delayMs: model.outageDetectMs, triggersFailover: prepared.failoverOn5xx, kind: 'outage' });
        } else {
          if (model.hasLimits) failures.push({ factor: rejectedFactor(j), delayMs: model.spec.fastFailMs, triggersFailover: prepared.failoverOn429, kind: 'rejected' });
          if (model.spec.transientErrorRate > 0) {
            failures.push({ factor: transientFactor(j), delayMs: model.spec.fastFailMs, triggersFailover: prepared.failoverOn5xx, kind: 'transient' });
          }
          if (timesOut) failures.push({ factor: admittedFactor(j), delayMs: timeoutMs, triggersFailover: prepared.failoverOnTimeout, kind: 'timeout' });
          else successFactor = admittedFactor(j);
        }
        const successBusyPerWeight = model.spec.ttftMs * interval.probability + (1000 * interval.partialExpectation) / model.spec.tokensPerSec;
        const fallbackIndex = j * modelCount + chain.firstModelIndex;

        const exits = emptyEntries();
        let states = inflight;
        for (let attempt = 1; attempt <= stage.attempts && states.registers.length > 0; attempt++) {
          const last = attempt === stage.attempts;
          const next = emptyEntries();
          // The mass entering this attempt: every per-request count below is linear in it.
          let entering: number;
          if (states.registers.length === 1) entering = states.registers[0]!;
          else {
            entering = builder.register();
            for (const register of states.registers) builder.op(entering, register, 1, CONSTANT);
          }
          for (let s = 0; s < states.registers.length; s++) {
            const register = states.registers[s]!;
            const overhead = states.overheads[s]!;
            if (successFactor >= 0 && shapeIndex) {
              const shape = shapeIndex(j, intervalIndex, overhead);
              let atom = atomRegisterByShape.get(shape);
              if (atom === undefined) {
                atom = builder.register();
                atomRegisterByShape.set(shape, atom);
              }
              builder.op(atom, register, chain.weight, successFactor);
            }
            for (const failure of failures) {
              const toExit = failure.triggersFailover || last;
              const target = toExit
                ? entryFor(builder, exits, overhead + failure.delayMs, trackOverhead)
                : entryFor(builder, next, overhead + failure.delayMs + backoffDelays[attempt - 1]!, trackOverhead);
              builder.op(target, register, 1, failure.factor);
            }
          }
          // Per-request expectations of this attempt (MODEL.md §5.5, §6.4), weights w_c·p_I·reach.
          builder.op(layout.attempts + j, entering, chainIntervalWeight, CONSTANT);
          if (attempt > 1) builder.op(layout.retries, entering, chainIntervalWeight, CONSTANT);
          if (successFactor >= 0) {
            builder.op(layout.busyMs + j, entering, chain.weight * successBusyPerWeight, successFactor);
            builder.op(layout.successes + j, entering, chainIntervalWeight, successFactor);
            builder.op(layout.successOutputTokens + j, entering, chain.weight * interval.partialExpectation, successFactor);
            builder.op(layout.success, entering, chainIntervalWeight, successFactor);
            if (stageIndex > 0) {
              builder.op(layout.servedByFallback, entering, chainIntervalWeight, successFactor);
              builder.op(layout.fallbackSuccesses + fallbackIndex, entering, chainIntervalWeight, successFactor);
              builder.op(layout.fallbackOutputTokens + fallbackIndex, entering, chain.weight * interval.partialExpectation, successFactor);
            }
          }
          for (const failure of failures) {
            switch (failure.kind) {
              case 'rejected':
                builder.op(layout.rejected429 + j, entering, chainIntervalWeight, failure.factor);
                break;
              case 'transient':
                builder.op(layout.count5xx, entering, chainIntervalWeight, failure.factor);
                builder.op(layout.busyMs + j, entering, chainIntervalWeight * failure.delayMs, failure.factor);
                break;
              case 'timeout':
                builder.op(layout.timeouts + j, entering, chainIntervalWeight, failure.factor);
                builder.op(layout.busyMs + j, entering, chainIntervalWeight * failure.delayMs, failure.factor);
                break;
              case 'outage':
                builder.op(layout.outageFailures, entering, chainIntervalWeight, failure.factor);
                builder.op(layout.busyMs + j, entering, chainIntervalWeight * failure.delayMs, failure.factor);
                break;
            }
          }
          states = next;
        }
        inflight = exits;
      }
      for (const register of inflight.registers) builder.op(layout.failure, register, chainIntervalWeight, CONSTANT);
    }
  }
  const size = builder.size;
  const atomCount = atomRegisterByShape.size;
  const atomIndex = new Int32Array(2 * atomCount);
  const atomRegisters = atomIndex.subarray(0, atomCount);
  const atomShapes = atomIndex.subarray(atomCount);
  let atom = 0;
  for (const [shape, register] of atomRegisterByShape) {
    atomShapes[atom] = shape;
    atomRegisters[atom++] = register;
  }
  return {
    arena,
    start: arena.append(builder.ops, builder.coef, size),
    size,
    registerCount: builder.next,
    atomRegisters,
    atomShapes,
  };
}
