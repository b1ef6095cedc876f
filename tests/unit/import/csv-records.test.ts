import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CsvDialect } from '../../../src-main/core/import/csv-dialect';
import { createRecordCutter } from '../../../src-main/core/import/csv-records';

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['abc', 'Zoë', '', ' ', '0123', 'x"y', 'a,b', 'a;b', 'line\nbreak', 'cr\r\nlf', '"', "it's"];

/** A random CSV text: quoted and unquoted fields, ragged rows, blank lines, stray and unbalanced quotes. */
function randomCsv(rand: () => number, d: CsvDialect): string {
  const lines: string[] = [];
  const rows = 1 + Math.floor(rand() * 40);
  for (let r = 0; r < rows; r++) {
    if (rand() < 0.05) {
      lines.push('');
      continue;
    }
    const fields: string[] = [];
    const width = 1 + Math.floor(rand() * 5);
    for (let f = 0; f < width; f++) {
      const v = PIECES[Math.floor(rand() * PIECES.length)]!;
      const needsQuotes = /["\r\n]/.test(v) || v.includes(d.delimiter);
      // Now and then a value is written raw even when it needs quotes: broken files exist.
      if (rand() < 0.08) fields.push(v);
      else if (needsQuotes || rand() < 0.2)
        fields.push(d.quoteChar + v.split(d.quoteChar).join(d.quoteChar + d.quoteChar) + d.quoteChar);
      else fields.push(v);
    }
    lines.push(fields.join(d.delimiter));
  }
  return lines.join(d.newline) + (rand() < 0.5 ? d.newline : '');
}

/** Feeds the text in random pieces, carrying the unconsumed tail like the reader does. */
function cutInPieces(text: string, d: CsvDialect, rand: () => number): string[][] {
  const cut = createRecordCutter(d);
  const out: string[][] = [];
  let pending = '';
  let i = 0;
  while (i < text.length) {
    const size = 1 + Math.floor(rand() * 30);
    const input = pending + text.slice(i, i + size);
    i += size;
    const r = cut(input, false);
    out.push(...r.records);
    pending = input.slice(r.consumed);
  }
  out.push(...cut(pending, true).records);
  return out;
}

describe('cutting CSV text into records', () => {
  const dialects: CsvDialect[] = [
    { delimiter: ',', quoteChar: '"', newline: '\n' },
    { delimiter: ';', quoteChar: '"', newline: '\r\n' },
    { delimiter: '\t', quoteChar: '"', newline: '\r' },
  ];
  for (const d of dialects) {
    it(`gives the same records as Papa on the whole text, however the text is chunked (${JSON.stringify(d.newline)})`, () => {
      const rand = prng(7);
      for (let k = 0; k < 300; k++) {
        const text = randomCsv(rand, d);
        const reference = Papa.parse<string[]>(text, { ...d }).data;
        // Papa reports a final line break as one more empty record; the reader does not.
        const tail = reference.at(-1);
        if (text.endsWith(d.newline) && tail?.length === 1 && tail[0] === '') reference.pop();
        expect(cutInPieces(text, d, rand)).toEqual(reference);
      }
    });
  }

  it('reports an unterminated quote on the record where it starts', () => {
    const cut = createRecordCutter({ delimiter: ',', quoteChar: '"', newline: '\n' });
    const r = cut('a,b\n1,"open\n2,3\n', true);
    expect(r.records).toEqual([
      ['a', 'b'],
      ['1', 'open\n2,3\n'],
    ]);
    expect(r.errors).toEqual([{ index: 1, code: 'MissingQuotes' }]);
  });
});
