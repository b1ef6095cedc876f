import { DedupeWorkerPool } from './dedupe-pool';
export { sliceSize } from './dedupe-pool';
import type { KeyComputer } from './detect';

/**
 * Computes pattern keys on `threads` worker threads (2 on this class of machine) started for
 * this one call: chunks of pairs are handed out as workers free up, so a slow chunk does not
 * idle the other core. A dedupe run shares one `DedupeWorkerPool` across its phases instead.
 */
export function workerKeyComputer(
  threads = 2,
  hooks: {
    onChunk?: (done: number, total: number) => void;
    signal?: AbortSignal;
    /** Fewer pairs are compared in-process (default 200k; 0 = always on workers). */
    minPairs?: number;
  } = {},
): KeyComputer {
  return async (t, a, b) => {
    const pool = new DedupeWorkerPool(threads);
    try {
      return await pool.keyComputer(hooks)(t, a, b);
    } finally {
      await pool.close();
    }
  };
}
