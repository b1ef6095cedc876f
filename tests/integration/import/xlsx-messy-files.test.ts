import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSource } from '../../../src-main/core/sources/source-store';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { DATA, runImport, storedRows } from './import-helpers';

const XLSX = join(DATA, 'xlsx');

describe('real XLSX files', () => {
  it('skips the empty first sheet of sheets.xlsx and reads "data" with 1904 dates, booleans and floats', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(XLSX, 'csvkit/sheets.xlsx'));
    expect(sources).toHaveLength(1);
    const s = sources[0]!;
    expect(s.sheet).toBe('data');
    expect(s.columns).toEqual([
      'text',
      'date',
      'integer',
      'boolean',
      'float',
      'datetime',
      'empty_column',
      '_extra_1',
    ]);
    const rows = storedRows(ws, s.id);
    expect(rows[0]).toEqual({
      row: 2,
      cells: ['Chicago Reader', '1971-01-01', '40', 'TRUE', '1', '1971-01-01 04:14:00', ''],
      flags: [],
    });
    expect(rows[2]!.cells.slice(1, 5)).toEqual(['1920-01-01', '164', 'FALSE', '41800000.01']);
    // The value beyond the header width is kept, not trimmed.
    expect(rows[1]).toMatchObject({ row: 3, flags: ['ragged_long'] });
    expect(rows[1]!.cells[7]).toBe('Extra data beyond headers will be trimmed');
    expect(rows.map((r) => r.cells[0])).toContain('Unicode! Σ');
    expect(getSource(ws.db, s.id)).toMatchObject({
      format: 'xlsx',
      sheet: 'data',
      encoding: null,
      headerRow: 1,
    });
  });

  it('imports every non-empty visible sheet with allSheets, one source each (non-ASCII sheet name ʤ)', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(XLSX, 'csvkit/sheets.xlsx'), { allSheets: true });
    expect(sources.map((s) => [s.sheet, s.rows])).toEqual([
      ['data', 5],
      ['ʤ', 1],
    ]);
  });

  it('selects a sheet by name and names the available sheets when it does not exist', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(XLSX, 'csvkit/sheets.xlsx'), { sheet: 'ʤ' });
    expect(storedRows(ws, sources[0]!.id)).toEqual([{ row: 2, cells: ['1', '2', '3'], flags: [] }]);
    await expect(runImport(ws, join(XLSX, 'csvkit/sheets.xlsx'), { sheet: 'Kunden' })).rejects.toThrow(
      'sheets.xlsx has no sheet "Kunden". Sheets: "not this one", "data", "ʤ".',
    );
    await expect(runImport(ws, join(XLSX, 'csvkit/sheets.xlsx'), { sheet: 'not this one' })).rejects.toThrow(
      /sheet "not this one" is empty/,
    );
  });

  it('offers only visible worksheets by default, reads hidden ones by name and refuses chart sheets', async () => {
    const ws = tempWorkspace();
    const file = join(XLSX, 'calamine/any_sheets.xlsx');
    const all = await runImport(ws, file, { allSheets: true });
    expect(all.sources.map((s) => s.sheet)).toEqual(['Visible']);
    // Found by name although very hidden (it happens to hold no cells).
    await expect(runImport(ws, file, { sheet: 'VeryHidden' })).rejects.toThrow(/sheet "VeryHidden" is empty/);
    await expect(runImport(ws, file, { sheet: 'Chart' })).rejects.toThrow(/"Chart" is a chart sheet/);
  });

  it('keeps merged values in the top-left cell, names merged header columns and warns about merges', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(XLSX, 'calamine/merged_range.xlsx'), { sheet: 'Sheet2' });
    const s = sources[0]!;
    expect(s.columns).toEqual(['A1', 'B1', 'C1', 'C1_2', 'E1', 'F1', 'F1_2', 'F1_3']);
    expect(storedRows(ws, s.id)).toEqual([
      { row: 3, cells: ['', 'B3', 'C3', '', 'E3', ''], flags: [] },
      { row: 4, cells: ['', 'B4', '', '', 'E4', ''], flags: [] },
    ]);
    expect(s.warnings.filter((w) => w.code === 'merged_cells').map((w) => w.message)).toContain(
      'Merged cells C3:D4: the value is kept in C3 only; the other cells of the range are empty.',
    );
  });

  it('finds the header on row 9 of header-row.xlsx below a stray note', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(XLSX, 'calamine/header-row.xlsx'));
    const s = sources[0]!;
    expect(s.headerRow).toBe(9);
    expect(s.columns).toEqual(['Columns', 'Column A', 'Column B', 'Column C']);
    expect(storedRows(ws, s.id)).toEqual([{ row: 10, cells: ['put data here', '1', '2', '3'], flags: [] }]);
    expect(s.warnings).toEqual([expect.objectContaining({ row: 3, code: 'above_header' })]);
  });

  it('preserves whitespace exactly, the same for inline and shared strings', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(XLSX, 'calamine/whitespace_trim.xlsx'), { allSheets: true });
    const [inline, shared] = sources.map((s) => storedRows(ws, s.id).map((r) => r.cells));
    expect(inline).toEqual(shared);
    expect(inline![0]).toEqual(['  line1\nline2  ', '  line1\nline2  ', '', '']);
    expect(inline![1]![0]).toBe('日期 时间');
    expect(getSource(ws.db, sources[0]!.id).columns[1]!.originalName).toBe('\t\n value with tabs \n');
  });
});
