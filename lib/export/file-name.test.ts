import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileNameFor, MAX_FILE_NAME_CHARS, workingSetFileBase } from './file-name';

describe('fileNameFor', () => {
  it('keeps a readable name and adds the extension', () => {
    expect(fileNameFor('Customer-support chatbot', 'csv')).toBe('Customer-support chatbot.csv');
    expect(fileNameFor('Übersetzung 日本語', 'json')).toBe('Übersetzung 日本語.json');
  });

  it('removes path separators, reserved and control characters', () => {
    expect(fileNameFor('../../etc/passwd', 'csv')).toBe('etc-passwd.csv');
    expect(fileNameFor('C:\\Users\\me', 'csv')).toBe('C-Users-me.csv');
    expect(fileNameFor('Plan B: EU/US', 'csv')).toBe('Plan B- EU-US.csv');
    expect(fileNameFor('Plan B: "EU"/US?*', 'csv')).toBe('Plan B-EU-US.csv');
    expect(fileNameFor('tab\there\nnew\u0000line', 'csv')).toBe('tab-here-new-line.csv');
    expect(fileNameFor('a\u202Egpj.exe', 'csv')).toBe('a-gpj.exe.csv'); // right-to-left override
  });

  it('avoids Windows device names and empty names', () => {
    expect(fileNameFor('CON', 'csv')).toBe('_CON.csv');
    expect(fileNameFor('lpt1.backup', 'json')).toBe('_lpt1.backup.json');
    expect(fileNameFor('console', 'csv')).toBe('console.csv');
    expect(fileNameFor('', 'csv')).toBe('routecost-scenario.csv');
    expect(fileNameFor(undefined, 'csv')).toBe('routecost-scenario.csv');
    expect(fileNameFor(' ... ', 'csv')).toBe('routecost-scenario.csv');
    expect(fileNameFor('///', 'csv')).toBe('routecost-scenario.csv');
  });

  it('caps the length at 80 characters without splitting a character', () => {
    expect(fileNameFor('x'.repeat(200), 'json')).toBe(`${'x'.repeat(75)}.json`);
    const emoji = fileNameFor('🚀'.repeat(60), 'csv');
    expect(emoji.length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
    expect(emoji).toBe(`${'🚀'.repeat(38)}.csv`);
  });

  it('always yields a safe name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const file = fileNameFor(name, 'csv');
        expect(file.length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
        expect(file).toMatch(/\.csv$/);
        expect(file).not.toMatch(/[/\\<>:"|?*\u0000-\u001f]/);
        expect(file).not.toMatch(/^[.\s]/);
        expect(file.slice(0, -4)).not.toMatch(/[.\s]$/);
        expect(file).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('workingSetFileBase', () => {
  it('names a working set after the active scenario', () => {
    expect(workingSetFileBase(['A'], 0)).toBe('A');
    expect(workingSetFileBase(['A', 'B', 'C'], 1)).toBe('B and 2 more');
    expect(workingSetFileBase([undefined, 'B'], 0)).toBe('Scenario and 1 more');
  });
});
