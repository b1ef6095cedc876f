import { describe, expect, it } from 'vitest';
import { jaroWinkler, tokenArraySimilarity } from '../../../src-main/core/dedupe/similarity';
import { TokenVocabulary } from '../../../src-main/core/dedupe/token-vocabulary';

describe('TokenVocabulary (memoised token-set similarity)', () => {
  it('gives exactly tokenArraySimilarity on the tokens, repeated pairs included', () => {
    const words = [
      'bahnhofstrasse',
      'banhofstrasse',
      'bahnhofstr',
      'hauptstrasse',
      'rue',
      'de',
      'la',
      'gare',
      'garre',
      'via',
      'stazione',
      '12',
      '21',
      '12a',
      '3bis',
      'a',
      'b',
    ];
    let seed = 99;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const line = () => Array.from({ length: 1 + rnd(5) }, () => words[rnd(words.length)]!);
    const vocab = new TokenVocabulary();
    for (let k = 0; k < 20_000; k++) {
      const a = line();
      const b = line();
      const expected = tokenArraySimilarity(a, b);
      expect(vocab.setSimilarity(vocab.intern(a), vocab.intern(b)), `${a.join(' ')} / ${b.join(' ')}`).toBe(
        expected,
      );
    }
  });

  it('matches numbers only exactly', () => {
    const v = new TokenVocabulary();
    expect(v.similarity(v.id('12'), v.id('12'))).toBe(1);
    expect(v.similarity(v.id('12'), v.id('13'))).toBe(0);
    expect(v.similarity(v.id('12'), v.id('bahnhof'))).toBe(0);
    expect(v.similarity(v.id('gare'), v.id('garre'))).toBeGreaterThan(0.9);
  });

  it('keeps ids beyond the small-key range apart', () => {
    const v = new TokenVocabulary();
    for (let i = 0; i < 33_000; i++) v.id(`w${i}`);
    // every pair, in both orders, scores its own Jaro-Winkler (no key collisions)
    for (const [x, y] of [
      ['w1', 'w32769'],
      ['w2', 'w32769'],
      ['w32768', 'w32769'],
      ['w1', 'w2'],
      ['w12', 'w32769'],
    ] as const) {
      expect(v.similarity(v.id(x), v.id(y))).toBe(jaroWinkler(x, y));
      expect(v.similarity(v.id(y), v.id(x))).toBe(jaroWinkler(x, y));
    }
  });
});
