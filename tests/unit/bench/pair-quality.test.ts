import { describe, expect, it } from 'vitest';
import { countTruePairs, pairQuality } from '../../bench/pair-quality';

const truth = new Map([
  ['1', 'A'],
  ['2', 'A'],
  ['3', 'A'],
  ['4', 'B'],
  ['5', 'C'],
  ['6', 'C'],
]);

describe('pair quality', () => {
  it('counts every pair inside an entity as a true pair', () => {
    expect(countTruePairs(truth)).toBe(3 + 1);
  });

  it('scores predicted pairs regardless of order and ignores repeats and self-pairs', () => {
    const q = pairQuality(
      [
        ['2', '1'],
        ['1', '2'],
        ['3', '1'],
        ['4', '5'],
        ['6', '6'],
      ],
      truth,
    );
    expect(q).toMatchObject({ truePairs: 4, predictedPairs: 3, correct: 2 });
    expect(q.precision).toBeCloseTo(2 / 3);
    expect(q.recall).toBeCloseTo(0.5);
    expect(q.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
  });

  it('gives zero scores, not NaN, when nothing is predicted', () => {
    expect(pairQuality([], truth)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});
