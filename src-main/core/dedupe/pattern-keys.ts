import { COMPARISONS, Comparer, MODEL_KINDS, modelKindOf } from './compare';
import { encodePattern, MAX_COMPARISONS } from './patterns';
import type { RecordTable } from './records';

/**
 * Comparison vectors of candidate pairs [from, to) as packed pattern keys. Runs in the dedupe
 * worker threads (and in-process for small workspaces and tests).
 */
export function computePatternKeys(
  t: RecordTable,
  a: Int32Array,
  b: Int32Array,
  from = 0,
  to = a.length,
  comparer = new Comparer(t),
): Float64Array {
  const out = new Float64Array(to - from);
  const levels = new Uint8Array(MAX_COMPARISONS);
  for (let k = from; k < to; k++) {
    const i = a[k]!;
    const j = b[k]!;
    const kind = modelKindOf(t.kind[i]!);
    if (!kind) {
      out[k - from] = -1;
      continue;
    }
    comparer.compare(kind, i, j, levels, 0);
    out[k - from] = encodePattern(
      MODEL_KINDS.indexOf(kind),
      levels,
      COMPARISONS[kind].length,
      comparer.swapped,
    );
  }
  return out;
}
