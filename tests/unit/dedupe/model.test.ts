import { describe, expect, it } from 'vitest';
import { COMPARISONS } from '../../../src-main/core/dedupe/compare';
import { estimateU, fitModel, scoreLevels } from '../../../src-main/core/dedupe/model';
import { encodePattern, decodePattern } from '../../../src-main/core/dedupe/patterns';

describe('pattern keys', () => {
  it('round-trip kind, levels and the swapped flag', () => {
    const levels = Uint8Array.from([1, 2, 0, 3, 2, 4, 1, 3]);
    const d = decodePattern(encodePattern(0, levels, 8, true));
    expect(d).toEqual({ kind: 'individual', levels: Array.from(levels), swapped: true });
    expect(decodePattern(encodePattern(1, new Uint8Array(10), 10, false)).kind).toBe('structure');
  });
});

describe('Fellegi–Sunter EM', () => {
  it('recovers a match share and gives agreement positive, disagreement negative weights', () => {
    const nc = COMPARISONS.individual.length;
    // 100 matches agreeing on everything, 900 non-matches disagreeing on everything
    const agree = new Uint8Array(nc).fill(1);
    const disagree = Uint8Array.from(COMPARISONS.individual.map((d) => d.levels.length - 1));
    const patterns = new Map([
      [encodePattern(0, agree, nc, false), 100],
      [encodePattern(0, disagree, nc, false), 900],
    ]);
    const randomCounts = COMPARISONS.individual.map((d) => {
      const c = new Array<number>(d.levels.length).fill(0);
      c[d.levels.length - 1] = 10_000;
      c[1] = 10;
      return c;
    });
    const model = fitModel('individual', patterns, estimateU('individual', randomCounts), 10_010);
    expect(model.lambda).toBeGreaterThan(0.08);
    expect(model.lambda).toBeLessThan(0.12);
    for (const w of model.weights) {
      expect(w[1]).toBeGreaterThan(3);
      expect(w[w.length - 1]).toBeLessThan(0);
    }
    expect(scoreLevels(model, Array.from(agree)).probability).toBeGreaterThan(0.999);
    expect(scoreLevels(model, Array.from(disagree)).probability).toBeLessThan(0.001);
  });
});
