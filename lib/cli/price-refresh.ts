import type { Catalog, Model } from '@/lib/catalog/schema';
import { LITELLM_PRICE_FIELDS, litellmPriceEntries, type PriceEntry, type PriceField } from '@/lib/interop/price-maps';
import { Notes, perToken } from '@/lib/interop/common';

/**
 * Price refresh from a newer LiteLLM price map (README "Refreshing prices", docs/decisions/010):
 * `npm run catalog -- --diff-litellm <file>` lists every catalog price sourced to LiteLLM that the file changes
 * (model, field, old, new, %); `--apply` rewrites the `litellmPrices({...})` call of each changed model in
 * data/providers/*.ts with the new figures and the file's as-of date, and the matching entries of the trimmed
 * reference copy data/reference/litellm-model-prices.json, so the catalog's cross-check keeps holding.
 * Models with a `priceNote` (a deliberate difference from LiteLLM) are listed but never rewritten.
 */

export interface PriceChange {
  modelId: string;
  litellmKey: string;
  field: PriceField;
  old: number;
  new: number;
  /** (new - old) / old × 100; null when old is 0. */
  pct: number | null;
  /** Has a priceNote: listed, not applied. */
  deliberate: boolean;
}

/** `litellmPrices({ … })` argument names per catalog price field (data/sources.ts). */
const CALL_KEYS: Record<PriceField, string> = {
  inputPer1M: 'input',
  outputPer1M: 'output',
  cachedInputPer1M: 'cachedInput',
  cacheWritePer1M: 'cacheWrite',
  cacheWrite1hPer1M: 'cacheWrite1h',
  batchInputPer1M: 'batchInput',
  batchOutputPer1M: 'batchOutput',
  priorityInputPer1M: 'priorityInput',
  priorityOutputPer1M: 'priorityOutput',
  flexInputPer1M: 'flexInput',
  flexOutputPer1M: 'flexOutput',
};

const LITELLM_SOURCE = 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json';

function isLitellmFigure(model: Model, field: PriceField): boolean {
  return model.prices[field]?.source === LITELLM_SOURCE;
}

/** The changes a LiteLLM price map brings to the catalog's LiteLLM-sourced prices, in catalog order. */
export function diffLitellmPrices(catalog: Catalog, text: string, notes: Notes): PriceChange[] {
  const entries = new Map<string, PriceEntry>(litellmPriceEntries(text, notes).map((e) => [e.key, e]));
  const changes: PriceChange[] = [];
  for (const model of catalog.models) {
    if (!model.litellmKey) continue;
    const entry = entries.get(model.litellmKey);
    if (!entry) {
      notes.add('info', `${model.id}: "${model.litellmKey}" is not in the file; unchanged`);
      continue;
    }
    for (const field of Object.values(LITELLM_PRICE_FIELDS)) {
      const next = entry.prices[field];
      const current = model.prices[field];
      if (next === undefined || !current || !isLitellmFigure(model, field) || next === current.value) continue;
      const pct = current.value === 0 ? null : Number((((next - current.value) / current.value) * 100).toFixed(2));
      changes.push({ modelId: model.id, litellmKey: model.litellmKey, field, old: current.value, new: next, pct, deliberate: Boolean(model.priceNote) });
    }
  }
  return changes;
}

function formatPct(pct: number | null): string {
  if (pct === null) return 'new';
  return `${pct > 0 ? '+' : ''}${pct.toFixed(1)} %`;
}

/** A plain-text table: model, field, old, new, % (USD per 1M tokens). */
export function changesTable(changes: readonly PriceChange[]): string {
  if (changes.length === 0) return 'No LiteLLM-sourced price in the catalog changes.\n';
  const rows = [['model', 'field', 'old $/1M', 'new $/1M', '%'], ...changes.map((c) => [c.deliberate ? `${c.modelId} (priceNote: not applied)` : c.modelId, c.field, String(c.old), String(c.new), formatPct(c.pct)])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n')}\n`;
}

// ---- apply --------------------------------------------------------------------------------------------------------

/** Data file text with the changed prices of `modelId` and the as-of date written into its litellmPrices call. */
export function rewriteModelPrices(source: string, modelId: string, changes: readonly PriceChange[], asOf: string): { text: string; ok: boolean } {
  const idPattern = new RegExp(`\\bid: '${modelId.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}',`);
  const idMatch = idPattern.exec(source);
  if (!idMatch) return { text: source, ok: false };
  const nextId = source.slice(idMatch.index + idMatch[0].length).search(/\bid: '/);
  const blockEnd = nextId === -1 ? source.length : idMatch.index + idMatch[0].length + nextId;
  const callStart = source.indexOf('litellmPrices({', idMatch.index);
  if (callStart === -1 || callStart > blockEnd) return { text: source, ok: false };
  const argsStart = callStart + 'litellmPrices('.length;
  const braceEnd = source.indexOf('}', argsStart);
  const closeParen = source.indexOf(')', braceEnd);
  if (braceEnd === -1 || closeParen === -1 || closeParen > blockEnd) return { text: source, ok: false };
  let args = source.slice(argsStart + 1, braceEnd);
  for (const change of changes) {
    const key = CALL_KEYS[change.field];
    const keyPattern = new RegExp(`(\\b${key}:\\s*)[0-9_.eE+-]+`);
    if (!keyPattern.test(args)) return { text: source, ok: false };
    args = args.replace(keyPattern, `$1${change.new}`);
  }
  const call = `litellmPrices({${args}}, '${asOf}')`;
  return { text: source.slice(0, callStart) + call + source.slice(closeParen + 1), ok: true };
}

export interface DataFiles {
  /** Provider file path (data/providers/x.ts) → text. */
  providers: Record<string, string>;
  /** data/reference/litellm-model-prices.json text. */
  reference: string;
}

export interface ApplyResult {
  files: DataFiles;
  applied: PriceChange[];
  notApplied: { change: PriceChange; why: string }[];
}

/** Every non-deliberate change written into the provider files and the reference copy (pure: text in, text out). */
export function applyPriceChanges(files: DataFiles, changes: readonly PriceChange[], modelFiles: Record<string, string>, asOf: string): ApplyResult {
  const providers = { ...files.providers };
  const applied: PriceChange[] = [];
  const notApplied: ApplyResult['notApplied'] = [];
  const byModel = new Map<string, PriceChange[]>();
  for (const change of changes) {
    if (change.deliberate) {
      notApplied.push({ change, why: 'the model has a priceNote (a deliberate difference)' });
      continue;
    }
    byModel.set(change.modelId, [...(byModel.get(change.modelId) ?? []), change]);
  }
  const reference = JSON.parse(files.reference) as Record<string, Record<string, unknown>>;
  for (const [modelId, modelChanges] of byModel) {
    const file = modelFiles[modelId];
    const text = file ? providers[file] : undefined;
    const rewritten = text === undefined ? { text: '', ok: false } : rewriteModelPrices(text, modelId, modelChanges, asOf);
    if (!file || !rewritten.ok) {
      for (const change of modelChanges) notApplied.push({ change, why: 'its litellmPrices({...}) call was not found in the data file; edit it by hand' });
      continue;
    }
    providers[file] = rewritten.text;
    applied.push(...modelChanges);
    const key = modelChanges[0]!.litellmKey;
    const entry = Object.hasOwn(reference, key) ? reference[key] : undefined;
    if (entry) {
      for (const change of modelChanges) {
        const field = Object.entries(LITELLM_PRICE_FIELDS).find(([, f]) => f === change.field)?.[0];
        if (field) entry[field] = perToken(change.new);
      }
    }
  }
  if (typeof reference._comment === 'string' && applied.length > 0) {
    (reference as Record<string, unknown>)._comment = `${String(reference._comment).replace(/ Prices refreshed .*$/, '')} Prices refreshed from a newer copy dated ${asOf}.`;
  }
  return { files: { providers, reference: `${JSON.stringify(reference, null, 2)}\n` }, applied, notApplied };
}
