import { describe, expect, it } from 'vitest';
import { formatNumberInput, parseNumberInput, steppedValue, textMatchesValue } from './number-input';

describe('number input parsing', () => {
  it('accepts grouped thousands, decimals and scientific notation', () => {
    expect(parseNumberInput('50,000', 'required')).toEqual({ kind: 'value', value: 50000 });
    expect(parseNumberInput(' 1 200.5 ', 'required')).toEqual({ kind: 'value', value: 1200.5 });
    expect(parseNumberInput('1e6', 'required')).toEqual({ kind: 'value', value: 1e6 });
    expect(parseNumberInput('.5', 'required')).toEqual({ kind: 'value', value: 0.5 });
  });

  it('keeps negatives and out-of-range numbers as values: the schema reports the range at the field', () => {
    expect(parseNumberInput('-5', 'required')).toEqual({ kind: 'value', value: -5 });
  });

  it('rejects text that is not a number, and Infinity', () => {
    expect(parseNumberInput('12abc', 'required').kind).toBe('error');
    expect(parseNumberInput('1,2,3.4.5', 'required').kind).toBe('error');
    expect(parseNumberInput('Infinity', 'required').kind).toBe('error');
    expect(parseNumberInput('1e400', 'required')).toEqual({ kind: 'error', message: 'Enter a finite number' });
  });

  it('an empty field is an error, the default (undefined) or unlimited (null), as the field says', () => {
    expect(parseNumberInput('', 'required')).toEqual({ kind: 'error', message: 'Required: enter a number' });
    expect(parseNumberInput('  ', 'default')).toEqual({ kind: 'empty', value: undefined });
    expect(parseNumberInput('', 'unlimited')).toEqual({ kind: 'empty', value: null });
  });

  it('converts percent text to a fraction without binary noise', () => {
    expect(parseNumberInput('7', 'required', 100)).toEqual({ kind: 'value', value: 0.07 });
    expect(parseNumberInput('40', 'required', 100)).toEqual({ kind: 'value', value: 0.4 });
    expect(formatNumberInput(0.07, 100)).toBe('7');
    expect(formatNumberInput(0.123456, 100)).toBe('12.3456');
  });

  it('formats stored values with grouping, and nothing for null/undefined', () => {
    expect(formatNumberInput(50000)).toBe('50,000');
    expect(formatNumberInput(0.000125)).toBe('0.000125');
    expect(formatNumberInput(null)).toBe('');
    expect(formatNumberInput(undefined)).toBe('');
  });

  it('recognises text that already stands for the stored value', () => {
    expect(textMatchesValue('50000', 50000, 'required')).toBe(true);
    expect(textMatchesValue('50,000.0', 50000, 'required')).toBe(true);
    expect(textMatchesValue('5000', 50000, 'required')).toBe(false);
    expect(textMatchesValue('', null, 'unlimited')).toBe(true);
    expect(textMatchesValue('abc', 1, 'required')).toBe(false);
  });

  it('steps by the step size without floating-point noise', () => {
    expect(steppedValue(0.1, 0.1, 1)).toBe(0.2);
    expect(steppedValue(0.2, 0.1, 1)).toBe(0.3);
    expect(steppedValue(1000, 1000, -1)).toBe(0);
  });
});
