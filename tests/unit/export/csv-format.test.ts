import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, csvSparseRecord, guardFormula } from '../../../src-main/core/export/csv-format';

describe('CSV format', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvRecord(['a', '', 'b,c'], false)).toBe('a,,"b,c"\r\n');
  });

  it('neutralises formula triggers = + - @ tab CR with a leading quote (OWASP)', () => {
    for (const v of ['=1+2', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx']) expect(guardFormula(v)).toBe(`'${v}`);
    expect(guardFormula('Anna')).toBe('Anna');
    expect(guardFormula("'=already")).toBe("'=already");
  });

  it('never touches the lone "=" clear marker', () => {
    expect(guardFormula('=')).toBe('=');
    expect(csvRecord(['=', '=x'], true)).toBe("=,'=x\r\n");
  });

  it('writes a sparse row exactly as the full record', () => {
    const values = ['a', '', 'b,c', '=x', '=', ' q"uote ', '\tt', '', 'é'];
    for (let seed = 1; seed < 400; seed++) {
      const width = 1 + (seed % 9);
      const cells = Array.from({ length: width }, (_, i) => values[(seed * 7 + i * 3) % values.length]!);
      if (seed % 5 === 0) cells.fill('');
      const columns = cells.flatMap((v, i) => (v !== '' || seed % 2 === 0 ? [i] : []));
      for (const guard of [false, true])
        expect(csvSparseRecord(cells, columns, guard)).toBe(csvRecord(cells, guard));
    }
  });
});
