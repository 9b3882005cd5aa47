import path from 'node:path';
import type { Catalog } from '@/lib/catalog/schema';
import { convert, FROM_FORMATS, InteropError, MAX_INTEROP_BYTES, TO_FORMATS, targetsOf, type FromFormat, type ToFormat } from '@/lib/interop';
import { oneLine } from './simulate-cli';

/**
 * `npm run convert -- --from <format> <file | -> --to <format>` (docs/decisions/010) as a function of its arguments
 * and I/O. The converted file goes to stdout; every default filled in, entry skipped or secret left out is one line
 * on stderr. Invalid input: exit 2 with one line naming the field.
 */

export const CONVERT_USAGE = `usage: npm run --silent convert -- --from <format> <file | -> --to <format> [--as-of YYYY-MM-DD]

Converts gateway configs, price maps and usage logs to and from RouteCost (- reads standard input).

  --from litellm-router | portkey | openrouter | scenario   --to litellm-router | portkey | openrouter | scenario
  --from litellm-prices | openrouter-models                  --to catalog
  --from usage-csv                                           --to workload
  --as-of DATE   the date the price map's figures hold for (default: today, UTC)

Input files are limited to ${MAX_INTEROP_BYTES / 1024 / 1024} MB. Keys (api_key, os.environ/..., virtual keys) are never copied.
exit codes: 0 success (notes on stderr), 2 invalid input (message on stderr), 1 internal error`;

export interface ConvertCliIo {
  readFile(filePath: string): Promise<string>;
  readStdin(): Promise<string>;
  loadCatalog(): Promise<Catalog>;
  /** Today's date (ISO), the default `--as-of`. */
  today(): string;
}

export interface CliOutcome {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

interface Options {
  from: FromFormat;
  to: ToFormat;
  source: string;
  asOf?: string;
}

function invalid(message: string): CliOutcome {
  return { exitCode: 2, stdout: '', stderr: `convert: ${oneLine(message)}\n` };
}

export function parseConvertArguments(argv: readonly string[]): Options | 'help' | string {
  let from: string | undefined;
  let to: string | undefined;
  let asOf: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-' || !arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (name !== '--from' && name !== '--to' && name !== '--as-of') return `unknown option ${JSON.stringify(name)}`;
    const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
    if (value === undefined || value === '') return `${name}: needs a value`;
    if (name === '--from') from = value;
    else if (name === '--to') to = value;
    else asOf = value;
  }
  if (from === undefined) return `--from: required (one of ${FROM_FORMATS.join(', ')})`;
  if (!(FROM_FORMATS as readonly string[]).includes(from)) return `--from: must be one of ${FROM_FORMATS.join(', ')} (got ${JSON.stringify(from)})`;
  if (to === undefined) return `--to: required (${from} converts to ${targetsOf(from as FromFormat).join(', ')})`;
  if (!(TO_FORMATS as readonly string[]).includes(to)) return `--to: must be one of ${TO_FORMATS.join(', ')} (got ${JSON.stringify(to)})`;
  if (!targetsOf(from as FromFormat).includes(to as ToFormat)) return `--to: ${from} converts to ${targetsOf(from as FromFormat).join(', ')}, not ${to}`;
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return `--as-of: must be a date YYYY-MM-DD (got ${JSON.stringify(asOf)})`;
  if (positional.length === 0) return 'missing the input file (a path, or - for standard input)';
  if (positional.length > 1) return `expected one input file, got ${positional.length}`;
  return { from: from as FromFormat, to: to as ToFormat, source: positional[0]!, asOf };
}

export async function runConvertCli(argv: readonly string[], io: ConvertCliIo): Promise<CliOutcome> {
  const options = parseConvertArguments(argv);
  if (options === 'help') return { exitCode: 0, stdout: `${CONVERT_USAGE}\n`, stderr: '' };
  if (typeof options === 'string') return invalid(`${options} (see --help)`);
  const sourceName = options.source === '-' ? '<stdin>' : options.source;
  let text: string;
  try {
    text = options.source === '-' ? await io.readStdin() : await io.readFile(options.source);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return invalid(`${sourceName}: cannot read: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'read error'}`);
  }
  let catalog: Catalog;
  try {
    catalog = await io.loadCatalog();
  } catch {
    return { exitCode: 1, stdout: '', stderr: 'internal error: cannot load the built-in catalog\n' };
  }
  try {
    const fileName = options.source === '-' ? 'standard input' : path.basename(options.source);
    const result = convert(options.from, text, options.to, { catalog, asOf: options.asOf ?? io.today(), fileName });
    const stderr = result.notes.map((note) => `${note.kind}: ${oneLine(note.text)}\n`).join('');
    return { exitCode: 0, stdout: result.value, stderr };
  } catch (error) {
    if (error instanceof InteropError) return invalid(`${sourceName}: ${error.message}`);
    if (error instanceof RangeError || error instanceof SyntaxError) return invalid(`${sourceName}: cannot read the input (${error.message.split('\n')[0]})`);
    return { exitCode: 1, stdout: '', stderr: `internal error: ${oneLine(error instanceof Error ? (error.message.split('\n')[0] ?? 'unknown') : 'unknown')}\n` };
  }
}
