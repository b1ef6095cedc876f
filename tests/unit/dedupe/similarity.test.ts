import { describe, expect, it } from 'vitest';
import {
  jaroWinkler,
  jaroWinklerArrays,
  osaDistance,
  tokenSetSimilarity,
  withinOneEdit,
} from '../../../src-main/core/dedupe/similarity';

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

describe('Jaro-Winkler fast path (≤ 32 characters, flags in bit masks)', () => {
  it('gives exactly the values of the byte-array implementation', () => {
    let seed = 777;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const word = (len: number, alphabet: string) =>
      Array.from({ length: len }, () => alphabet[rnd(alphabet.length)]).join('');
    let high = 0;
    for (let k = 0; k < 40_000; k++) {
      const alphabet = k % 3 === 0 ? 'ab' : k % 3 === 1 ? 'abcdef' : 'abcdefghijklmnopqrstuvwxyz';
      const a = word(1 + rnd(32), alphabet);
      // a typo'd copy half the time, so high similarities and transpositions are covered
      const b =
        k % 2 === 0
          ? word(1 + rnd(32), alphabet)
          : a.slice(0, rnd(a.length)) + word(rnd(3), alphabet) + a.slice(rnd(a.length));
      const expected = jaroWinklerArrays(a, b);
      if (expected > 0.85) high++;
      expect(jaroWinkler(a, b), `${a} / ${b}`).toBe(expected);
    }
    expect(high).toBeGreaterThan(5000);
    expect(jaroWinkler('a'.repeat(32), 'a'.repeat(31) + 'b')).toBe(
      jaroWinklerArrays('a'.repeat(32), 'a'.repeat(31) + 'b'),
    );
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

describe('withinOneEdit (fast path of osaDistance ≤ 1)', () => {
  it('agrees with osaDistance(a, b, 1) <= 1 on random short strings', () => {
    // small alphabet and lengths: many near pairs, transpositions, repeats
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const word = () => Array.from({ length: rnd(6) }, () => 'abc'[rnd(3)]).join('');
    let near = 0;
    for (let k = 0; k < 50_000; k++) {
      const a = word();
      // half the time an edited copy of a, so the ≤ 1 side is well covered
      let b = word();
      if (k % 2 === 0 && a.length > 0) {
        const i = rnd(a.length);
        const op = rnd(4);
        b =
          op === 0
            ? a.slice(0, i) + 'abc'[rnd(3)] + a.slice(i + 1)
            : op === 1
              ? a.slice(0, i) + a.slice(i + 1)
              : op === 2
                ? a.slice(0, i) + 'abc'[rnd(3)] + a.slice(i)
                : a.slice(0, i) + (a[i + 1] ?? '') + a[i] + a.slice(i + 2);
      }
      const expected = osaDistance(a, b, 1) <= 1;
      if (expected) near++;
      expect(withinOneEdit(a, b), `${a} / ${b}`).toBe(expected);
      expect(withinOneEdit(b, a), `${b} / ${a}`).toBe(expected);
    }
    expect(near).toBeGreaterThan(10_000);
  });
  it('handles postcodes, dates and e-mails as the comparisons use them', () => {
    expect(withinOneEdit('4814', '4184')).toBe(true);
    expect(withinOneEdit('19800512', '19800521')).toBe(true);
    expect(withinOneEdit('19800512', '19810521')).toBe(false);
    expect(withinOneEdit('hans.muster@example.ch', 'hans.muster@exmple.ch')).toBe(true);
    expect(withinOneEdit('ca', 'abc')).toBe(false);
  });
});
