/**
 * Entry point of `npm run --silent simulate -- <scenario.json|-> [--format json|csv] [--trials N] [--seed S]
 * [--no-catalog]` (run through tsx). All logic is in `runSimulateCli`; this file only wires the process to it.
 */
import { loadBuiltInSpecCatalog } from './built-in-catalog';
import { readStdin, readTextFile, runCliProcess } from './process';
import { runSimulateCli } from './simulate-cli';

runCliProcess(() =>
  runSimulateCli(process.argv.slice(2), { readFile: readTextFile, readStdin, loadBuiltInCatalog: loadBuiltInSpecCatalog }),
);
