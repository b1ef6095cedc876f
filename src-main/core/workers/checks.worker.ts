import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import { makeContext } from '../checks/context';
import { checkRange, packBatch, RANGE_SELECT, type PackedBatch } from '../checks/raw-contact';
import { selectChecks } from '../checks/registry';
import { batchTimesAfterLoad } from '../checks/run-timings';
import { serveBatches } from './batch-pool';

/**
 * Checks worker: reads the contacts of each id range it is given on its own read-only connection,
 * checks them and returns the findings' values packed (each distinct value once, see
 * finding-batch.ts). Reference data is loaded once, when the worker starts.
 */
export interface ChecksWorkerData {
  dbPath: string;
  checks: string[];
  settings: Record<string, unknown>;
  indexes: Record<string, unknown>;
  today: string;
}
/** One batch: the active contacts with id in (after, upTo]. */
export interface ChecksRange {
  after: number;
  upTo: number;
}

const data = workerData as ChecksWorkerData;
const checks = selectChecks(data.checks);
const loadStarted = performance.now();
const ctx = makeContext(checks, data.settings, data.indexes, new Date(data.today));
const nextTimes = batchTimesAfterLoad(checks.length, performance.now() - loadStarted);
const db = new Database(data.dbPath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const read = db.prepare(RANGE_SELECT).raw(true);

serveBatches<ChecksRange, PackedBatch>(
  (r) => packBatch(checkRange(read, checks, ctx, r.after, r.upTo, nextTimes())),
  (batch) => [batch.values.refs.buffer as ArrayBuffer, batch.times.buffer as ArrayBuffer],
);
