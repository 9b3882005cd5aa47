import Papa from 'papaparse';
import type { Catalog } from '@/lib/catalog/schema';
import { modelSpec } from '@/lib/catalog/to-spec';

/** `npm run catalog -- [--format json|csv]`: the parsed catalog on stdout. Logic here; lib/cli/catalog.ts runs it. */

export interface CliOutcome {
  exitCode: 0 | 2;
  stdout: string;
  stderr: string;
}

export const CATALOG_USAGE = 'usage: npm run --silent catalog -- [--format json|csv]';

type Format = 'json' | 'csv';

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
