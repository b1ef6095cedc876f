import { describe, expect, it } from 'vitest';
import { buildCandidatePairs } from '../../../src-main/core/dedupe/blocking';
import { RecordBuilder } from '../../../src-main/core/dedupe/records';

describe('blocking', () => {
  it('a giant block (2000 contacts sharing info@…) is windowed, never compared all-pairs', () => {
    const rb = new RecordBuilder();
    for (let i = 0; i < 2000; i++)
      rb.add(i + 1, { FIRSTNAME: `Name${i}`, LASTNAME: `Family${i % 997}`, EMAIL1: 'info@example.ch' });
    const c = buildCandidatePairs(rb.finish(), { maxBlock: 50, window: 3 });
    expect(c.stats.keys.email!.capped).toBe(1);
    expect(c.stats.keys.email!.pairs).toBeLessThan(2000 * 3);
    expect(c.a.length).toBeLessThan(20_000); // all pairs would be 1,999,000
    expect(c.stats.reductionRatio).toBeGreaterThan(0.99);
  });

  it('pairs are unique, ordered a < b, and never mix individuals with structures', () => {
    const rb = new RecordBuilder();
    rb.add(1, { FIRSTNAME: 'Hans', LASTNAME: 'Muster', ZIPCODE: '8001', EMAIL1: 'x@y.ch' });
    rb.add(2, { FIRSTNAME: 'Hans', LASTNAME: 'Muster', ZIPCODE: '8001', EMAIL1: 'x@y.ch' });
    rb.add(3, { OFFICIAL_NAME: 'Muster AG', ZIPCODE: '8001', EMAIL1: 'x@y.ch' });
    const c = buildCandidatePairs(rb.finish());
    expect(Array.from(c.a)).toEqual([0]);
    expect(Array.from(c.b)).toEqual([1]);
  });
});
