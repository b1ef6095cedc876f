import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, guardFormula } from '../../../src-main/core/export/csv-format';

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
});
