/**
 * Entry point of `npm run --silent plan -- optimize|sensitivity|breakeven …` (run through tsx). All logic is in
 * `runPlanCli`; this file only wires the process to it.
 */
import { loadBuiltInSpecCatalog } from './built-in-catalog';
import { runPlanCli } from './plan-cli';
import { readStdin, readTextFile, runCliProcess } from './process';

runCliProcess(() => runPlanCli(process.argv.slice(2), { readFile: readTextFile, readStdin, loadBuiltInCatalog: loadBuiltInSpecCatalog }));
