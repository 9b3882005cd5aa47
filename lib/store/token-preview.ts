import { lognormalFromMedianP95, normalCdf } from '@/lib/engine/distributions';
import { Z95 } from '@/lib/engine/constants';

/**
 * Data for the small live preview of a token-length distribution next to its inputs: the capped lognormal of
 * MODEL.md §3.2 (μ = ln median, σ = ln(p95/median)/Z95, X = min(Y, K)) as a histogram over [0, xMax].
 */
export interface TokenPreview {
  /** Equal-width bins from 0 to `maxTokens`; `share` = probability of a length in (from, to]. */
  bins: { from: number; to: number; share: number }[];
  /** Probability of hitting the cap exactly (requests truncated at max_tokens); 0 without a cap. */
  capShare: number;
  /** Right end of the plotted range: the cap when it is within twice the 99.5th percentile, else that percentile. */
  maxTokens: number;
  /** E[X] with the cap (MODEL.md §3.2), what the engine bills per request. */
  mean: number;
  median: number;
  p95: number;
  cap: number | null;
}

/** z of the 99.5th percentile, the right edge of an uncapped plot (a literal, as MODEL.md §2 does for Z95). */
const Z995 = 2.5758293035489004;

/** Null when the figures are not a valid distribution (the form shows its error instead). */
export function tokenPreview(median: number, p95: number, cap: number | null | undefined, binCount = 40): TokenPreview | null {
  const capValue = cap ?? null;
  const valid =
    Number.isFinite(median) && median > 0 && Number.isFinite(p95) && p95 >= median && (capValue === null || (Number.isFinite(capValue) && capValue >= 1));
  if (!valid || binCount < 1) return null;

  const d = lognormalFromMedianP95(median, p95, capValue);
  const sigma = Math.log(p95 / median) / Z95;
  const tail = sigma === 0 ? median * 1.5 : Math.exp(d.mu + Z995 * sigma);
  // Show the cap (and its spike) when it is near the tail; a far-away cap would squash the plot into its left edge.
  const maxTokens = capValue !== null && capValue <= 2 * tail ? capValue : tail;
  const capShare = capValue === null ? 0 : sigma === 0 ? (median >= capValue ? 1 : 0) : 1 - normalCdf((Math.log(capValue) - d.mu) / sigma);

  // Uncapped CDF below the cap; the mass at the cap is reported separately as `capShare`.
  const cdf = (x: number) => {
    if (x <= 0) return 0;
    if (sigma === 0) return x >= median ? 1 : 0;
    return normalCdf((Math.log(x) - d.mu) / sigma);
  };
  const width = maxTokens / binCount;
  const bins = Array.from({ length: binCount }, (_, i) => {
    const from = i * width;
    const to = i === binCount - 1 ? maxTokens : (i + 1) * width;
    const upper = capValue !== null ? Math.min(to, capValue) : to;
    // A point mass at the cap belongs to `capShare`, not to the last bin.
    const share = sigma === 0 && capValue !== null && median >= capValue ? 0 : Math.max(0, cdf(upper) - cdf(from));
    return { from, to, share };
  });
  // Uncapped mean = median·e^{σ²/2} (MODEL.md §3.2); with a cap, the partial expectation PE(0, ∞).
  const mean = capValue === null ? d.uncappedMean : d.mean;
  return { bins, capShare, maxTokens, mean, median, p95, cap: capValue };
}

/** An SVG path (area under the histogram) in a `width`×`height` box, y down; the tallest bin touches the top. */
export function previewAreaPath(preview: TokenPreview, width: number, height: number): string {
  const tallest = Math.max(...preview.bins.map((b) => b.share));
  if (!(tallest > 0)) return `M0 ${height} L${width} ${height} Z`;
  const x = (tokens: number) => (tokens / preview.maxTokens) * width;
  const y = (share: number) => height - (share / tallest) * height;
  const parts = [`M0 ${height}`];
  for (const bin of preview.bins) {
    parts.push(`L${round(x(bin.from))} ${round(y(bin.share))}`, `L${round(x(bin.to))} ${round(y(bin.share))}`);
  }
  parts.push(`L${width} ${height}`, 'Z');
  return parts.join(' ');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
