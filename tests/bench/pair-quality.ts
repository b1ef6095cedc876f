/**
 * Precision / recall / F1 of predicted duplicate pairs against a ground truth given as
 * record id → entity id (generated files: `id` → `entity_id`; FEBRL: `rec_id` → its `<N>`).
 * True pairs are all unordered pairs of records inside each entity; pair order does not matter.
 */
export interface PairQuality {
  truePairs: number;
  predictedPairs: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Number of unordered pairs inside every entity group. */
export function countTruePairs(truth: ReadonlyMap<string, string>): number {
  const sizes = new Map<string, number>();
  for (const entity of truth.values()) sizes.set(entity, (sizes.get(entity) ?? 0) + 1);
  let pairs = 0;
  for (const n of sizes.values()) pairs += (n * (n - 1)) / 2;
  return pairs;
}

export function pairQuality(
  predicted: Iterable<readonly [string, string]>,
  truth: ReadonlyMap<string, string>,
): PairQuality {
  const seen = new Set<string>();
  let correct = 0;
  for (const [a, b] of predicted) {
    if (a === b) continue;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ea = truth.get(a);
    if (ea !== undefined && ea === truth.get(b)) correct++;
  }
  const truePairs = countTruePairs(truth);
  const precision = seen.size === 0 ? 0 : correct / seen.size;
  const recall = truePairs === 0 ? 0 : correct / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs: seen.size, correct, precision, recall, f1 };
}
