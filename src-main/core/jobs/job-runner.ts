import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import { AppError, toAppErrorData } from '../../../shared/errors';
import type { JobInfo, JobProgress, JobState } from '../../../shared/contract/jobs';

/** What a job body receives: its cancel signal and a throttled progress reporter. */
export interface JobContext {
  readonly jobId: string;
  readonly signal: AbortSignal;
  /** Reports progress; events are throttled to one per ~100 ms (the last one always goes out). */
  progress(phase: string, done: number, total?: number): void;
  /**
   * Yields to the event loop (so a cancel request can arrive) and throws AppError 'cancelled'
   * once the job was cancelled. Call it between batches.
   */
  checkpoint(): Promise<void>;
}

export interface JobEvents {
  progress: [JobProgress];
  finished: [
    {
      jobId: string;
      kind: string;
      state: JobState;
      result?: unknown;
      error?: { code: string; message: string };
    },
  ];
}

const PROGRESS_INTERVAL_MS = 100;

export interface StartedJob<T> {
  jobId: string;
  /** Settles when the job ends; rejects with AppError('cancelled') on cancel. */
  done: Promise<T>;
}

/**
 * Runs long operations as jobs: returns an id at once, streams throttled progress, supports
 * cancel, and records state in the workspace `jobs` table so a reloaded UI can see it.
 */
export class JobManager {
  readonly events = new EventEmitter<JobEvents>();
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly db?: Database) {}

  start<T>(
    kind: string,
    body: (ctx: JobContext) => Promise<T>,
    options: { signal?: AbortSignal } = {},
  ): StartedJob<T> {
    const jobId = randomUUID();
    const controller = new AbortController();
    if (options.signal) {
      if (options.signal.aborted) controller.abort();
      else options.signal.addEventListener('abort', () => controller.abort(), { once: true });
    }
    this.running.set(jobId, controller);
    this.db
      ?.prepare("INSERT INTO jobs(id, kind, state, started_at) VALUES (?, ?, 'running', ?)")
      .run(jobId, kind, new Date().toISOString());

    let last = 0;
    let pending: JobProgress | undefined;
    const emit = (p: JobProgress) => {
      last = Date.now();
      pending = undefined;
      this.events.emit('progress', p);
      this.persistProgress(p, jobId);
    };
    const ctx: JobContext = {
      jobId,
      signal: controller.signal,
      progress: (phase, done, total) => {
        const p: JobProgress = { jobId, kind, phase, done, total };
        if (Date.now() - last >= PROGRESS_INTERVAL_MS) emit(p);
        else pending = p;
      },
      checkpoint: async () => {
        await yieldToEventLoop();
        if (controller.signal.aborted) throw AppError.cancelled(kind);
      },
    };

    const done = (async () => {
      try {
        await yieldToEventLoop(); // the caller gets the id before any work happens
        if (controller.signal.aborted) throw AppError.cancelled(kind);
        const result = await body(ctx);
        if (pending) emit(pending);
        this.finish(jobId, kind, 'succeeded', result);
        return result;
      } catch (e) {
        const err = toAppErrorData(e);
        this.finish(jobId, kind, err.kind === 'cancelled' ? 'cancelled' : 'failed', undefined, err);
        throw e;
      } finally {
        this.running.delete(jobId);
      }
    })();
    // Callers that only follow events must not trigger an unhandled rejection.
    done.catch(() => undefined);
    return { jobId, done };
  }

  cancel(jobId: string): boolean {
    const c = this.running.get(jobId);
    if (!c) return false;
    c.abort();
    return true;
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  list(limit = 50): JobInfo[] {
    if (!this.db) return [];
    const rows = this.db.prepare('SELECT * FROM jobs ORDER BY started_at DESC LIMIT ?').all(limit) as Array<
      Record<string, unknown>
    >;
    return rows.map((r) => ({
      id: r.id as string,
      kind: r.kind as string,
      // A job still marked running but not in this process died with a previous run.
      state: r.state === 'running' && !this.running.has(r.id as string) ? 'failed' : (r.state as JobState),
      phase: r.phase as string,
      done: r.done as number,
      total: (r.total as number | null) ?? null,
      startedAt: r.started_at as string,
      finishedAt: (r.finished_at as string | null) ?? null,
      error: r.error_json ? (JSON.parse(r.error_json as string) as { code: string; message: string }) : null,
    }));
  }

  /**
   * Best effort: a job writing in a staged transaction on its own connection holds the write
   * lock, so recording progress must neither wait (busy_timeout would freeze the event loop)
   * nor fail the job. Progress events still go out; only the jobs-table copy is skipped.
   */
  private persistProgress(p: JobProgress, jobId: string): void {
    const db = this.db;
    if (!db) return;
    const timeout = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
    try {
      db.prepare('UPDATE jobs SET phase = ?, done = ?, total = ? WHERE id = ?').run(
        p.phase,
        p.done,
        p.total ?? null,
        jobId,
      );
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
    } finally {
      db.pragma(`busy_timeout = ${timeout}`);
    }
  }

  private finish(
    jobId: string,
    kind: string,
    state: JobState,
    result?: unknown,
    error?: { code: string; message: string },
  ): void {
    this.db
      ?.prepare('UPDATE jobs SET state = ?, finished_at = ?, error_json = ?, result_json = ? WHERE id = ?')
      .run(
        state,
        new Date().toISOString(),
        error ? JSON.stringify(error) : null,
        result === undefined ? null : safeJson(result),
        jobId,
      );
    this.events.emit('finished', { jobId, kind, state, result, error });
  }
}

function safeJson(v: unknown): string | null {
  try {
    return JSON.stringify(v);
  } catch {
    return null;
  }
}
