/**
 * Text ↔ number for the simulator's numeric inputs. The store only ever receives numbers (or null/undefined for
 * "unlimited"/"default"); text that is not a number stays in the field with a message and never reaches the store.
 */

/** What an empty field means for this input. */
export type EmptyMeaning = 'required' | 'default' | 'unlimited';

export type NumberInputParse =
  | { kind: 'value'; value: number }
  | { kind: 'empty'; value: null | undefined }
  | { kind: 'error'; message: string };

/** Thousands separators and spaces are accepted ("50,000", "50 000", "1_000"), so is scientific notation ("1e6"). */
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Parse what the user typed. `scale` converts display units to stored units (a percent field stores fraction = text/100
 * with scale 100). Range checks are the schema's job (MODEL.md §3.0), so an out-of-range number is still a value.
 */
export function parseNumberInput(text: string, empty: EmptyMeaning, scale = 1): NumberInputParse {
  const trimmed = text.trim().replace(/[\s,_\u00a0\u202f]/g, '');
  if (trimmed === '') {
    if (empty === 'required') return { kind: 'error', message: 'Required: enter a number' };
    return { kind: 'empty', value: empty === 'unlimited' ? null : undefined };
  }
  if (!NUMBER_TEXT.test(trimmed)) return { kind: 'error', message: 'Enter a number' };
  const parsed = Number(trimmed);
  if (!Number.isFinite(parsed)) return { kind: 'error', message: 'Enter a finite number' };
  // Division by the scale, then rounding away the binary noise of e.g. 7/100 = 0.07000000000000001.
  const value = scale === 1 ? parsed : Number((parsed / scale).toPrecision(12));
  return { kind: 'value', value };
}

/** One formatter for every field: constructing an Intl.NumberFormat costs more than formatting with it. */
let fieldFormat: Intl.NumberFormat | null = null;

/** The text a field shows for a stored value: grouped thousands, up to 6 decimals, '' for null/undefined. */
export function formatNumberInput(value: number | null | undefined, scale = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const shown = Number((value * scale).toPrecision(12));
  fieldFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: true });
  return fieldFormat.format(shown);
}

/** Whether `text` already stands for `value` (so an external update does not overwrite what the user is typing). */
export function textMatchesValue(text: string, value: number | null | undefined, empty: EmptyMeaning, scale = 1): boolean {
  const parsed = parseNumberInput(text, empty, scale);
  if (parsed.kind === 'error') return false;
  if (parsed.kind === 'empty') return value === null || value === undefined;
  return parsed.value === value;
}

/** Arrow-key step: `value ± step`, rounded to the step's precision so 0.1 + 0.2 shows as 0.3. */
export function steppedValue(value: number, step: number, direction: 1 | -1): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((value + direction * step).toFixed(Math.min(12, decimals + 2)));
}
