import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSource } from '../../../src-main/core/sources/source-store';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { DATA, rowsAsObjects, runImport, storedRows } from './import-helpers';

const CSV = join(DATA, 'csv');

describe('csv-spectrum golden files', () => {
  for (const name of ['comma_in_quotes', 'escaped_quotes', 'quotes_and_newlines', 'newlines_crlf']) {
    it(`reads ${name}.csv exactly like the expected JSON`, async () => {
      const ws = tempWorkspace();
      const { sources } = await runImport(ws, join(CSV, 'csv-spectrum/csvs', `${name}.csv`));
      const expected = JSON.parse(
        readFileSync(join(CSV, 'csv-spectrum/json', `${name}.json`), 'utf8'),
      ) as unknown;
      expect(rowsAsObjects(ws, sources[0]!.id)).toEqual(expected);
    });
  }

  it('keeps a CRLF inside a quoted field and numbers rows by the physical line where they start', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(CSV, 'csv-spectrum/csvs/newlines_crlf.csv'));
    expect(storedRows(ws, sources[0]!.id).map((r) => r.row)).toEqual([2, 3, 5]);
    expect(storedRows(ws, sources[0]!.id)[1]!.cells[0]).toBe('Once upon \r\na time');
  });

  it('keeps the leading zero of a ZIP code inside a quoted address file', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(CSV, 'csv-spectrum/csvs/comma_in_quotes.csv'));
    expect(storedRows(ws, sources[0]!.id)[0]!.cells).toContain('08123');
  });
});

describe('messy real-world CSV files', () => {
  it('strips the UTF-8 BOM of 411.csv and keeps the row with a trailing comma, flagged', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(CSV, 'node-csv/411.csv'));
    const s = sources[0]!;
    expect(s.encoding).toBe('utf-8');
    expect(s.columns.slice(0, 5)).toEqual(['id', 'first_name', 'last_name', 'email', 'modified_at']);
    expect(s.rows).toBe(3);
    const rows = storedRows(ws, s.id);
    expect(rows[1]).toEqual({
      row: 3,
      cells: ['2', 'Kylie', 'Lauderdale', 'klauderdale1@wsj.com', '2022-02-14', ''],
      flags: ['ragged_long'],
    });
    expect(s.warnings).toEqual([expect.objectContaining({ row: 3, code: 'ragged_long' })]);
  });

  it('reads table-with-accents.csv as Windows-1252 with ; and keeps decimal commas as text', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(CSV, 'frictionless-py/table-with-accents.csv'));
    const s = sources[0]!;
    expect(s).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rows: 638 });
    expect(s.columns).toContain('Année');
    expect(storedRows(ws, s.id)[0]!.cells).toEqual([
      '3 stars',
      'All',
      '01-01-13',
      '2013',
      '0,611553068',
      '81,20416129',
      '49,66065393',
      'Mkg',
    ]);
  });

  it('reads issue-811.csv (cp1252 Š/ž, header cells with line breaks, zero-padded codes, spaces kept)', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(CSV, 'frictionless-py/issue-811.csv'));
    const s = sources[0]!;
    expect(s).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rows: 7904, headerRow: 1 });
    expect(s.columns).toHaveLength(26);
    // A header cell spanning two lines becomes a one-line column name; the original stays in columns_json.
    expect(s.columns[1]).toBe("Codice dell'Unità territoriale sovracomunale (valida a fini statistici)");
    expect(getSource(ws.db, s.id).columns[1]!.originalName).toContain('\n');
    const rows = storedRows(ws, s.id);
    // The header spans lines 1-3, so the first record starts on line 4.
    expect(rows[0]!.row).toBe(4);
    expect(rows[0]!.cells.slice(0, 4)).toEqual(['01', '201', '001', ' 001 ']);
    const names = rows.map((r) => r.cells[5]!);
    expect(names.some((n) => n.includes('Števerjan'))).toBe(true);
    expect(names.some((n) => n.includes('ž'))).toBe(true);
    expect(names.every((n) => !n.includes('\uFFFD'))).toBe(true);
  });

  it('reads classic-Mac CR-only line ends, including a CR inside a quoted field', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(CSV, 'csvkit/mac_newlines.csv'));
    expect(storedRows(ws, sources[0]!.id)).toEqual([
      { row: 2, cells: ['1', '2', '3'], flags: [] },
      { row: 3, cells: ['Once upon\ra time', '5', '6'], flags: [] },
    ]);
  });

  it('decodes UTF-16LE with BOM (non-Latin ʤ)', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(CSV, 'csvkit/test_utf16_little.csv'));
    expect(sources[0]!.encoding).toBe('utf-16le');
    expect(storedRows(ws, sources[0]!.id).map((r) => r.cells)).toEqual([
      ['1', '2', '3'],
      ['4', '5', 'ʤ'],
    ]);
  });

  it('keeps both ragged rows of bad.csv and reports them with their row numbers', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(CSV, 'csvkit/bad.csv'));
    const s = sources[0]!;
    expect(s.columns).toEqual(['column_a', 'column_b', 'column_c', '_extra_1']);
    expect(storedRows(ws, s.id)).toEqual([
      { row: 2, cells: ['1', '27', '', "I'm too long!"], flags: ['ragged_long'] },
      { row: 3, cells: ['', "I'm too short!"], flags: ['ragged_short'] },
      { row: 4, cells: ['0', 'mixed types.... uh oh', '17'], flags: [] },
    ]);
    expect(s.warnings.map((w) => [w.row, w.code])).toEqual([
      [2, 'ragged_long'],
      [3, 'ragged_short'],
    ]);
  });

  it('finds the header of excel_pasting.csv on row 4 and keeps the title rows as warnings', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(CSV, 'messytables/excel_pasting.csv'));
    const s = sources[0]!;
    expect(s.headerRow).toBe(4);
    expect(s.columns).toEqual(['Year', '2000', '2001', '2002', '2003', '2004', '2005', '2006', '2007']);
    const rows = storedRows(ws, s.id);
    expect(rows[0]).toEqual({
      row: 5,
      cells: ['Timber', '2,666', '2,274', '1,877', '1,999', '2,055', '1,632', '1,687', '1,751'],
      flags: [],
    });
    expect(rows.find((r) => r.cells[0] === 'Machinery and \nequipment')!.row).toBe(14);
    expect(rows.at(-1)!.row).toBe(24);
    const codes = s.warnings.map((w) => [w.row, w.code]);
    expect(codes).toContainEqual([1, 'above_header']);
    expect(codes).toContainEqual([2, 'above_header']);
    expect(s.warnings.find((w) => w.code === 'blank_rows_skipped')!.message).toContain('22');
  });

  it('uses --header-row when given, even where detection would choose otherwise', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(CSV, 'messytables/excel_pasting.csv'), { headerRow: 2 });
    const s = sources[0]!;
    expect(s.headerRow).toBe(2);
    expect(s.columns[0]).toBe('thousand tonnes carbon equivalent');
    expect(storedRows(ws, s.id)[0]!.row).toBe(4);
  });

  it('reads FEBRL with the leading space of every field kept as read', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, join(DATA, 'febrl/dataset1.csv'));
    const s = sources[0]!;
    expect(s.rows).toBe(1000);
    // Column names are trimmed for mapping; the cells keep their spaces.
    expect(s.columns[1]).toBe('given_name');
    expect(storedRows(ws, s.id)[0]!.cells[1]!.startsWith(' ')).toBe(true);
  });
});
