import { describe, expect, it } from 'vitest';
import { computePatternKeys } from '../../../src-main/core/dedupe/pattern-keys';
import { sampleRandomPairs } from '../../../src-main/core/dedupe/random-pairs';
import { FIELDS, ROW_STRIDE, rowMajorCodes } from '../../../src-main/core/dedupe/records';
import { generatedTable } from './generated-table';

describe('row-major record codes', () => {
  it('hold every field code of every record at record·ROW_STRIDE + field', () => {
    const t = generatedTable(800, 3);
    expect(t.rows).toBeDefined();
    expect(Array.from(t.rows!)).toEqual(Array.from(rowMajorCodes(t)));
    for (let i = 0; i < t.n; i++)
      for (let f = 0; f < FIELDS.length; f++)
        expect(t.rows![i * ROW_STRIDE + f]).toBe(t.columns[f]!.codes[i]);
  });

  it('are built by the Comparer for a table that lacks them (built by hand): same comparison keys', () => {
    const t = generatedTable(1500, 4);
    const members = Int32Array.from({ length: t.n }, (_, i) => i);
    const { a, b } = sampleRandomPairs('individual', members, 20_000);
    // neighbours too: random pairs rarely agree on anything
    const na = Int32Array.from({ length: t.n - 1 }, (_, i) => i);
    const nb = Int32Array.from({ length: t.n - 1 }, (_, i) => i + 1);
    for (const [x, y] of [
      [a, b],
      [na, nb],
    ] as const) {
      const withRows = computePatternKeys(t, x, y);
      const withoutRows = computePatternKeys({ ...t, rows: undefined }, x, y);
      expect(Array.from(withRows)).toEqual(Array.from(withoutRows));
    }
  });
});
