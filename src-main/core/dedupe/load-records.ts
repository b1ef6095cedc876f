import Database from 'better-sqlite3';
import type { ContactData, ContactKind } from '../../../shared/domain';
import type { JobContext } from '../jobs/job-runner';
import { DedupeWorkerPool } from './dedupe-pool';
import { partRemap, RecordBuilder, type RecordPart, type RecordTable } from './records';

/**
 * Active contacts → normalised record table. Parsing the JSON and normalising every field is
 * most of the cost (~25 µs a contact), so large workspaces are read by two threads at once: this
 * one takes chunks of contacts from the front, a dedupe worker from the back (`LoadChunks`); the
 * worker's rows are then appended in id order, giving the very table one thread would have built.
 */

/** From this many active contacts on, a worker reads part of them (its start-up is ~0.1 s). */
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
  type Row = [number, string, ContactKind | null];
  // A bounded range is a chunk of a few thousand rows: fetched at once (cheaper than iterating)
  // and added field by field (see RecordBuilder.addMany); the open range goes in such batches too.
  const add = (rows: Row[]) =>
    rb.addMany(
      rows.map((r) => r[0]),
      rows.map((r) => JSON.parse(r[1]) as ContactData),
      rows.map((r) => r[2]),
    );
  if (toId !== null) {
    add(stmt.all(fromId, toId) as Row[]);
    return;
  }
  let batch: Row[] = [];
  let k = 0;
  for (const row of stmt.iterate(fromId) as IterableIterator<Row>) {
    batch.push(row);
    if (batch.length === LOAD_CHUNK_ROWS) {
      add(batch);
      batch = [];
    }
    if (++k % 50_000 === 0) onRows?.(k);
  }
  add(batch);
}

/**
 * How the load is shared: the id span of the active contacts is cut into chunks of about
 * LOAD_CHUNK_ROWS contacts; this thread takes chunks from the front, the worker from the back,
 * each claiming its next one with one atomic increment of `claims[0]`, until they meet. So
 * neither waits for the other (the worker starts later, and rows cost more in some parts).
 */
export interface LoadChunks {
  /** Chunk k holds the ids bounds[k] ≤ id < bounds[k + 1]. */
  bounds: Float64Array;
  /** Int32Array on a SharedArrayBuffer: chunks claimed so far, by both threads. */
  claims: Int32Array;
}

/** Contacts per chunk: small enough that the thread finishing last waits little. */
const LOAD_CHUNK_ROWS = 2_000;

/** Claims the next chunk: `nth` is how many this side has claimed before; undefined when none is left. */
function claimChunk(chunks: LoadChunks, side: 'front' | 'back', nth: number): number | undefined {
  const count = chunks.bounds.length - 1;
  if (Atomics.add(chunks.claims, 0, 1) >= count) return undefined;
  // every successful claim, by either side, takes one chunk: the front ones 0, 1, … and the
  // back ones count-1, count-2, …, so they never overlap and together cover all chunks
  return side === 'front' ? nth : count - 1 - nth;
}

/** A worker's share of the load: its rows (chunks in id order) and which chunk each run of rows is. */
export interface LoadedChunks {
  part: RecordPart;
  /** Triples [chunk, fromRow, toRow) into `part`, ascending chunk. */
  segments: Int32Array;
}

/** Worker side: claims chunks from the back until none is left, reading them through its own connection. */
export function loadRecordChunks(dbPath: string, chunks: LoadChunks): LoadedChunks {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const rb = new RecordBuilder(1024);
    const segments: number[][] = [];
    for (let nth = 0; ; nth++) {
      const k = claimChunk(chunks, 'back', nth);
      if (k === undefined) break;
      const from = rb.size;
      readRecordRange(db, rb, chunks.bounds[k]!, chunks.bounds[k + 1]!);
      segments.push([k, from, rb.size]);
    }
    // read back to front; the builder's rows are in reading order, the segments say where each chunk is
    segments.reverse();
    return { part: rb.part(), segments: Int32Array.from(segments.flat()) };
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
  /** Contacts per chunk when shared with a worker (default LOAD_CHUNK_ROWS; tests use small ones). */
  chunkRows?: number;
  /** Awaited before this thread claims its first chunk (tests: let the worker claim some first). */
  beforeOwnChunks?: (chunks: LoadChunks) => Promise<void>;
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
  const span = db
    .prepare("SELECT min(id) AS lo, max(id) AS hi FROM contacts WHERE status = 'active'")
    .get() as { lo: number; hi: number };
  const count = Math.max(2, Math.ceil(total / (options.chunkRows ?? LOAD_CHUNK_ROWS)));
  const bounds = new Float64Array(count + 1);
  for (let k = 0; k < count; k++) bounds[k] = span.lo + Math.floor(((span.hi - span.lo + 1) * k) / count);
  bounds[count] = span.hi + 1;
  const chunks: LoadChunks = { bounds, claims: new Int32Array(new SharedArrayBuffer(4)) };
  const pool = options.pool ?? new DedupeWorkerPool(1);
  try {
    const reply = pool.load(db.name, chunks);
    reply.catch(() => undefined); // awaited below, after this thread's chunks
    await options.beforeOwnChunks?.(chunks);
    let last = -1;
    for (let nth = 0; ; nth++) {
      const k = claimChunk(chunks, 'front', nth);
      if (k === undefined) break;
      readRecordRange(db, rb, bounds[k]!, bounds[k + 1]!);
      onRows(rb.size);
      last = k;
    }
    // the other threads start now, while this one waits for the worker's last chunk
    pool.warm();
    const theirs = await reply;
    // the loading thread is replaced (see DedupeWorkerPool): its successor starts now
    if (options.pool) pool.warm();
    const remap = partRemap(theirs.part);
    const seg = theirs.segments;
    for (let s = 0; s < seg.length; s += 3) {
      if (seg[s]! !== last + 1) throw new Error(`dedupe load: chunk ${last + 1} missing`);
      rb.appendPart(theirs.part, seg[s + 1]!, seg[s + 2]!, remap);
      last = seg[s]!;
    }
    if (last !== count - 1) throw new Error(`dedupe load: chunks after ${last} missing`);
    ctx?.progress('loading contacts', total, total);
    return rb.finish();
  } finally {
    if (!options.pool) await pool.close();
  }
}
