import { describe, expect, it } from 'vitest';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { tempWorkspace } from '../../helpers/temp-workspace';

describe('job runner', () => {
  it('returns an id before any work runs and reports the result', async () => {
    const jobs = new JobManager();
    let ran = false;
    const started = jobs.start('test', async () => {
      ran = true;
      return 42;
    });
    expect(typeof started.jobId).toBe('string');
    expect(ran).toBe(false);
    await expect(started.done).resolves.toBe(42);
  });

  it('cancels at the next checkpoint and reports the cancelled state', async () => {
    const ws = tempWorkspace();
    const jobs = new JobManager(ws.db);
    const finished: string[] = [];
    jobs.events.on('finished', (e) => finished.push(e.state));
    let batches = 0;
    let cancelRequested = false;
    const started = jobs.start('loop', async (ctx) => {
      for (;;) {
        batches += 1;
        // The cancel arrives from outside the job, through the event loop, while it keeps working
        // (a fixed timer would race with job start on a loaded machine).
        if (batches === 3 && !cancelRequested) {
          cancelRequested = true;
          setTimeout(() => jobs.cancel(started.jobId), 5);
        }
        await ctx.checkpoint();
      }
    });
    await expect(started.done).rejects.toMatchObject({ code: 'cancelled' });
    expect(batches).toBeGreaterThan(1);
    expect(finished).toEqual(['cancelled']);
    expect(jobs.list()[0]).toMatchObject({ kind: 'loop', state: 'cancelled' });
  });

  it('throttles progress events but always delivers the last one', async () => {
    const jobs = new JobManager();
    const events: number[] = [];
    jobs.events.on('progress', (p) => events.push(p.done));
    await jobs.start('p', async (ctx) => {
      for (let i = 1; i <= 1000; i++) ctx.progress('work', i, 1000);
    }).done;
    expect(events.length).toBeLessThan(10);
    expect(events[events.length - 1]).toBe(1000);
  });

  it('marks failed jobs with their error', async () => {
    const ws = tempWorkspace();
    const jobs = new JobManager(ws.db);
    const started = jobs.start('boom', async () => {
      throw new Error('disk full');
    });
    await expect(started.done).rejects.toThrow('disk full');
    expect(jobs.list()[0]).toMatchObject({ state: 'failed', error: { message: 'disk full' } });
  });
});
