import path from 'node:path';
import Papa from 'papaparse';
import type { Catalog } from '@/lib/catalog/schema';
import { modelSpec } from '@/lib/catalog/to-spec';
import { InteropError, Notes } from '@/lib/interop/common';
import { applyPriceChanges, changesTable, diffLitellmPrices } from './price-refresh';

/**
 * `npm run catalog -- [--format json|csv]`: the parsed catalog on stdout; `--diff-litellm <file> [--apply]
 * [--as-of YYYY-MM-DD]`: the price changes a newer LiteLLM price map brings, and with --apply the data files
 * rewritten (price-refresh.ts). Logic here; lib/cli/catalog.ts runs it.
 */

export interface CliOutcome {
  exitCode: 0 | 2;
  stdout: string;
  stderr: string;
}

export const CATALOG_USAGE = 'usage: npm run --silent catalog -- [--format json|csv] | --diff-litellm <prices.json> [--apply] [--as-of YYYY-MM-DD]';

type Format = 'json' | 'csv';

interface DiffArgs {
  diffFile: string;
  apply: boolean;
  asOf?: string;
}

/** `--diff-litellm` mode's arguments, or undefined when the command is the plain listing. */
function parseDiffArgs(argv: readonly string[]): DiffArgs | { error: string } | undefined {
  if (!argv.some((a) => a === '--diff-litellm' || a.startsWith('--diff-litellm=') || a === '--apply' || a === '--as-of' || a.startsWith('--as-of='))) return undefined;
  let diffFile: string | undefined;
  let apply = false;
  let asOf: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--apply' && inline === undefined) apply = true;
    else if (name === '--diff-litellm' || name === '--as-of') {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || value.startsWith('--')) return { error: `${name} needs a value` };
      if (name === '--diff-litellm') diffFile = value;
      else if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { error: `--as-of must be a date YYYY-MM-DD (got ${JSON.stringify(value)})` };
      else asOf = value;
    } else return { error: `${JSON.stringify(arg)} cannot be combined with --diff-litellm` };
  }
  if (diffFile === undefined) return { error: '--apply and --as-of need --diff-litellm <prices.json>' };
  return { diffFile, apply, asOf };
}

function parseArgs(argv: readonly string[]): { format: Format } | { error: string } | { help: true } {
  let format: Format = 'json';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { help: true };
    const inline = arg.startsWith('--format=') ? arg.slice('--format='.length) : undefined;
    if (arg === '--format' || inline !== undefined) {
      const value = inline ?? argv[++i];
      if (value !== 'json' && value !== 'csv') return { error: `--format must be json or csv (got ${value === undefined ? 'nothing' : JSON.stringify(value)})` };
      format = value;
      continue;
    }
    return { error: `unknown argument ${JSON.stringify(arg)}` };
  }
  return { format };
}

/** Neutralise spreadsheet formulas in text cells (OWASP CSV injection; DESIGN.md §4). */
function safeText(value: string): string {
  return /^[=+\-@\t\r\n\0]/.test(value) ? `'${value}` : value;
}

export const CSV_COLUMNS = [
  'id', 'provider', 'display_name', 'creator', 'tags',
  'input_per_1m_usd', 'output_per_1m_usd', 'cached_input_per_1m_usd', 'batch_input_per_1m_usd', 'batch_output_per_1m_usd',
  'context_window_tokens', 'max_output_tokens', 'ttft_ms', 'tokens_per_sec',
  'rate_tier', 'rpm', 'tpm', 'itpm', 'otpm', 'max_concurrency', 'transient_error_rate',
  'sla_commitment', 'sla_uptime_pct', 'planning_availability', 'provisioned_monthly_usd', 'provisioned_capacity_tpm',
  'litellm_key', 'price_source', 'prices_as_of', 'unverified_figures',
] as const;

/** One row per model: key figures, unformatted numbers, empty cell = not offered / no limit. */
export function catalogCsv(catalog: Catalog): string {
  const providers = new Map(catalog.providers.map((p) => [p.id, p]));
  const rows = catalog.models.map((m) => {
    const provider = providers.get(m.provider);
    const tier = m.rateLimits[0];
    const spec = modelSpec(m);
    const unverified = [m.prices.inputPer1M, m.prices.outputPer1M, m.ttftMs, m.tokensPerSec, tier?.rpm, tier?.tpm, tier?.itpm].filter((f) => f && !f.verified).length;
    const cells: Record<(typeof CSV_COLUMNS)[number], string | number> = {
      id: safeText(m.id),
      provider: safeText(m.provider),
      display_name: safeText(m.displayName),
      creator: safeText(m.creator),
      tags: m.tags.join(' '),
      input_per_1m_usd: m.prices.inputPer1M.value,
      output_per_1m_usd: m.prices.outputPer1M.value,
      cached_input_per_1m_usd: m.prices.cachedInputPer1M?.value ?? '',
      batch_input_per_1m_usd: m.prices.batchInputPer1M?.value ?? '',
      batch_output_per_1m_usd: m.prices.batchOutputPer1M?.value ?? '',
      context_window_tokens: m.contextWindowTokens.value,
      max_output_tokens: m.maxOutputTokens.value,
      ttft_ms: m.ttftMs.value,
      tokens_per_sec: m.tokensPerSec.value,
      rate_tier: safeText(tier?.tier ?? ''),
      rpm: spec.rpm ?? '',
      tpm: spec.tpm ?? '',
      itpm: tier?.itpm?.value ?? '',
      otpm: tier?.otpm?.value ?? '',
      max_concurrency: spec.maxConcurrency ?? '',
      transient_error_rate: m.transientErrorRate.value,
      sla_commitment: provider?.sla.commitment ?? '',
      sla_uptime_pct: provider?.sla.uptimePct?.value ?? '',
      planning_availability: provider?.planningAvailability.value ?? '',
      provisioned_monthly_usd: m.provisioned?.monthlyPriceUsd.value ?? '',
      provisioned_capacity_tpm: m.provisioned?.capacityTPM.value ?? '',
      litellm_key: safeText(m.litellmKey ?? ''),
      price_source: safeText(m.prices.inputPer1M.source),
      prices_as_of: m.prices.inputPer1M.asOf,
      unverified_figures: unverified,
    };
    return CSV_COLUMNS.map((c) => cells[c]);
  });
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}

export function runCatalogCli(argv: readonly string[], catalog: Catalog): CliOutcome {
  const args = parseArgs(argv);
  if ('help' in args) return { exitCode: 0, stdout: `${CATALOG_USAGE}\n`, stderr: '' };
  if ('error' in args) return { exitCode: 2, stdout: '', stderr: `catalog: ${args.error}. ${CATALOG_USAGE}\n` };
  if (args.format === 'csv') return { exitCode: 0, stdout: catalogCsv(catalog), stderr: '' };
  return { exitCode: 0, stdout: `${JSON.stringify(catalog, null, 2)}\n`, stderr: '' };
}

// ---- --diff-litellm / --apply -------------------------------------------------------------------------------------

export interface CatalogCliIo {
  readFile(filePath: string): Promise<string>;
  writeFile(filePath: string, text: string): Promise<void>;
  /** Directory holding providers/*.ts and reference/litellm-model-prices.json (the repo's data/). */
  dataDir: string;
  /** Catalog model id → its provider file relative to the repo (data/providers/x.ts). */
  modelFiles: Record<string, string>;
  today(): string;
}

/** The catalog CLI with the modes that read and write files. */
export async function runCatalogCommand(argv: readonly string[], catalog: Catalog, io: CatalogCliIo): Promise<CliOutcome> {
  if (argv.includes('--help') || argv.includes('-h')) return runCatalogCli(argv, catalog);
  const diff = parseDiffArgs(argv);
  if (diff === undefined) return runCatalogCli(argv, catalog);
  if ('error' in diff) return { exitCode: 2, stdout: '', stderr: `catalog: ${diff.error}. ${CATALOG_USAGE}\n` };
  let text: string;
  try {
    text = await io.readFile(diff.diffFile);
  } catch {
    return { exitCode: 2, stdout: '', stderr: `catalog: ${diff.diffFile}: cannot read the file\n` };
  }
  const notes = new Notes();
  let changes;
  try {
    changes = diffLitellmPrices(catalog, text, notes);
  } catch (error) {
    if (error instanceof InteropError) return { exitCode: 2, stdout: '', stderr: `catalog: ${diff.diffFile}: ${error.message.replace(/[\r\n]/g, ' ')}\n` };
    throw error;
  }
  const skipped = notes.list.filter((n) => n.kind === 'skipped').length;
  const stderrLines = notes.list.filter((n) => n.kind === 'info').map((n) => `info: ${n.text}`);
  if (skipped > 0) stderrLines.push(`info: ${skipped} entries of the file skipped (not chat models, or prices that are not valid); list them with npm run convert -- --from litellm-prices ${diff.diffFile} --to catalog`);
  let stdout = changesTable(changes);
  if (diff.apply) {
    const asOf = diff.asOf ?? io.today();
    const files = [...new Set(changes.map((c) => io.modelFiles[c.modelId]).filter((f): f is string => Boolean(f)))];
    const providers: Record<string, string> = {};
    for (const file of files) providers[file] = await io.readFile(path.join(io.dataDir, '..', file));
    const referencePath = path.join(io.dataDir, 'reference', 'litellm-model-prices.json');
    const result = applyPriceChanges({ providers, reference: await io.readFile(referencePath) }, changes, io.modelFiles, asOf);
    const changedFiles = files.filter((f) => result.files.providers[f] !== providers[f]);
    for (const file of changedFiles) await io.writeFile(path.join(io.dataDir, '..', file), result.files.providers[file]!);
    if (result.applied.length > 0) await io.writeFile(referencePath, result.files.reference);
    for (const { change, why } of result.notApplied) stderrLines.push(`not applied: ${change.modelId} ${change.field}: ${why}`);
    stdout += `\nApplied ${result.applied.length} price change(s) to ${changedFiles.length} data file(s) (LiteLLM, as of ${asOf})${changedFiles.length > 0 ? `: ${changedFiles.join(', ')}` : ''}.\n`;
    if (result.applied.length > 0) stdout += 'Review the price snapshot with npx vitest run data, then update it with npx vitest run -u data.\n';
  }
  return { exitCode: 0, stdout, stderr: stderrLines.map((l) => `${l}\n`).join('') };
}
