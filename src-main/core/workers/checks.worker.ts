import { parentPort, workerData } from 'node:worker_threads';
import { checkContact, makeContext } from '../checks/context';
import { findingValues } from '../checks/findings-store';
import { contactFromRaw, type RawContact } from '../checks/raw-contact';
import { selectChecks } from '../checks/registry';

/**
 * Checks worker: receives batches of raw contacts, returns the findings as insert-ready value
 * arrays. Reference data is loaded once, when the worker starts.
 */
export interface ChecksWorkerData {
  checks: string[];
  settings: Record<string, unknown>;
  indexes: Record<string, unknown>;
  today: string;
}
export interface ChecksBatchRequest {
  seq: number;
  rows: RawContact[];
}
export type ChecksBatchReply = { seq: number; values: unknown[][] } | { seq: number; error: string };

const data = workerData as ChecksWorkerData;
const checks = selectChecks(data.checks);
const ctx = makeContext(checks, data.settings, data.indexes, new Date(data.today));

parentPort!.on('message', (req: ChecksBatchRequest) => {
  try {
    const values: unknown[][] = [];
    for (const raw of req.rows)
      for (const f of checkContact(checks, contactFromRaw(raw), ctx)) values.push(findingValues(f));
    parentPort!.postMessage({ seq: req.seq, values } satisfies ChecksBatchReply);
  } catch (e) {
    parentPort!.postMessage({ seq: req.seq, error: (e as Error).message } satisfies ChecksBatchReply);
  }
});
