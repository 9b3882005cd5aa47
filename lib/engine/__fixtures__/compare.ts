/** Test-only: recursive comparison of a Result against an expected JSON value (MODEL.md §11 tolerance). */

export const RELATIVE_TOLERANCE = 1e-9;
export const ABSOLUTE_TOLERANCE = 1e-12;

/** Numbers agree when |a - b| ≤ max(1e-9·max(|a|, |b|), 1e-12). */
export function numbersAgree(actual: number, expected: number): boolean {
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return false;
  return Math.abs(actual - expected) <= Math.max(RELATIVE_TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected)), ABSOLUTE_TOLERANCE);
}

/** Every difference between `actual` and `expected`: same key sets, same nulls, numbers within tolerance. */
export function differences(actual: unknown, expected: unknown, path = '$'): string[] {
  if (expected === null || actual === null) {
    return expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return [`${path}: expected number ${expected}, got ${JSON.stringify(actual)}`];
    return numbersAgree(actual, expected) ? [] : [`${path}: expected ${expected}, got ${actual} (rel ${Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300)})`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array`];
    if (actual.length !== expected.length) return [`${path}: expected length ${expected.length}, got ${actual.length}`];
    return expected.flatMap((e, i) => differences(actual[i], e, `${path}[${i}]`));
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: expected an object`];
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const out: string[] = [];
    for (const key of Object.keys(e)) if (!(key in a) || a[key] === undefined) out.push(`${path}.${key}: missing`);
    for (const key of Object.keys(a)) if (!(key in e)) out.push(`${path}.${key}: unexpected key`);
    for (const key of Object.keys(e)) if (key in a && a[key] !== undefined) out.push(...differences(a[key], e[key], `${path}.${key}`));
    return out;
  }
  return actual === expected ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
