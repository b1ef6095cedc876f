import type { Database } from 'better-sqlite3';
import { JobManager, type JobContext } from '../core/jobs/job-runner';
import type { CommandContext } from './command';
import { ProgressBar } from './progress-bar';

/**
 * Runs a core job from the CLI: progress bar on a TTY stderr, Ctrl-C cancels the job (which
 * rolls back, leaving the workspace unchanged) and the command then exits 1.
 */
export async function runCliJob<T>(
  ctx: CommandContext,
  kind: string,
  db: Database | undefined,
  body: (job: JobContext) => Promise<T>,
): Promise<T> {
  const jobs = new JobManager(db);
  const bar = new ProgressBar(ctx.err, ctx.interactive);
  jobs.events.on('progress', (p) => bar.update(p));
  const started = jobs.start(kind, body, { signal: ctx.signal });
  try {
    return await started.done;
  } finally {
    bar.clear();
  }
}
