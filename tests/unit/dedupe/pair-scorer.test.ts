import { describe, expect, it } from 'vitest';
import { buildCandidatePairs } from '../../../src-main/core/dedupe/blocking';
import { detectDuplicates } from '../../../src-main/core/dedupe/detect';
import { computePatternKeys } from '../../../src-main/core/dedupe/pattern-keys';
import { PairScorer } from '../../../src-main/core/dedupe/pair-scorer';
import { generatedTable } from './generated-table';

describe('PairScorer.neverBanded (pairs skipped without scoring)', () => {
  it.each([
    { sure: 0.99, review: 0.5 },
    { sure: 0.9, review: 0.05 },
    { sure: 0.999, review: 0.98 },
  ])('is only true for patterns whose every pair scores band 0 (thresholds %o)', async (thresholds) => {
    const t = generatedTable(3000, 5);
    const { models } = await detectDuplicates(t, { thresholds });
    const cand = buildCandidatePairs(t);
    const keys = computePatternKeys(t, cand.a, cand.b);
    const scorer = new PairScorer(t, models, thresholds);
    let skipped = 0;
    let banded = 0;
    for (let k = 0; k < keys.length; k++) {
      if (keys[k]! < 0) continue;
      const band = scorer.score(cand.a[k]!, cand.b[k]!, keys[k]!).band;
      if (band) banded++;
      if (scorer.neverBanded(keys[k]!)) {
        skipped++;
        expect(band).toBe(0);
      }
    }
    // the shortcut must matter (most candidates are clear non-matches) and must not hide all pairs
    expect(skipped).toBeGreaterThan(keys.length / 2);
    expect(banded).toBeGreaterThan(50);
  });
});
