import { describe, expect, it } from 'vitest';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { dedupeHandlers } from '../../../src-main/core/rpc/dedupe-handlers';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { population } from './handmade-helpers';

describe('dedupe RPC handlers', () => {
  it('runs detection as a job, lists groups with explanations, stores thresholds and decisions', async () => {
    const ws = tempWorkspace();
    const jobs = new JobManager(ws.db);
    const ins = contactInserter(ws.db);
    for (const c of population()) ins({ data: c });
    const a = ins({
      data: {
        FIRSTNAME: 'Hans',
        LASTNAME: 'Müller',
        ZIPCODE: '8400',
        TOWN: 'Winterthur',
        BIRTHDATE: '03.04.1975',
      },
    });
    const b = ins({
      data: {
        FIRSTNAME: 'Hans',
        LASTNAME: 'Mueller',
        ZIPCODE: '8400',
        TOWN: 'Winterthur',
        BIRTHDATE: '1975-04-03',
      },
    });
    const h = dedupeHandlers({ ws, jobs });

    expect(await h['dedupe.thresholds.get']({})).toEqual({ sure: 0.99, review: 0.5 });
    await h['dedupe.thresholds.set']({ sure: 0.98, review: 0.6 });
    expect(await h['dedupe.thresholds.get']({})).toEqual({ sure: 0.98, review: 0.6 });
    await expect(h['dedupe.thresholds.set']({ sure: 0.5, review: 0.9 })).rejects.toThrow(/review ≤ sure/);

    const done = new Promise((resolve) => jobs.events.once('finished', resolve));
    const { jobId } = await h['dedupe.run']({ workers: 0 });
    expect(typeof jobId).toBe('string');
    await done;
    const list = await h['dedupe.clusters']({ limit: 10, offset: 0 });
    expect(list.total).toBe(1);
    const group = await h['dedupe.cluster']({ id: list.clusters[0]!.id });
    expect(group.memberIds).toEqual([a, b]);
    expect(group.pairs[0]!.explanation.map((e) => e.field)).toContain('LASTNAME');

    await h['dedupe.decide']({ a, b, decision: 'not-duplicate' });
    const again = new Promise((resolve) => jobs.events.once('finished', resolve));
    await h['dedupe.run']({ workers: 0 });
    await again;
    expect((await h['dedupe.clusters']({ limit: 10, offset: 0 })).total).toBe(0);
    await h['dedupe.decide']({ a, b, decision: null });
  });
});
