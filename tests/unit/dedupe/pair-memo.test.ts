import { describe, expect, it } from 'vitest';
import { PairMemo } from '../../../src-main/core/dedupe/pair-memo';

describe('PairMemo', () => {
  it('stores one value per unordered pair, like a Map keyed by the sorted pair', () => {
    let seed = 3;
    const rnd = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const memo = new PairMemo();
    const oracle = new Map<string, number>();
    const key = (x: number, y: number) => (x < y ? `${x},${y}` : `${y},${x}`);
    for (let n = 0; n < 200_000; n++) {
      // small ids collide often (re-sets, either order); large ones exercise the hashing
      const range = n % 3 === 0 ? 50 : 2 ** 30;
      const x = rnd(range);
      const y = rnd(range);
      const expected = oracle.get(key(x, y)) ?? -1;
      expect(memo.get(x, y)).toBe(expected);
      expect(memo.get(y, x)).toBe(expected);
      if (n % 2 === 0) {
        const v = rnd(1000) / 7;
        memo.set(y, x, v);
        oracle.set(key(x, y), v);
      }
    }
    expect(memo.size).toBe(oracle.size);
    for (const [k, v] of oracle) {
      const [x, y] = k.split(',').map(Number) as [number, number];
      expect(memo.get(x, y)).toBe(v);
    }
  });

  it('stops storing at its bound but keeps what it holds', () => {
    const memo = new PairMemo(10);
    for (let i = 0; i < 20; i++) memo.set(i, i + 1, i);
    expect(memo.size).toBe(10);
    expect(memo.get(9, 10)).toBe(9);
    expect(memo.get(10, 11)).toBe(-1);
    expect(memo.get(0, 0)).toBe(-1);
    memo.set(0, 0, 0.5);
    expect(memo.get(0, 0)).toBe(-1);
  });
});
