import { readStoredWorkingSet, type WorkingSetDocument } from '@/lib/scenario/working-set';
import type { Scenario } from '@/lib/scenario/schema';

/**
 * JSON export and import of the working set (DESIGN.md §1.5): the file is `{scenarios: Scenario v1[], active}`, the
 * same document a link carries, pretty-printed. Import also accepts a single Scenario (e.g. a file written for the
 * CLI). Parsing is size-checked, strict and never throws; errors name the field.
 */

/** Import files larger than this are refused before being read as text (four full scenarios are ~40 KB). */
export const MAX_IMPORT_BYTES = 1024 * 1024;

export function workingSetToJson(workingSet: { scenarios: readonly Scenario[]; active: number }): string {
  return `${JSON.stringify({ scenarios: workingSet.scenarios, active: workingSet.active }, null, 2)}\n`;
}

export type JsonImportResult = { ok: true; value: WorkingSetDocument; migratedFrom?: number } | { ok: false; message: string; issues: string[] };

/** `byteLength` of the file when known (checked before `text` is even parsed). */
export function parseWorkingSetJson(text: string, byteLength: number = new TextEncoder().encode(text).length): JsonImportResult {
  if (byteLength > MAX_IMPORT_BYTES) {
    const message = `The file is too large (${formatKilobytes(byteLength)}; the limit is ${formatKilobytes(MAX_IMPORT_BYTES)}).`;
    return { ok: false, message, issues: [message] };
  }
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    const message = `The file is not valid JSON${detail}.`;
    return { ok: false, message, issues: [message] };
  }
  const stored = readStoredWorkingSet(document, { allowSingleScenario: true });
  if (!stored.ok) {
    const message = stored.kind === 'newer-version' ? `The file was made by a newer version of RouteCost: ${stored.message}.` : `The file's scenarios are not valid: ${stored.message}.`;
    return { ok: false, message, issues: stored.issues };
  }
  return stored;
}

function formatKilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
}
