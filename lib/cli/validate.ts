/**
 * Entry point of `npm run --silent validate -- [--json] [--cases N] [--seed S] [--minutes M]` (run through tsx).
 * All logic is in `runValidateCli`; this file only wires the process to it.
 */
import { runCliProcess } from './process';
import { runValidateCli } from './validate-cli';

runCliProcess(() => runValidateCli(process.argv.slice(2)));
