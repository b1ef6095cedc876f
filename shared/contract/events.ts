import type { JobProgress, JobState } from './jobs';

/** Events pushed from engine to UI (SSE on the web host, IPC in Electron). */
export interface Events {
  'job.progress': JobProgress;
  'job.finished': {
    jobId: string;
    kind: string;
    state: JobState;
    result?: unknown;
    error?: { code: string; message: string };
  };
  'workspace.changed': { contactIds: number[] };
}

export type EventName = keyof Events;
