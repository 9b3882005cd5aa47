import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { catalog, providerFiles } from '@/data';
import { runCatalogCommand } from './catalog-command';

/** Entry point of `npm run --silent catalog -- [--format json|csv] | --diff-litellm <file> [--apply]` (see catalog-command.ts). */
// A closed pipe (e.g. `| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const modelFiles: Record<string, string> = {};
for (const [file, data] of Object.entries(providerFiles)) for (const model of data.models) modelFiles[model.id] = file;

runCatalogCommand(process.argv.slice(2), catalog, {
  readFile: (filePath) => readFile(filePath, 'utf8'),
  writeFile: (filePath, text) => writeFile(filePath, text, 'utf8'),
  dataDir: path.resolve(__dirname, '../../data'),
  modelFiles,
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
