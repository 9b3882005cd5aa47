/**
 * Field-level validation messages for the simulator form. `parseScenario` and `resolveScenario` report one line per
 * problem, starting with the field path and a colon (MODEL.md §3.0); the form shows each message at its own field.
 */

export interface FieldError {
  /** Field path as in MODEL.md §3.0: `workload.outputTokens.p95`, `routing.chains[1].models[0]`, `(scenario)`. */
  path: string;
  message: string;
}

/** `"workload.outputTokens.p95: must be >= 250"` → `{ path, message }`; a line without a path belongs to the scenario. */
export function toFieldError(line: string): FieldError {
  // Paths never contain a space, so the first ": " ends the path (ids may contain ":" but not ": ").
  const separator = line.indexOf(': ');
  if (separator <= 0 || /\s/.test(line.slice(0, separator))) return { path: '(scenario)', message: line };
  return { path: line.slice(0, separator), message: line.slice(separator + 2) };
}

/** One FieldError per line (a zod "unknown keys" issue can span several lines). */
export function toFieldErrors(lines: readonly string[]): FieldError[] {
  return lines.flatMap((line) => line.split('\n')).filter((line) => line.trim() !== '').map(toFieldError);
}

/** Messages grouped by exact path, in the order they were reported. */
export function errorsByPath(errors: readonly FieldError[]): ReadonlyMap<string, readonly string[]> {
  const byPath = new Map<string, string[]>();
  for (const error of errors) {
    const list = byPath.get(error.path);
    if (list) list.push(error.message);
    else byPath.set(error.path, [error.message]);
  }
  return byPath;
}

/** Errors at `prefix` or below it (`routing.chains[0]` covers `routing.chains[0].models[1]`, not `routing.chains[01]`). */
export function errorsWithin(errors: readonly FieldError[], prefix: string): FieldError[] {
  return errors.filter(
    (error) => error.path === prefix || error.path.startsWith(`${prefix}.`) || error.path.startsWith(`${prefix}[`),
  );
}

/** The text shown to a person: weights are edited as percentages on screen, so say so. */
export function displayMessage(error: FieldError): string {
  const weights = /^weights must sum to 1 \(they sum to ([-0-9.e]+)\)$/.exec(error.message);
  if (error.path === 'routing.chains' && weights?.[1] !== undefined) {
    const sum = Number(weights[1]) * 100;
    return `Traffic weights must add up to 100 % (they add up to ${Number(sum.toPrecision(6))} %)`;
  }
  return error.message.charAt(0).toUpperCase() + error.message.slice(1);
}
