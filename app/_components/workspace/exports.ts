'use client';

import { resultToCsv, type CsvDelimiter, type CsvScenarioRows } from '@/lib/export/csv';
import { fileNameFor, workingSetFileBase } from '@/lib/export/file-name';
import { workingSetToJson } from '@/lib/export/json';
import type { Scenario } from '@/lib/scenario/schema';
import { monteCarloKey, peekMonteCarlo } from '@/lib/store/monte-carlo-runner';
import { evaluateScenario } from '@/lib/store/selectors';
// Exports run after the workspace opened, but validate on their own too (tests, other callers).
import '@/lib/store/scenario-validator';
import { scenarioLabel } from './scenario-label';

// The CSV writer (papaparse) and the JSON export load with this module when an export is clicked (share-menu.tsx),
// not with the page (docs/decisions/007).
export { scenarioLabel };

export type ExportOutcome = { ok: true; fileName: string } | { ok: false; message: string };

/**
 * The CSV of every scenario in the working set, from the same evaluations the screen shows (so its totals equal the
 * screen's to the cent). Monte Carlo columns when every scenario's percentiles are ready. Refuses while a scenario's
 * inputs are invalid: the screen then shows stale figures, which must not go into a spreadsheet as current.
 */
export function workingSetCsv(scenarios: readonly Scenario[], delimiter: CsvDelimiter): { ok: true; text: string } | { ok: false; message: string } {
  const rows: CsvScenarioRows[] = [];
  for (const [index, scenario] of scenarios.entries()) {
    const evaluation = evaluateScenario(scenario);
    if (evaluation.status !== 'ok' || !evaluation.result || !evaluation.input) {
      const first = evaluation.errors[0];
      const where = first ? ` (${first.path}: ${first.message})` : '';
      return { ok: false, message: `“${scenarioLabel(scenario, index)}” has invalid inputs${where}. Fix them before exporting the CSV.` };
    }
    const monteCarlo = evaluation.input.monteCarlo ? peekMonteCarlo(monteCarloKey(evaluation.input)) : undefined;
    rows.push({ name: scenarioLabel(scenario, index), result: monteCarlo ? { ...evaluation.result, monteCarlo } : evaluation.result });
  }
  try {
    return { ok: true, text: resultToCsv(rows, { delimiter }) };
  } catch (error) {
    return { ok: false, message: `The CSV could not be written: ${error instanceof Error ? error.message : 'unexpected value'}.` };
  }
}

function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function baseName(scenarios: readonly Scenario[], active: number): string | undefined {
  return workingSetFileBase(
    scenarios.map((s, i) => scenarioLabel(s, i)),
    active,
  );
}

export function downloadCsv(scenarios: readonly Scenario[], active: number, delimiter: CsvDelimiter): ExportOutcome {
  const csv = workingSetCsv(scenarios, delimiter);
  if (!csv.ok) return csv;
  const fileName = fileNameFor(delimiter === ';' ? `${baseName(scenarios, active) ?? ''} (Excel)` : baseName(scenarios, active), 'csv');
  download(csv.text, fileName, 'text/csv;charset=utf-8');
  return { ok: true, fileName };
}

export function downloadJson(scenarios: readonly Scenario[], active: number): ExportOutcome {
  const fileName = fileNameFor(baseName(scenarios, active), 'json');
  download(workingSetToJson({ scenarios, active }), fileName, 'application/json');
  return { ok: true, fileName };
}
