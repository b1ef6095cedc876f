import { describe, expect, it } from 'vitest';
import {
  classifyFormat,
  formatNumber,
  numberText,
  serialToIso,
  unescapeOoxml,
} from '../../../src-main/core/import/xlsx-cell-format';

describe('number formats', () => {
  it.each([
    ['General', 'plain'],
    ['0.00', 'plain'],
    ['#,##0 "CHF"', 'plain'],
    ['0.00%', 'plain'],
    ['0.00E+00', 'plain'],
    ['mm-dd-yy', 'date'],
    ['dd.mm.yyyy', 'date'],
    ['[$-407]dddd, d. mmmm yyyy', 'date'],
    ['mmm-yy', 'date'],
    ['yyyy-mm-dd hh:mm:ss', 'datetime'],
    ['m/d/yy h:mm', 'datetime'],
    ['h:mm AM/PM', 'time'],
    ['[h]:mm:ss', 'time'],
    ['[Red]0', 'plain'],
  ])('classifies %s as %s', (format, kind) => {
    expect(classifyFormat(format).kind).toBe(kind);
  });

  it('recognises zero-padded identifier formats by their width', () => {
    expect(classifyFormat('00000')).toEqual({ kind: 'zero-padded', width: 5 });
    expect(formatNumber('1234', { kind: 'zero-padded', width: 5 }, false)).toBe('01234');
    expect(formatNumber('123456', { kind: 'zero-padded', width: 5 }, false)).toBe('123456');
  });
});

describe('numbers without float artefacts', () => {
  it.each([
    ['41791234567', '41791234567'],
    ['4.1791234567E10', '41791234567'],
    ['1.2345678901234567E+19', '12345678901234567168'],
    ['0.30000000000000004', '0.3'],
    ['41800000.009999998', '41800000.01'],
    ['-12.5', '-12.5'],
    ['1E-9', '1e-9'],
  ])('writes %s as %s', (raw, text) => {
    expect(numberText(raw)).toBe(text);
  });
});

describe('Excel serial dates', () => {
  it('converts 1900-system serials, including Lotus 1-2-3 leap-year bug around 1900-02-29', () => {
    expect(serialToIso(1, 'date', false)).toBe('1900-01-01');
    expect(serialToIso(59, 'date', false)).toBe('1900-02-28');
    expect(serialToIso(60, 'date', false)).toBe('1900-02-29');
    expect(serialToIso(61, 'date', false)).toBe('1900-03-01');
    expect(serialToIso(45306, 'date', false)).toBe('2024-01-15');
  });

  it('converts 1904-system serials', () => {
    expect(serialToIso(0, 'date', true)).toBe('1904-01-01');
    expect(serialToIso(24472, 'date', true)).toBe('1971-01-01');
  });

  it('keeps the time of datetimes, rounded to the second, and reads times alone', () => {
    expect(serialToIso(45306.5729166667, 'datetime', false)).toBe('2024-01-15 13:45:00');
    expect(serialToIso(0.75, 'time', false)).toBe('18:00:00');
  });
});

it('decodes _xHHHH_ escapes of OOXML strings', () => {
  expect(unescapeOoxml('line1_x000D_\nline2')).toBe('line1\r\nline2');
  expect(unescapeOoxml('plain_text')).toBe('plain_text');
});
