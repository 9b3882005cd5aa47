/**
 * Entry point of `npm run --silent convert -- --from <format> <file | -> --to <format>` (run through tsx). All logic
 * is in `runConvertCli` (convert-cli.ts); this file only wires the process to it.
 */
import { runConvertCli } from './convert-cli';
import { readStdin, readTextFile, runCliProcess, today } from './process';

runCliProcess(() =>
  runConvertCli(process.argv.slice(2), {
    readFile: readTextFile,
    readStdin,
    loadCatalog: async () => (await import('@/data')).catalog,
    today,
  }),
);
