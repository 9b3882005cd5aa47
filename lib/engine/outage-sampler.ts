import { MIN_PER_MONTH } from './constants';
import type { Sfc32 } from './prng';

/** Outage processes start this many mean durations before the month so that it begins in steady state (§9.1c). */
export const WARM_UP_DURATIONS = 20;

/** Down intervals [start, end) of one process within the month, disjoint and sorted, in growable flat buffers. */
class IntervalBuffer {
  starts = new Float64Array(8);
  ends = new Float64Array(8);
  size = 0;

  push(start: number, end: number): void {
    if (this.size === this.starts.length) {
      const grow = (from: Float64Array) => {
        const to = new Float64Array(from.length * 2);
        to.set(from);
        return to;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.size] = start;
    this.ends[this.size] = end;
    this.size++;
  }
}

/**
 * The outage timelines of one trial-month and their realized state fractions (MODEL.md §9.1c), without allocation:
 * the same draws in the same order as `sampleOutageIntervals` (count, then per event start and duration; the common
 * process first, then the providers in scope order) and the same fractions as `realizedStates`.
 */
export class OutageSampler {
  /** Process p < providerCount is provider p's residual process; process providerCount is the common shock. */
  private readonly processes: IntervalBuffer[];
  private readonly minutesByMask: Float64Array;
  private readonly cursor: Int32Array;
  /** Realized states of the last `sample`: masks in increasing order with their time fractions (> 0). */
  readonly masks: Int32Array;
  readonly fractions: Float64Array;
  count = 0;

  constructor(
    private readonly providerCount: number,
    private readonly commonUnavailability: number,
    private readonly commonMeanMinutes: number,
    private readonly residualUnavailability: readonly number[],
    private readonly residualMeanMinutes: readonly number[],
  ) {
    this.processes = Array.from({ length: providerCount + 1 }, () => new IntervalBuffer());
    this.minutesByMask = new Float64Array(1 << providerCount);
    this.cursor = new Int32Array(providerCount + 1);
    this.masks = new Int32Array(1 << providerCount);
    this.fractions = new Float64Array(1 << providerCount);
  }

  /** Draw the month's timelines from `rng` and compute the realized state fractions. */
  sample(rng: Sfc32): void {
    const common = this.processes[this.providerCount]!;
    drawProcess(rng, this.commonUnavailability, this.commonMeanMinutes, common);
    for (let p = 0; p < this.providerCount; p++) drawProcess(rng, this.residualUnavailability[p]!, this.residualMeanMinutes[p]!, this.processes[p]!);
    this.sweep();
  }

  /** Time-ordered sweep over every process's boundaries (a k-way merge): minutes per global state S. */
  private sweep(): void {
    const n = this.providerCount;
    const allDown = (1 << n) - 1;
    const minutes = this.minutesByMask;
    minutes.fill(0);
    const cursor = this.cursor;
    cursor.fill(0);
    // cursor[p] counts boundaries passed: even = before interval cursor/2 starts, odd = inside it.
    let previous = 0;
    let mask = 0;
    let commonDown = false;
    for (;;) {
      let next = Infinity;
      let which = -1;
      for (let p = 0; p <= n; p++) {
        const process = this.processes[p]!;
        const c = cursor[p]!;
        if (c >= 2 * process.size) continue;
        const time = c % 2 === 0 ? process.starts[c >> 1]! : process.ends[c >> 1]!;
        if (time < next) {
          next = time;
          which = p;
        }
      }
      if (which < 0) break;
      if (next > previous) {
        const at = commonDown ? allDown : mask;
        minutes[at] = minutes[at]! + next - previous;
        previous = next;
      }
      const entering = cursor[which]! % 2 === 0;
      cursor[which] = cursor[which]! + 1;
      if (which === n) commonDown = entering;
      else mask = entering ? mask | (1 << which) : mask & ~(1 << which);
    }
    if (MIN_PER_MONTH > previous) {
      const at = commonDown ? allDown : mask;
      minutes[at] = minutes[at]! + MIN_PER_MONTH - previous;
    }
    let count = 0;
    for (let s = 0; s <= allDown; s++) {
      if (minutes[s]! > 0) {
        this.masks[count] = s;
        this.fractions[count] = minutes[s]! / MIN_PER_MONTH;
        count++;
      }
    }
    this.count = count;
  }
}

/**
 * One outage process (MODEL.md §9.1c) into `into`: Poisson starts at rate λ = -ln(1-u)/D per minute over
 * [-20D, 43830), exponential durations of mean D, union of intervals clipped to the month.
 */
function drawProcess(rng: Sfc32, unavailability: number, meanMinutes: number, into: IntervalBuffer): void {
  into.size = 0;
  if (unavailability >= 1) {
    into.push(0, MIN_PER_MONTH);
    return;
  }
  if (!(unavailability > 0)) return;
  const rate = -Math.log(1 - unavailability) / meanMinutes;
  const from = -WARM_UP_DURATIONS * meanMinutes;
  const span = MIN_PER_MONTH - from;
  const count = rng.poisson(rate * span);
  for (let i = 0; i < count; i++) {
    const start = from + span * rng.uniform();
    const end = start + rng.exponential(meanMinutes);
    const clippedStart = Math.max(0, start);
    const clippedEnd = Math.min(MIN_PER_MONTH, end);
    if (clippedEnd > clippedStart) into.push(clippedStart, clippedEnd);
  }
  sortAndMerge(into);
}

/** Sort intervals by start (insertion sort: a handful per month) and merge overlapping ones in place. */
function sortAndMerge(buffer: IntervalBuffer): void {
  const { starts, ends } = buffer;
  const size = buffer.size;
  for (let i = 1; i < size; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    let j = i - 1;
    while (j >= 0 && starts[j]! > s) {
      starts[j + 1] = starts[j]!;
      ends[j + 1] = ends[j]!;
      j--;
    }
    starts[j + 1] = s;
    ends[j + 1] = e;
  }
  let merged = 0;
  for (let i = 0; i < size; i++) {
    if (merged > 0 && starts[i]! <= ends[merged - 1]!) {
      ends[merged - 1] = Math.max(ends[merged - 1]!, ends[i]!);
    } else {
      starts[merged] = starts[i]!;
      ends[merged] = ends[i]!;
      merged++;
    }
  }
  buffer.size = merged;
}
