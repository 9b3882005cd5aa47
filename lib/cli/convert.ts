/**
 * Entry point of `npm run --silent convert -- --from <format> <file | -> --to <format>` (run through tsx). All logic
 * is in `runConvertCli` (convert-cli.ts); this file only wires the process to it.
 */
import { readFile } from 'node:fs/promises';
import { runConvertCli } from './convert-cli';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runConvertCli(process.argv.slice(2), {
  readFile: (filePath) => readFile(filePath, 'utf8'),
  readStdin,
  loadCatalog: async () => (await import('@/data')).catalog,
  today: () => new Date().toISOString().slice(0, 10),
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
