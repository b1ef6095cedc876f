import { parentPort } from 'node:worker_threads';
import { Comparer } from '../dedupe/compare';
import { loadRecordChunks, type LoadChunks, type LoadedChunks } from '../dedupe/load-records';
import { computePatternKeys } from '../dedupe/pattern-keys';
import type { RecordTable } from '../dedupe/records';

/**
 * Dedupe worker. Loading: reads and normalises chunks of the active contacts from the back
 * while the main thread reads them from the front (see `LoadChunks`). Comparing: receives the
 * record table once (code arrays are SharedArrayBuffers, only the dictionaries are copied), then
 * slices of candidate pairs; replies with their pattern keys.
 */
export type DedupeWorkerRequest =
  | { type: 'load'; dbPath: string; chunks: LoadChunks }
  | { type: 'table'; table: RecordTable }
  | { type: 'pairs'; seq: number; a: Int32Array; b: Int32Array };
export type DedupeWorkerReply = { seq: number; keys: Float64Array } | { seq: number; error: string };
export type DedupeLoadReply = { loaded: LoadedChunks } | { error: string };

let table: RecordTable | undefined;
let comparer: Comparer | undefined;

parentPort!.on('message', (req: DedupeWorkerRequest) => {
  if (req.type === 'load') {
    try {
      const loaded = loadRecordChunks(req.dbPath, req.chunks);
      const { part } = loaded;
      const transfer = [
        part.ids.buffer,
        part.kinds.buffer,
        ...part.codes.map((c) => c.buffer),
        loaded.segments.buffer,
      ] as ArrayBuffer[];
      parentPort!.postMessage({ loaded } satisfies DedupeLoadReply, transfer);
    } catch (e) {
      parentPort!.postMessage({ error: (e as Error).message } satisfies DedupeLoadReply);
    }
    return;
  }
  if (req.type === 'table') {
    table = req.table;
    comparer = new Comparer(table);
    return;
  }
  try {
    if (!table || !comparer) throw new Error('dedupe worker: no record table received');
    const keys = computePatternKeys(table, req.a, req.b, 0, req.a.length, comparer);
    parentPort!.postMessage({ seq: req.seq, keys } satisfies DedupeWorkerReply, [keys.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ seq: req.seq, error: (e as Error).message } satisfies DedupeWorkerReply);
  }
});
