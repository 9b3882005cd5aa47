/**
 * Tick values for a log axis between `min` and `max` (both > 0): the 1-2-5 series (1, 2, 5, 10, 20, …) when that
 * gives at most `maxCount` ticks, else 1-3-10, else powers of ten. Recharts' own log ticks crowd into unreadable labels.
 */
export function logTicks(min: number, max: number, maxCount = 8): number[] {
  if (!(min > 0) || !(max > min) || !Number.isFinite(max)) return [];
  for (const mantissas of [[1, 2, 5], [1, 3], [1]]) {
    const ticks: number[] = [];
    for (let exponent = Math.floor(Math.log10(min)); exponent <= Math.ceil(Math.log10(max)); exponent++) {
      for (const mantissa of mantissas) {
        // Round to 12 significant digits so 3 × 10^-1 is 0.3, not 0.30000000000000004.
        const tick = Number((mantissa * 10 ** exponent).toPrecision(12));
        if (tick >= min && tick <= max) ticks.push(tick);
      }
    }
    if (ticks.length <= maxCount) return ticks;
  }
  // Even powers of ten are too many: keep every k-th one.
  const decades: number[] = [];
  for (let exponent = Math.ceil(Math.log10(min)); exponent <= Math.floor(Math.log10(max)); exponent++) decades.push(10 ** exponent);
  const step = Math.ceil(decades.length / maxCount);
  return decades.filter((_, index) => index % step === 0);
}
