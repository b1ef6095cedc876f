import { z } from 'zod';

/** Long operations (import, checks, dedupe, export, push) run as jobs: an id at once, then progress events. */
export type JobState = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobProgress {
  jobId: string;
  kind: string;
  phase: string;
  done: number;
  /** Unknown while streaming a file whose row count is not known yet. */
  total?: number;
}

export interface JobInfo {
  id: string;
  kind: string;
  state: JobState;
  phase: string;
  done: number;
  total: number | null;
  startedAt: string;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
}

export const jobsArgs = {
  'jobs.cancel': z.object({ jobId: z.string() }),
  'jobs.list': z.object({ limit: z.number().int().positive().max(1000).default(50) }),
};

export interface JobsResults {
  'jobs.cancel': { cancelled: boolean };
  'jobs.list': JobInfo[];
}
