import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { tempDir } from '../../helpers/temp-workspace';
import { DATA, writeTemp } from './import-helpers';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    interactive: false,
    signal: new AbortController().signal,
  });
  return { code, out, err };
}

describe('contact-prep import / info / rows', () => {
  it('imports a CSV into a new workspace and prints the summary with warnings and row numbers', async () => {
    const ws = join(tempDir(), 'w.cprep');
    const r = await cli(['import', join(DATA, 'csv/csvkit/bad.csv'), '--workspace', ws]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Imported bad.csv as source 1: 3 rows × 4 columns (encoding utf-8, delimiter ",", header row 1).',
    );
    expect(r.out).toContain('row 2: [ragged_long]');
    expect(r.out).toContain('row 3: [ragged_short]');
  });

  it('prints one JSON object with --json', async () => {
    const ws = join(tempDir(), 'w.cprep');
    const r = await cli([
      'import',
      join(DATA, 'csv/frictionless-py/table-with-accents.csv'),
      '-w',
      ws,
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      source: 1,
      rows: 638,
      columns: [
        'Classement',
        'Quartier',
        'Date',
        'Année',
        'Occupancy rate',
        'Average Price',
        'RevPAR',
        'Source',
      ],
      encoding: 'windows-1252',
      delimiter: ';',
      warnings: [],
    });
  });

  it('accepts --header-row, --delimiter names and --encoding', async () => {
    const ws = join(tempDir(), 'w.cprep');
    const file = writeTemp('t.txt', 'title\nname\tcity\nZoé\tGenève\n');
    const r = await cli([
      'import',
      file,
      '-w',
      ws,
      '--header-row',
      '2',
      '--delimiter',
      'tab',
      '--encoding',
      'utf-8',
      '--json',
    ]);
    expect(JSON.parse(r.out)).toMatchObject({ columns: ['name', 'city'], delimiter: '\t', rows: 1 });
  });

  it('lists sources with info and prints stored rows as properly quoted CSV', async () => {
    const ws = join(tempDir(), 'w.cprep');
    await cli(['import', join(DATA, 'csv/csv-spectrum/csvs/quotes_and_newlines.csv'), '-w', ws]);
    await cli(['import', join(DATA, 'csv/node-csv/411.csv'), '-w', ws]);
    const info = await cli(['info', '-w', ws, '--json']);
    expect(
      JSON.parse(info.out).sources.map((s: { fileName: string; rows: number }) => [s.fileName, s.rows]),
    ).toEqual([
      ['quotes_and_newlines.csv', 2],
      ['411.csv', 3],
    ]);
    const text = await cli(['info', '-w', ws]);
    expect(text.out).toContain('2. 411.csv — 3 rows × 6 columns');

    const rows = await cli(['rows', '-w', ws, '--source', '1']);
    expect(rows.code).toBe(0);
    const parsed = Papa.parse<string[]>(rows.out.trimEnd(), { newline: '\n' }).data;
    expect(parsed).toEqual([
      ['_row', 'a', 'b'],
      ['2', '1', 'ha \n"ha" \nha'],
      ['5', '3', '4'],
    ]);
  });

  it('pages rows with --limit/--offset and prints JSON with flags', async () => {
    const ws = join(tempDir(), 'w.cprep');
    await cli(['import', join(DATA, 'csv/csvkit/bad.csv'), '-w', ws]);
    const r = await cli(['rows', '-w', ws, '--format', 'json', '--limit', '1', '--offset', '1']);
    expect(JSON.parse(r.out)).toEqual({
      source: 1,
      columns: ['column_a', 'column_b', 'column_c', '_extra_1'],
      rows: [{ row: 3, cells: ['', "I'm too short!"], flags: ['ragged_short'] }],
    });
  });

  it('prints {sources:[...]} for --all-sheets and imports one source per sheet', async () => {
    const ws = join(tempDir(), 'w.cprep');
    const r = await cli([
      'import',
      join(DATA, 'xlsx/csvkit/sheets.xlsx'),
      '-w',
      ws,
      '--all-sheets',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { sources: Array<{ source: number; sheet: string; rows: number }> };
    expect(out.sources.map((s) => [s.source, s.sheet, s.rows])).toEqual([
      [1, 'data', 5],
      [2, 'ʤ', 1],
    ]);
    const text = await cli(['import', join(DATA, 'xlsx/csvkit/sheets.xlsx'), '-w', ws, '--sheet', 'data']);
    expect(text.out).toContain(
      'Imported sheets.xlsx [sheet data] as source 3: 5 rows × 8 columns (header row 1).',
    );
  });

  it('does not leave a new workspace behind when the import fails', async () => {
    const ws = join(tempDir(), 'new.cprep');
    const r = await cli(['import', writeTemp('empty.csv', ''), '-w', ws]);
    expect(r.code).toBe(1);
    expect(existsSync(ws)).toBe(false);
    // An existing workspace stays (unchanged) after a failed import.
    await cli(['import', join(DATA, 'csv/csvkit/bad.csv'), '-w', ws]);
    expect((await cli(['import', writeTemp('empty2.csv', ''), '-w', ws])).code).toBe(1);
    expect(JSON.parse((await cli(['info', '-w', ws, '--json'])).out).sources).toHaveLength(1);
  });

  it('exits 1 with a clear message for bad input and usage errors', async () => {
    const ws = join(tempDir(), 'w.cprep');
    const xls = await cli([
      'import',
      writeTemp('old.xls', Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(600), 'hex')),
      '-w',
      ws,
    ]);
    expect(xls.code).toBe(1);
    expect(xls.err).toMatch(/old\.xls is a legacy Excel 97-2003 workbook/);
    expect(xls.err).not.toMatch(/at .*\.ts:\d+/);
    expect((await cli(['import', '-w', ws])).err).toMatch(/Missing the file to import/);
    expect((await cli(['import', 'x.csv', '-w', ws, '--sheet', 'A', '--all-sheets'])).code).toBe(1);
    expect((await cli(['rows', '-w', ws, '--format', 'xml'])).err).toMatch(/--format must be csv or json/);
    expect((await cli(['info', '-w', join(tempDir(), 'missing.cprep')])).err).toMatch(/does not exist/);
  });
});

describe('the real contact-prep binary', () => {
  it('imports a file and exits 0, and exits 1 on a missing file', async () => {
    const run = promisify(execFile);
    const ws = join(tempDir(), 'bin.cprep');
    const ok = await run('node', [
      'bin/contact-prep.mjs',
      'import',
      join(DATA, 'csv/node-csv/411.csv'),
      '-w',
      ws,
      '--json',
    ]);
    expect(JSON.parse(ok.stdout)).toMatchObject({ source: 1, rows: 3, encoding: 'utf-8' });
    const bad = await run('node', ['bin/contact-prep.mjs', 'import', '/nonexistent.csv', '-w', ws]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('Cannot read /nonexistent.csv') });
  }, 60_000);
});
