import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportOptions } from '../../../shared/contract/import';
import { readCsvInto } from '../../../src-main/core/import/csv-import';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { DATA, storedRows, workspaceState, writeTemp } from './import-helpers';

const hooks = { progress: () => undefined, checkpoint: async () => undefined };

/** Imports with the given parse mode inside one transaction and returns what was stored. */
async function importWith(parallel: 'always' | 'never', file: string, options: ImportOptions = {}) {
  const ws = tempWorkspace();
  ws.db.exec('BEGIN');
  const { sources } = await readCsvInto(ws.db, file, options, hooks, parallel);
  ws.db.exec('COMMIT');
  const { id, ...summary } = sources[0]!;
  return { summary, rows: storedRows(ws, id) };
}

describe('parsing CSV on a second core', () => {
  const files: Array<[string, ImportOptions]> = [
    ['csv/frictionless-py/issue-811.csv', {}],
    ['csv/messytables/excel_pasting.csv', {}],
    ['csv/csvkit/bad.csv', {}],
    ['csv/node-csv/411.csv', { headerRow: 1 }],
    ['csv/csv-spectrum/csvs/newlines_crlf.csv', {}],
  ];
  for (const [file, options] of files) {
    it(`stores exactly the same rows, columns and warnings as the single-thread path (${file})`, async () => {
      const single = await importWith('never', join(DATA, file), options);
      const parallel = await importWith('always', join(DATA, file), options);
      expect(parallel).toEqual(single);
    }, 30_000);
  }

  it('passes the parser errors through with their message and stores nothing', async () => {
    const ws = tempWorkspace();
    ws.db.exec('BEGIN');
    await expect(
      readCsvInto(ws.db, writeTemp('h.csv', 'a\n1\n'), { headerRow: 7 }, hooks, 'always'),
    ).rejects.toMatchObject({ code: 'import.header-row-out-of-range', kind: 'user' });
    ws.db.exec('ROLLBACK');
    expect(workspaceState(ws)).toEqual({ sources: 0, rows: 0, warnings: 0 });
  }, 30_000);

  it('stops the worker when the job is cancelled between batches', async () => {
    const lines = ['id,name'];
    for (let i = 0; i < 100_000; i++) lines.push(`${i},Name ${i}`);
    const ws = tempWorkspace();
    ws.db.exec('BEGIN');
    let batches = 0;
    const cancelling = {
      progress: () => undefined,
      checkpoint: async () => {
        if (++batches === 2) throw new Error('cancelled by test');
      },
    };
    await expect(
      readCsvInto(ws.db, writeTemp('c.csv', lines.join('\n')), {}, cancelling, 'always'),
    ).rejects.toThrow('cancelled by test');
    ws.db.exec('ROLLBACK');
    expect(workspaceState(ws)).toEqual({ sources: 0, rows: 0, warnings: 0 });
  }, 30_000);
});
