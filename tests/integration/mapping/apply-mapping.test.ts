import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../../src-main/core/mapping/apply-mapping';
import { getSourceMapping, listMappingProblems } from '../../../src-main/core/mapping/mapping-store';
import { sampleSourceRows, suggestForSource } from '../../../src-main/core/mapping/suggest-source';
import { JobManager, type JobContext } from '../../../src-main/core/jobs/job-runner';
import { countContacts, iterateContacts } from '../../../src-main/core/contacts/contact-store';
import { applyOperation } from '../../../src-main/core/history/history';
import type { Workspace } from '../../../src-main/core/db/workspace';
import type { MappingInput } from '../../../shared/mapping/schema';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { seedSource } from '../../helpers/seed-source';

const HEADERS = ['Anrede', 'Vorname', 'Nachname', 'PLZ Ort', 'E-Mail', 'Geburtsdatum', 'Kundennr'];
const ROWS = [
  ['Herr', 'Hans', 'Müller', '8001 Zürich', 'hans@mueller.ch', '17.05.1980', '000123'],
  ['Frau', 'Anna', 'van der Berg', 'CH-1003 Lausanne', 'anna@berg.ch', '31.02.1975', ''],
  ['', '', '', '', '', '', ''],
];

function run<T>(ws: Workspace, body: (job: JobContext) => Promise<T>, jobs = new JobManager(ws.db)) {
  return jobs.start('mapping.apply', body).done;
}

function contacts(ws: Workspace) {
  return [...iterateContacts(ws.db, { status: 'all' })].flat();
}

describe('applyMapping', () => {
  it('creates one INSERT contact per non-empty row with provenance, problems and the saved mapping', async () => {
    const ws = tempWorkspace();
    const sourceId = seedSource(ws, { columns: HEADERS, rows: ROWS });
    const { mapping } = suggestForSource(ws.db, sourceId);
    const jobs = new JobManager(ws.db);
    const progress: number[] = [];
    jobs.events.on('progress', (p) => progress.push(p.done));
    const result = await run(
      ws,
      (job) => applyMapping(ws, sourceId, mapping, job, { origin: 'suggested' }),
      jobs,
    );
    expect(progress.at(-1)).toBe(3);
    expect(result).toMatchObject({ contacts: 2, skippedEmpty: 1, replaced: 0, problems: 1 });
    const [hans, anna] = contacts(ws);
    expect(hans!.data).toEqual({
      TITLE: 'MR',
      FIRSTNAME: 'Hans',
      LASTNAME: 'Müller',
      ZIPCODE: '8001',
      TOWN: 'Zürich',
      EMAIL1: 'hans@mueller.ch',
      BIRTHDATE: '17.05.1980',
      CONTACT_NR: '000123',
    });
    expect(hans!.operation).toBe('INSERT');
    expect(hans!.sourceId).toBe(sourceId);
    expect(anna!.data).toMatchObject({ COUNTRY: 'CH', TOWN: 'Lausanne' });
    expect(anna!.data).not.toHaveProperty('BIRTHDATE');
    expect(listMappingProblems(ws.db, { sourceId })).toEqual([
      expect.objectContaining({
        code: 'mapping.date-invalid',
        column: 'Geburtsdatum',
        value: '31.02.1975',
        rowNumber: 3,
        contactId: anna!.id,
      }),
    ]);
    expect(getSourceMapping(ws.db, sourceId)).toMatchObject({
      origin: 'suggested',
      appliedContacts: 2,
      mapping,
    });
  });

  it('leaves no contacts, problems or mapping when cancelled mid-way', async () => {
    const ws = tempWorkspace();
    const rows = Array.from({ length: 50 }, (_, i) => [
      'Herr',
      `P${i}`,
      `N${i}`,
      '8001 Zürich',
      `p${i}@x.ch`,
      '31.02.1975',
      String(i),
    ]);
    const sourceId = seedSource(ws, { columns: HEADERS, rows });
    const { mapping } = suggestForSource(ws.db, sourceId);
    const jobs = new JobManager(ws.db);
    let batches = 0;
    const started = jobs.start('mapping.apply', (job) =>
      applyMapping(
        ws,
        sourceId,
        mapping,
        {
          ...job,
          checkpoint: async () => {
            if (++batches === 2) jobs.cancel(job.jobId);
            await job.checkpoint();
          },
        },
        { batchSize: 10 },
      ),
    );
    await expect(started.done).rejects.toMatchObject({ code: 'cancelled' });
    expect(batches).toBe(2);
    expect(countContacts(ws.db, 'all')).toBe(0);
    expect(listMappingProblems(ws.db)).toEqual([]);
    expect(getSourceMapping(ws.db, sourceId)).toBeUndefined();
  });

  it('refuses to re-apply without replace, and replaces the previous contacts when asked', async () => {
    const ws = tempWorkspace();
    const sourceId = seedSource(ws, { columns: HEADERS, rows: ROWS });
    const { mapping } = suggestForSource(ws.db, sourceId);
    await run(ws, (job) => applyMapping(ws, sourceId, mapping, job));
    await expect(run(ws, (job) => applyMapping(ws, sourceId, mapping, job))).rejects.toMatchObject({
      code: 'mapping.contacts-exist',
      message: expect.stringMatching(/already has 2 contacts .* --replace/),
    });
    const again = await run(ws, (job) => applyMapping(ws, sourceId, mapping, job, { replace: true }));
    expect(again).toMatchObject({ contacts: 2, replaced: 2 });
    expect(countContacts(ws.db, 'active')).toBe(2);
    expect(countContacts(ws.db, 'removed')).toBe(2);
  });

  it('says clearly when re-applying would set edits aside, and needs discardEdits for it', async () => {
    const ws = tempWorkspace();
    const sourceId = seedSource(ws, { columns: HEADERS, rows: ROWS });
    const { mapping } = suggestForSource(ws.db, sourceId);
    await run(ws, (job) => applyMapping(ws, sourceId, mapping, job));
    const first = contacts(ws)[0]!;
    applyOperation(ws, { kind: 'edit', label: 'Fix name' }, [
      { contactId: first.id, attribute: 'FIRSTNAME', after: 'Hansi' },
    ]);
    await expect(
      run(ws, (job) => applyMapping(ws, sourceId, mapping, job, { replace: true })),
    ).rejects.toMatchObject({
      code: 'mapping.edits-exist',
      message: expect.stringContaining('1 of the 2 contacts of customers.csv were changed after mapping'),
    });
    const r = await run(ws, (job) =>
      applyMapping(ws, sourceId, mapping, job, { replace: true, discardEdits: true }),
    );
    expect(r.replaced).toBe(2);
  });

  it('moves a mapped OPERATION column into the contact operation and reports unknown values', async () => {
    const ws = tempWorkspace();
    const sourceId = seedSource(ws, {
      columns: ['Nr', 'Nom', 'Action'],
      rows: [
        ['1', 'A', 'update'],
        ['2', 'B', 'upsert'],
      ],
    });
    const mapping: MappingInput = {
      rules: [
        { targets: ['CONTACT_NR'], sources: ['Nr'], transform: { type: 'trim' } },
        { targets: ['LASTNAME'], sources: ['Nom'], transform: { type: 'trim' } },
        { targets: ['OPERATION'], sources: ['Action'], transform: { type: 'trim' } },
      ],
    };
    await run(ws, (job) => applyMapping(ws, sourceId, mapping, job));
    const [a, b] = contacts(ws);
    expect([a!.operation, b!.operation]).toEqual(['UPDATE', 'INSERT']);
    expect(a!.data).not.toHaveProperty('OPERATION');
    expect(listMappingProblems(ws.db)[0]).toMatchObject({
      code: 'mapping.operation-unknown',
      column: 'Action',
      value: 'upsert',
    });
  });

  it('records the problems of a row that creates no contact', async () => {
    const ws = tempWorkspace();
    const sourceId = seedSource(ws, { columns: ['Geburtsdatum'], rows: [['31.02.1980']] });
    const mapping: MappingInput = {
      rules: [{ targets: ['BIRTHDATE'], sources: ['Geburtsdatum'], transform: { type: 'dateFormat' } }],
    };
    expect(await run(ws, (job) => applyMapping(ws, sourceId, mapping, job))).toMatchObject({
      contacts: 0,
      skippedEmpty: 1,
      problems: 1,
    });
    expect(listMappingProblems(ws.db)).toEqual([
      expect.objectContaining({ code: 'mapping.date-invalid', contactId: null, rowNumber: 2 }),
    ]);
  });

  it('refuses an empty mapping instead of creating empty contacts', async () => {
    const ws = tempWorkspace();
    const sourceId = seedSource(ws, { columns: ['x'], rows: [['1']] });
    await expect(run(ws, (job) => applyMapping(ws, sourceId, { rules: [] }, job))).rejects.toMatchObject({
      code: 'mapping.empty',
    });
  });

  it('refuses to map a reference export into new contacts', async () => {
    const ws = tempWorkspace();
    const sourceId = seedSource(ws, { columns: ['CONTACT_NR'], rows: [['1']], role: 'reference' });
    await expect(
      run(ws, (job) =>
        applyMapping(
          ws,
          sourceId,
          { rules: [{ targets: ['CONTACT_NR'], sources: ['CONTACT_NR'], transform: { type: 'trim' } }] },
          job,
        ),
      ),
    ).rejects.toMatchObject({ code: 'mapping.reference-source' });
  });
});

describe('suggestion sample', () => {
  it('profiles rows spread over the whole source, not only its top', () => {
    const ws = tempWorkspace();
    // A file sorted so that the email column is empty in its first 1000 rows.
    const rows = Array.from({ length: 2000 }, (_, i) => [`N${i}`, i < 1000 ? '' : `p${i}@example.ch`]);
    const sourceId = seedSource(ws, { columns: ['Name', 'Col2'], rows });
    const sample = sampleSourceRows(ws.db, sourceId, 100);
    expect(sample).toHaveLength(100);
    expect(sample[0]).toEqual(['N0', '']);
    expect(sample.at(-1)![0]).toMatch(/^N19\d\d$/);
    expect(suggestForSource(ws.db, sourceId, 100).columns[1]!.suggestion?.key).toBe('EMAIL1');
  });
});
