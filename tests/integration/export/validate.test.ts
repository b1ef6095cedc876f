import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportWorkspace } from '../../../src-main/core/export/export-workspace';
import { validateSecutixFile } from '../../../src-main/core/validate/validate-file';
import { tempDir } from '../../helpers/temp-workspace';
import { GOLDEN_OPTIONS, fixture, goldenWorkspace } from './golden-workspace';

const CODES = ['INSTITUTION', 'ORGANIZATION', 'OPERATION', 'CONTACT_NR', 'TITLE', 'FIRSTNAME', 'LASTNAME', 'BIRTHDATE', 'COUNTRY', 'TELEPHONE', 'EMAIL1', 'CRIT01']; // prettier-ignore
const HEAD = [['Title row'], ['Groups'], ['Descriptions'], CODES];
const GOOD = ['DEMO', 'ORG1', 'INSERT', '00042', 'MR', 'Hans', 'Muster', '03.02.1980', 'CH', '0216132111', 'hans@example.ch', 'PREFCOL=Red']; // prettier-ignore

function csvFile(rows: string[][]): string {
  const path = join(tempDir(), 'file.csv');
  writeFileSync(path, '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n');
  return path;
}

const withCell = (code: string, value: string) => GOOD.map((v, i) => (CODES[i] === code ? value : v));
/** Problem codes, without the note that a hand-made file lacks most documented columns. */
const codesOf = (r: Awaited<ReturnType<typeof validateSecutixFile>>) =>
  r.problems.map((p) => p.code).filter((c) => c !== 'columns-missing');
const validate = (path: string, extra: object = {}) =>
  validateSecutixFile({ path, today: '2026-11-25', ...extra });

describe('validateSecutixFile', () => {
  it('accepts our own exports (built-in template, CSV and XLSX) without any problem', async () => {
    for (const ext of ['csv', 'xlsx']) {
      const ws = goldenWorkspace();
      const out = join(tempDir(), `golden.${ext}`);
      const summary = await exportWorkspace(ws.db, { ...GOLDEN_OPTIONS, out });
      const r = await validate(out);
      // Only note: ADDRESS_NAME1 is kept over 38 characters because SecuTix truncates it itself.
      expect(codesOf(r), ext).toEqual(['too-long']);
      expect(r.problems[0]).toMatchObject({ row: 6, field: 'ADDRESS_NAME1', severity: 'warning' });
      expect(r).toMatchObject({ valid: true, rows: summary.exported });
    }
  });

  it('accepts an export made with the customer template when given that template', async () => {
    const ws = goldenWorkspace();
    const out = join(tempDir(), 'golden.xlsx');
    await exportWorkspace(ws.db, { ...GOLDEN_OPTIONS, out, template: fixture('golden-template.csv') });
    const r = await validate(out, { template: fixture('golden-template.csv') });
    expect(codesOf(r)).toEqual(['too-long']);
    expect(r.valid).toBe(true);
  });

  it('accepts a well-formed hand-made file', async () => {
    const r = await validate(csvFile([...HEAD, GOOD]));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r).toMatchObject({ valid: true, rows: 1 });
  });

  it('rejects a file whose header rows are missing (codes not on row 4)', async () => {
    const r = await validate(csvFile([HEAD[0]!, HEAD[1]!, CODES, GOOD]));
    expect(r.valid).toBe(false);
    expect(r.problems[0]).toMatchObject({ row: 3, code: 'header-rows', severity: 'error' });
  });

  it('accepts empty rows 1–3 in an XLSX file (the reader skips empty rows; positions still count)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Contacts');
    sheet.getRow(4).values = CODES;
    sheet.getRow(5).values = GOOD;
    const path = join(tempDir(), 'empty-head.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await validate(path);
    expect(codesOf(r)).toEqual([]);
    expect(r).toMatchObject({ valid: true, rows: 1 });
  });

  it('rejects a file without any field codes', async () => {
    const r = await validate(csvFile([['a'], ['b'], ['c'], ['x', 'y'], ['1', '2']]));
    expect(r.valid).toBe(false);
    expect(codesOf(r)).toEqual(['no-codes-row']);
  });

  it('rejects a wrong column order, unknown and duplicate codes', async () => {
    const swapped = [...CODES];
    [swapped[5], swapped[6]] = [swapped[6]!, swapped[5]!];
    const order = await validate(csvFile([...HEAD.slice(0, 3), swapped, GOOD]));
    expect(order.valid).toBe(false);
    expect(order.problems.find((p) => p.code === 'column-order')).toMatchObject({
      row: 4,
      column: 'G',
      field: 'FIRSTNAME',
    });

    const odd = await validate(csvFile([...HEAD.slice(0, 3), [...CODES, 'FOO', 'EMAIL1', 'ROLE'], GOOD]));
    expect(odd.valid).toBe(false);
    expect(codesOf(odd)).toEqual(
      expect.arrayContaining(['unknown-column', 'duplicate-column', 'legacy-column']),
    );
  });

  it('rejects a row-4 order that differs from the customer template', async () => {
    const r = await validate(csvFile([...HEAD, GOOD]), { template: fixture('golden-template.csv') });
    expect(r.valid).toBe(false);
    expect(codesOf(r)).toContain('column-order');
  });

  it('rejects a bad title, a non-digit contact number, a bad country and a bad CodeValue', async () => {
    for (const [code, value, problem] of [
      ['TITLE', 'Herr', 'not-allowed'],
      ['CONTACT_NR', '12-34', 'not-digits'],
      ['CONTACT_NR', '123456789012345678901', 'too-long'],
      ['COUNTRY', 'UK', 'bad-country'],
      ['CRIT01', 'Red', 'bad-codevalue'],
      ['OPERATION', 'UPSERT', 'not-allowed'],
    ]) {
      const r = await validate(csvFile([...HEAD, withCell(code!, value!)]));
      expect(r.valid, `${code}=${value}`).toBe(false);
      expect(r.problems, `${code}=${value}`).toContainEqual(
        expect.objectContaining({ row: 5, field: code, code: problem, severity: 'error' }),
      );
    }
  });

  it('accepts institution titles given with --title', async () => {
    const r = await validate(csvFile([...HEAD, withCell('TITLE', 'DR')]), { extraTitles: ['DR'] });
    expect(r.valid).toBe(true);
  });

  it('reports a bad birthdate as a warning (SecuTix drops only the field), invalid in strict mode', async () => {
    for (const date of ['1980-02-03', '30.02.1999', '01.01.2030']) {
      const path = csvFile([...HEAD, withCell('BIRTHDATE', date)]);
      const r = await validate(path);
      expect(r.problems, date).toContainEqual(
        expect.objectContaining({ field: 'BIRTHDATE', severity: 'warning' }),
      );
      expect(r.valid).toBe(true);
      expect((await validate(path, { strict: true })).valid).toBe(false);
    }
  });

  it('rejects a row that creates a contact without any name, and UPDATE rows without contact number', async () => {
    const noName = withCell('FIRSTNAME', '').map((v, i) => (CODES[i] === 'LASTNAME' ? '' : v));
    const update = withCell('OPERATION', 'UPDATE').map((v, i) => (CODES[i] === 'CONTACT_NR' ? '' : v));
    const r = await validate(csvFile([...HEAD, noName, update]));
    expect(r.valid).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 5, code: 'no-name' }));
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 6, code: 'contact-nr-missing' }));
  });

  it('rejects duplicate contact numbers and accepts "=" as the clear marker on UPDATE rows', async () => {
    const update = withCell('OPERATION', 'UPDATE').map((v, i) => (CODES[i] === 'EMAIL1' ? '=' : v));
    const r = await validate(csvFile([...HEAD, update, GOOD]));
    expect(codesOf(r)).toEqual(['duplicate-contact-nr']);
  });

  it('accepts a bare criterion value after a CONFIG row set the column code (spec §2.5)', async () => {
    const config = ['DEMO', 'ORG1', 'CONFIG', '', '', '', '', '', '', '', '', 'PREFCOL'];
    const r = await validate(csvFile([...HEAD, config, withCell('CRIT01', 'Red|Green')]));
    expect(codesOf(r)).toEqual([]);
    const without = await validate(csvFile([...HEAD, withCell('CRIT01', 'Red|Green')]));
    expect(codesOf(without)).toEqual(['bad-codevalue']);
  });

  it('warns when a phone prefix will be ignored because the address is in another country', async () => {
    const r = await validate(csvFile([...HEAD, withCell('TELEPHONE', '+33 1 40 15 80 00')]));
    expect(r.problems).toContainEqual(
      expect.objectContaining({ code: 'phone-prefix-ignored', severity: 'warning' }),
    );
  });

  it('rejects formula cells in an XLSX file and warns about numbers stored as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Contacts');
    for (const r of HEAD) sheet.addRow(r);
    const row = sheet.addRow(GOOD);
    row.getCell(4).value = 42; // CONTACT_NR as a number
    row.getCell(6).value = { formula: 'UPPER("hans")', result: 'HANS' };
    const path = join(tempDir(), 'formula.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await validate(path);
    expect(r.valid).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ row: 5, column: 'F', code: 'formula', severity: 'error' }),
    );
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 5, column: 'D', code: 'numeric-cell' }));
  });

  it('rejects a CSV that is not UTF-8 (e.g. saved as Windows-1252)', async () => {
    const path = join(tempDir(), 'latin1.csv');
    const text = [...HEAD, withCell('LASTNAME', 'Müller')].map((r) => r.join(',')).join('\r\n');
    writeFileSync(path, Buffer.from(text, 'latin1'));
    const r = await validate(path);
    expect(r.valid).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ row: 5, field: 'LASTNAME', code: 'encoding' }),
    );
  });

  it('caps the problem list but keeps exact counts', async () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      withCell('TITLE', 'Herr').map((v, c) => (c === 3 ? String(i) : v)),
    );
    const r = await validate(csvFile([...HEAD, ...rows]), { maxProblems: 10 });
    expect(r.problems).toHaveLength(10);
    expect(r.warnings).toBe(1); // columns-missing
    expect(r).toMatchObject({ errors: 30, truncated: true, rows: 30 });
  });
});
