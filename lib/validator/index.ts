import { validateCase, type FigureRow } from './compare';
import { generateCases } from './scenarios';
import { bonferroniBound } from './stats';

/**
 * The discrete-event validator (ADR 011): random scenarios from a fixed seed, each simulated request by request and
 * compared with the engine's closed forms. worstZ is the largest |z| over the rows not excluded by a stated regime.
 */

export interface ValidationOptions {
  seed: number;
  cases: number;
  /** Simulated minutes per daily period (peak and base) and case. */
  minutesPerPeriod: number;
  batches: number;
  modelV2: boolean;
  /** Family-wise error level of the Bonferroni bound on |z|. */
  alpha: number;
  /** Requests per day × this (see GeneratorOptions.loadScale). */
  loadScale?: number;
}

export const FULL_RUN: ValidationOptions = { seed: 20261203, cases: 60, minutesPerPeriod: 1500, batches: 50, modelV2: true, alpha: 1e-4 };

/** The CI variant: 8 scenarios at a tenth of the load over 3,000 minutes per period (< 10 s). */
export const QUICK_RUN: ValidationOptions = { ...FULL_RUN, cases: 8, minutesPerPeriod: 3000, batches: 50, loadScale: 0.1 };

export interface ValidationReport {
  cases: number;
  worstZ: number;
  /** |z| bound: Bonferroni over the compared rows at `alpha`. */
  bound: number;
  passed: boolean;
  compared: number;
  excluded: number;
  requests: number;
  rows: FigureRow[];
}

export function runValidation(options: ValidationOptions, onCase?: (index: number) => void): ValidationReport {
  const cases = generateCases(options.seed, options.cases, { modelV2: options.modelV2, loadScale: options.loadScale ?? 1 });
  const rows: FigureRow[] = [];
  let requests = 0;
  cases.forEach((c, i) => {
    const outcome = validateCase(i, c.input, { minutesPerPeriod: options.minutesPerPeriod, batches: options.batches, seed: (options.seed + 104729 * (i + 1)) >>> 0 });
    rows.push(...outcome.rows);
    requests += outcome.requests;
    onCase?.(i);
  });
  const compared = rows.filter((r) => r.z !== null && !r.excluded);
  const worstZ = compared.reduce((worst, r) => Math.max(worst, Math.abs(r.z!)), 0);
  const bound = bonferroniBound(compared.length, options.alpha);
  return { cases: cases.length, worstZ, bound, passed: worstZ <= bound, compared: compared.length, excluded: rows.filter((r) => r.excluded).length, requests, rows };
}

export type { FigureRow } from './compare';
export { detectRegimes, FIGURE_IDS, type FigureId, type Regime, type RegimeId } from './regimes';
