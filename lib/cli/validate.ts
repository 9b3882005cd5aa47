/**
 * Entry point of `npm run --silent validate -- [--json] [--cases N] [--seed S] [--minutes M]` (run through tsx).
 * All logic is in `runValidateCli`; this file only wires the process to it.
 */
import { runValidateCli } from './validate-cli';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  const outcome = runValidateCli(process.argv.slice(2));
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
} catch (error) {
  process.stderr.write(`internal error: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown'}\n`);
  process.exitCode = 1;
}
