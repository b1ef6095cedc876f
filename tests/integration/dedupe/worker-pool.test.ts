import { describe, expect, it } from 'vitest';
import { detectDuplicates } from '../../../src-main/core/dedupe/detect';
import { computePatternKeys } from '../../../src-main/core/dedupe/pattern-keys';
import { sampleRandomPairs } from '../../../src-main/core/dedupe/random-pairs';
import { sliceSize, workerKeyComputer } from '../../../src-main/core/dedupe/worker-pool';
import { generatedTable } from '../../unit/dedupe/generated-table';

describe('dedupe worker pool', () => {
  it('slices the pairs so each thread gets several slices, at most 250k each', () => {
    expect(sliceSize(390_000, 2)).toBe(48_750);
    expect(sliceSize(6_500_000, 2)).toBe(250_000);
    expect(sliceSize(3, 2)).toBe(1);
    expect(sliceSize(60_000, 2, 1)).toBe(30_000); // one slice per thread
    expect(sliceSize(60_001, 2, 1)).toBe(30_001);
  });

  it('computes the same pattern keys on worker threads as in-process', async () => {
    const t = generatedTable(3000);
    const members = Int32Array.from({ length: t.n }, (_, i) => i).filter((i) => t.kind[i] !== 255);
    // enough pairs to go to the workers (random pairs: mostly disagreeing, some agreeing)
    const { a, b } = sampleRandomPairs('individual', members, 210_000);
    const progress: number[] = [];
    const viaWorkers = await workerKeyComputer(2, { onChunk: (done) => progress.push(done) })(t, a, b);
    expect(Array.from(viaWorkers)).toEqual(Array.from(computePatternKeys(t, a, b)));
    expect(progress.length).toBeGreaterThanOrEqual(8);
    expect(progress.at(-1)).toBe(a.length);
  }, 60_000);

  it('random pairs compared on a worker during blocking give the same models, pairs and groups', async () => {
    const t = generatedTable(3000);
    const reference = await detectDuplicates(t);
    const overlapped = await detectDuplicates(t, {
      computeKeys: workerKeyComputer(2),
      computeRandomKeys: workerKeyComputer(1, { minPairs: 0 }),
    });
    const { stats: s1, ...r1 } = reference;
    const { stats: s2, ...r2 } = overlapped;
    expect(r2).toEqual(r1);
    expect(s2.candidatePairs).toBe(s1.candidatePairs);
    expect(r1.a.length).toBeGreaterThan(100);
    expect(Object.values(r1.models).every((m) => m.randomPairs > 0)).toBe(true);
  }, 60_000);
});
