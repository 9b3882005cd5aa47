import { lengthCdf, lognormalFromMedianP95, type LengthDistribution } from '@/lib/engine/distributions';
import { Z95 } from '@/lib/engine/constants';
import type { EngineTokenDistribution } from '@/lib/engine/types';

export interface TokenLengthRow {
  /** Tokens. */
  tokens: number;
  /** F_in(tokens): share of requests with at most this many input tokens. */
  input: number;
  /** F_out(tokens). */
  output: number;
}

/** z of the 0.1 % and 99.9 % quantiles: the plotted range of an uncapped distribution. */
const Z_999 = 3.090232306167813;

function plotRange(d: LengthDistribution): [number, number] {
  if (d.sigma === 0) {
    const x = Math.min(Math.exp(d.mu), d.cap);
    return [x / 2, x * 2];
  }
  return [Math.exp(d.mu - Z_999 * d.sigma), Math.min(d.cap * 1.25, Math.exp(d.mu + Z_999 * d.sigma))];
}

/**
 * CDF curves of the input and output token lengths (lognormal from median and p95, capped at max_tokens;
 * MODEL.md §3.2) on a shared log-spaced grid, including each cap and point mass so the jump is drawn as a step.
 */
export function tokenLengthRows(
  inputTokens: EngineTokenDistribution,
  outputTokens: EngineTokenDistribution,
  points = 90,
): TokenLengthRow[] {
  const input = lognormalFromMedianP95(inputTokens.median, inputTokens.p95, inputTokens.cap);
  const output = lognormalFromMedianP95(outputTokens.median, outputTokens.p95, outputTokens.cap);
  const [inLo, inHi] = plotRange(input);
  const [outLo, outHi] = plotRange(output);
  const lo = Math.max(1e-3, Math.min(inLo, outLo));
  const hi = Math.max(inHi, outHi, lo * 10);
  const grid = new Set<number>();
  const steps = Math.max(2, Math.floor(points));
  for (let i = 0; i < steps; i++) grid.add(lo * (hi / lo) ** (i / (steps - 1)));
  for (const d of [input, output]) {
    const jump = d.sigma === 0 ? Math.min(Math.exp(d.mu), d.cap) : Number.isFinite(d.cap) ? d.cap : null;
    if (jump !== null && jump >= lo && jump <= hi) {
      grid.add(jump * (1 - 1e-9));
      grid.add(jump);
    }
  }
  return [...grid]
    .sort((a, b) => a - b)
    .map((tokens) => ({ tokens, input: lengthCdf(input, tokens), output: lengthCdf(output, tokens) }));
}

export interface TokenLengthSummary {
  median: number;
  p95: number;
  /** E[X] after the cap (MODEL.md §3.2). */
  mean: number;
  /** Share of requests truncated at the cap, P(Y ≥ K); 0 without a cap. */
  cappedShare: number;
}

/** The numbers a reader checks against the curves: median, p95, mean after truncation, share hitting the cap. */
export function tokenLengthSummary(tokens: EngineTokenDistribution): TokenLengthSummary {
  const d = lognormalFromMedianP95(tokens.median, tokens.p95, tokens.cap);
  const cappedShare = tokens.cap === null ? 0 : 1 - lengthCdf(d, tokens.cap * (1 - 1e-12));
  return {
    median: Math.min(tokens.median, d.cap),
    // With a cap below the p95 the capped p95 is the cap itself.
    p95: Math.min(Math.exp(d.mu + Z95 * d.sigma), d.cap),
    mean: d.mean,
    cappedShare,
  };
}

/** A curve value at x, straight between grid points on the log axis (as the chart draws it). */
function logLinearAt(rows: readonly TokenLengthRow[], tokens: number, pick: (row: TokenLengthRow) => number): number {
  const after = rows.findIndex((row) => row.tokens >= tokens);
  if (after < 0) return rows.length > 0 ? pick(rows.at(-1)!) : 0;
  const hi = rows[after]!;
  const lo = rows[after - 1];
  if (!lo || hi.tokens === tokens) return pick(hi);
  const fraction = Math.log(tokens / lo.tokens) / Math.log(hi.tokens / lo.tokens);
  return pick(lo) + fraction * (pick(hi) - pick(lo));
}

/** The two curves read at the axis ticks, for the chart's "Show the numbers" table. */
export function tokenLengthsAt(rows: readonly TokenLengthRow[], ticks: readonly number[]): TokenLengthRow[] {
  return ticks.map((tokens) => ({
    tokens,
    input: logLinearAt(rows, tokens, (row) => row.input),
    output: logLinearAt(rows, tokens, (row) => row.output),
  }));
}
