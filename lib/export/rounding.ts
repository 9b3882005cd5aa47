/**
 * Money rounding shared by the CSV and the screen, so both agree to the cent (DESIGN.md §2, §4).
 *
 * Rule: take the shortest decimal that reads back as the same double (`String(x)`, what a person would type: 1.005,
 * not 1.00499999999999989…) and round it to 2 places, halves away from zero. This is exactly what
 * `Intl.NumberFormat` does at 2 fraction digits (ICU rounds the shortest representation, `roundingMode: 'halfExpand'`),
 * so a screen that formats money with Intl shows the CSV's figure. `toFixed` rounds the exact binary value instead
 * (1.005 → 1.00) and would disagree with the screen.
 */

/** `x` rounded to the cent (USD). Non-finite input is returned unchanged; callers reject it before display. */
export function roundCents(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Number(formatFixed(x, 2));
}

/**
 * `x` as a plain decimal string with exactly `fractionDigits` digits, rounded half away from zero on its shortest
 * decimal representation: no exponent, no thousands separator, no `-0`.
 */
export function formatFixed(x: number, fractionDigits: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${String(x)}`);
  const { digits, pointIndex } = shortestDecimal(Math.abs(x));
  const keep = pointIndex + fractionDigits; // digits kept left of the rounding position
  const head = keep > 0 ? digits.slice(0, keep).padEnd(keep, '0') : '';
  const next = keep >= 0 ? (digits[keep] ?? '0') : '0';
  const scaled = BigInt(head === '' ? '0' : head) + (next >= '5' ? 1n : 0n); // x·10^fractionDigits, rounded
  const text = scaled.toString().padStart(fractionDigits + 1, '0');
  const integer = fractionDigits > 0 ? text.slice(0, -fractionDigits) : text;
  const fraction = fractionDigits > 0 ? `.${text.slice(-fractionDigits)}` : '';
  const sign = x < 0 && scaled !== 0n ? '-' : '';
  return `${sign}${integer}${fraction}`;
}

/** Digits of `String(x)` (x ≥ 0) and where the decimal point sits among them: 1.5e+22 → ("15", 23); 0.012 → ("0012", 1). */
function shortestDecimal(x: number): { digits: string; pointIndex: number } {
  const [mantissa = '0', exponentText] = String(x).split('e');
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const [integerPart = '0', fractionPart = ''] = mantissa.split('.');
  return { digits: integerPart + fractionPart, pointIndex: integerPart.length + exponent };
}

/** Money cell text: `x` rounded to the cent with exactly two decimals, e.g. `1234.50`. */
export function formatCents(x: number): string {
  return formatFixed(x, 2);
}

/** A quantity (requests, tokens, minutes) with at most `maxFractionDigits` decimals, trailing zeros dropped. */
export function formatQuantity(x: number, maxFractionDigits = 4): string {
  const text = formatFixed(x, maxFractionDigits);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
