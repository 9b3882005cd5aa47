import type { Scenario, SpecCatalog } from '@/lib/scenario/schema';
import { PlannerInputError } from './candidates';
import { formatPath, inputRange, parsePath, readInput, writeInput } from './paths';
import { resolveOrThrow, tcoOf } from './sensitivity';

/**
 * `plan breakeven` (issue 11): every value of one input in [from, to] where TCO(A) = TCO(B), both scenarios with the
 * input set to the same value. The difference d(x) = TCO_A(x) - TCO_B(x) is sampled on an adaptive grid (refined
 * where d bends, so that a pair of close crossings is not stepped over), each sign change is bracketed, and the root
 * is found by bisection to 1e-12 of the range, finished with a secant step. Crossings are the roots, not grid points.
 */
export interface BreakevenPoint {
  value: number;
  tcoA: number;
  tcoB: number;
}

export interface BreakevenResult {
  vary: string;
  from: number;
  to: number;
  crossings: { value: number; tco: number }[];
  /** The sampled curves (for the chart). */
  points: BreakevenPoint[];
}

const INITIAL_INTERVALS = 24;
const MAX_DEPTH = 5;
const BISECTIONS = 60;

export interface BreakevenOptions {
  vary: string;
  from?: number;
  to?: number;
}

export function breakeven(a: Scenario, b: Scenario, catalog: SpecCatalog, options: BreakevenOptions): BreakevenResult {
  const path = parsePath(options.vary, '--vary');
  const inputA = resolveOrThrow(stripMonteCarlo(a), catalog, 'A: ');
  const inputB = resolveOrThrow(stripMonteCarlo(b), catalog, 'B: ');
  const range = inputRange(inputA, path);
  const base = readInput(inputA, path, '--vary');
  readInput(inputB, path, '--vary');
  const from = options.from ?? range.min;
  let to = options.to;
  if (to === undefined) {
    if (range.max <= 100 && (range.max === 1 || range.max === 100)) to = range.max;
    else if (base !== null && base > 0) to = Math.min(range.max, 2 * base);
    else throw new PlannerInputError(`--to: required (${formatPath(path)} is ${base === null ? 'unlimited' : 0} in A)`);
  }
  if (!(from >= range.min && from <= range.max)) throw new PlannerInputError(`--from: must be within [${range.min}, ${range.max}] for ${formatPath(path)} (got ${from})`);
  if (!(to > from && to <= range.max)) throw new PlannerInputError(`--to: must be above --from (${from}) and at most ${range.max} (got ${to})`);

  const sA = stripMonteCarlo(a);
  const sB = stripMonteCarlo(b);
  const cache = new Map<number, BreakevenPoint>();
  const at = (value: number): BreakevenPoint => {
    let point = cache.get(value);
    if (!point) {
      point = {
        value,
        tcoA: tcoOf(writeInput(sA, inputA, path, value), catalog, `A with ${formatPath(path)} = ${value}: `),
        tcoB: tcoOf(writeInput(sB, inputB, path, value), catalog, `B with ${formatPath(path)} = ${value}: `),
      };
      cache.set(value, point);
    }
    return point;
  };
  const d = (p: BreakevenPoint) => p.tcoA - p.tcoB;

  // Adaptive grid: split an interval while its midpoint is far from the chord of d (a bend may hide two crossings).
  const grid: number[] = [];
  const refine = (x0: number, x1: number, depth: number) => {
    const mid = (x0 + x1) / 2;
    const p0 = at(x0);
    const p1 = at(x1);
    const pm = at(mid);
    const scale = Math.max(Math.abs(p0.tcoA), Math.abs(p0.tcoB), Math.abs(p1.tcoA), Math.abs(p1.tcoB), 1);
    const chord = (d(p0) + d(p1)) / 2;
    if (depth < MAX_DEPTH && Math.abs(d(pm) - chord) > 1e-3 * scale) {
      refine(x0, mid, depth + 1);
      refine(mid, x1, depth + 1);
    } else {
      grid.push(x0, mid);
    }
  };
  for (let i = 0; i < INITIAL_INTERVALS; i++) refine(from + ((to - from) * i) / INITIAL_INTERVALS, from + ((to - from) * (i + 1)) / INITIAL_INTERVALS, 0);
  grid.push(to);
  const points = grid.map(at);

  const crossings: { value: number; tco: number }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const p0 = points[i]!;
    const p1 = points[i + 1]!;
    const d0 = d(p0);
    const d1 = d(p1);
    if (d0 === 0) {
      if (!crossings.some((c) => c.value === p0.value)) crossings.push({ value: p0.value, tco: p0.tcoA });
      continue;
    }
    if (d0 * d1 >= 0) continue;
    let lo = p0.value;
    let hi = p1.value;
    let dlo = d0;
    for (let k = 0; k < BISECTIONS && hi - lo > 1e-12 * (to - from); k++) {
      const mid = (lo + hi) / 2;
      const dm = d(at(mid));
      if (dm === 0) {
        lo = hi = mid;
        break;
      }
      if (Math.sign(dm) === Math.sign(dlo)) {
        lo = mid;
        dlo = dm;
      } else {
        hi = mid;
      }
    }
    const dl = d(at(lo));
    const dh = d(at(hi));
    const root = lo === hi || dl === dh ? lo : Math.min(hi, Math.max(lo, lo - (dl * (hi - lo)) / (dh - dl)));
    const point = at(root);
    crossings.push({ value: root, tco: (point.tcoA + point.tcoB) / 2 });
  }
  const last = points.at(-1);
  if (last && d(last) === 0 && !crossings.some((c) => c.value === last.value)) crossings.push({ value: last.value, tco: last.tcoA });
  return { vary: formatPath(path), from, to, crossings, points };
}

function stripMonteCarlo(scenario: Scenario): Scenario {
  const copy = { ...scenario };
  delete copy.monteCarlo;
  return copy;
}
