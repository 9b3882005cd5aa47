import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { catalog, providerFiles } from '@/data';
import { runCatalogCommand } from './catalog-command';
import { readTextFile, runCliProcess, today } from './process';

/** Entry point of `npm run --silent catalog -- [--format json|csv] | --diff-litellm <file> [--apply]` (see catalog-command.ts). */
const modelFiles: Record<string, string> = {};
for (const [file, data] of Object.entries(providerFiles)) for (const model of data.models) modelFiles[model.id] = file;

runCliProcess(() =>
  runCatalogCommand(process.argv.slice(2), catalog, {
    readFile: readTextFile,
    writeFile: (filePath, text) => writeFile(filePath, text, 'utf8'),
    dataDir: path.resolve(__dirname, '../../data'),
    modelFiles,
    today,
  }),
);
