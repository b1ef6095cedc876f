/**
 * Groups detected pairs into clusters, guarding against long chains: pairs are taken from the
 * most to the least likely, and two groups are joined only if no member of one is clearly a
 * non-match of a member of the other (A~B and B~C do not put A with C when A≁C).
 */
export interface ClusterInput {
  n: number;
  a: Int32Array;
  b: Int32Array;
  prob: Float64Array;
  /** Probability that records x, y match (computed on demand for pairs not detected). */
  score(x: number, y: number): { probability: number; vetoed: boolean };
  /** A cross pair below this probability blocks the join ("clearly different"). */
  chainMin: number;
  /** Cross-checks per join beyond which only the best-linked members are checked. */
  maxChecks?: number;
  /** Largest group a join may create: bigger ones are chains of namesakes, not one person. */
  maxSize?: number;
}

export interface ClusterResult {
  /** Member record indexes per cluster (size ≥ 2), each sorted. */
  clusters: number[][];
  /** Lowest probability between any two members that were cross-checked. */
  minProb: number[];
  /** Cluster index of each record, -1 when alone. */
  clusterOf: Int32Array;
  /** Joins refused by the chain guard. */
  refusedJoins: number;
}

export function clusterPairs(input: ClusterInput): ClusterResult {
  const { n, a, b, prob } = input;
  const maxChecks = input.maxChecks ?? 400;
  const maxSize = input.maxSize ?? 20;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const members = new Map<number, number[]>();
  const minProb = new Map<number, number>();
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const known = new Map<number, number>();
  for (let k = 0; k < a.length; k++) known.set(a[k]! * n + b[k]!, prob[k]!);
  const probOf = (x: number, y: number): number => {
    const key = x < y ? x * n + y : y * n + x;
    const p = known.get(key);
    if (p !== undefined) return p;
    const s = input.score(x, y);
    return s.vetoed ? 0 : s.probability;
  };

  const order = Array.from({ length: a.length }, (_, k) => k).sort((x, y) => prob[y]! - prob[x]!);
  let refused = 0;
  for (const k of order) {
    const ri = find(a[k]!);
    const rj = find(b[k]!);
    if (ri === rj) continue;
    const A = members.get(ri) ?? [ri];
    const B = members.get(rj) ?? [rj];
    if (A.length + B.length > maxSize) {
      refused++;
      continue;
    }
    let lowest = Math.min(prob[k]!, minProb.get(ri) ?? 1, minProb.get(rj) ?? 1);
    let ok = true;
    // Large joins: check a bounded sample (the first members joined are the group's core).
    const aa = A.length * B.length > maxChecks ? A.slice(0, 20) : A;
    const bb = A.length * B.length > maxChecks ? B.slice(0, 20) : B;
    for (const x of aa) {
      for (const y of bb) {
        const p = probOf(x, y);
        if (p < input.chainMin) {
          ok = false;
          break;
        }
        if (p < lowest) lowest = p;
      }
      if (!ok) break;
    }
    if (!ok) {
      refused++;
      continue;
    }
    // the smaller group is appended to the larger one (no copying of big arrays)
    const [root, other, big, small] = A.length >= B.length ? [ri, rj, A, B] : [rj, ri, B, A];
    parent[other] = root;
    for (const x of small) big.push(x);
    members.set(root, big);
    members.delete(other);
    minProb.set(root, lowest);
    minProb.delete(other);
  }

  const clusters: number[][] = [];
  const mins: number[] = [];
  const clusterOf = new Int32Array(n).fill(-1);
  for (const [root, list] of members) {
    const sorted = [...list].sort((x, y) => x - y);
    for (const x of sorted) clusterOf[x] = clusters.length;
    clusters.push(sorted);
    mins.push(minProb.get(root) ?? 1);
  }
  return { clusters, minProb: mins, clusterOf, refusedJoins: refused };
}
