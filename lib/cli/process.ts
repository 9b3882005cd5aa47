/**
 * Wiring shared by the CLI entry points (simulate, plan, convert, catalog, validate): each `run…Cli` is a pure
 * function of its arguments and I/O callbacks returning `{stdout, stderr, exitCode}`; this file connects one to the
 * process. A closed pipe (`… | head`) ends quietly; an unexpected failure prints one line, never a stack trace.
 */
import { readFile } from 'node:fs/promises';

export interface ProcessOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Standard input as UTF-8 text (for the `-` file argument). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A file as UTF-8 text. */
export function readTextFile(filePath: string): Promise<string> {
  return readFile(filePath, 'utf8');
}

/** Today's date as YYYY-MM-DD (as-of dates of imported figures). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Runs a CLI and writes its outcome to the process. */
export function runCliProcess(run: () => ProcessOutcome | Promise<ProcessOutcome>): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  Promise.resolve()
    .then(run)
    .then(
      (outcome) => {
        process.stdout.write(outcome.stdout);
        process.stderr.write(outcome.stderr);
        process.exitCode = outcome.exitCode;
      },
      (error: unknown) => {
        process.stderr.write(`internal error: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown'}\n`);
        process.exitCode = 1;
      },
    );
}
