import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArgs } from '../../../shared/contract/import';
import { previewFile } from '../../../src-main/core/import/preview';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { importHandlers } from '../../../src-main/core/rpc/import-handlers';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { DATA, workspaceState, writeTemp } from './import-helpers';

describe('previewFile', () => {
  it('shows the detected settings and the first rows of a CSV exactly as the import stores them', async () => {
    const p = await previewFile(join(DATA, 'csv/frictionless-py/issue-811.csv'), {}, 3);
    expect(p).toMatchObject({
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      quoteChar: '"',
      headerRow: 1,
      sheets: [],
    });
    expect(p.rows.map((r) => r.rowNumber)).toEqual([4, 5, 6]);
    expect(p.rows[0]!.cells.slice(0, 4)).toEqual(['01', '201', '001', ' 001 ']);
    expect(p.columns).toHaveLength(26);
  });

  it('lists the sheets of a workbook with their visibility and previews the chosen one', async () => {
    const p = await previewFile(join(DATA, 'xlsx/calamine/any_sheets.xlsx'));
    expect(p.sheets).toEqual([
      { name: 'Visible', state: 'visible', kind: 'worksheet' },
      { name: 'Hidden', state: 'hidden', kind: 'worksheet' },
      { name: 'VeryHidden', state: 'veryHidden', kind: 'worksheet' },
      { name: 'Chart', state: 'visible', kind: 'chartsheet' },
    ]);
    expect(p.sheet).toBe('Visible');
    const data = await previewFile(join(DATA, 'xlsx/csvkit/sheets.xlsx'), { sheet: 'data' }, 2);
    expect(data.rows.map((r) => r.cells[0])).toEqual(['Chicago Reader', 'Chicago Sun-Times']);
  });

  it('applies the user options (header row) and gives the same clear errors as the import', async () => {
    const p = await previewFile(join(DATA, 'csv/messytables/excel_pasting.csv'), { headerRow: 4 }, 1);
    expect(p.columns[0]).toBe('Year');
    await expect(
      previewFile(writeTemp('old.xls', Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(600), 'hex'))),
    ).rejects.toThrow(/save it as \.xlsx or CSV/);
  });
});

describe('import RPC handlers', () => {
  it('validates arguments, previews without touching the workspace, and imports as a job', async () => {
    const ws = tempWorkspace();
    const jobs = new JobManager(ws.db);
    const handlers = importHandlers({ ws, jobs });
    const file = join(DATA, 'csv/node-csv/411.csv');

    expect(importArgs['import.preview'].safeParse({ path: '' }).success).toBe(false);
    const preview = await handlers['import.preview'](
      importArgs['import.preview'].parse({ path: file, limit: 2 }),
    );
    expect(preview.rows).toHaveLength(2);
    expect(workspaceState(ws)).toEqual({ sources: 0, rows: 0, warnings: 0 });

    const finished = new Promise<unknown>((resolve) => jobs.events.on('finished', (e) => resolve(e.result)));
    const { jobId } = await handlers['import.start'](importArgs['import.start'].parse({ path: file }));
    expect(jobId).toMatch(/[0-9a-f-]{36}/);
    expect(await finished).toMatchObject({ sources: [{ fileName: '411.csv', rows: 3 }] });
    expect(await handlers['import.sources']({})).toEqual([
      expect.objectContaining({ id: 1, fileName: '411.csv', rows: 3, format: 'csv', role: 'input' }),
    ]);
  });
});
