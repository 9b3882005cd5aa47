import { lnGamma } from './distributions';

/** Probabilities below this count as 0 in the excess sums (MODEL.md §6.2). */
const NEGLIGIBLE_PROBABILITY = 1e-300;
/** Relative size of the term that ends an excess sum (MODEL.md §6.2). */
const SUM_STOP_RATIO = 1e-17;

/** ln P(N = k) for N Poisson(λ) (dispersion 1) or negative binomial with mean λ and variance D·λ. */
function logCountProbability(k: number, mean: number, dispersion: number): number {
  if (dispersion === 1) return -mean + k * Math.log(mean) - lnGamma(k + 1);
  const r = mean / (dispersion - 1);
  const q = 1 - 1 / dispersion;
  return lnGamma(k + r) - lnGamma(r) - lnGamma(k + 1) + r * Math.log(1 / dispersion) + k * Math.log(q);
}

/**
 * E[(N - L)^+] for per-window counts N with mean λ and variance D·λ: Poisson (D = 1) or negative binomial
 * (r = λ/(D-1), p = 1/D). If L ≥ λ: Σ_{k>L}(k-L)p_k upward; else λ - L + Σ_{k<L}(L-k)p_k downward, each until a term
 * < 1e-17·sum or p_k ≤ 1e-300 (MODEL.md §6.2).
 */
export function expectedExcess(mean: number, limit: number, dispersion: number): number {
  if (!(mean > 0) || limit === Infinity) return 0;
  if (limit <= 0) return mean;
  const r = dispersion === 1 ? 0 : mean / (dispersion - 1);
  const q = 1 - 1 / dispersion;
  let sum = 0;
  if (limit >= mean) {
    let k = limit + 1;
    let p = Math.exp(logCountProbability(k, mean, dispersion));
    while (p > NEGLIGIBLE_PROBABILITY) {
      const term = (k - limit) * p;
      sum += term;
      if (term < SUM_STOP_RATIO * sum) break;
      // The factor does not depend on p, so it stays off the loop's dependency chain.
      p *= dispersion === 1 ? mean / (k + 1) : ((k + r) * q) / (k + 1);
      k++;
    }
    return sum;
  }
  let k = limit - 1;
  let p = Math.exp(logCountProbability(k, mean, dispersion));
  while (k >= 0 && p > NEGLIGIBLE_PROBABILITY) {
    const term = (limit - k) * p;
    sum += term;
    if (term < SUM_STOP_RATIO * sum) break;
    // p_{k-1} from p_k: Poisson p·k/λ, negative binomial p·k/((k-1+r)·q).
    p *= dispersion === 1 ? k / mean : k / ((k - 1 + r) * q);
    k--;
  }
  return mean - limit + sum;
}

/** Effective request limit per minute L_j = min(rpm, ⌊tpm/(E[in] + E[out])⌋); ∞ when neither is set (MODEL.md §6.2). */
export function effectiveRequestLimitPerMinute(rpm: number | null, tpm: number | null, tokensPerRequest: number): number {
  const byRequests = rpm ?? Infinity;
  const byTokens = tpm === null ? Infinity : tokensPerRequest > 0 ? Math.floor(tpm / tokensPerRequest) : Infinity;
  return Math.min(byRequests, byTokens);
}

/**
 * Share of arrivals rejected by a window limit: E[(N - L_w)^+]/λ_w with λ_w = λ·w/60, L_w = ⌊L·w/60⌋ (MODEL.md §6.2).
 * `arrivalsPerMinute` λ, `limitPerMinute` L, `windowSec` w, `dispersion` D.
 */
export function rateLimitRejectedShare(arrivalsPerMinute: number, limitPerMinute: number, windowSec: number, dispersion: number): number {
  if (limitPerMinute === Infinity || !(arrivalsPerMinute > 0)) return 0;
  const windowMean = (arrivalsPerMinute * windowSec) / 60;
  const windowLimit = Math.floor((limitPerMinute * windowSec) / 60);
  return Math.min(1, Math.max(0, expectedExcess(windowMean, windowLimit, dispersion) / windowMean));
}
