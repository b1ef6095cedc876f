import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/core/rpc/dispatcher';
import { mappingHandlers } from '../../../src-main/core/rpc/mapping-handlers';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { countContacts } from '../../../src-main/core/contacts/contact-store';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { seedSource } from '../../helpers/seed-source';

function setup() {
  const ws = tempWorkspace();
  const jobs = new JobManager(ws.db);
  const dispatch = createDispatcher(mappingHandlers({ ws, jobs }));
  const sourceId = seedSource(ws, {
    columns: ['Prénom', 'Nom', 'Courriel'],
    rows: [
      ['Claire', 'Dubois', 'claire@dubois.ch'],
      ['Marc', 'Favre', 'marc@favre.ch'],
    ],
  });
  const call = async (name: string, args: unknown) => {
    const r = await dispatch(name, args);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.result as never;
  };
  return { ws, jobs, dispatch, call, sourceId };
}

describe('mapping RPC', () => {
  it('suggests, previews, saves, applies as a job, numbers and exports a template', async () => {
    const { ws, jobs, call, sourceId } = setup();
    const s: { mapping: unknown; unmapped: string[] } = await call('mapping.suggest', { sourceId });
    expect(s.unmapped).toEqual([]);
    const preview: Array<{ data: unknown }> = await call('mapping.preview', {
      sourceId,
      mapping: s.mapping,
      limit: 1,
    });
    expect(preview).toEqual([
      {
        rowNumber: 2,
        data: { FIRSTNAME: 'Claire', LASTNAME: 'Dubois', EMAIL1: 'claire@dubois.ch' },
        problems: [],
      },
    ]);
    await call('mapping.save', { sourceId, mapping: s.mapping });
    expect(await call('mapping.get', { sourceId })).toMatchObject({ origin: 'user', unmapped: [] });
    const finished = new Promise((resolve) => jobs.events.once('finished', resolve));
    const { jobId }: { jobId: string } = await call('mapping.apply', { sourceId });
    expect(jobId).toBeTypeOf('string');
    expect(await finished).toMatchObject({ state: 'succeeded', result: { contacts: 2 } });
    expect(countContacts(ws.db)).toBe(2);
    await call('numbers.configure', { range: { start: 1, end: 99, width: 4 } });
    expect(await call('numbers.assign', {})).toMatchObject({ assigned: 2, first: '0001', last: '0002' });
    expect(await call('numbers.status', {})).toMatchObject({ highest: '0002', withoutNumber: 0 });
    const template: { format: string; columns: string[] } = await call('mapping.templateExport', {
      sourceId,
      name: 'FR',
    });
    expect(template).toMatchObject({
      format: 'contact-prep.mapping-template',
      columns: ['Prénom', 'Nom', 'Courriel'],
    });
    expect(await call('mapping.templateBind', { sourceId, template })).toMatchObject({ missing: [] });
  });

  it('lists the distinct values of a column with what a title value map makes of them', async () => {
    const { ws, call } = setup();
    const sourceId = seedSource(ws, {
      fileName: 'titles.csv',
      columns: ['Anrede'],
      rows: [['Herr'], ['Herr '], ['Frau'], ['Exzellenz'], ['']],
    });
    expect(
      await call('mapping.values', {
        sourceId,
        column: 'anrede',
        transform: { type: 'valueMap', preset: 'title' },
      }),
    ).toEqual({
      column: 'Anrede',
      distinct: 4,
      values: [
        { value: 'Herr', count: 2, mapped: 'MR' },
        { value: '', count: 1 },
        { value: 'Exzellenz', count: 1 },
        { value: 'Frau', count: 1, mapped: 'MRS' },
      ],
    });
  });

  it('validates arguments and turns refusals into coded errors', async () => {
    const { dispatch, sourceId } = setup();
    expect(await dispatch('contacts.setOperation', { contactIds: [1], operation: 'UPSERT' })).toMatchObject({
      ok: false,
      error: { code: 'rpc.bad-arguments' },
    });
    expect(await dispatch('mapping.apply', { sourceId })).toMatchObject({
      ok: false,
      error: { code: 'mapping.none' },
    });
    expect(
      await dispatch('mapping.save', {
        sourceId,
        mapping: { rules: [{ targets: ['EMAIL1'], sources: ['Mail'], transform: { type: 'trim' } }] },
      }),
    ).toMatchObject({ ok: false, error: { code: 'mapping.unknown-column' } });
  });
});
