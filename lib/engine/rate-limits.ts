import { lnGamma } from './distributions';

/** Probabilities below this count as 0 in the excess sums (MODEL.md §6.2). */
const NEGLIGIBLE_PROBABILITY = 1e-300;
/** Relative size of the term that ends an excess sum (MODEL.md §6.2). */
const SUM_STOP_RATIO = 1e-17;

/** Above this shape the Stirling difference replaces lnΓ(r+k) - lnΓ(r), which would cancel catastrophically. */
const LARGE_SHAPE = 1e5;

/** ln Γ(r + k) - ln Γ(r); for large r by the Stirling series written without cancellation. */
function lnGammaRatio(r: number, k: number): number {
  if (r < LARGE_SHAPE) return lnGamma(r + k) - lnGamma(r);
  const s = r + k;
  return (r - 0.5) * Math.log1p(k / r) + k * Math.log(s) - k + (1 / s - 1 / r) / 12 - (1 / (s * s * s) - 1 / (r * r * r)) / 360;
}

/**
 * ln P(N = k) for N Poisson(λ) (dispersion 1) or negative binomial with r = λ/(D-1), p = 1/D:
 * ln Γ(k+r) - ln Γ(r) - ln k! + r·ln(1/D) + k·ln(1 - 1/D), with ln(1/D) = -log1p(D - 1) for D near 1.
 */
function logCountProbability(k: number, mean: number, dispersion: number): number {
  if (dispersion === 1) return -mean + k * Math.log(mean) - lnGamma(k + 1);
  const excessDispersion = dispersion - 1;
  const r = mean / excessDispersion;
  return lnGammaRatio(r, k) - lnGamma(k + 1) - r * Math.log1p(excessDispersion) + k * Math.log(excessDispersion / dispersion);
}

/**
 * E[(N - L)^+] for per-window counts N with mean λ and variance D·λ: Poisson (D = 1) or negative binomial
 * (r = λ/(D-1), p = 1/D). If L ≥ λ: Σ_{k>L}(k-L)p_k upward; else λ - L + Σ_{k<L}(L-k)p_k downward, each until a term
 * < 1e-17·sum or p_k ≤ 1e-300 (MODEL.md §6.2). Monte Carlo passes a looser `stopRatio` (its noise dominates).
 */
export function expectedExcess(mean: number, limit: number, dispersion: number, stopRatio = SUM_STOP_RATIO): number {
  if (!(mean > 0) || limit === Infinity) return 0;
  if (limit <= 0) return mean;
  const remembered = rememberedExcess(mean, limit, dispersion, stopRatio);
  if (remembered >= 0) return remembered;
  const excess = summedExcess(mean, limit, dispersion, stopRatio);
  rememberExcess(mean, limit, dispersion, stopRatio, excess);
  return excess;
}

/**
 * The last few excess sums with their exact arguments: a converging fixed point (§6.5) and neighbouring periods,
 * months and outage states ask for the same sum again (about 3 calls in 10 in the 12-month three-chain fixture).
 * Keyed on bit-identical arguments, so a hit returns exactly what the sum would.
 */
const REMEMBERED_EXCESS_SLOTS = 16;
const rememberedArguments = new Float64Array(REMEMBERED_EXCESS_SLOTS * 4).fill(Number.NaN);
const rememberedValues = new Float64Array(REMEMBERED_EXCESS_SLOTS);
let nextRememberedSlot = 0;

/** The remembered E[(N - L)^+] for these arguments, or -1 when none is remembered. */
function rememberedExcess(mean: number, limit: number, dispersion: number, stopRatio: number): number {
  for (let slot = 0; slot < REMEMBERED_EXCESS_SLOTS; slot++) {
    const at = slot * 4;
    if (rememberedArguments[at] === mean && rememberedArguments[at + 1] === limit && rememberedArguments[at + 2] === dispersion && rememberedArguments[at + 3] === stopRatio) {
      return rememberedValues[slot]!;
    }
  }
  return -1;
}

function rememberExcess(mean: number, limit: number, dispersion: number, stopRatio: number, excess: number): void {
  const at = nextRememberedSlot * 4;
  rememberedArguments[at] = mean;
  rememberedArguments[at + 1] = limit;
  rememberedArguments[at + 2] = dispersion;
  rememberedArguments[at + 3] = stopRatio;
  rememberedValues[nextRememberedSlot] = excess;
  nextRememberedSlot = (nextRememberedSlot + 1) % REMEMBERED_EXCESS_SLOTS;
}

/** E[(N - L)^+] by the §6.2 sums (see `expectedExcess`); mean > 0, 0 < limit < ∞. */
function summedExcess(mean: number, limit: number, dispersion: number, stopRatio: number): number {
  const r = dispersion === 1 ? 0 : mean / (dispersion - 1);
  const q = (dispersion - 1) / dispersion;
  let sum = 0;
  if (limit >= mean) {
    let k = limit + 1;
    let p = Math.exp(logCountProbability(k, mean, dispersion));
    // One loop per count law so the branch stays out of the loop. The factor does not depend on p, so it stays off
    // the loop's dependency chain.
    if (dispersion === 1) {
      while (p > NEGLIGIBLE_PROBABILITY && p < Infinity) {
        const term = (k - limit) * p;
        sum += term;
        if (term < stopRatio * sum) break;
        p *= mean / (k + 1);
        k++;
      }
      return sum;
    }
    while (p > NEGLIGIBLE_PROBABILITY && p < Infinity) {
      const term = (k - limit) * p;
      sum += term;
      if (term < stopRatio * sum) break;
      p *= ((k + r) * q) / (k + 1);
      k++;
    }
    return sum;
  }
  let k = limit - 1;
  let p = Math.exp(logCountProbability(k, mean, dispersion));
  // p_{k-1} from p_k: Poisson p·k/λ, negative binomial p·k/((k-1+r)·q).
  if (dispersion === 1) {
    while (k >= 0 && p > NEGLIGIBLE_PROBABILITY && p < Infinity) {
      const term = (limit - k) * p;
      sum += term;
      if (term < stopRatio * sum) break;
      p *= k / mean;
      k--;
    }
  } else {
    while (k >= 0 && p > NEGLIGIBLE_PROBABILITY && p < Infinity) {
      const term = (limit - k) * p;
      sum += term;
      if (term < stopRatio * sum) break;
      p *= k / ((k - 1 + r) * q);
      k--;
    }
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
export function rateLimitRejectedShare(arrivalsPerMinute: number, limitPerMinute: number, windowSec: number, dispersion: number, stopRatio = SUM_STOP_RATIO): number {
  if (limitPerMinute === Infinity || !(arrivalsPerMinute > 0)) return 0;
  const windowMean = (arrivalsPerMinute * windowSec) / 60;
  const windowLimit = Math.floor((limitPerMinute * windowSec) / 60);
  return Math.min(1, Math.max(0, expectedExcess(windowMean, windowLimit, dispersion, stopRatio) / windowMean));
}
