import { workerData } from 'node:worker_threads';
import { batchExporter, type BatchSpec, type ExportChunk, type ExportBatch } from '../export/export-batch';
import { serveBatches } from './batch-pool';

/**
 * Export worker: builds and formats the rows of each batch of contacts it is sent (the export
 * thread reads them, packed, inside its read transaction) and returns the formatted chunk.
 */

const exportBatch = batchExporter(workerData as BatchSpec);

serveBatches<ExportBatch, ExportChunk>(
  exportBatch,
  // The CSV bytes are moved, not copied (the batch allocated their buffer for this chunk).
  (chunk) => (chunk.csv.byteLength > 0 ? [chunk.csv.buffer as ArrayBuffer] : []),
);
