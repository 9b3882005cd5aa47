/**
 * Entry point of `npm run --silent plan -- optimize|sensitivity|breakeven …` (run through tsx). All logic is in
 * `runPlanCli`; this file only wires the process to it.
 */
import { readFile } from 'node:fs/promises';
import { loadBuiltInSpecCatalog } from './built-in-catalog';
import { runPlanCli } from './plan-cli';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runPlanCli(process.argv.slice(2), {
  readFile: (filePath) => readFile(filePath, 'utf8'),
  readStdin,
  loadBuiltInCatalog: loadBuiltInSpecCatalog,
}).then(
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
