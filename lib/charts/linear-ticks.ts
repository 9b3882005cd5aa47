/**
 * Round ticks for linear chart axes. Recharts' own "nice" ticks allow steps such as 55 or 0.35 (the availability axis
 * used to read 0, 55 min, 1 h 50 min); these pick steps a reader can add up in their head.
 */

export interface AxisTicks {
  /** Tick values from the first to the last, evenly spaced by `step`. */
  ticks: number[];
  /** [first tick, last tick]: the axis domain, so the plot ends on a labelled value. */
  domain: [number, number];
  step: number;
}

/** Round to 12 significant digits so 3 × 0.1 is 0.3, not 0.30000000000000004. */
function clean(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(12));
}

/** The smallest 1, 2 or 5 × 10^k that is ≥ `rough` (rough > 0). */
export function niceStep(rough: number): number {
  const exponent = Math.floor(Math.log10(rough));
  for (const mantissa of [1, 2, 5, 10]) {
    const step = clean(mantissa * 10 ** exponent);
    if (step >= rough * (1 - 1e-12)) return step;
  }
  return clean(10 ** (exponent + 1));
}

/** min and max made finite and distinct (an all-zero series still gets a 0–1 axis). */
function span(min: number, max: number): [number, number] {
  const lo = Number.isFinite(min) ? min : 0;
  const hi = Number.isFinite(max) ? max : 0;
  if (hi > lo) return [lo, hi];
  if (lo === 0) return [0, 1];
  return lo > 0 ? [0, lo] : [lo, 0];
}

/** Ticks at multiples of `step` covering [lo, hi] (an excess of a billionth of a step does not add a tick). */
function ticksForStep(lo: number, hi: number, step: number): number[] {
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(clean(i * step));
  return ticks;
}

function fromSteps(lo: number, hi: number, steps: Iterable<number>, maxCount: number): AxisTicks {
  let ticks: number[] = [];
  let chosen = 0;
  for (const step of steps) {
    ticks = ticksForStep(lo, hi, step);
    chosen = step;
    if (ticks.length <= maxCount) break;
  }
  return { ticks, domain: [ticks[0] ?? lo, ticks.at(-1) ?? hi], step: chosen };
}

/** Candidate 1-2-5 steps from just below (hi − lo)/maxCount upwards. */
function* oneTwoFive(lo: number, hi: number, maxCount: number): Generator<number> {
  let step = niceStep((hi - lo) / Math.max(1, maxCount));
  // The first candidate can give one tick too many once both ends are rounded outwards: the next step fixes that.
  for (let i = 0; i < 8; i++) {
    yield step;
    step = niceStep(step * 1.000001);
  }
}

/**
 * Ticks on multiples of 1, 2 or 5 × 10^k covering [min, max] (pass 0 in the range to include zero), at most
 * `maxCount` of them (≥ 2). The domain runs from the first to the last tick.
 */
export function linearTicks(min: number, max: number, maxCount = 6): AxisTicks {
  const [lo, hi] = span(min, max);
  return fromSteps(lo, hi, oneTwoFive(lo, hi, Math.max(1, maxCount - 1)), Math.max(2, maxCount));
}

/** Steps of a minutes axis: seconds, then 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, then days. */
const MINUTE_STEPS = [1 / 60, 2 / 60, 5 / 60, 10 / 60, 15 / 60, 30 / 60, 1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 7200, 14_400];

/**
 * Ticks of an axis in minutes at round durations (30 s, 5 min, 30 min, 1 h, 6 h, 1 d, …) so `formatMinutes` prints
 * "0, 30 min, 1 h, 1 h 30 min"; below a second it falls back to 1-2-5 steps in seconds.
 */
export function minuteTicks(min: number, max: number, maxCount = 6): AxisTicks {
  const [lo, hi] = span(min, max);
  const intervals = Math.max(1, maxCount - 1);
  const rough = (hi - lo) / intervals;
  const count = Math.max(2, maxCount);
  if (rough < 1 / 60) {
    const seconds = fromSteps(lo * 60, hi * 60, oneTwoFive(lo * 60, hi * 60, intervals), count);
    return {
      ticks: seconds.ticks.map((t) => t / 60),
      domain: [seconds.domain[0] / 60, seconds.domain[1] / 60],
      step: seconds.step / 60,
    };
  }
  return fromSteps(lo, hi, minuteSteps(lo, hi, rough, intervals), count);
}

/** The round minute steps ≥ `rough`, then 1-2-5 multiples of a day. */
function* minuteSteps(lo: number, hi: number, rough: number, intervals: number): Generator<number> {
  for (const step of MINUTE_STEPS) if (step >= rough * (1 - 1e-12)) yield step;
  for (const days of oneTwoFive(lo / 1440, hi / 1440, intervals)) if (days * 1440 > 14_400) yield days * 1440;
}

/**
 * Month ticks (0-based indices) for a horizon of `months`: every month when it fits, else every 2nd, 3rd, 6th, 12th
 * … month (labels 2, 4, 6 or 3, 6, 9), with month 1 in front from a step of 6 up (labels 1, 6, 12, 18), at most
 * `maxCount` labels.
 */
export function monthTicks(months: number, maxCount = 13): number[] {
  const count = Math.max(0, Math.floor(months));
  if (count <= maxCount) return Array.from({ length: count }, (_, index) => index);
  const fits = (step: number) => Math.floor(count / step) + (step >= 6 ? 1 : 0) <= maxCount;
  const step = [2, 3, 6, 12, 24, 60, 120].find(fits) ?? Math.ceil(count / Math.max(1, maxCount - 1));
  const ticks = step >= 6 ? [0] : [];
  for (let month = step; month <= count; month += step) ticks.push(month - 1);
  return ticks;
}

/** Fraction digits a percent axis needs to print every tick of a step distinctly: 0.2 → 0, 0.005 → 1, 0.0002 → 2. */
export function percentTickDigits(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.max(0, Math.min(6, Math.ceil(-Math.log10(step * 100) - 1e-9)));
}

/** Lowest and highest value of a stacked series per row (positives and negatives stack apart, recharts' "sign" offset). */
export function stackedExtent<Row>(rows: readonly Row[], values: (row: Row) => readonly number[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const row of rows) {
    let up = 0;
    let down = 0;
    for (const value of values(row)) {
      if (!Number.isFinite(value)) continue;
      if (value > 0) up += value;
      else down += value;
    }
    lo = Math.min(lo, down);
    hi = Math.max(hi, up);
  }
  return [lo, hi];
}
