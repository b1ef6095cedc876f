import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../workers/spawn';
import type { DedupeWorkerReply, DedupeWorkerRequest } from '../workers/dedupe.worker';
import type { KeyComputer } from './detect';
import { computePatternKeys } from './pattern-keys';
import { F, type RecordTable } from './records';

/** Fields compared on codes alone (exact): their dictionaries are not copied into workers. */
const CODE_ONLY = new Set<number>([F.mobile, F.phone, F.country, F.townComp]);

/** The table as sent to a worker: each worker holds its own copy of the dictionaries. */
function forWorkers(t: RecordTable): RecordTable {
  return { ...t, columns: t.columns.map((c, f) => (CODE_ONLY.has(f) ? { dict: [], codes: c.codes } : c)) };
}

/** Below this many candidate pairs, starting threads costs more than it saves. */
const MIN_PAIRS_FOR_WORKERS = 200_000;
/** Largest slice of pairs sent at once; smaller when that gives each thread several slices. */
const CHUNK = 250_000;
const SLICES_PER_THREAD = 4;

/**
 * Slice size for `pairs` on `threads` workers: several slices per thread so the threads finish
 * together (one 250k slice and one 140k slice would leave a core idle for a third of the time).
 */
export function sliceSize(pairs: number, threads: number): number {
  return Math.max(1, Math.min(CHUNK, Math.ceil(pairs / (threads * SLICES_PER_THREAD))));
}

/**
 * Computes pattern keys on `threads` worker threads (2 on this class of machine): chunks of
 * pairs are handed out as workers free up, so a slow chunk does not idle the other core.
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
  const minPairs = hooks.minPairs ?? MIN_PAIRS_FOR_WORKERS;
  return async (t, a, b) => {
    if (a.length === 0 || a.length < minPairs || threads < 1) return computePatternKeys(t, a, b);
    const workers: Worker[] = [];
    try {
      for (let w = 0; w < threads; w++) {
        const worker = spawnWorker('dedupe');
        worker.postMessage({ type: 'table', table: forWorkers(t) } satisfies DedupeWorkerRequest);
        workers.push(worker);
      }
      const out = new Float64Array(a.length);
      const chunk = sliceSize(a.length, threads);
      let next = 0;
      let done = 0;
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const abort = () => resolve(); // the job's next checkpoint throws 'cancelled'
              hooks.signal?.addEventListener('abort', abort, { once: true });
              const send = () => {
                if (next >= a.length || hooks.signal?.aborted) {
                  hooks.signal?.removeEventListener('abort', abort);
                  resolve();
                  return;
                }
                const from = next;
                const to = Math.min(a.length, from + chunk);
                next = to;
                worker.postMessage({
                  type: 'pairs',
                  seq: from,
                  a: a.slice(from, to),
                  b: b.slice(from, to),
                } satisfies DedupeWorkerRequest);
              };
              worker.on('message', (m: DedupeWorkerReply) => {
                if ('error' in m) return reject(new Error(m.error));
                out.set(m.keys, m.seq);
                done += m.keys.length;
                hooks.onChunk?.(done, a.length);
                send();
              });
              worker.on('error', reject);
              send();
            }),
        ),
      );
      return out;
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
}
