import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { listFindings, findingFacets } from '../../../src-main/core/checks/findings-store';
import { attachAutoRecheck, recheckContacts } from '../../../src-main/core/checks/recheck';
import { lastRun, runChecks } from '../../../src-main/core/checks/run-checks';
import { applyFixCode } from '../../../src-main/core/checks/fixes';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { applyOperation, undo, redo } from '../../../src-main/core/history/history';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { codesOf, runChecksJob, seedContacts, TODAY } from './helpers';

describe('checks.run', () => {
  it('writes findings for dirty rows and none for clean rows', async () => {
    const ws = tempWorkspace();
    const [clean, dirty] = seedContacts(ws, [
      { LASTNAME: 'Muster', COUNTRY: 'CH' },
      { LASTNAME: 'Dupont', COUNTRY: 'Suisse' },
    ]);
    const result = await runChecksJob(ws, { workers: 0 });
    expect(result.rows).toBe(2);
    expect(codesOf(ws, clean)).toEqual([]);
    expect(codesOf(ws, dirty)).toContain('country.not-iso');
    expect(lastRun(ws)?.rows).toBe(2);
  });

  it('gives the same findings with two worker threads as in-process', async () => {
    const ws = tempWorkspace();
    const rows = Array.from({ length: 300 }, (_, i) => ({
      LASTNAME: `N${i}`,
      COUNTRY: ['CH', 'Schweiz', 'Mars', 'UK'][i % 4]!,
    }));
    seedContacts(ws, rows);
    await runChecksJob(ws, { workers: 0, batchSize: 50 });
    const inline = codesOf(ws);
    await runChecksJob(ws, { workers: 2, batchSize: 50 });
    expect(codesOf(ws)).toEqual(inline);
    expect(inline.length).toBeGreaterThan(200);
  });

  it('says where the time went, per stage and per check, in workers and in-thread alike', async () => {
    const ws = tempWorkspace();
    seedContacts(
      ws,
      Array.from({ length: 400 }, (_, i) => ({
        LASTNAME: `N${i}`,
        COUNTRY: 'Schweiz',
        TELEPHONE: '021 613 21 11',
      })),
    );
    for (const workers of [0, 2]) {
      const r = await runChecksJob(ws, { workers, batchSize: 100, checks: ['country', 'phone'] });
      expect(Object.keys(r.timings.checks)).toEqual(['country', 'phone']);
      expect(r.timings.checks.phone).toBeGreaterThanOrEqual(0);
      // Every stage is a sum of measured intervals; reading, parsing and writing always happen.
      const { checking, writing } = r.timings;
      for (const ms of [...Object.values(checking), writing.write, writing.swap])
        expect(Number.isFinite(ms) && ms >= 0).toBe(true);
      expect(checking.read + checking.parse + writing.write + writing.swap).toBeGreaterThan(0);
      if (workers === 0) expect(checking.pack).toBe(0); // nothing is copied to another thread
    }
  });

  it('keeps the previous findings when the run is cancelled', async () => {
    const ws = tempWorkspace();
    seedContacts(
      ws,
      Array.from({ length: 50 }, () => ({ COUNTRY: 'Schweiz' })),
    );
    await runChecksJob(ws, { workers: 0 });
    ws.db.prepare('UPDATE contacts SET data = \'{"COUNTRY":"Mars"}\'').run();
    const jobs = new JobManager(ws.db);
    const controller = new AbortController();
    const started = jobs.start(
      'checks.run',
      async (job) => {
        const p = runChecks(ws, job, { workers: 0, batchSize: 10, today: TODAY });
        controller.abort();
        return p;
      },
      { signal: controller.signal },
    );
    await expect(started.done).rejects.toBeInstanceOf(AppError);
    expect(findingFacets(ws.db).byCode).toEqual([
      { code: 'country.not-iso', severity: 'warning', count: 50, fixable: 50 },
    ]);
    const staging = ws.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%staging%'").get();
    expect(staging).toBeUndefined();
  });

  it('lists findings with paging and facets', async () => {
    const ws = tempWorkspace();
    seedContacts(ws, [{ COUNTRY: 'Mars' }, { COUNTRY: 'Suisse' }, { COUNTRY: 'Deutschland' }]);
    await runChecksJob(ws, { workers: 0 });
    const facets = findingFacets(ws.db);
    expect(facets.total).toBe(3);
    expect(facets.bySeverity.find((s) => s.severity === 'error')?.count).toBe(1);
    const first = listFindings(ws.db, {}, { limit: 2 });
    const next = listFindings(ws.db, {}, { limit: 2, afterId: first[1]!.id });
    expect(first).toHaveLength(2);
    expect(next).toHaveLength(1);
    expect(listFindings(ws.db, { code: 'country.unknown' })[0]?.params).toEqual({ value: 'Mars' });
  });
});

describe('re-check after edits', () => {
  it('refreshes findings of an edited row, and again on undo and redo', async () => {
    const ws = tempWorkspace();
    const [id] = seedContacts(ws, [{ COUNTRY: 'Schweiz' }]);
    await runChecksJob(ws, { workers: 0 });
    attachAutoRecheck(ws, { today: TODAY });
    expect(codesOf(ws, id)).toEqual(['country.not-iso']);
    applyOperation(ws, { kind: 'edit', label: 'Edit country' }, [
      { contactId: id!, attribute: 'COUNTRY', after: 'CH' },
    ]);
    expect(codesOf(ws, id)).toEqual([]);
    undo(ws);
    expect(codesOf(ws, id)).toEqual(['country.not-iso']);
    redo(ws);
    expect(codesOf(ws, id)).toEqual([]);
  });

  it('re-checks a bulk fix larger than one re-check chunk', async () => {
    const ws = tempWorkspace();
    seedContacts(
      ws,
      Array.from({ length: 6000 }, (_, i) => ({ COUNTRY: i % 2 ? 'Schweiz' : 'Suisse' })),
    );
    await runChecksJob(ws);
    expect(codesOf(ws)).toHaveLength(6000);
    attachAutoRecheck(ws, { today: TODAY });
    applyFixCode(ws, 'country.not-iso');
    expect(codesOf(ws)).toEqual([]);
    undo(ws);
    expect(codesOf(ws)).toHaveLength(6000);
  });

  it('drops the findings of a removed contact', async () => {
    const ws = tempWorkspace();
    const [id] = seedContacts(ws, [{ COUNTRY: 'Mars' }]);
    await runChecksJob(ws, { workers: 0 });
    ws.db.prepare("UPDATE contacts SET status = 'removed'").run();
    recheckContacts(ws, [id!]);
    expect(codesOf(ws)).toEqual([]);
  });
});
