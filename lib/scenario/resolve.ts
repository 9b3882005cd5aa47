import type { EngineInput } from '@/lib/engine/types';
import { resolveScenario } from './resolve-core';
import { parseScenario, type ParseResult, type SpecCatalog } from './schema';

// resolveScenario has no zod (./resolve-core.ts), so the simulator's first load can resolve without the validator
// (docs/decisions/007); prepareScenario is the validating entry point for untrusted input.
export { resolveScenario };

/** `parseScenario` then `resolveScenario`: untrusted JSON value → EngineInput, or errors starting with the field path. */
export function prepareScenario(input: unknown, catalog: SpecCatalog): ParseResult<EngineInput> {
  const parsed = parseScenario(input);
  if (!parsed.ok) return parsed;
  return resolveScenario(parsed.value, catalog);
}
