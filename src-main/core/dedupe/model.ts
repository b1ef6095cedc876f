import { COMPARISONS, type ComparisonDef, type ModelKind } from './compare';
import { decodePattern, type PatternCounts } from './patterns';

/**
 * Fellegi–Sunter model, estimated as Splink does: u (level frequencies among non-matches) from
 * random record pairs, m (among matches) and the match share λ by EM on the candidate pairs
 * with u held fixed. A weak Dirichlet prior (PRIOR_PAIRS pseudo-pairs) keeps tiny workspaces
 * (a handful of contacts) sensible; on real data the data dominate.
 * Match weight of a level = log2(m/u); 'missing' weighs 0.
 */
export interface FsModel {
  kind: ModelKind;
  comparisons: readonly ComparisonDef[];
  /** Share of true matches among candidate pairs. */
  lambda: number;
  m: number[][];
  u: number[][];
  /** log2(m/u) per comparison and level. */
  weights: number[][];
  iterations: number;
  /** Candidate pairs and random pairs the estimate used. */
  pairs: number;
  randomPairs: number;
}

const PRIOR_PAIRS = 20;
const MAX_LAMBDA = 0.1;

/** Prior m: most matches agree exactly, a few are close, very few disagree. */
function priorM(levels: number): number[] {
  const k = levels - 1; // without 'missing'
  const out = [0];
  if (k === 2) return [0, 0.95, 0.05];
  const middle = 0.12 / (k - 2);
  out.push(0.85);
  for (let l = 2; l < k; l++) out.push(middle);
  out.push(0.03);
  return out;
}

/** Prior u for exact agreement by chance, per field (rough population frequencies). */
const PRIOR_U_EXACT: Record<string, number> = {
  FIRSTNAME: 0.01,
  LASTNAME: 0.002,
  BIRTHDATE: 0.0001,
  EMAIL1: 0.00005,
  PHONE: 0.00005,
  LINE1: 0.0005,
  LINE2: 0.005,
  'ZIPCODE+TOWN': 0.002,
  OFFICIAL_NAME: 0.0005,
  ADDRESS_NAME: 0.005,
  TOWN_COMPLEMENT: 0.05,
  COUNTRY: 0.8,
};

function priorU(def: ComparisonDef): number[] {
  const k = def.levels.length - 1;
  const exact = PRIOR_U_EXACT[def.field] ?? 0.01;
  const out = [0, exact];
  let used = exact;
  for (let l = 2; l < k; l++) {
    const v = exact * 3 * (l - 1);
    out.push(v);
    used += v;
  }
  out.push(Math.max(0.01, 1 - used));
  return out;
}

/** Normalises counts (plus prior pseudo-counts) over levels 1..k. */
function normalise(counts: number[], prior: number[], strength: number): number[] {
  let total = 0;
  for (let l = 1; l < counts.length; l++) total += counts[l]! + strength * prior[l]!;
  return counts.map((c, l) => (l === 0 ? 1 : (c + strength * prior[l]!) / total));
}

/** u from the level counts of random pairs (arrays per comparison per level). */
export function estimateU(
  kind: ModelKind,
  randomCounts: number[][],
  exactChance?: ReadonlyArray<number | undefined>,
): number[][] {
  return COMPARISONS[kind].map((def, c) => {
    const u = normalise(randomCounts[c]!, priorU(def), PRIOR_PAIRS);
    // Exact agreement by chance is known exactly from value frequencies (Σ p_v²): a random
    // sample of 30k pairs cannot see a 1-in-30,000 coincidence such as a shared birthdate.
    const exact = exactChance?.[c];
    if (exact !== undefined && exact > 0) {
      const rest = 1 - u[1]!;
      const scale = rest > 0 ? (1 - exact) / rest : 0;
      return u.map((v, l) => (l === 0 ? 1 : l === 1 ? exact : v * scale));
    }
    return u;
  });
}

/** Field (record column) whose value frequencies give a comparison's exact-agreement chance. */
export const EXACT_SOURCE_FIELD: Record<string, string> = {
  FIRSTNAME: 'first',
  LASTNAME: 'last',
  BIRTHDATE: 'dob',
  EMAIL1: 'email',
  PHONE: 'mobile',
  LINE1: 'street',
  LINE2: 'line2',
  'ZIPCODE+TOWN': 'zip',
  OFFICIAL_NAME: 'org',
  ADDRESS_NAME: 'addrName',
  TOWN_COMPLEMENT: 'townComp',
  COUNTRY: 'country',
};

/**
 * EM training sessions, as Splink runs them: each session takes the candidate pairs that agree
 * exactly on some fields (≈ the pairs a blocking rule on those fields yields) and estimates m
 * only for the other comparisons. The session's own fields — and fields correlated with them
 * (postcode ↔ town, household ↔ street) — are left out of its likelihood: among pairs selected
 * for agreeing on them, their agreement says nothing about matching.
 */
const SESSIONS: Record<ModelKind, Array<{ on: string[]; skip: string[] }>> = {
  individual: [
    { on: ['BIRTHDATE'], skip: [] },
    { on: ['LASTNAME', 'ZIPCODE+TOWN'], skip: ['LINE1', 'LINE2'] },
    // e-mail addresses are often built from the name (hans.muster@…): correlated, left out
    { on: ['FIRSTNAME', 'LASTNAME'], skip: ['EMAIL1'] },
  ],
  // Relays: colleagues share the structure (and its address), so no session on it.
  relay: [
    { on: ['BIRTHDATE'], skip: [] },
    { on: ['FIRSTNAME', 'LASTNAME'], skip: ['EMAIL1'] },
  ],
  structure: [
    { on: ['OFFICIAL_NAME'], skip: ['ADDRESS_NAME'] },
    { on: ['ZIPCODE+TOWN', 'LINE1'], skip: ['LINE2', 'TOWN_COMPLEMENT', 'COUNTRY'] },
  ],
};

interface Pattern {
  levels: number[];
  count: number;
}

/** One EM run with u fixed; `free[c]` says which comparisons enter the likelihood. */
function emSession(
  comparisons: readonly ComparisonDef[],
  pats: Pattern[],
  u: number[][],
  free: boolean[],
  maxIterations: number,
): { m: number[][]; lambda: number; matchMass: number; iterations: number } {
  let m = comparisons.map((def) => priorM(def.levels.length));
  let lambda = 0.1;
  let total = 0;
  for (const p of pats) total += p.count;
  let it = 0;
  let matchTotal = 0;
  for (; it < maxIterations && total > 0; it++) {
    const mCounts = comparisons.map((def) => new Array<number>(def.levels.length).fill(0));
    matchTotal = 0;
    for (const p of pats) {
      let lm = lambda;
      let lu = 1 - lambda;
      for (let c = 0; c < comparisons.length; c++) {
        const l = p.levels[c]!;
        if (l === 0 || !free[c]) continue;
        lm *= m[c]![l]!;
        lu *= u[c]![l]!;
      }
      const w = (lm / (lm + lu)) * p.count;
      matchTotal += w;
      for (let c = 0; c < comparisons.length; c++) mCounts[c]![p.levels[c]!]! += w;
    }
    const nextLambda = Math.min(0.999, Math.max(1e-6, matchTotal / total));
    const next = comparisons.map((def, c) => normalise(mCounts[c]!, priorM(def.levels.length), PRIOR_PAIRS));
    let delta = Math.abs(nextLambda - lambda);
    for (let c = 0; c < next.length; c++)
      for (let l = 1; l < next[c]!.length; l++) delta = Math.max(delta, Math.abs(next[c]![l]! - m[c]![l]!));
    m = next;
    lambda = nextLambda;
    if (delta < 1e-5) break;
  }
  return { m, lambda, matchMass: matchTotal, iterations: it };
}

export function fitModel(
  kind: ModelKind,
  patterns: PatternCounts,
  u: number[][],
  randomPairs: number,
  maxIterations = 40,
): FsModel {
  const comparisons = COMPARISONS[kind];
  const index = new Map(comparisons.map((d, c) => [d.field, c]));
  const pats: Pattern[] = [];
  let total = 0;
  for (const [key, count] of patterns) {
    const d = decodePattern(key);
    if (d.kind !== kind) continue;
    pats.push({ levels: d.levels, count });
    total += count;
  }
  // m per comparison: match-mass-weighted mean over the sessions where it was free.
  const sums = comparisons.map((def) => new Array<number>(def.levels.length).fill(0));
  const mass = new Array<number>(comparisons.length).fill(0);
  let iterations = 0;
  for (const session of SESSIONS[kind]) {
    const on = session.on.map((f) => index.get(f)!);
    const chosen = pats.filter((p) => on.every((c) => p.levels[c] === 1));
    const free = comparisons.map((d) => !session.on.includes(d.field) && !session.skip.includes(d.field));
    const r = emSession(comparisons, chosen, u, free, maxIterations);
    iterations += r.iterations;
    if (r.matchMass <= 0) continue;
    comparisons.forEach((_, c) => {
      if (!free[c]) return;
      mass[c] += r.matchMass;
      r.m[c]!.forEach((v, l) => (sums[c]![l]! += v * r.matchMass));
    });
  }
  const m = comparisons.map((def, c) =>
    mass[c]! > 0 ? sums[c]!.map((v) => v / mass[c]!) : priorM(def.levels.length),
  );
  // Finally the match share among all candidate pairs, with m and u fixed.
  let lambda = 0.1;
  for (let it = 0; it < maxIterations && total > 0; it++) {
    let matchTotal = 0;
    for (const p of pats) {
      let lm = lambda;
      let lu = 1 - lambda;
      for (let c = 0; c < comparisons.length; c++) {
        const l = p.levels[c]!;
        if (l === 0) continue;
        lm *= m[c]![l]!;
        lu *= u[c]![l]!;
      }
      matchTotal += (lm / (lm + lu)) * p.count;
    }
    // Bounded: blocking yields several candidates per record while duplicates are a minority, so
    // a match share above 10 % means EM drifted to "same family/namesake" rather than "same person".
    const next = Math.min(MAX_LAMBDA, Math.max(1e-6, matchTotal / total));
    const done = Math.abs(next - lambda) < 1e-6;
    lambda = next;
    if (done) break;
  }
  const weights = comparisons.map((_, c) => m[c]!.map((mv, l) => (l === 0 ? 0 : Math.log2(mv / u[c]![l]!))));
  return { kind, comparisons, lambda, m, u, weights, iterations, pairs: total, randomPairs };
}

export interface PatternScore {
  /** Total match weight: log2 prior odds + field weights. */
  weight: number;
  probability: number;
  /** A veto level (clearly different first name, birthdate, structure name) is present. */
  vetoed: boolean;
  /** Email or phone agree exactly. */
  sharedContact: boolean;
  /** Email or phone are both present and differ. */
  contactDiffers: boolean;
  /** A hard veto level is present (different structure names). */
  hardVeto: boolean;
}

export function scoreLevels(model: FsModel, levels: readonly number[]): PatternScore {
  let weight = Math.log2(model.lambda / (1 - model.lambda));
  let vetoed = false;
  let sharedContact = false;
  let contactDiffers = false;
  let hardVeto = false;
  model.comparisons.forEach((def, c) => {
    const l = levels[c]!;
    weight += model.weights[c]![l]!;
    if (def.veto !== undefined && l === def.veto) {
      vetoed = true;
      if (def.hardVeto) hardVeto = true;
    }
    if (def.contact && l === 1) sharedContact = true;
    if (def.contact && l === def.levels.length - 1) contactDiffers = true;
  });
  return { weight, probability: 1 / (1 + 2 ** -weight), vetoed, sharedContact, contactDiffers, hardVeto };
}
