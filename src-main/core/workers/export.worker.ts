import { parentPort, workerData } from 'node:worker_threads';
import { batchExporter, type BatchSpec, type ExportChunk, type RawExportRow } from '../export/export-batch';

/**
 * Export worker: builds and formats the rows of each batch of raw contacts it is sent (the export
 * thread reads them inside its read transaction) and returns the formatted chunk.
 */
export interface ExportBatchRequest {
  seq: number;
  rows: RawExportRow[];
}
export type ExportBatchReply = { seq: number; chunk: ExportChunk } | { seq: number; error: string };

const exportBatch = batchExporter(workerData as BatchSpec);

parentPort!.on('message', (req: ExportBatchRequest) => {
  try {
    const chunk = exportBatch(req.rows);
    // The CSV bytes are moved, not copied (the batch allocated their buffer for this chunk).
    const transfer = chunk.csv.byteLength > 0 ? [chunk.csv.buffer as ArrayBuffer] : [];
    parentPort!.postMessage({ seq: req.seq, chunk } satisfies ExportBatchReply, transfer);
  } catch (e) {
    parentPort!.postMessage({ seq: req.seq, error: (e as Error).message } satisfies ExportBatchReply);
  }
});
