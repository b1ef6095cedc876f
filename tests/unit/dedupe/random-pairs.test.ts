import { describe, expect, it } from 'vitest';
import { Comparer, MODEL_KINDS, modelKindOf } from '../../../src-main/core/dedupe/compare';
import { computePatternKeys } from '../../../src-main/core/dedupe/pattern-keys';
import {
  levelCountsDirect,
  levelCountsOfKeys,
  sampleRandomPairs,
} from '../../../src-main/core/dedupe/random-pairs';
import { generatedTable } from './generated-table';

describe('random pairs for the u estimate', () => {
  it('are all pairs of a small kind, in order', () => {
    const p = sampleRandomPairs('structure', Int32Array.from([3, 5, 9]), 100);
    expect(Array.from(p.a)).toEqual([3, 3, 5]);
    expect(Array.from(p.b)).toEqual([5, 9, 9]);
  });

  it('are `samples` reproducible pairs of two different members of a large kind', () => {
    const members = Int32Array.from({ length: 500 }, (_, k) => 2 * k + 1);
    const p = sampleRandomPairs('individual', members, 2000);
    expect(p.a.length).toBe(2000);
    const set = new Set(members);
    for (let k = 0; k < p.a.length; k++) {
      expect(p.a[k]).not.toBe(p.b[k]);
      expect(set.has(p.a[k]!) && set.has(p.b[k]!)).toBe(true);
    }
    expect(sampleRandomPairs('individual', members, 2000)).toEqual(p);
    expect(Array.from(sampleRandomPairs('structure', members, 2000).a)).not.toEqual(Array.from(p.a));
  });

  it('level counts from pattern keys equal those of comparing the pairs one by one', () => {
    const t = generatedTable(4000);
    const seen = new Set<string>();
    for (const kind of MODEL_KINDS) {
      const members: number[] = [];
      for (let i = 0; i < t.n; i++) if (modelKindOf(t.kind[i]!) === kind) members.push(i);
      if (members.length < 2) continue;
      seen.add(kind);
      const pairs = sampleRandomPairs(kind, Int32Array.from(members), 20_000);
      const viaKeys = levelCountsOfKeys(kind, computePatternKeys(t, pairs.a, pairs.b));
      expect(viaKeys).toEqual(levelCountsDirect(kind, pairs, new Comparer(t)));
      // not a trivial table: several levels are used
      expect(viaKeys.flat().filter((c) => c > 0).length).toBeGreaterThan(viaKeys.length);
    }
    expect([...seen].sort()).toEqual(['individual', 'relay', 'structure']);
  });
});
