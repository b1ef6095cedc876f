import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportSummary } from '../../../shared/contract/export';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { createDispatcher } from '../../../src-main/core/rpc/dispatcher';
import { exportHandlers } from '../../../src-main/core/rpc/export-handlers';
import { tempDir } from '../../helpers/temp-workspace';
import { GOLDEN_OPTIONS, goldenWorkspace } from './golden-workspace';

describe('export RPC', () => {
  it('export.write starts a job whose result is the export summary; export.validate checks the file', async () => {
    const ws = goldenWorkspace();
    const jobs = new JobManager(ws.db);
    const finished = new Promise<{ state: string; result?: unknown }>((resolve) =>
      jobs.events.on('finished', (e) => resolve(e)),
    );
    const dispatch = createDispatcher(exportHandlers({ ws, jobs }));
    const out = join(tempDir(), 'rpc.csv');
    const started = await dispatch('export.write', { ...GOLDEN_OPTIONS, out });
    expect(started).toMatchObject({ ok: true, result: { jobId: expect.any(String) } });
    const done = await finished;
    expect(done.state).toBe('succeeded');
    expect(done.result as ExportSummary).toMatchObject({ exported: 5, rejected: 3, out });
    expect(readFileSync(out, 'utf8')).toContain('DEMO,ORG1,INSERT,000123');
    const v = await dispatch('export.validate', { path: out });
    expect(v).toMatchObject({ ok: true, result: { valid: true, rows: 5 } });
  });

  it('rejects bad arguments before starting anything', async () => {
    const ws = goldenWorkspace();
    const dispatch = createDispatcher(exportHandlers({ ws, jobs: new JobManager(ws.db) }));
    await expect(dispatch('export.write', { out: '' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'rpc.bad-arguments' },
    });
  });
});
