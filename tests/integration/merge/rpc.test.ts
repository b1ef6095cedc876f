import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getContact } from '../../../src-main/core/contacts/contact-store';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { createDispatcher } from '../../../src-main/core/rpc/dispatcher';
import { mergeHandlers } from '../../../src-main/core/rpc/merge-handlers';
import { tempDir, tempWorkspace } from '../../helpers/temp-workspace';
import { seedClusters, seedContact, seedSource } from './seed';

function setup() {
  const ws = tempWorkspace();
  const jobs = new JobManager(ws.db);
  const dispatch = createDispatcher(mergeHandlers({ ws, jobs }));
  const s = seedSource(ws, 'in.csv', '2026-11-20T00:00:00Z');
  const a = seedContact(ws, s, 2, { FIRSTNAME: 'Léa', LASTNAME: 'Dubois', EMAIL1: 'lea@dubois.fr' });
  const b = seedContact(ws, s, 3, { FIRSTNAME: 'Lea', LASTNAME: 'Dubois', EMAIL1: 'lea.d@gmail.com' });
  const [cluster] = seedClusters(ws, [{ band: 'sure', members: [a, b] }]);
  /** Resolves with the job's result when it finishes. */
  const finished = () =>
    new Promise<unknown>((resolve) => jobs.events.once('finished', (e) => resolve(e.result ?? e.error)));
  return { ws, dispatch, a, b, cluster: cluster!, finished };
}

describe('merge RPC handlers', () => {
  it('dedupe.merge previews and applies; zod refuses clusterId together with contactIds', async () => {
    const { ws, dispatch, a, b, cluster } = setup();
    const preview = await dispatch('dedupe.merge', { clusterId: cluster, dryRun: true });
    expect(preview).toMatchObject({ ok: true, result: { applied: false, survivorId: a } });
    const bad = await dispatch('dedupe.merge', { clusterId: cluster, contactIds: [a, b] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'rpc.bad-arguments' } });
    const badPick = await dispatch('dedupe.merge', {
      contactIds: [a, b],
      picks: { EMAIL1: { contactId: 'x' } },
    });
    expect(badPick.ok).toBe(false);
    const done = await dispatch('dedupe.merge', {
      contactIds: [a, b],
      picks: { LASTNAME: { value: 'Dubois-Roy' } },
    });
    expect(done).toMatchObject({ ok: true, result: { applied: true } });
    expect(getContact(ws.db, a)!.data.LASTNAME).toBe('Dubois-Roy');
  });

  it('dedupe.mergeAllSure runs as a job and reports the bulk result', async () => {
    const { ws, dispatch, b, finished } = setup();
    const wait = finished();
    const r = await dispatch('dedupe.mergeAllSure', {});
    expect(r).toMatchObject({ ok: true, result: { jobId: expect.any(String) } });
    expect(await wait).toMatchObject({ merged: 1, applied: true });
    expect(getContact(ws.db, b)!.status).toBe('merged');
  });

  it('dedupe.matchExisting loads an export as a job; dedupe.matches lists the results', async () => {
    const { dispatch, a, finished } = setup();
    const path = join(tempDir(), 'export.csv');
    writeFileSync(
      path,
      'h1;;\nh2;;\nh3;;\nCONTACT_NR;FIRSTNAME;LASTNAME;EMAIL1\n77;Léa;Dubois;lea@dubois.fr\n',
    );
    const wait = finished();
    await dispatch('dedupe.matchExisting', { referencePath: path });
    expect(await wait).toMatchObject({ loads: [{ contacts: 1 }], sure: 1 });
    const listed = await dispatch('dedupe.matches', {});
    expect(listed).toMatchObject({
      ok: true,
      result: { total: 1, matches: [{ contactId: a, contactNr: '77', band: 'sure' }] },
    });
  });

  it('contacts.search finds contacts by a typo', async () => {
    const { dispatch, a } = setup();
    const r = await dispatch('contacts.search', { query: 'dubios', limit: 5 });
    expect(r).toMatchObject({ ok: true, result: [{ contactId: a }, {}] });
  });
});
