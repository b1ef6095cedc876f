import { describe, expect, it } from 'vitest';
import { clusterPairs } from '../../../src-main/core/dedupe/cluster';

const probs: Record<string, number> = {};
const score = (x: number, y: number) => ({
  probability: probs[x < y ? `${x},${y}` : `${y},${x}`] ?? 0,
  vetoed: false,
});

describe('clustering with a chain guard', () => {
  it('long chain A~B~C with A≁C: B joins the stronger side only', () => {
    // 0=A, 1=B, 2=C; A~B 0.99, B~C 0.9, A~C 0.001 (clearly different)
    Object.assign(probs, { '0,1': 0.99, '1,2': 0.9, '0,2': 0.001 });
    const r = clusterPairs({
      n: 3,
      a: Int32Array.from([0, 1]),
      b: Int32Array.from([1, 2]),
      prob: Float64Array.from([0.99, 0.9]),
      score,
      chainMin: 0.05,
    });
    expect(r.clusters).toEqual([[0, 1]]);
    expect(r.clusterOf[2]).toBe(-1);
    expect(r.refusedJoins).toBe(1);
  });

  it('a consistent triangle becomes one group with its weakest link as min', () => {
    Object.assign(probs, { '3,4': 0.99, '4,5': 0.95, '3,5': 0.6 });
    const r = clusterPairs({
      n: 6,
      a: Int32Array.from([3, 4]),
      b: Int32Array.from([4, 5]),
      prob: Float64Array.from([0.99, 0.95]),
      score,
      chainMin: 0.05,
    });
    expect(r.clusters).toEqual([[3, 4, 5]]);
    expect(r.minProb[0]).toBeCloseTo(0.6);
  });

  it('two separate pairs stay two groups', () => {
    const r = clusterPairs({
      n: 4,
      a: Int32Array.from([0, 2]),
      b: Int32Array.from([1, 3]),
      prob: Float64Array.from([0.8, 0.7]),
      score,
      chainMin: 0.05,
    });
    expect(r.clusters).toHaveLength(2);
  });
});
