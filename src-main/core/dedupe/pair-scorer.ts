import type { ModelKind } from './compare';
import { scoreLevels, type FsModel, type PatternScore } from './model';
import { NumberIds } from './number-ids';
import { decodePattern } from './patterns';
import { F, type RecordTable } from './records';
import type { Thresholds } from './detect';

export const BAND_SURE = 1;
export const BAND_REVIEW = 2;

interface PatternInfo extends PatternScore {
  kind: ModelKind;
  /** Exact agreement on FIRSTNAME / LASTNAME (in place, not swapped): term-frequency adjusted. */
  firstExact: boolean;
  lastExact: boolean;
  /** Same postcode (locality levels 'postcode+town' or 'postcode'). */
  zipExact: boolean;
  /** u of exact agreement on first name, last name, postcode (for the adjustments; NaN: no such comparison). */
  uFirst: number;
  uLast: number;
  uZip: number;
  /** Weight with the largest term-frequency adjustments its exact agreements could add. */
  maxWeight: number;
}

export interface PairScore {
  weight: number;
  probability: number;
  /** 0 = not a duplicate, BAND_SURE or BAND_REVIEW. */
  band: number;
  /** A veto makes the pair distinct (clearly different people/structures). */
  distinct: boolean;
}

/** Bounds of the term-frequency adjustment (bits), so one name cannot decide alone. */
const TF_MIN = -6;
const TF_MAX = 3;

/**
 * Scores a pair: the pattern's Fellegi–Sunter weight plus term-frequency adjustments for exact
 * name agreement, as Splink does: agreeing on "Müller" (common) is weaker evidence than on
 * "Dafflon" (rare), adj = log2(u_exact / frequency of the value); likewise a postcode in a city
 * versus a village. Then bands and vetoes.
 */
export class PairScorer {
  // Pattern keys → their info: few thousand distinct keys, asked once per scored pair.
  private readonly patternIds = new NumberIds();
  private readonly patterns: PatternInfo[] = [];
  private readonly freq: Record<'first' | 'last' | 'zip', Float64Array>;
  /** The weight at which the probability 1 / (1 + 2^−w) reaches the review threshold. */
  private readonly reviewWeight: number;

  constructor(
    private readonly t: RecordTable,
    private readonly models: Partial<Record<ModelKind, FsModel>>,
    private readonly thresholds: Thresholds,
  ) {
    const count = (f: number) => {
      const c = t.columns[f]!;
      const out = new Float64Array(c.dict.length);
      for (let i = 0; i < t.n; i++) out[c.codes[i]!]!++;
      for (let k = 0; k < out.length; k++) out[k] = out[k]! / Math.max(1, t.n);
      return out;
    };
    this.freq = { first: count(F.first), last: count(F.last), zip: count(F.zip) };
    this.reviewWeight = Math.log2(thresholds.review / (1 - thresholds.review));
  }

  pattern(key: number): PatternInfo {
    const id = this.patternIds.idOf(key);
    if (id < this.patterns.length) return this.patterns[id]!;
    const d = decodePattern(key);
    const model = this.models[d.kind]!;
    const fi = model.comparisons.findIndex((c) => c.field === 'FIRSTNAME');
    const li = model.comparisons.findIndex((c) => c.field === 'LASTNAME');
    const zi = model.comparisons.findIndex((c) => c.field === 'ZIPCODE+TOWN');
    const uExact = (c: number) => (c >= 0 ? model.u[c]![1]! : NaN);
    const score = scoreLevels(model, d.levels);
    const firstExact = fi >= 0 && !d.swapped && d.levels[fi] === 1;
    const lastExact = li >= 0 && !d.swapped && d.levels[li] === 1;
    const zipExact = zi >= 0 && (d.levels[zi] === 1 || d.levels[zi] === 2);
    const p: PatternInfo = {
      ...score,
      kind: d.kind,
      firstExact,
      lastExact,
      zipExact,
      uFirst: uExact(fi),
      uLast: uExact(li),
      uZip: uExact(zi),
      maxWeight: score.weight + TF_MAX * (+firstExact + +lastExact + +zipExact),
    };
    this.patterns.push(p);
    return p;
  }

  /**
   * True when no pair with this pattern can get a band: even with the largest term-frequency
   * adjustments its probability stays below 'review' (the margin absorbs rounding). Most
   * candidate pairs are clear non-matches; they are skipped without being scored.
   */
  neverBanded(key: number): boolean {
    return this.pattern(key).maxWeight < this.reviewWeight - 1e-6;
  }

  /** Term-frequency adjustment of an exact agreement on a value of frequency `freq`. */
  private tf(uExact: number, freq: number): number {
    const adj = Math.log2(uExact / Math.max(freq, 1 / Math.max(1, this.t.n)));
    return Math.min(TF_MAX, Math.max(TF_MIN, adj));
  }

  score(i: number, j: number, key: number): PairScore {
    const p = this.pattern(key);
    let weight = p.weight;
    if (p.firstExact) weight += this.tf(p.uFirst, this.freq.first[this.t.columns[F.first]!.codes[i]!]!);
    if (p.lastExact) weight += this.tf(p.uLast, this.freq.last[this.t.columns[F.last]!.codes[i]!]!);
    // A shared postcode in a city says less than in a village (same term-frequency logic).
    if (p.zipExact) weight += this.tf(p.uZip, this.freq.zip[this.t.columns[F.zip]!.codes[i]!]!);
    void j; // exact agreement: both records hold the same value
    const probability = 1 / (1 + 2 ** -weight);
    // A clearly different first name, birthdate or structure name is never 'sure': a household
    // shares address and surname (twins even a birthdate). When their own email or phone also
    // differ (twins, father/son) — or two structure names differ — they are distinct.
    const distinct = p.vetoed && (p.contactDiffers || p.hardVeto) && !p.sharedContact;
    let band = 0;
    if (!distinct && p.vetoed) {
      // a clear disagreement is only outweighed by overwhelming agreement elsewhere
      band = probability >= this.thresholds.sure ? BAND_REVIEW : 0;
    } else if (!distinct && probability >= this.thresholds.review) {
      band = probability >= this.thresholds.sure ? BAND_SURE : BAND_REVIEW;
    }
    return { weight, probability, band, distinct };
  }
}
