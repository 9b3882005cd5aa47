/** Calendar and statistical constants of MODEL.md §2. */

/** 365.25 / 12 days (MODEL.md §2). */
export const DAYS_PER_MONTH = 30.4375;
/** DAYS_PER_MONTH × 1440 minutes (MODEL.md §2). */
export const MIN_PER_MONTH = 43830;
/** Φ⁻¹(0.95), used as a literal (MODEL.md §2). */
export const Z95 = 1.6448536269514722;
/** Tie tolerance of the percentile rule (MODEL.md §7.2). */
export const PERCENTILE_TIE_EPSILON = 1e-12;
