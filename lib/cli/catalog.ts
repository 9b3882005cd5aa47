import { catalog } from '@/data';
import { runCatalogCli } from './catalog-command';

/** Entry point of `npm run --silent catalog -- [--format json|csv]` (see catalog-command.ts). */
// A closed pipe (e.g. `| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const outcome = runCatalogCli(process.argv.slice(2), catalog);
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
