import type { Database } from 'better-sqlite3';
import { countContacts } from '../contacts/contact-store';
import {
  FINDING_ROWS_COLUMNS,
  FINDING_TEMPLATES_COLUMNS,
  FINDINGS_INDEXES,
  FINDINGS_VIEW,
} from '../db/migrations/0007-compact-findings';
import type { Workspace } from '../db/workspace';
import type { JobContext } from '../jobs/job-runner';
import { BatchPool } from '../workers/batch-pool';
import type { ChecksRange, ChecksWorkerData } from '../workers/checks.worker';
import { loadCheckSettings, makeContext, prepareIndexes } from './context';
import { findingBulkInserter, type FindingTables } from './findings-store';
import {
  checkRange,
  FINDING_WIDTH,
  inThreadBatch,
  NEXT_BOUND_SELECT,
  RANGE_SELECT,
  type PackedBatch,
} from './raw-contact';
import { recheckContacts } from './recheck';
import { selectChecks } from './registry';
import { batchTimesAfterLoad, RunTimer, type RunTimings } from './run-timings';

export interface RunChecksOptions {
  /** Check names; all when omitted. */
  checks?: string[];
  /** Worker threads: 0 = in this thread. Default: 2, or 0 below 20,000 rows (spawning costs more). */
  workers?: number;
  batchSize?: number;
  today?: Date;
}

export interface RunChecksResult {
  rows: number;
  findings: number;
  seconds: number;
  checks: string[];
  /** Where the time went, per stage and per check (run-timings.ts). */
  timings: RunTimings;
}

const LAST_RUN_KEY = 'checks.lastRun';
/**
 * Young generation of a checks worker: a batch's parsed contacts, memo keys and findings all die
 * young. 1M rows, 4 alternating runs: 40.1–48.5 CPU-s at 160 MB against 46.0–51.3 at 64 MB, with
 * about the same peak RSS (1.1–1.3 GB either way); 256 MB gave no more.
 */
const CHECKS_YOUNG_GENERATION_MB = 160;
const STAGING: FindingTables = { rows: 'finding_rows_staging', templates: 'finding_templates_staging' };
const DROP_STAGING = `DROP TABLE IF EXISTS ${STAGING.rows}; DROP TABLE IF EXISTS ${STAGING.templates};`;

/**
 * The `checks.run` job: checks every active contact and replaces the findings table atomically.
 * Findings go to staging tables (committed batch by batch, so fixes stay possible meanwhile);
 * one final transaction swaps them in. Cancel or crash leaves the previous findings intact; rows
 * edited during the run are re-checked after the swap so their fresh findings are not lost.
 */
export async function runChecks(
  ws: Workspace,
  job: JobContext,
  options: RunChecksOptions = {},
): Promise<RunChecksResult> {
  const started = Date.now();
  const checks = selectChecks(options.checks);
  const today = options.today ?? new Date();
  // 1,500 rather than 4,000: less live data in each scavenge of a worker (1M rows, 5 alternating
  // runs: median 42.8 against 43.9 CPU-s, 4 of 5 pairs better).
  const batchSize = options.batchSize ?? 1500;
  const conn = ws.openJobConnection();
  const edited = new Set<number>();
  const onChange = (ids: number[]) => ids.forEach((id) => edited.add(id));
  ws.events.on('contacts.changed', onChange);
  let pool: BatchPool<ChecksRange, PackedBatch> | undefined;
  try {
    const total = countContacts(conn);
    job.progress('preparing', 0, total);
    const settings = loadCheckSettings(conn);
    const indexes = prepareIndexes(conn, checks, settings, { all: true }, today);
    conn.exec(
      `${DROP_STAGING} CREATE TABLE ${STAGING.rows} (${FINDING_ROWS_COLUMNS});
       CREATE TABLE ${STAGING.templates} (${FINDING_TEMPLATES_COLUMNS});`,
    );
    const timer = new RunTimer(checks.map((c) => c.name));
    const writeBatch = conn.transaction(findingBulkInserter(conn, STAGING));
    const workers = options.workers ?? (total < 20_000 ? 0 : 2);
    if (workers > 0)
      pool = new BatchPool<ChecksRange, PackedBatch>(
        'checks',
        workers,
        {
          dbPath: ws.path,
          checks: checks.map((c) => c.name),
          settings,
          indexes,
          today: today.toISOString(),
        } satisfies ChecksWorkerData,
        'Checks worker',
        CHECKS_YOUNG_GENERATION_MB,
      );
    const loadStarted = performance.now();
    const ctx = workers > 0 ? undefined : makeContext(checks, settings, indexes, today);
    const nextTimes = batchTimesAfterLoad(checks.length, performance.now() - loadStarted);

    const nextBound = conn.prepare(NEXT_BOUND_SELECT).pluck();
    const read = conn.prepare(RANGE_SELECT).raw(true);
    const inflight: Array<Promise<PackedBatch>> = [];
    let done = 0;
    let findings = 0;
    const drainOne = async () => {
      const result = await inflight.shift()!;
      timer.addBatch(result.times);
      timer.timeWriting('write', () => writeBatch(result.values));
      findings += result.values.refs.length / FINDING_WIDTH;
      done += result.rows;
      job.progress('checking', done, total);
      await job.checkpoint();
    };
    for (let after = 0; ;) {
      const upTo = nextBound.get(after, batchSize) as number | null;
      if (upTo == null) break;
      inflight.push(
        pool
          ? pool.submit({ after, upTo })
          : Promise.resolve(inThreadBatch(checkRange(read, checks, ctx!, after, upTo, nextTimes()))),
      );
      after = upTo;
      if (inflight.length >= (pool ? workers * 2 : 1)) await drainOne();
    }
    while (inflight.length) await drainOne();

    job.progress('saving', done, total);
    await job.checkpoint();
    const result: RunChecksResult = {
      rows: done,
      findings,
      seconds: (Date.now() - started) / 1000,
      checks: checks.map((c) => c.name),
      timings: timer.result(),
    };
    timer.timeWriting('swap', () => swapIn(conn, result, today));
    result.timings = timer.result();
    if (edited.size) recheckContacts(ws, [...edited], { today });
    return result;
  } finally {
    ws.events.off('contacts.changed', onChange);
    await pool?.close();
    if (conn.inTransaction) conn.exec('ROLLBACK');
    conn.exec(DROP_STAGING);
    conn.close();
  }
}

/**
 * The atomic replace: old findings out, staged findings in, indexes rebuilt, in one transaction.
 * The view goes first and comes back last: a rename checks every view of the schema, and the
 * view would name a table dropped a moment before.
 */
function swapIn(conn: Database, result: RunChecksResult, today: Date): void {
  conn.transaction(() => {
    conn.exec(`DROP VIEW findings; DROP TABLE finding_rows; DROP TABLE finding_templates;
      ALTER TABLE ${STAGING.rows} RENAME TO finding_rows;
      ALTER TABLE ${STAGING.templates} RENAME TO finding_templates;
      ${FINDINGS_INDEXES} ${FINDINGS_VIEW}`);
    conn
      .prepare(
        'INSERT INTO settings(key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
      )
      .run(
        LAST_RUN_KEY,
        JSON.stringify({ ...result, at: new Date().toISOString(), today: today.toISOString() }),
      );
  })();
}

/** Summary of the last completed run, or undefined when checks never ran. */
export function lastRun(ws: Workspace): (RunChecksResult & { at: string }) | undefined {
  return ws.getSetting(LAST_RUN_KEY);
}
