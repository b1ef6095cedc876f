import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/core/rpc/dispatcher';
import { checksHandlers } from '../../../src-main/core/rpc/checks-handlers';
import { historyHandlers } from '../../../src-main/core/rpc/history-handlers';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { seedContacts } from './helpers';

describe('checks RPC handlers', () => {
  it('runs checks as a job, queries findings, fixes one and undoes it with findings following', async () => {
    const ws = tempWorkspace();
    const [id] = seedContacts(ws, [{ EMAIL1: 'Anna@Bluewin.ch', COUNTRY: 'CH' }]);
    const jobs = new JobManager(ws.db);
    const dispatch = createDispatcher({ ...checksHandlers({ ws, jobs }), ...historyHandlers(ws) });
    const finished = new Promise((resolve) => jobs.events.once('finished', resolve));
    const run = await dispatch('checks.run', {});
    expect(run.ok).toBe(true);
    await finished;
    const facets = (await dispatch('findings.facets', {})) as { ok: true; result: { total: number } };
    expect(facets.result.total).toBe(1);
    const page = (await dispatch('findings.query', { code: 'email.case-whitespace' })) as {
      ok: true;
      result: Array<{ id: number; rowId: number }>;
    };
    expect(page.result[0]?.rowId).toBe(id);
    const preview = (await dispatch('findings.previewFixCode', { code: 'email.case-whitespace' })) as {
      ok: true;
      result: { rows: number };
    };
    expect(preview.result.rows).toBe(1);
    expect((await dispatch('findings.applyFix', { findingId: page.result[0]!.id })).ok).toBe(true);
    expect(((await dispatch('findings.facets', {})) as { result: { total: number } }).result.total).toBe(0);
    await dispatch('history.undo', {});
    expect(((await dispatch('findings.facets', {})) as { result: { total: number } }).result.total).toBe(1);
    const score = (await dispatch('score.workspace', {})) as { ok: true; result: { score: number } };
    expect(score.result.score).toBe(1); // a case problem is a warning, not an error
    expect((await dispatch('findings.query', { severity: 'fatal' })).ok).toBe(false);
    expect((await dispatch('contacts.editField', { contactId: id, field: 'EMAIL1', value: 'x' })).ok).toBe(
      true,
    );
    const after = (await dispatch('findings.query', { contactId: id })) as {
      result: Array<{ code: string }>;
    };
    expect(after.result.map((f) => f.code)).toEqual(['email.syntax']);
    const set = (await dispatch('checks.setSettings', {
      defaultCountry: 'de',
      staleRules: [{ field: 'REMARK', olderThanYears: 3 }],
    })) as {
      ok: true;
      result: { defaultCountry: string };
    };
    expect(set.result.defaultCountry).toBe('DE');
    expect((await dispatch('checks.setSettings', { staleRules: [{ field: 'REMARK' }] })).ok).toBe(false);
  });
});
