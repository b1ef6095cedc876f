import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { makeContext } from '../checks/context';
import { checkRange, RANGE_SELECT, type BatchResult } from '../checks/raw-contact';
import { selectChecks } from '../checks/registry';

/**
 * Checks worker: reads the contacts of each id range it is given on its own read-only connection,
 * checks them and returns the findings as one flat value array. Reference data is loaded once,
 * when the worker starts.
 */
export interface ChecksWorkerData {
  dbPath: string;
  checks: string[];
  settings: Record<string, unknown>;
  indexes: Record<string, unknown>;
  today: string;
}
export interface ChecksBatchRequest {
  seq: number;
  after: number;
  upTo: number;
}
export type ChecksBatchReply = ({ seq: number } & BatchResult) | { seq: number; error: string };

const data = workerData as ChecksWorkerData;
const checks = selectChecks(data.checks);
const ctx = makeContext(checks, data.settings, data.indexes, new Date(data.today));
const db = new Database(data.dbPath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const read = db.prepare(RANGE_SELECT).raw(true);

parentPort!.on('message', (req: ChecksBatchRequest) => {
  try {
    const result = checkRange(read, checks, ctx, req.after, req.upTo);
    parentPort!.postMessage({ seq: req.seq, ...result } satisfies ChecksBatchReply);
  } catch (e) {
    parentPort!.postMessage({ seq: req.seq, error: (e as Error).message } satisfies ChecksBatchReply);
  }
});
