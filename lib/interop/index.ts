import type { Catalog } from '@/lib/catalog/schema';
import { parseScenario, type Scenario } from '@/lib/scenario/schema';
import { checkSize, InteropError, parseJsonText, type Converted, type Note } from './common';
import { readLitellmRouter, writeLitellmRouter } from './litellm-router';
import { readOpenrouter, writeOpenrouter } from './openrouter';
import { readPortkey, writePortkey } from './portkey';
import { readLitellmPrices, readOpenrouterModels, type PriceSourceOptions } from './price-maps';
import { validated, type InteropContext } from './scenario-build';
import { describeFit, readUsageCsv } from './usage-csv';

/**
 * The interop formats and what converts to what (docs/decisions/010). Routing formats go through a Scenario, so any
 * of them converts to any other; price maps convert to catalog JSON; usage logs to a workload block.
 */

export const ROUTING_FORMATS = ['litellm-router', 'portkey', 'openrouter', 'scenario'] as const;
export const PRICE_FORMATS = ['litellm-prices', 'openrouter-models'] as const;
export const FROM_FORMATS = [...ROUTING_FORMATS, ...PRICE_FORMATS, 'usage-csv'] as const;
export const TO_FORMATS = [...ROUTING_FORMATS, 'catalog', 'workload'] as const;
export type FromFormat = (typeof FROM_FORMATS)[number];
export type ToFormat = (typeof TO_FORMATS)[number];
export type RoutingFormat = (typeof ROUTING_FORMATS)[number];

export function targetsOf(from: FromFormat): readonly ToFormat[] {
  if ((PRICE_FORMATS as readonly string[]).includes(from)) return ['catalog'];
  if (from === 'usage-csv') return ['workload'];
  return ROUTING_FORMATS;
}

/** A routing file → Scenario; with `base`, merged into that scenario (routing and models only). */
export function readRouting(format: RoutingFormat, text: string, ctx: InteropContext, base?: Scenario): Converted<Scenario> {
  switch (format) {
    case 'litellm-router':
      return readLitellmRouter(text, ctx, base);
    case 'portkey':
      return readPortkey(text, ctx, base);
    case 'openrouter':
      return readOpenrouter(text, ctx, base);
    case 'scenario':
      return readScenarioText(text, ctx);
  }
}

export function writeRouting(format: RoutingFormat, scenario: Scenario, ctx: InteropContext): Converted<string> {
  switch (format) {
    case 'litellm-router':
      return writeLitellmRouter(scenario, ctx);
    case 'portkey':
      return writePortkey(scenario, ctx);
    case 'openrouter':
      return writeOpenrouter(scenario, ctx);
    case 'scenario':
      return { value: `${JSON.stringify(validated(scenario, ctx), null, 2)}\n`, notes: [] };
  }
}

function readScenarioText(text: string, ctx: InteropContext): Converted<Scenario> {
  checkSize(text, 'scenario');
  const parsed = parseScenario(parseJsonText(text, 'scenario'));
  if (!parsed.ok) {
    const [field, ...rest] = (parsed.errors[0] ?? 'scenario: invalid').split(': ');
    throw new InteropError(field ?? 'scenario', rest.join(': '));
  }
  return { value: validated(parsed.value, ctx), notes: [] };
}

export interface ConvertOptions extends PriceSourceOptions {
  catalog: Catalog;
}

/** `from` text → `to` text, with the notes for stderr. Throws InteropError (field + reason) on input it refuses. */
export function convert(from: FromFormat, text: string, to: ToFormat, options: ConvertOptions): Converted<string> {
  const ctx: InteropContext = { catalog: options.catalog };
  if (!targetsOf(from).includes(to)) {
    throw new InteropError('--to', `${from} converts to ${targetsOf(from).join(', ')}, not ${to}`);
  }
  if (from === 'litellm-prices' || from === 'openrouter-models') {
    const read = from === 'litellm-prices' ? readLitellmPrices(text, ctx, options) : readOpenrouterModels(text, ctx, options);
    return { value: `${JSON.stringify(read.value, null, 2)}\n`, notes: read.notes };
  }
  if (from === 'usage-csv') {
    const read = readUsageCsv(text);
    const notes: Note[] = [...read.notes, { kind: 'info', text: describeFit(read.value.quality) }];
    return { value: `${JSON.stringify({ workload: read.value.workload }, null, 2)}\n`, notes };
  }
  const scenario = readRouting(from as RoutingFormat, text, ctx);
  const written = writeRouting(to as RoutingFormat, scenario.value, ctx);
  return { value: written.value, notes: [...scenario.notes, ...written.notes] };
}

export { InteropError, MAX_INTEROP_BYTES, type Note } from './common';
