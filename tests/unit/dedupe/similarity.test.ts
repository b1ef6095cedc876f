import { describe, expect, it } from 'vitest';
import { jaroWinkler, osaDistance, tokenSetSimilarity } from '../../../src-main/core/dedupe/similarity';

describe('Jaro-Winkler', () => {
  it('matches the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 3);
  });
  it('is 1 for equal, 0 for empty or disjoint', () => {
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('', '')).toBe(0);
    expect(jaroWinkler('abc', '')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
  it('works on strings longer than the initial buffers', () => {
    const long = 'a'.repeat(200);
    expect(jaroWinkler(long, long + 'b')).toBeGreaterThan(0.99);
  });
});

describe('OSA (Damerau-Levenshtein)', () => {
  it('counts a transposition as one edit (postcode 4814 vs 4184)', () => {
    expect(osaDistance('4814', '4184')).toBe(1);
    expect(osaDistance('ca', 'abc')).toBe(3); // OSA, not unrestricted DL
  });
  it('counts insertions, deletions, substitutions', () => {
    expect(osaDistance('kitten', 'sitting')).toBe(3);
    expect(osaDistance('', 'abc')).toBe(3);
    expect(osaDistance('abc', 'abc')).toBe(0);
  });
  it('stops early above max', () => {
    expect(osaDistance('abcdef', 'uvwxyz', 1)).toBe(2);
    expect(osaDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('token-set similarity', () => {
  it('ignores word order', () => {
    expect(tokenSetSimilarity('12 bahnhofstrasse', 'bahnhofstrasse 12')).toBe(1);
  });
  it('tolerates a typo inside a word but not in a house number', () => {
    expect(tokenSetSimilarity('12 bahnhofstrasse', '12 banhofstrasse')).toBeGreaterThan(0.9);
    expect(tokenSetSimilarity('12 bahnhofstrasse', '21 bahnhofstrasse')).toBe(0.5);
  });
  it('scores missing tokens against the larger set', () => {
    expect(tokenSetSimilarity('migros genossenschaft zurich', 'migros zurich')).toBeCloseTo(2 / 3, 5);
  });
});
