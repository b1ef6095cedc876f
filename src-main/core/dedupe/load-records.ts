import Database from 'better-sqlite3';
import type { ContactData, ContactKind } from '../../../shared/domain';
import type { JobContext } from '../jobs/job-runner';
import { DedupeWorkerPool } from './dedupe-pool';
import { RecordBuilder, type RecordPart, type RecordTable } from './records';

/**
 * Active contacts → normalised record table. Parsing the JSON and normalising every field is
 * most of the cost (~25 µs a contact), so large workspaces are read in two halves at once: this
 * thread the contacts before the median id, a dedupe worker those from it; the worker's part is
 * then appended in order, giving the very table one thread would have built.
 */

/** From this many active contacts on, a worker reads the second half (its start-up is ~0.1 s). */
export const PARALLEL_LOAD_MIN = 50_000;

const ROWS = "SELECT id, data, kind_override FROM contacts WHERE status = 'active'";

/** Adds the active contacts with fromId ≤ id < toId (toId null: no upper bound), in id order. */
export function readRecordRange(
  db: Database.Database,
  rb: RecordBuilder,
  fromId: number,
  toId: number | null,
  onRows?: (rows: number) => void,
): void {
  const stmt = db.prepare(`${ROWS} AND id >= ? ${toId === null ? '' : 'AND id < ?'} ORDER BY id`).raw();
  const args = toId === null ? [fromId] : [fromId, toId];
  let k = 0;
  for (const row of stmt.iterate(...args) as IterableIterator<[number, string, ContactKind | null]>) {
    rb.add(row[0], JSON.parse(row[1]) as ContactData, row[2]);
    if (++k % 50_000 === 0) onRows?.(k);
  }
}

/** Worker side: reads the active contacts from `fromId` on, through its own read-only connection. */
export function loadRecordPart(dbPath: string, fromId: number): RecordPart {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const rb = new RecordBuilder(1024);
    readRecordRange(db, rb, fromId, null);
    return rb.part();
  } finally {
    db.close();
  }
}

export interface LoadOptions {
  /** 'auto': a worker reads half the contacts from PARALLEL_LOAD_MIN on (file workspaces only). */
  parallel?: 'auto' | 'always' | 'never';
  /**
   * The run's worker threads: one of them reads the second half, and all of them are started
   * now so their start-up overlaps the load. Without it a thread is started for the load only.
   */
  pool?: DedupeWorkerPool;
}

export async function loadRecords(
  db: Database.Database,
  ctx?: JobContext,
  options: LoadOptions = {},
): Promise<RecordTable> {
  const total = (
    db.prepare("SELECT count(*) AS n FROM contacts WHERE status = 'active'").get() as { n: number }
  ).n;
  const parallel = options.parallel ?? 'auto';
  const onRows = (k: number) => ctx?.progress('loading contacts', k, total);
  const rb = new RecordBuilder(total);
  const canShare = !db.memory && db.name !== '' && total >= 2;
  if (!canShare || parallel === 'never' || (parallel === 'auto' && total < PARALLEL_LOAD_MIN)) {
    readRecordRange(db, rb, Number.MIN_SAFE_INTEGER, null, onRows);
    return rb.finish();
  }
  const median = (
    db
      .prepare(`SELECT id FROM contacts WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET ?`)
      .get(Math.floor(total / 2)) as { id: number }
  ).id;
  const pool = options.pool ?? new DedupeWorkerPool(1);
  try {
    pool.warm();
    const reply = pool.load(db.name, median);
    reply.catch(() => undefined); // awaited below, after this thread's half
    readRecordRange(db, rb, Number.MIN_SAFE_INTEGER, median, onRows);
    const part = await reply;
    rb.appendPart(part);
    ctx?.progress('loading contacts', total, total);
    return rb.finish();
  } finally {
    if (!options.pool) await pool.close();
  }
}
