import { describe, expect, it } from 'vitest';
import { parseValidateArguments, runValidateCli } from './validate-cli';

describe('npm run validate', () => {
  it('rejects bad arguments with exit 2 and one line naming the option', () => {
    for (const argv of [['--cases', '0'], ['--cases', 'x'], ['--seed'], ['--minutes', '5'], ['--bogus']]) {
      const outcome = runValidateCli(argv);
      expect(outcome.exitCode).toBe(2);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toMatch(new RegExp(`^${argv[0]}: .+\\n$`));
    }
  });

  it('prints help', () => {
    const outcome = runValidateCli(['--help']);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toContain('--json');
  });

  it('reads the options', () => {
    expect(parseValidateArguments(['--json', '--cases', '3', '--seed', '7', '--minutes', '120'])).toMatchObject({ json: true, options: { cases: 3, seed: 7, minutesPerPeriod: 120 } });
  });

  it('prints {cases, worstZ, rows} as JSON with --json, and a table without', () => {
    const json = runValidateCli(['--json', '--cases', '2', '--minutes', '60']);
    const report = JSON.parse(json.stdout) as { cases: number; worstZ: number; rows: { figure: string; z: number | null }[] };
    expect(report.cases).toBe(2);
    expect(Number.isFinite(report.worstZ)).toBe(true);
    expect(report.rows).toHaveLength(16);
    expect(json.stdout).not.toMatch(/NaN|Infinity/);
    const table = runValidateCli(['--cases', '1', '--minutes', '60']);
    expect(table.stdout.split('\n')[0]).toMatch(/^case\s+figure\s+engine\s+simulated\s+se\s+z\s+excluded$/);
    expect(table.stdout).toMatch(/worst \|z\| = \d+\.\d\d \(bound \d+\.\d\d/);
  }, 60_000);
});
