/** Test-only: every number in a Result is finite and nothing is undefined (MODEL.md §2, §7.5). */
export function assertFiniteResult(value: unknown, path = '$'): void {
  if (value === undefined) throw new Error(`${path} is undefined`);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${path} = ${value}`);
  if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) assertFiniteResult(inner, `${path}.${key}`);
}
