import { COMPARISONS, MODEL_KINDS, type ModelKind } from './compare';

/**
 * A comparison vector packed into one number: kind index, one octal digit per comparison
 * level, plus a flag digit (swapped names). Pairs with equal vectors score the same, so EM and
 * scoring work on the (few thousand) distinct patterns, not on millions of pairs.
 */
export const MAX_COMPARISONS = 10;
const FLAG_DIGIT = 8 ** MAX_COMPARISONS;
const KIND_DIGIT = FLAG_DIGIT * 2;

export function encodePattern(kindIndex: number, levels: Uint8Array, nc: number, swapped: boolean): number {
  let key = 0;
  let mul = 1;
  for (let c = 0; c < nc; c++) {
    key += levels[c]! * mul;
    mul *= 8;
  }
  return kindIndex * KIND_DIGIT + (swapped ? FLAG_DIGIT : 0) + key;
}

export interface DecodedPattern {
  kind: ModelKind;
  levels: number[];
  swapped: boolean;
}

export function decodePattern(key: number): DecodedPattern {
  const kindIndex = Math.floor(key / KIND_DIGIT);
  let rest = key - kindIndex * KIND_DIGIT;
  const swapped = rest >= FLAG_DIGIT;
  if (swapped) rest -= FLAG_DIGIT;
  const kind = MODEL_KINDS[kindIndex]!;
  const levels: number[] = [];
  for (let c = 0; c < COMPARISONS[kind].length; c++) {
    levels.push(rest % 8);
    rest = Math.floor(rest / 8);
  }
  return { kind, levels, swapped };
}

/** Counts of each distinct pattern (merged across workers). */
export type PatternCounts = Map<number, number>;

export function mergeCounts(into: PatternCounts, keys: ArrayLike<number>, values: ArrayLike<number>): void {
  for (let k = 0; k < keys.length; k++) into.set(keys[k]!, (into.get(keys[k]!) ?? 0) + values[k]!);
}
