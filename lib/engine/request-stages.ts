import type { LengthModel, PreparedScenario } from './prepare';

/** A success atom (MODEL.md §5.5): weight w = w_c·reach·p_s (excluding p_I), overhead oh, model j, interval I. */
export interface SuccessAtom {
  modelIndex: number;
  intervalIndex: number;
  overheadMs: number;
  weight: number;
}

/**
 * Per-request expectations for one global outage state S and one rejection vector r (MODEL.md §5.4-§5.5, §6.4).
 * Per-model arrays are indexed by model scope order.
 */
export interface StateEvaluation {
  attempts: Float64Array;
  rejected429: Float64Array;
  /** busy_j, ms of in-flight attempt time per request (429s excluded, MODEL.md §6.4). */
  busyMs: Float64Array;
  /** Σ w·p_I of success atoms at the model. */
  successes: Float64Array;
  /** Σ w·PE(I): billed output tokens of successes. */
  successOutputTokens: Float64Array;
  timeouts: Float64Array;
  /** n_{j,f} at index j·models + f: successes at stage k > 0 at j in chains whose first model is f (MODEL.md §8.7). */
  fallbackSuccesses: Float64Array;
  /** o_{j,f}: their output tokens. */
  fallbackOutputTokens: Float64Array;
  retries: number;
  count5xx: number;
  outageFailures: number;
  failovers: number;
  servedByFallback: number;
  /** P(success | S). */
  success: number;
  /** Mass that fails at every stage of its chain. */
  failure: number;
  /** Success atoms as objects, when requested without a shape resolver (tests, diagnostics). */
  atoms: SuccessAtom[];
  /** Success atoms as (shape index, weight) pairs, when requested with a shape resolver (MODEL.md §7.2-§7.3). */
  atomShapes: number[];
  atomWeights: number[];
}

/** Index of the latency shape of a success atom (model, interval, overhead), see `AtomTable`. */
export type ShapeIndex = (modelIndex: number, intervalIndex: number, overheadMs: number) => number;

export function emptyStateEvaluation(modelCount: number): StateEvaluation {
  return {
    attempts: new Float64Array(modelCount),
    rejected429: new Float64Array(modelCount),
    busyMs: new Float64Array(modelCount),
    successes: new Float64Array(modelCount),
    successOutputTokens: new Float64Array(modelCount),
    timeouts: new Float64Array(modelCount),
    fallbackSuccesses: new Float64Array(modelCount * modelCount),
    fallbackOutputTokens: new Float64Array(modelCount * modelCount),
    retries: 0,
    count5xx: 0,
    outageFailures: 0,
    failovers: 0,
    servedByFallback: 0,
    success: 0,
    failure: 0,
    atoms: [],
    atomShapes: [],
    atomWeights: [],
  };
}

/** Zero every expectation of a reused evaluation buffer (same model count) and drop its atoms. */
export function resetStateEvaluation(evaluation: StateEvaluation): StateEvaluation {
  for (const name of ['attempts', 'rejected429', 'busyMs', 'successes', 'successOutputTokens', 'timeouts', 'fallbackSuccesses', 'fallbackOutputTokens'] as const) {
    evaluation[name].fill(0);
  }
  evaluation.retries = 0;
  evaluation.count5xx = 0;
  evaluation.outageFailures = 0;
  evaluation.failovers = 0;
  evaluation.servedByFallback = 0;
  evaluation.success = 0;
  evaluation.failure = 0;
  evaluation.atoms.length = 0;
  evaluation.atomShapes.length = 0;
  evaluation.atomWeights.length = 0;
  return evaluation;
}

/** Atom merging key: the overhead with 6 decimals (MODEL.md §2). */
function overheadKey(overheadMs: number): number {
  return Math.round(overheadMs * 1e6);
}

/**
 * A list of {mass, overhead} with equal overheads merged; collapses to one entry when overheads are not tracked.
 * Entries 0…size-1 of flat buffers, grown by doubling: the stage programme resets these lists thousands of times.
 */
class MassList {
  mass = new Float64Array(4);
  overhead = new Float64Array(4);
  private keys = new Float64Array(4);
  size = 0;
  constructor(private readonly trackOverhead: boolean) {}

  add(mass: number, overheadMs: number): void {
    if (mass === 0) return;
    if (!this.trackOverhead) {
      if (this.size === 0) {
        this.mass[0] = mass;
        this.overhead[0] = 0;
        this.size = 1;
      } else this.mass[0] = this.mass[0]! + mass;
      return;
    }
    const key = overheadKey(overheadMs);
    for (let at = 0; at < this.size; at++) {
      if (this.keys[at] === key) {
        this.mass[at] = this.mass[at]! + mass;
        return;
      }
    }
    if (this.size === this.mass.length) this.grow();
    this.keys[this.size] = key;
    this.mass[this.size] = mass;
    this.overhead[this.size] = overheadMs;
    this.size++;
  }

  total(): number {
    let sum = 0;
    for (let at = 0; at < this.size; at++) sum += this.mass[at]!;
    return sum;
  }

  reset(): this {
    this.size = 0;
    return this;
  }

  private grow(): void {
    const capacity = this.mass.length * 2;
    const grown = (from: Float64Array) => {
      const to = new Float64Array(capacity);
      to.set(from);
      return to;
    };
    this.mass = grown(this.mass);
    this.overhead = grown(this.overhead);
    this.keys = grown(this.keys);
  }
}

interface FailureType {
  probability: number;
  delayMs: number;
  triggersFailover: boolean;
  kind: 'rejected' | 'transient' | 'timeout' | 'outage';
}

// Scratch shared by every `evaluateState` call (it is not re-entrant): at most three failure types apply to an
// attempt (§5.2), and three mass lists per overhead mode.
const FAILURE_SLOTS: FailureType[] = [0, 1, 2].map(() => ({ probability: 0, delayMs: 0, triggersFailover: false, kind: 'outage' as const }));
const TRACKED_LISTS = [new MassList(true), new MassList(true), new MassList(true)];
const SCALAR_LISTS = [new MassList(false), new MassList(false), new MassList(false)];

/**
 * Evaluate every chain in outage state S (`downMask`) with rejection probabilities r (MODEL.md §5.4-§5.5):
 * the stage dynamic programme per chain, interval and stage, accumulating per-request expectations.
 * With `collectAtoms`, overheads are tracked and success atoms recorded for the latency distributions: as shape
 * indices and weights when `shapeIndex` is given, else as objects.
 */
export function evaluateState(
  prepared: PreparedScenario,
  lengths: LengthModel,
  downMask: number,
  rejection: Float64Array,
  collectAtoms: boolean,
  into?: StateEvaluation,
  shapeIndex?: ShapeIndex,
): StateEvaluation {
  const modelCount = prepared.models.length;
  const out = into ? resetStateEvaluation(into) : emptyStateEvaluation(modelCount);
  const { timeoutMs, backoffDelays, failoverDelayMs } = prepared;
  const failureSlots = FAILURE_SLOTS;
  let failureCount = 0;
  const setFailure = (probability: number, delayMs: number, triggersFailover: boolean, kind: FailureType['kind']) => {
    const slot = failureSlots[failureCount++]!;
    slot.probability = probability;
    slot.delayMs = delayMs;
    slot.triggersFailover = triggersFailover;
    slot.kind = kind;
  };
  // Three mass lists rotate between the inflight/current states, the next attempt's states and the stage's exits.
  const lists = collectAtoms ? TRACKED_LISTS : SCALAR_LISTS;

  for (const chain of prepared.chains) {
    for (let intervalIndex = 0; intervalIndex < lengths.intervals.length; intervalIndex++) {
      const interval = lengths.intervals[intervalIndex]!;
      const chainIntervalWeight = chain.weight * interval.probability;
      let inflight = lists[0]!.reset();
      inflight.add(1, 0);
      for (let stageIndex = 0; stageIndex < chain.stages.length; stageIndex++) {
        const stage = chain.stages[stageIndex]!;
        if (stageIndex > 0) {
          const reaching = inflight.total();
          if (reaching === 0) break;
          out.failovers += chainIntervalWeight * reaching;
          for (let i = 0; i < inflight.size; i++) inflight.overhead[i] = inflight.overhead[i]! + failoverDelayMs;
        }
        const j = stage.modelIndex;
        const model = prepared.models[j]!;
        const down = (downMask & (1 << model.providerIndex)) !== 0;
        const r = rejection[j]!;
        const e = model.spec.transientErrorRate;
        const fastFailMs = model.spec.fastFailMs;
        const timesOut = interval.timesOut[j]!;
        // §5.2 per-attempt outcomes.
        failureCount = 0;
        let successProbability = 0;
        if (down) {
          setFailure(1, model.outageDetectMs, prepared.failoverOn5xx, 'outage');
        } else {
          const admitted = (1 - r) * (1 - e);
          setFailure(r, fastFailMs, prepared.failoverOn429, 'rejected');
          setFailure((1 - r) * e, fastFailMs, prepared.failoverOn5xx, 'transient');
          if (timesOut) setFailure(admitted, timeoutMs, prepared.failoverOnTimeout, 'timeout');
          else successProbability = admitted;
        }
        const successBusyPerWeight = model.spec.ttftMs * interval.probability + (1000 * interval.partialExpectation) / model.spec.tokensPerSec;
        const fallbackIndex = j * modelCount + chain.firstModelIndex;

        // §5.4 stage dynamic programme.
        const exits = (inflight === lists[0] ? lists[1]! : lists[0]!).reset();
        let states = inflight;
        // The third list (indices 0 + 1 + 2 = 3).
        let spare = lists[3 - lists.indexOf(inflight) - lists.indexOf(exits)]!;
        for (let attempt = 1; attempt <= stage.attempts; attempt++) {
          const last = attempt === stage.attempts;
          const next = spare.reset();
          for (let s = 0; s < states.size; s++) {
            const p = states.mass[s]!;
            const overhead = states.overhead[s]!;
            const reach = chainIntervalWeight * p;
            out.attempts[j] = out.attempts[j]! + reach;
            if (attempt > 1) out.retries += reach;
            if (successProbability > 0) {
              const weight = chain.weight * p * successProbability;
              const mass = weight * interval.probability;
              out.successes[j] = out.successes[j]! + mass;
              out.successOutputTokens[j] = out.successOutputTokens[j]! + weight * interval.partialExpectation;
              out.busyMs[j] = out.busyMs[j]! + weight * successBusyPerWeight;
              out.success += mass;
              if (stageIndex > 0) {
                out.servedByFallback += mass;
                out.fallbackSuccesses[fallbackIndex] = out.fallbackSuccesses[fallbackIndex]! + mass;
                out.fallbackOutputTokens[fallbackIndex] = out.fallbackOutputTokens[fallbackIndex]! + weight * interval.partialExpectation;
              }
              if (collectAtoms) {
                if (shapeIndex) {
                  out.atomShapes.push(shapeIndex(j, intervalIndex, overhead));
                  out.atomWeights.push(weight);
                } else out.atoms.push({ modelIndex: j, intervalIndex, overheadMs: overhead, weight });
              }
            }
            for (let f = 0; f < failureCount; f++) {
              const failure = failureSlots[f]!;
              if (failure.probability === 0) continue;
              const failed = p * failure.probability;
              const count = reach * failure.probability;
              switch (failure.kind) {
                case 'rejected':
                  out.rejected429[j] = out.rejected429[j]! + count;
                  break;
                case 'transient':
                  out.count5xx += count;
                  out.busyMs[j] = out.busyMs[j]! + count * failure.delayMs;
                  break;
                case 'timeout':
                  out.timeouts[j] = out.timeouts[j]! + count;
                  out.busyMs[j] = out.busyMs[j]! + count * failure.delayMs;
                  break;
                case 'outage':
                  out.outageFailures += count;
                  out.busyMs[j] = out.busyMs[j]! + count * failure.delayMs;
                  break;
              }
              if (failure.triggersFailover || last) exits.add(failed, overhead + failure.delayMs);
              else next.add(failed, overhead + failure.delayMs + backoffDelays[attempt - 1]!);
            }
          }
          spare = states;
          states = next;
          if (states.size === 0) break;
        }
        inflight = exits;
      }
      out.failure += chainIntervalWeight * inflight.total();
    }
  }
  return out;
}

/** target += weight × source for every per-request expectation (atoms are handled by the caller). */
export function accumulateEvaluation(target: StateEvaluation, source: StateEvaluation, weight: number): void {
  const arrays = ['attempts', 'rejected429', 'busyMs', 'successes', 'successOutputTokens', 'timeouts', 'fallbackSuccesses', 'fallbackOutputTokens'] as const;
  for (const name of arrays) {
    const t = target[name];
    const s = source[name];
    for (let i = 0; i < t.length; i++) t[i] = t[i]! + weight * s[i]!;
  }
  target.retries += weight * source.retries;
  target.count5xx += weight * source.count5xx;
  target.outageFailures += weight * source.outageFailures;
  target.failovers += weight * source.failovers;
  target.servedByFallback += weight * source.servedByFallback;
  target.success += weight * source.success;
  target.failure += weight * source.failure;
}

/** Per-model load of one evaluation: what the rejection fixed point needs (MODEL.md §6.5). */
export interface StateLoad {
  attempts: Float64Array;
  rejected429: Float64Array;
  busyMs: Float64Array;
  /** Also filled, for costs (Monte Carlo needs no more than this): successes, their output tokens, timeouts, failure. */
  successes: Float64Array;
  successOutputTokens: Float64Array;
  timeouts: Float64Array;
  failure: number;
}

export function emptyStateLoad(modelCount: number): StateLoad {
  return {
    attempts: new Float64Array(modelCount),
    rejected429: new Float64Array(modelCount),
    busyMs: new Float64Array(modelCount),
    successes: new Float64Array(modelCount),
    successOutputTokens: new Float64Array(modelCount),
    timeouts: new Float64Array(modelCount),
    failure: 0,
  };
}

/**
 * The attempts, 429s and busy time per request of every model in outage state S with rejections r: the same
 * stage programme as `evaluateState` (MODEL.md §5.4-§5.5, §6.4) without overheads, so each stage carries one
 * scalar mass. Writes into `into` (reused across fixed-point iterations).
 */
export function evaluateStateLoad(
  prepared: PreparedScenario,
  lengths: LengthModel,
  downMask: number,
  rejection: Float64Array,
  into: StateLoad,
): void {
  const { attempts, rejected429, busyMs, successes, successOutputTokens, timeouts } = into;
  attempts.fill(0);
  rejected429.fill(0);
  busyMs.fill(0);
  successes.fill(0);
  successOutputTokens.fill(0);
  timeouts.fill(0);
  into.failure = 0;
  const timeoutMs = prepared.timeoutMs;
  for (const chain of prepared.chains) {
    for (const interval of lengths.intervals) {
      let mass = chain.weight * interval.probability;
      for (const stage of chain.stages) {
        if (mass === 0) break;
        const j = stage.modelIndex;
        const model = prepared.models[j]!;
        let attemptBusy: number;
        let exitShare: number;
        let retryShare: number;
        let lastExitShare: number;
        let rejectedShare = 0;
        let successShare = 0;
        let timeoutShare = 0;
        if ((downMask & (1 << model.providerIndex)) !== 0) {
          // Outage: fails after outageDetectMs, class 5xx.
          attemptBusy = model.outageDetectMs;
          exitShare = prepared.failoverOn5xx ? 1 : 0;
          retryShare = 1 - exitShare;
          lastExitShare = 1;
        } else {
          const r = rejection[j]!;
          const e = model.spec.transientErrorRate;
          const transient = (1 - r) * e;
          const admitted = (1 - r) * (1 - e);
          const timesOut = interval.timesOut[j]!;
          timeoutShare = timesOut ? admitted : 0;
          successShare = timesOut ? 0 : admitted;
          rejectedShare = r;
          attemptBusy = transient * model.spec.fastFailMs + (timesOut ? (admitted > 0 ? admitted * timeoutMs : 0) : admitted * interval.successHoldMs[j]!);
          exitShare = (prepared.failoverOn429 ? r : 0) + (prepared.failoverOn5xx ? transient : 0) + (prepared.failoverOnTimeout ? timeoutShare : 0);
          lastExitShare = r + transient + timeoutShare;
          retryShare = lastExitShare - exitShare;
        }
        let exiting = 0;
        for (let attempt = 1; attempt <= stage.attempts; attempt++) {
          attempts[j] = attempts[j]! + mass;
          rejected429[j] = rejected429[j]! + mass * rejectedShare;
          busyMs[j] = busyMs[j]! + mass * attemptBusy;
          if (successShare > 0) {
            successes[j] = successes[j]! + mass * successShare;
            successOutputTokens[j] = successOutputTokens[j]! + (mass * successShare * interval.partialExpectation) / interval.probability;
          }
          if (timeoutShare > 0) timeouts[j] = timeouts[j]! + mass * timeoutShare;
          if (attempt === stage.attempts) {
            exiting += mass * lastExitShare;
          } else {
            exiting += mass * exitShare;
            mass *= retryShare;
            if (mass === 0) break;
          }
        }
        mass = exiting;
      }
      into.failure += mass;
    }
  }
}
