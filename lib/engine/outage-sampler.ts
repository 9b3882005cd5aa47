import { MIN_PER_MONTH } from './constants';
import type { Sfc32 } from './prng';

/** Outage processes start this many mean durations before the month so that it begins in steady state (§9.1c). */
export const WARM_UP_DURATIONS = 20;

const MONTH_MINUTES = MIN_PER_MONTH;

function grow(from: Float64Array): Float64Array {
  const to = new Float64Array(from.length * 2);
  to.set(from);
  return to;
}

/**
 * The outage timelines of one trial-month and their realized state fractions (MODEL.md §9.1c), without allocation:
 * the same draws in the same order as `sampleOutageIntervals` (per event its gap and duration; the common process
 * first, then the providers in scope order) and the same fractions as `realizedStates`.
 */
export class OutageSampler {
  /** Per process (p < providerCount: provider p's residual process; providerCount: the common shock). */
  private readonly unavailability: Float64Array;
  private readonly meanMinutes: Float64Array;
  /** Mean gap 1/λ = D/(-ln(1-u)) between starts (minutes). */
  private readonly meanGap: Float64Array;
  /** Down intervals [start, end) of each process within the month, disjoint and sorted. */
  private starts: Float64Array[];
  private ends: Float64Array[];
  private readonly sizes: Int32Array;
  private readonly minutesByMask: Float64Array;
  /** Masks with minutes > 0 in the current sweep (unsorted), and a flag per mask. */
  private readonly touched: Int32Array;
  private readonly touchedFlag: Uint8Array;
  private readonly nextTime: Float64Array;
  private readonly cursor: Int32Array;
  /** Realized states of the last `sample`: masks in increasing order with their time fractions (> 0). */
  readonly masks: Int32Array;
  readonly fractions: Float64Array;
  count = 0;

  constructor(
    private readonly providerCount: number,
    commonUnavailability: number,
    commonMeanMinutes: number,
    residualUnavailability: readonly number[],
    residualMeanMinutes: readonly number[],
  ) {
    const processes = providerCount + 1;
    this.unavailability = new Float64Array(processes);
    this.meanMinutes = new Float64Array(processes);
    this.meanGap = new Float64Array(processes);
    for (let p = 0; p < processes; p++) {
      const u = p === providerCount ? commonUnavailability : residualUnavailability[p]!;
      const d = p === providerCount ? commonMeanMinutes : residualMeanMinutes[p]!;
      this.unavailability[p] = u;
      this.meanMinutes[p] = d;
      // §9.1c: rate λ = -ln(1-u)/D per minute (coverage 1 - e^{-λD} = u).
      if (u > 0 && u < 1) this.meanGap[p] = d / -Math.log(1 - u);
    }
    this.starts = Array.from({ length: processes }, () => new Float64Array(8));
    this.ends = Array.from({ length: processes }, () => new Float64Array(8));
    this.sizes = new Int32Array(processes);
    this.minutesByMask = new Float64Array(1 << providerCount);
    this.touched = new Int32Array(1 << providerCount);
    this.touchedFlag = new Uint8Array(1 << providerCount);
    this.nextTime = new Float64Array(processes);
    this.cursor = new Int32Array(processes);
    this.masks = new Int32Array(1 << providerCount);
    this.fractions = new Float64Array(1 << providerCount);
  }

  /** Draw the month's timelines from `rng` and compute the realized state fractions. */
  sample(rng: Sfc32): void {
    const n = this.providerCount;
    let intervals = this.drawProcess(rng, n);
    for (let p = 0; p < n; p++) intervals += this.drawProcess(rng, p);
    if (intervals === 0) {
      this.masks[0] = 0;
      this.fractions[0] = 1;
      this.count = 1;
      return;
    }
    this.sweep();
  }

  /**
   * One outage process (MODEL.md §9.1c): a Poisson process of starts at rate λ = -ln(1-u)/D per minute from -20D,
   * drawn as exponential gaps of mean 1/λ (docs/decisions/006: per event its gap then its duration, and one last gap
   * past the month's end), exponential durations of mean D, union of intervals clipped to the month. Starts come in
   * order, so overlapping intervals merge as they arrive. Returns the number of intervals kept.
   */
  private drawProcess(rng: Sfc32, p: number): number {
    const unavailability = this.unavailability[p]!;
    if (unavailability >= 1) {
      this.starts[p]![0] = 0;
      this.ends[p]![0] = MONTH_MINUTES;
      this.sizes[p] = 1;
      return 1;
    }
    this.sizes[p] = 0;
    if (!(unavailability > 0)) return 0;
    const meanMinutes = this.meanMinutes[p]!;
    const meanGap = this.meanGap[p]!;
    let starts = this.starts[p]!;
    let ends = this.ends[p]!;
    let size = 0;
    let start = -WARM_UP_DURATIONS * meanMinutes + meanGap * rng.standardExponential();
    while (start < MONTH_MINUTES) {
      const end = start + meanMinutes * rng.standardExponential();
      if (end > 0) {
        const clippedStart = start > 0 ? start : 0;
        const clippedEnd = end < MONTH_MINUTES ? end : MONTH_MINUTES;
        if (size > 0 && clippedStart <= ends[size - 1]!) {
          if (clippedEnd > ends[size - 1]!) ends[size - 1] = clippedEnd;
        } else {
          if (size === starts.length) {
            starts = grow(starts);
            ends = grow(ends);
            this.starts[p] = starts;
            this.ends[p] = ends;
          }
          starts[size] = clippedStart;
          ends[size] = clippedEnd;
          size++;
        }
      }
      start += meanGap * rng.standardExponential();
    }
    this.sizes[p] = size;
    return size;
  }

  /**
   * Time-ordered sweep over every process's boundaries (a k-way merge of the sorted, disjoint intervals): minutes per
   * global state S, where the common shock takes every provider down.
   */
  private sweep(): void {
    const n = this.providerCount;
    const allDown = (1 << n) - 1;
    const minutes = this.minutesByMask;
    const touched = this.touched;
    const flag = this.touchedFlag;
    const nextTime = this.nextTime;
    const cursor = this.cursor;
    const sizes = this.sizes;
    const starts = this.starts;
    const ends = this.ends;
    // cursor[p] counts boundaries passed: even = before interval cursor/2 starts, odd = inside it.
    for (let p = 0; p <= n; p++) {
      cursor[p] = 0;
      nextTime[p] = sizes[p]! > 0 ? starts[p]![0]! : Infinity;
    }
    let touchedCount = 0;
    let previous = 0;
    let mask = 0;
    let commonDown = false;
    for (;;) {
      let next = nextTime[0]!;
      let which = 0;
      for (let p = 1; p <= n; p++) {
        const time = nextTime[p]!;
        if (time < next) {
          next = time;
          which = p;
        }
      }
      if (next === Infinity) break;
      if (next > previous) {
        const at = commonDown ? allDown : mask;
        if (flag[at] === 0) {
          flag[at] = 1;
          minutes[at] = 0;
          touched[touchedCount++] = at;
        }
        minutes[at] = minutes[at]! + next - previous;
        previous = next;
      }
      const c = cursor[which]! + 1;
      cursor[which] = c;
      const entering = (c & 1) === 1;
      const index = c >> 1;
      nextTime[which] = entering ? ends[which]![index]! : index < sizes[which]! ? starts[which]![index]! : Infinity;
      if (which === n) commonDown = entering;
      else mask = entering ? mask | (1 << which) : mask & ~(1 << which);
    }
    if (MONTH_MINUTES > previous) {
      const at = commonDown ? allDown : mask;
      if (flag[at] === 0) {
        flag[at] = 1;
        minutes[at] = 0;
        touched[touchedCount++] = at;
      }
      minutes[at] = minutes[at]! + MONTH_MINUTES - previous;
    }
    // Masks in increasing order (insertion sort of a handful).
    for (let i = 1; i < touchedCount; i++) {
      const s = touched[i]!;
      let j = i - 1;
      while (j >= 0 && touched[j]! > s) {
        touched[j + 1] = touched[j]!;
        j--;
      }
      touched[j + 1] = s;
    }
    let count = 0;
    for (let i = 0; i < touchedCount; i++) {
      const s = touched[i]!;
      flag[s] = 0;
      if (minutes[s]! > 0) {
        this.masks[count] = s;
        this.fractions[count] = minutes[s]! / MONTH_MINUTES;
        count++;
      }
    }
    this.count = count;
  }
}
