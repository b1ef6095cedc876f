import { describe, expect, it } from 'vitest';
import { CsvBytes } from '../../../src-main/core/export/csv-bytes';
import { csvSparseRecord } from '../../../src-main/core/export/csv-format';

/** A small deterministic generator (no dependency on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Pieces a cell is made of: ASCII, CSV specials, formula triggers, 2-, 3- and 4-byte UTF-8, lone surrogates. */
const PIECES = [
  'Anna',
  ' ',
  ',',
  '"',
  '\r',
  '\n',
  '=',
  '+',
  '-',
  '@',
  '\t',
  "'",
  'é',
  'Müller',
  'œ',
  'ß',
  '€',
  '中',
  '😀',
  '\ud83d', // lone high surrogate
  '\ude00', // lone low surrogate
  '\u0000',
  '\u007f',
  '\u0080',
  '\u07ff',
  '\u0800',
  '\uffff',
  '0216132111',
];

describe('CSV records written straight to bytes', () => {
  it('are the UTF-8 bytes of csvSparseRecord, record after record', () => {
    const next = lcg(42);
    const pick = (n: number) => Math.floor(next() * n);
    // A tiny first buffer: growing it is exercised too.
    const out = new CsvBytes(8);
    const expected: string[] = [];
    for (let r = 0; r < 3000; r++) {
      const width = 1 + pick(12);
      const cells = Array.from({ length: width }, () => {
        if (next() < 0.4) return '';
        let v = '';
        for (let k = pick(5); k >= 0; k--) v += PIECES[pick(PIECES.length)];
        return next() < 0.05 ? '=' : v;
      });
      const columns = cells.flatMap((v, i) => (v !== '' || next() < 0.3 ? [i] : []));
      const guard = next() < 0.7;
      out.sparseRecord(cells, columns, guard);
      expected.push(csvSparseRecord(cells, columns, guard));
    }
    expect(Buffer.from(out.bytes()).equals(Buffer.from(expected.join(''), 'utf8'))).toBe(true);
  });

  it('quotes, doubles quotes and guards formulas as the string form does', () => {
    const bytes = (cells: string[], guard = true) => {
      const out = new CsvBytes(4);
      out.sparseRecord(
        cells,
        cells.map((_, i) => i),
        guard,
      );
      return Buffer.from(out.bytes()).toString('utf8');
    };
    expect(bytes(['a', '', 'b,c', 'say "hi"', '=', '=x', 'é😀'])).toBe(`a,,"b,c","say ""hi""",=,'=x,é😀\r\n`);
    expect(bytes(['=x', '-1'], false)).toBe('=x,-1\r\n');
    expect(bytes(['', '', ''])).toBe(',,\r\n');
  });
});
