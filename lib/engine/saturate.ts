/**
 * Last line of the "never ±Infinity" rule (MODEL.md §2): a figure that overflows the double range on extreme valid
 * input (e.g. 60 months at +1000 %/month with 1e100-token expectations) is reported as ±Number.MAX_VALUE. NaN is not
 * masked here: it would be a bug, and the property tests look for it.
 */
export function saturateInfinities<T>(value: T): T {
  if (typeof value === 'number') {
    if (value === Infinity) return Number.MAX_VALUE as T;
    if (value === -Infinity) return -Number.MAX_VALUE as T;
    return value;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' ? item !== null : item === Infinity || item === -Infinity) value[i] = saturateInfinities(item);
    }
    return value;
  }
  if (value && typeof value === 'object') {
    // for…in walks the Result's plain objects without allocating key arrays (it runs on every simulate()).
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (typeof item === 'object' ? item !== null : item === Infinity || item === -Infinity) record[key] = saturateInfinities(item);
    }
  }
  return value;
}
