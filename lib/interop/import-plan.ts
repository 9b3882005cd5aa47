import type { Catalog } from '@/lib/catalog/schema';
import type { ModelEntry, Scenario, Workload } from '@/lib/scenario/schema';
import { InteropError, isRecord, MAX_INTEROP_BYTES, Notes, type Note } from './common';
import { readRouting, type FromFormat, type RoutingFormat } from './index';
import { ModelNameIndex } from './model-names';
import { litellmPriceEntries, openrouterPriceEntries, type PriceEntry } from './price-maps';
import { validated, type InteropContext } from './scenario-build';
import { describeFit, readUsageCsv } from './usage-csv';

/**
 * What importing a file into the active scenario would change (the browser's Import preview, docs/decisions/010):
 * the format detected from the name and content, the scenario after the import, one row per changed input (before →
 * after) and the notes. Routing files replace the routing and add the models they need; usage logs replace the
 * workload figures they fit; price maps become per-model price overrides of the scenario's models, so a link carries
 * them. Pure: the caller reads the file and applies `next`.
 */

export const FORMAT_LABELS: Record<FromFormat, string> = {
  'litellm-router': 'LiteLLM proxy config',
  portkey: 'Portkey config',
  openrouter: 'OpenRouter request body',
  scenario: 'RouteCost scenario',
  'litellm-prices': 'LiteLLM price map',
  'openrouter-models': 'OpenRouter models list',
  'usage-csv': 'Usage log (CSV)',
};

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
}

export interface ImportPlan {
  format: FromFormat;
  label: string;
  next: Scenario;
  changes: ChangeRow[];
  notes: Note[];
}

/** The format of a file from its name and first characters; undefined when nothing fits. */
export function detectFormat(fileName: string, text: string): FromFormat | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'usage-csv';
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'litellm-router';
  if (!trimmed.startsWith('{')) return /^\s*model_list\s*:/m.test(text) ? 'litellm-router' : undefined;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (!isRecord(json)) return undefined;
  if (Object.hasOwn(json, 'scenarios')) throw new InteropError('scenarios', 'this is a RouteCost JSON export: open it with Import JSON');
  if (Object.hasOwn(json, 'model_list')) return 'litellm-router';
  if (Object.hasOwn(json, 'version') && Object.hasOwn(json, 'routing')) return 'scenario';
  if (Object.hasOwn(json, 'strategy') || Object.hasOwn(json, 'targets')) return 'portkey';
  if (Array.isArray(json.data)) return 'openrouter-models';
  if (Object.hasOwn(json, 'models') || Object.hasOwn(json, 'model')) return 'openrouter';
  const values = Object.values(json).slice(0, 50);
  if (values.some((v) => isRecord(v) && (Object.hasOwn(v, 'input_cost_per_token') || Object.hasOwn(v, 'litellm_provider')))) return 'litellm-prices';
  return undefined;
}

/** `70 %: GPT-4o mini → Claude Haiku 4.5; 30 %: …` with catalog display names (custom models by id). */
function chainText(scenario: Scenario, index: ModelNameIndex): string {
  const name = (id: string) => index.model(id)?.displayName ?? id;
  return scenario.routing.chains.map((c) => `${scenario.routing.chains.length > 1 ? `${Math.round(c.weight * 1000) / 10} %: ` : ''}${c.models.map(name).join(' → ')}`).join('; ');
}

function show(value: unknown): string {
  if (value === undefined || value === null) return 'default';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  return String(value);
}

function routingChanges(before: Scenario, after: Scenario, index: ModelNameIndex): ChangeRow[] {
  const rows: ChangeRow[] = [];
  const push = (field: string, a: unknown, b: unknown) => {
    if (show(a) !== show(b)) rows.push({ field, before: show(a), after: show(b) });
  };
  push('Chains', chainText(before, index), chainText(after, index));
  push('Retries', before.routing.maxRetries, after.routing.maxRetries);
  push('Timeout (ms)', before.routing.timeoutMs, after.routing.timeoutMs);
  push('Fail over on', before.routing.failoverOn, after.routing.failoverOn);
  push('Aggregator fee (%)', before.costs?.aggregatorFeePct, after.costs?.aggregatorFeePct);
  const ids = new Set([...Object.keys(before.models ?? {}), ...Object.keys(after.models ?? {})]);
  for (const id of ids) {
    const a = before.models && Object.hasOwn(before.models, id) ? before.models[id] : undefined;
    const b = after.models && Object.hasOwn(after.models, id) ? after.models[id] : undefined;
    if (JSON.stringify(a) !== JSON.stringify(b)) rows.push({ field: `Model ${index.model(id)?.displayName ?? id}`, before: a ? entryText(a) : 'catalog', after: b ? entryText(b) : 'catalog' });
  }
  return rows;
}

function entryText(entry: ModelEntry): string {
  const parts: string[] = [];
  if (entry.inputPer1M !== undefined) parts.push(`in $${entry.inputPer1M}/1M`);
  if (entry.outputPer1M !== undefined) parts.push(`out $${entry.outputPer1M}/1M`);
  if (entry.cachedInputPer1M !== undefined) parts.push(`cached $${entry.cachedInputPer1M}/1M`);
  if (entry.rpm !== undefined) parts.push(`${show(entry.rpm)} RPM`);
  if (entry.tpm !== undefined) parts.push(`${show(entry.tpm)} TPM`);
  if (entry.provider !== undefined && entry.ttftMs !== undefined) parts.unshift(`custom on ${entry.provider}`);
  return parts.join(', ') || 'catalog';
}

const WORKLOAD_ROWS: [keyof Workload, string][] = [
  ['requestsPerDay', 'Requests per day'],
  ['monthlyGrowthPct', 'Monthly growth (%)'],
  ['peakToAvg', 'Peak / average'],
  ['peakHoursPerDay', 'Peak hours per day'],
  ['cachedShare', 'Cached input share'],
  ['arrivalDispersion', 'Arrival dispersion'],
];

/** The plan for a file's text; throws InteropError (field + reason) when the file cannot be used. */
export function planImport(fileName: string, text: string, active: Scenario, catalog: Catalog, byteLength?: number): ImportPlan {
  if ((byteLength ?? text.length) > MAX_INTEROP_BYTES) throw new InteropError(fileName, `the file is larger than ${MAX_INTEROP_BYTES / 1024 / 1024} MB`);
  const format = detectFormat(fileName, text);
  if (!format) throw new InteropError(fileName, 'not a LiteLLM config or price map, Portkey config, OpenRouter body or models list, usage CSV or RouteCost scenario');
  const ctx: InteropContext = { catalog };
  const label = FORMAT_LABELS[format];

  if (format === 'usage-csv') {
    const read = readUsageCsv(text);
    const fitted = read.value.workload;
    const workload: Workload = { ...active.workload, ...fitted };
    const next = validated({ ...active, workload }, ctx);
    const changes: ChangeRow[] = [];
    for (const [key, name] of WORKLOAD_ROWS) if (show(active.workload[key]) !== show(workload[key])) changes.push({ field: name, before: show(active.workload[key]), after: show(workload[key]) });
    for (const key of ['inputTokens', 'outputTokens'] as const) {
      const a = `median ${active.workload[key].median}, p95 ${active.workload[key].p95}`;
      const b = `median ${workload[key].median}, p95 ${workload[key].p95}`;
      if (a !== b) changes.push({ field: key === 'inputTokens' ? 'Input tokens' : 'Output tokens', before: a, after: b });
    }
    return { format, label, next, changes, notes: [...read.notes, { kind: 'info', text: describeFit(read.value.quality) }] };
  }

  if (format === 'litellm-prices' || format === 'openrouter-models') {
    // Only the scenario's models matter here: read the entries, skip building (and validating) a whole catalog.
    const readNotes = new Notes();
    const entries = format === 'litellm-prices' ? litellmPriceEntries(text, readNotes) : openrouterPriceEntries(text, readNotes);
    const lookup = ModelNameIndex.of(catalog);
    const imported = new Map<string, PriceEntry>();
    for (const entry of entries) {
      const id = format === 'litellm-prices' ? lookup.byLitellmKey(entry.key)?.id : lookup.match(entry.key)?.id;
      if (id && !imported.has(id)) imported.set(id, entry);
    }
    const read = { value: { models: entries }, notes: readNotes.list };
    const index = lookup;
    const models: Record<string, ModelEntry> = { ...(active.models ?? {}) };
    const changes: ChangeRow[] = [];
    const used = [...new Set(active.routing.chains.flatMap((c) => c.models))];
    for (const id of used) {
      const price = imported.get(id);
      const builtIn = index.model(id);
      if (!price || !builtIn) continue;
      const entry: ModelEntry = { ...(Object.hasOwn(models, id) ? models[id] : {}) };
      const current = { inputPer1M: entry.inputPer1M ?? builtIn.prices.inputPer1M.value, outputPer1M: entry.outputPer1M ?? builtIn.prices.outputPer1M.value, cachedInputPer1M: entry.cachedInputPer1M ?? builtIn.prices.cachedInputPer1M?.value };
      const wanted = { inputPer1M: price.prices.inputPer1M, outputPer1M: price.prices.outputPer1M, cachedInputPer1M: price.prices.cachedInputPer1M };
      let changed = false;
      for (const key of ['inputPer1M', 'outputPer1M', 'cachedInputPer1M'] as const) {
        const value = wanted[key];
        if (value === undefined || value === current[key]) continue;
        entry[key] = value;
        changed = true;
        const name = key === 'inputPer1M' ? 'input' : key === 'outputPer1M' ? 'output' : 'cached input';
        changes.push({ field: `${builtIn.displayName}: ${name} $/1M`, before: show(current[key]), after: show(value) });
      }
      if (changed) models[id] = entry;
    }
    const next = validated({ ...active, models }, ctx);
    const notes: Note[] = [{ kind: 'info', text: `${read.value.models.length} chat model(s) read; the scenario's models get the file's prices as overrides` }, ...read.notes.filter((n) => n.kind !== 'skipped').slice(0, 20)];
    const skipped = read.notes.filter((n) => n.kind === 'skipped').length;
    if (skipped > 0) notes.push({ kind: 'skipped', text: `${skipped} entries of the file skipped (not chat models, or prices that are not valid, such as OpenRouter's "-1")` });
    if (changes.length === 0) notes.push({ kind: 'info', text: 'No price of this scenario\u2019s models differs from the file.' });
    return { format, label, next: changes.length === 0 ? active : next, changes, notes };
  }

  const read = readRouting(format as RoutingFormat, text, ctx, format === 'scenario' ? undefined : active);
  const next = read.value;
  const changes = routingChanges(active, next, ModelNameIndex.of(catalog));
  if (format === 'scenario') changes.unshift({ field: 'Scenario', before: active.name ?? 'active scenario', after: next.name ?? 'imported scenario' });
  return { format, label, next, changes, notes: read.notes };
}
