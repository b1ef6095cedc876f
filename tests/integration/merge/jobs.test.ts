import { describe, expect, it } from 'vitest';
import { getContact } from '../../../src-main/core/contacts/contact-store';
import { mergeAllSureJob } from '../../../src-main/core/dedupe/merge-bulk';
import { matchExistingJob } from '../../../src-main/core/dedupe/reference-match';
import { loadReferenceSource } from '../../../src-main/core/dedupe/reference-match-store';
import { listHistory } from '../../../src-main/core/history/history';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { seedClusters, seedContact, seedSource } from './seed';

function setup() {
  const ws = tempWorkspace();
  const s = seedSource(ws, 'in.csv', '2026-11-20T00:00:00Z');
  const a = seedContact(ws, s, 2, { FIRSTNAME: 'Léa', LASTNAME: 'Dubois', EMAIL1: 'lea@dubois.fr' });
  const b = seedContact(ws, s, 3, { FIRSTNAME: 'Lea', LASTNAME: 'Dubois', EMAIL1: 'lea@dubois.fr' });
  seedClusters(ws, [{ band: 'sure', members: [a, b] }]);
  const ref = seedSource(ws, 'export.xlsx', '2026-11-01T00:00:00Z', 'reference');
  ws.db
    .prepare('UPDATE sources SET columns_json = ? WHERE id = ?')
    .run(
      JSON.stringify(
        ['CONTACT_NR', 'LASTNAME', 'EMAIL1'].map((name, index) => ({ index, name, originalName: name })),
      ),
      ref,
    );
  ws.db
    .prepare('INSERT INTO source_rows(source_id, row_number, cells_json) VALUES (?, 5, ?)')
    .run(ref, JSON.stringify(['42', 'Dubois', 'lea@dubois.fr']));
  loadReferenceSource(ws, ref);
  return { ws, a, b, jobs: new JobManager(ws.db) };
}

describe('merge and match as cancellable jobs', () => {
  it('cancelled bulk merge changes nothing', async () => {
    const { ws, a, b, jobs } = setup();
    const started = jobs.start('merge', (job) => mergeAllSureJob(ws, {}, job));
    jobs.cancel(started.jobId);
    await expect(started.done).rejects.toMatchObject({ code: 'cancelled' });
    expect(getContact(ws.db, b)!.status).toBe('active');
    expect(getContact(ws.db, a)!.status).toBe('active');
    expect(listHistory(ws.db)).toEqual([]);
  });

  it('cancelled existing-contact match changes nothing; an uncancelled one reports progress', async () => {
    const { ws, a, jobs } = setup();
    const started = jobs.start('match', (job) => matchExistingJob(ws, {}, job));
    jobs.cancel(started.jobId);
    await expect(started.done).rejects.toMatchObject({ code: 'cancelled' });
    expect(getContact(ws.db, a)!.operation).toBe('INSERT');
    const phases: string[] = [];
    jobs.events.on('progress', (p) => phases.push(p.phase));
    const r = await jobs.start('match', (job) => matchExistingJob(ws, {}, job)).done;
    expect(r).toMatchObject({ review: 2 }); // both rows match 42: merge them first
    expect(phases).toContain('Matching existing contacts');
  });
});
