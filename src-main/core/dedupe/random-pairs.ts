import { COMPARISONS, type Comparer, type ModelKind } from './compare';
import { decodePattern, MAX_COMPARISONS } from './patterns';

/**
 * Random record pairs for the u estimate (level frequencies among non-matches). The pairs are
 * drawn up front so they can be compared together with the candidate pairs, on the worker
 * threads, instead of one by one on the main thread afterwards.
 */

/** Small deterministic PRNG (mulberry32): the u estimate is reproducible run to run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RecordPairs {
  a: Int32Array;
  b: Int32Array;
}

/**
 * Pairs of `members` (records of one model kind) for the u estimate: all pairs when there are
 * at most `samples` of them, else `samples` random ordered pairs (repeats allowed) from a
 * sequence seeded by the kind's comparison count, so runs are reproducible.
 */
export function sampleRandomPairs(kind: ModelKind, members: Int32Array, samples: number): RecordPairs {
  const m = members.length;
  const all = (m * (m - 1)) / 2;
  if (all <= samples) {
    const a = new Int32Array(all);
    const b = new Int32Array(all);
    let k = 0;
    for (let x = 0; x < m; x++)
      for (let y = x + 1; y < m; y++) {
        a[k] = members[x]!;
        b[k++] = members[y]!;
      }
    return { a, b };
  }
  const rnd = prng(0x5eed + COMPARISONS[kind].length);
  const a = new Int32Array(samples);
  const b = new Int32Array(samples);
  let k = 0;
  while (k < samples) {
    const x = Math.floor(rnd() * m);
    const y = Math.floor(rnd() * m);
    if (x === y) continue;
    a[k] = members[x]!;
    b[k++] = members[y]!;
  }
  return { a, b };
}

/** Level counts per comparison (counts[c][level]) of pattern keys of one kind. */
export function levelCountsOfKeys(kind: ModelKind, keys: ArrayLike<number>): number[][] {
  const defs = COMPARISONS[kind];
  const counts = defs.map((d) => new Array<number>(d.levels.length).fill(0));
  // Keys repeat a lot (most random pairs disagree on everything): decode each distinct one once.
  const perKey = new Map<number, number>();
  for (let k = 0; k < keys.length; k++) perKey.set(keys[k]!, (perKey.get(keys[k]!) ?? 0) + 1);
  for (const [key, n] of perKey) {
    const { levels } = decodePattern(key);
    for (let c = 0; c < defs.length; c++) counts[c]![levels[c]!]! += n;
  }
  return counts;
}

/**
 * Reference path: level counts of the pairs compared one by one on this thread (what
 * `levelCountsOfKeys` over their pattern keys must reproduce; kept for the equivalence tests).
 */
export function levelCountsDirect(kind: ModelKind, pairs: RecordPairs, cmp: Comparer): number[][] {
  const counts = COMPARISONS[kind].map((d) => new Array<number>(d.levels.length).fill(0));
  const levels = new Uint8Array(MAX_COMPARISONS);
  for (let k = 0; k < pairs.a.length; k++) {
    cmp.compare(kind, pairs.a[k]!, pairs.b[k]!, levels, 0);
    for (let c = 0; c < counts.length; c++) counts[c]![levels[c]!]!++;
  }
  return counts;
}
