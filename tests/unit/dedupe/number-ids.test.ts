import { describe, expect, it } from 'vitest';
import { NumberIds } from '../../../src-main/core/dedupe/number-ids';

describe('NumberIds', () => {
  it('hands out dense ids in order of first appearance, like a Map from key to its size', () => {
    let seed = 11;
    const rnd = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const ids = new NumberIds(4);
    const oracle = new Map<number, number>();
    for (let n = 0; n < 100_000; n++) {
      // integers up to 2^53: small ones repeat, large ones differ only in their high or low bits
      const key =
        n % 3 === 0 ? rnd(500) : n % 3 === 1 ? rnd(2 ** 21) * 2 ** 32 : rnd(2 ** 21) * 2 ** 32 + rnd(2 ** 32);
      expect(ids.find(key)).toBe(oracle.get(key) ?? -1);
      if (!oracle.has(key)) oracle.set(key, oracle.size);
      expect(ids.idOf(key)).toBe(oracle.get(key));
    }
    expect(ids.size).toBe(oracle.size);
    for (const [key, id] of oracle) expect(ids.find(key)).toBe(id);
    expect(ids.find(2 ** 53 - 1)).toBe(oracle.get(2 ** 53 - 1) ?? -1);
  });
});
