import { buildCandidatePairs, DEFAULT_BLOCKING, type BlockingOptions, type BlockingStats } from './blocking';
import { clusterPairs } from './cluster';
import { BAND_REVIEW, BAND_SURE } from './pair-scorer';
export { BAND_REVIEW, BAND_SURE } from './pair-scorer';
import { COMPARISONS, Comparer, MODEL_KINDS, modelKindOf, type ModelKind } from './compare';
import type { FieldExplanation } from './cluster-store';
import { estimateU, EXACT_SOURCE_FIELD, fitModel, type FsModel } from './model';
import { PairScorer } from './pair-scorer';
import { levelCountsOfKeys, sampleRandomPairs } from './random-pairs';
import { NumberIds } from './number-ids';
import { computePatternKeys } from './pattern-keys';
import { decodePattern, encodePattern, MAX_COMPARISONS } from './patterns';
import { F, type FieldColumn, type FieldName, type RecordTable } from './records';

export interface Thresholds {
  /** Match probability from which a pair is a sure duplicate. */
  sure: number;
  /** Match probability from which a pair is shown for review. */
  review: number;
}

/**
 * Defaults: 'review' from even odds, 'sure' from 99 %; a chain join is refused when two
 * members are below 5 % (clearly different).
 */
export const DEFAULT_THRESHOLDS: Thresholds = { sure: 0.99, review: 0.5 };
export const CHAIN_MIN = 0.05;
/** Groups larger than this get no implied pairs (quadratic); their direct pairs remain. */
const MAX_IMPLIED_CLUSTER = 60;

export type KeyComputer = (t: RecordTable, a: Int32Array, b: Int32Array) => Promise<Float64Array>;

export interface DetectOptions {
  thresholds?: Thresholds;
  blocking?: BlockingOptions;
  /** Random pairs per kind for the u estimate. */
  randomPairs?: number;
  /** Where comparisons run (worker pool); in-process by default. */
  computeKeys?: KeyComputer;
  /**
   * Where the u estimate's random pairs are compared, started before blocking so they overlap
   * with it (a worker); without it they join the candidates' pass.
   */
  computeRandomKeys?: KeyComputer;
  /** Contact-id pairs "a,b" (a < b) a reviewer marked as not duplicates. */
  notDuplicate?: Set<string>;
  progress?: (phase: string, done?: number, total?: number) => void;
  checkpoint?: () => Promise<void>;
}

export interface DetectResult {
  /** Detected pairs (record indexes a < b), their probability, weight, band and pattern. */
  a: Int32Array;
  b: Int32Array;
  prob: Float64Array;
  weight: Float64Array;
  band: Uint8Array;
  pattern: Float64Array;
  clusters: number[][];
  clusterBand: Uint8Array;
  clusterOf: Int32Array;
  models: Partial<Record<ModelKind, FsModel>>;
  stats: DetectStats;
}

export interface DetectStats {
  records: number;
  blocking: BlockingStats;
  candidatePairs: number;
  reductionRatio: number;
  pairsPerSecond: number;
  sure: number;
  review: number;
  vetoed: number;
  skippedByDecision: number;
  refusedJoins: number;
  /** Pairs inside a group that were not candidates, scored after clustering. */
  impliedPairs: number;
  seconds: Record<string, number>;
}

/** P(two records of `members` with the field filled hold the same value) = Σ p_v². */
function exactChance(t: RecordTable, f: number, members: number[]): number | undefined {
  const col = t.columns[f]!;
  // codes are dense dictionary indexes: count them in an array, not a Map
  const counts = new Int32Array(col.dict.length);
  let filled = 0;
  for (const i of members) {
    const c = col.codes[i]!;
    if (c === 0) continue;
    filled++;
    counts[c]!++;
  }
  if (filled < 2) return undefined;
  let sum = 0;
  for (let c = 1; c < counts.length; c++) sum += counts[c]! * (counts[c]! - 1);
  return Math.max(sum / (filled * (filled - 1)), 1 / (filled * filled));
}

/** Σ n(n−1) over the runs of equal values of `keys` (ordered pairs sharing a key); sorts `keys`. */
function orderedPairsSharingKey(keys: Float64Array): number {
  keys.sort();
  let sum = 0;
  for (let k = 0, run = 1; k < keys.length; k++, run++) {
    if (k + 1 === keys.length || keys[k + 1] !== keys[k]) {
      sum += run * (run - 1);
      run = 0;
    }
  }
  return sum;
}

/** Per email code, a code of its local part (before the @): equal local parts, equal codes. */
interface LocalParts {
  localOf: Int32Array;
  count: number;
}

function localPartCodes(email: FieldColumn): LocalParts {
  const localOf = new Int32Array(email.dict.length);
  const codes = new Map<string, number>();
  for (let c = 1; c < email.dict.length; c++) {
    const v = email.dict[c]!;
    const l = v.slice(0, v.indexOf('@'));
    let code = codes.get(l);
    if (code === undefined) codes.set(l, (code = codes.size));
    localOf[c] = code;
  }
  return { localOf, count: codes.size };
}

/** Chance that two records with the same last name share their email / its local part. */
function emailChanceWithinSurname(
  t: RecordTable,
  members: number[],
  locals: LocalParts,
): { exact: number; local: number } | undefined {
  const email = t.columns[F.email]!;
  const last = t.columns[F.last]!.codes;
  // Counted over numeric keys: (last name), (last name, email), (last name, local part).
  const { localOf } = locals;
  let n = 0;
  for (const i of members) if (email.codes[i] !== 0 && last[i] !== 0) n++;
  const byLast = new Float64Array(n);
  const byEmail = new Float64Array(n);
  const byLocal = new Float64Array(n);
  const stride = Math.max(email.dict.length, locals.count) + 1;
  let k = 0;
  for (const i of members) {
    const e = email.codes[i]!;
    if (e === 0 || last[i] === 0) continue;
    byLast[k] = last[i]!;
    byEmail[k] = last[i]! * stride + e;
    byLocal[k++] = last[i]! * stride + localOf[e]!;
  }
  const pairs = orderedPairsSharingKey(byLast);
  if (pairs < 100) return undefined;
  const exact = orderedPairsSharingKey(byEmail);
  const local = orderedPairsSharingKey(byLocal);
  return { exact: exact / pairs, local: (local - exact) / pairs };
}

/** How many pairs have each pattern key (−1 = not compared), in order of first appearance. */
function patternCounts(keys: Float64Array): Map<number, number> {
  const ids = new NumberIds();
  const distinct: number[] = [];
  const n: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (key < 0) continue;
    const id = ids.idOf(key);
    if (id === n.length) {
      distinct.push(key);
      n.push(1);
    } else n[id]!++;
  }
  return new Map(distinct.map((key, id) => [key, n[id]!]));
}

/** Value-frequency chances of one model kind, from the table alone (no pairs needed). */
interface ValueChances {
  /** Per comparison: chance two members share the field's exact value (undefined: not estimated). */
  exact: Array<number | undefined>;
  within: { exact: number; local: number } | undefined;
}

function tableValueChances(
  t: RecordTable,
  kind: ModelKind,
  members: number[],
  locals: LocalParts,
): ValueChances {
  const exact = COMPARISONS[kind].map((def) => {
    const field = EXACT_SOURCE_FIELD[def.field];
    return field === undefined ? undefined : exactChance(t, F[field as FieldName], members);
  });
  return { exact, within: emailChanceWithinSurname(t, members, locals) };
}

export async function detectDuplicates(t: RecordTable, options: DetectOptions = {}): Promise<DetectResult> {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const progress = options.progress ?? (() => undefined);
  const checkpoint = options.checkpoint ?? (async () => undefined);
  const seconds: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    seconds[name] = (now - t0) / 1000;
    t0 = now;
  };

  // Random pairs of each kind for the u estimate. They do not depend on blocking: given their
  // own computer (a worker), they are compared while this thread builds the candidates;
  // otherwise in the same pass as the candidates, appended after them.
  const membersOf = new Map<ModelKind, number[]>();
  const randomRanges = new Map<ModelKind, { from: number; to: number }>();
  const sampled: Array<{ a: Int32Array; b: Int32Array }> = [];
  let randomCount = 0;
  for (const kind of MODEL_KINDS) {
    const members: number[] = [];
    for (let i = 0; i < t.n; i++) if (modelKindOf(t.kind[i]!) === kind) members.push(i);
    if (members.length < 2) continue;
    membersOf.set(kind, members);
    const r = sampleRandomPairs(kind, Int32Array.from(members), options.randomPairs ?? 30_000);
    randomRanges.set(kind, { from: randomCount, to: randomCount + r.a.length });
    sampled.push(r);
    randomCount += r.a.length;
  }
  /** `first` followed by the random pairs' side `side`. */
  const withRandom = (first: Int32Array, side: 'a' | 'b'): Int32Array => {
    const all = new Int32Array(first.length + randomCount);
    all.set(first);
    let at = first.length;
    for (const r of sampled) {
      all.set(r[side], at);
      at += r[side].length;
    }
    return all;
  };
  const early = options.computeRandomKeys?.(
    t,
    withRandom(new Int32Array(0), 'a'),
    withRandom(new Int32Array(0), 'b'),
  );
  early?.catch(() => undefined); // awaited after blocking; a failure surfaces there

  progress('blocking');
  const cand = buildCandidatePairs(t, options.blocking ?? DEFAULT_BLOCKING, (p) =>
    progress(`blocking: ${p}`),
  );
  lap('blocking');
  await checkpoint();

  const comparedInPhase = early ? cand.a.length : cand.a.length + randomCount;
  progress('comparing', 0, comparedInPhase);
  const compute = options.computeKeys ?? (async (tt, a, b) => computePatternKeys(tt, a, b));
  let keys: Float64Array;
  let randomKeys: Float64Array;
  const comparing = early
    ? compute(t, cand.a, cand.b)
    : compute(t, withRandom(cand.a, 'a'), withRandom(cand.b, 'b'));
  comparing.catch(() => undefined); // awaited just below; a failure surfaces there
  // While the workers compare: the parts of the u estimate that depend on the table alone.
  const valueChances = new Map<ModelKind, ValueChances>();
  const locals = localPartCodes(t.columns[F.email]!); // shared by the kinds
  for (const [kind, members] of membersOf)
    valueChances.set(kind, tableValueChances(t, kind, members, locals));
  if (early) {
    keys = await comparing;
    randomKeys = await early;
  } else {
    const all = await comparing;
    keys = all.subarray(0, cand.a.length);
    randomKeys = all.subarray(cand.a.length);
  }
  lap('comparing');
  await checkpoint();

  progress('estimating model');
  const counts = patternCounts(keys);
  const cmp = new Comparer(t);
  const models: Partial<Record<ModelKind, FsModel>> = {};
  for (const kind of MODEL_KINDS) {
    const members = membersOf.get(kind);
    const range = randomRanges.get(kind);
    if (!members || !range) continue;
    const r = {
      counts: levelCountsOfKeys(kind, randomKeys.subarray(range.from, range.to)),
      pairs: range.to - range.from,
    };
    const { exact, within } = valueChances.get(kind)!;
    const u = estimateU(kind, r.counts, exact);
    // E-mail addresses are built from names (hans.muster@…), so agreement on the email is far
    // more likely between namesakes than between random people: its u is taken among pairs
    // sharing the last name, the situation in which the email comparison actually decides.
    const e = COMPARISONS[kind].findIndex((d) => d.field === 'EMAIL1');
    if (e >= 0 && within) {
      const ue = u[e]!;
      const last = ue.length - 1;
      const exact = Math.max(ue[1]!, within.exact);
      const local = Math.max(ue[3]!, within.local);
      const edit = Math.max(ue[2]!, within.local);
      ue[last] = Math.max(0.01, ue[last]! - (exact - ue[1]!) - (local - ue[3]!) - (edit - ue[2]!));
      ue[1] = exact;
      ue[2] = edit;
      ue[3] = local;
    }
    models[kind] = fitModel(kind, counts, u, r.pairs);
  }
  const scorer = new PairScorer(t, models, thresholds);
  let vetoed = 0;
  for (const [key, count] of counts) if (scorer.pattern(key).vetoed) vetoed += count;
  lap('model');

  // Detected pairs, minus those a reviewer marked as not duplicates.
  const sel: number[] = [];
  let skipped = 0;
  const decided = options.notDuplicate;
  const pairProb = new Float64Array(keys.length);
  const pairWeight = new Float64Array(keys.length);
  const pairBand = new Uint8Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    if (keys[k]! < 0 || scorer.neverBanded(keys[k]!)) continue;
    const r = scorer.score(cand.a[k]!, cand.b[k]!, keys[k]!);
    if (r.band === 0) continue;
    pairProb[k] = r.probability;
    pairWeight[k] = r.weight;
    pairBand[k] = r.band;
    if (decided?.size) {
      const x = t.ids[cand.a[k]!]!;
      const y = t.ids[cand.b[k]!]!;
      if (decided.has(x < y ? `${x},${y}` : `${y},${x}`)) {
        skipped++;
        continue;
      }
    }
    sel.push(k);
  }
  const out: {
    a: Int32Array;
    b: Int32Array;
    prob: Float64Array;
    weight: Float64Array;
    band: Uint8Array;
    pattern: Float64Array;
  } = {
    a: new Int32Array(sel.length),
    b: new Int32Array(sel.length),
    prob: new Float64Array(sel.length),
    weight: new Float64Array(sel.length),
    band: new Uint8Array(sel.length),
    pattern: new Float64Array(sel.length),
  };
  sel.forEach((k, p) => {
    out.a[p] = cand.a[k]!;
    out.b[p] = cand.b[k]!;
    out.prob[p] = pairProb[k]!;
    out.weight[p] = pairWeight[k]!;
    out.band[p] = pairBand[k]!;
    out.pattern[p] = keys[k]!;
  });
  await checkpoint();

  progress('clustering');
  const levels = new Uint8Array(MAX_COMPARISONS);
  const cl = clusterPairs({
    n: t.n,
    a: out.a,
    b: out.b,
    prob: out.prob,
    // complete linkage at the review threshold: every member pair of a group is a duplicate
    chainMin: Math.max(CHAIN_MIN, thresholds.review),
    score: (x, y) => {
      const kind = modelKindOf(t.kind[x]!);
      if (!kind || kind !== modelKindOf(t.kind[y]!) || !models[kind]) return { probability: 0, vetoed: true };
      const xi = t.ids[x]!;
      const yi = t.ids[y]!;
      if (decided?.has(xi < yi ? `${xi},${yi}` : `${yi},${xi}`)) return { probability: 0, vetoed: true };
      cmp.compare(kind, x, y, levels, 0);
      const key = encodePattern(MODEL_KINDS.indexOf(kind), levels, COMPARISONS[kind].length, cmp.swapped);
      const r = scorer.score(x, y, key);
      return { probability: r.probability, vetoed: r.distinct };
    },
  });
  // Member pairs of a group that were not candidates themselves (A~B, B~C ⇒ A,C): scored too,
  // so every pair inside a group has its explanation.
  const direct = new Set<number>();
  for (let p = 0; p < sel.length; p++) direct.add(out.a[p]! * t.n + out.b[p]!);
  const implied: Array<[number, number, number]> = [];
  for (const members of cl.clusters) {
    if (members.length > MAX_IMPLIED_CLUSTER) continue;
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!;
        const j = members[y]!;
        if (direct.has(i * t.n + j)) continue;
        const kind = modelKindOf(t.kind[i]!)!;
        cmp.compare(kind, i, j, levels, 0);
        implied.push([
          i,
          j,
          encodePattern(MODEL_KINDS.indexOf(kind), levels, COMPARISONS[kind].length, cmp.swapped),
        ]);
      }
  }
  if (implied.length) {
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(arr: T, make: (n: number) => T): T => {
      const next = make(arr.length + implied.length);
      next.set(arr);
      return next;
    };
    out.a = grow(out.a, (n) => new Int32Array(n));
    out.b = grow(out.b, (n) => new Int32Array(n));
    out.prob = grow(out.prob, (n) => new Float64Array(n));
    out.weight = grow(out.weight, (n) => new Float64Array(n));
    out.band = grow(out.band, (n) => new Uint8Array(n));
    out.pattern = grow(out.pattern, (n) => new Float64Array(n));
    implied.forEach(([i, j, key], q) => {
      const r = scorer.score(i, j, key);
      const p = sel.length + q;
      out.a[p] = i;
      out.b[p] = j;
      out.prob[p] = r.probability;
      out.weight[p] = r.weight;
      out.band[p] = r.probability >= thresholds.sure && !scorer.pattern(key).vetoed ? BAND_SURE : BAND_REVIEW;
      out.pattern[p] = key;
    });
  }
  const clusterBand = new Uint8Array(cl.clusters.length);
  cl.minProb.forEach((p, c) => (clusterBand[c] = p >= thresholds.sure ? BAND_SURE : BAND_REVIEW));
  for (let p = 0; p < out.a.length; p++) {
    const c = cl.clusterOf[out.a[p]!]!;
    if (c >= 0 && c === cl.clusterOf[out.b[p]!] && out.band[p] === BAND_REVIEW) clusterBand[c] = BAND_REVIEW;
  }
  lap('clustering');

  let sure = 0;
  for (let p = 0; p < out.a.length; p++) if (out.band[p] === BAND_SURE) sure++;
  return {
    ...out,
    clusters: cl.clusters,
    clusterBand,
    clusterOf: cl.clusterOf,
    models,
    stats: {
      records: t.n,
      blocking: cand.stats,
      candidatePairs: cand.a.length,
      reductionRatio: cand.stats.reductionRatio,
      // pairs compared in this phase (the random pairs too unless compared during blocking)
      pairsPerSecond: seconds.comparing! > 0 ? Math.round(comparedInPhase / seconds.comparing!) : 0,
      sure,
      review: out.a.length - sure,
      impliedPairs: implied.length,
      vetoed,
      skippedByDecision: skipped,
      refusedJoins: cl.refusedJoins,
      seconds,
    },
  };
}

/** Per-field explanation of a pattern under the fitted model. */
export function explainPattern(models: Partial<Record<ModelKind, FsModel>>, key: number): FieldExplanation[] {
  const d = decodePattern(key);
  const model = models[d.kind];
  if (!model) return [];
  return model.comparisons.map((def, c) => {
    const l = d.levels[c]!;
    const swappedNote =
      d.swapped && (def.field === 'FIRSTNAME' || def.field === 'LASTNAME') ? ' (first/last swapped)' : '';
    return {
      field: def.field,
      comparison: def.method + swappedNote,
      level: def.levels[l]!,
      weight: Math.round(model.weights[c]![l]! * 100) / 100,
    };
  });
}
