import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportWorkspace } from '../../../src-main/core/export/export-workspace';
import { tempDir } from '../../helpers/temp-workspace';
import { GOLDEN_OPTIONS, fixture, goldenWorkspace } from './golden-workspace';

async function readXlsx(
  path: string,
): Promise<{ values: (string | null)[][]; types: number[]; numFmt: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  const values: (string | null)[][] = [];
  const types: number[] = [];
  const numFmt: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: (string | null)[] = [];
    for (let c = 1; c <= 27; c++) {
      const cell = row.getCell(c);
      cells.push(cell.value == null ? null : (cell.value as string));
      if (cell.value != null) types.push(cell.type);
      if (r > 4 && cell.value != null) numFmt.push(`${r}:${c}:${cell.numFmt ?? ''}`);
    }
    values.push(cells);
  });
  return { values, types, numFmt };
}

describe('golden export (hand-checked expected files, spec §2–§3)', () => {
  it('writes the CSV exactly as the hand-checked file: template rows verbatim, UTF-8 BOM, CRLF, quoting, OWASP guard', async () => {
    const ws = goldenWorkspace();
    const out = join(tempDir(), 'golden.csv');
    const summary = await exportWorkspace(ws.db, {
      ...GOLDEN_OPTIONS,
      out,
      template: fixture('golden-template.csv'),
    });
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.slice(1).replace(/\r\n/g, '\n')).toBe(readFileSync(fixture('golden-expected.csv'), 'utf8'));
    expect(text.slice(1).split('\r\n')).toHaveLength(10);
    expect(summary).toMatchObject({
      exported: 5,
      rejected: 3,
      skipped: 1,
      warnings: 7,
      template: fixture('golden-template.csv'),
    });
  });

  it('writes the XLSX with the same values as plain string cells, never formulas, text format for numbers', async () => {
    const ws = goldenWorkspace();
    const out = join(tempDir(), 'golden.xlsx');
    const summary = await exportWorkspace(ws.db, {
      ...GOLDEN_OPTIONS,
      out,
      template: fixture('golden-template.csv'),
    });
    const expected = JSON.parse(readFileSync(fixture('golden-expected-xlsx.json'), 'utf8')) as {
      rows: unknown[][];
    };
    const { values, types, numFmt } = await readXlsx(out);
    expect(values.slice(4)).toEqual(expected.rows);
    expect(values[3]![0]).toBe('INSTITUTION');
    expect(values[0]![0]).toBe('Contact import Format (Extended) - customer DEMO');
    expect(new Set(types)).toEqual(new Set([ExcelJS.ValueType.String]));
    // CONTACT_NR (col 4), ZIPCODE (20), TELEPHONE (23), CELLPHONE (24) are text-formatted cells.
    expect(numFmt).toContain('5:4:@');
    expect(numFmt).toContain('5:20:@');
    expect(numFmt).toContain('5:23:@');
    expect(numFmt).toContain('5:24:@');
    expect(numFmt).toContain('5:8:'); // FIRSTNAME: general
    expect(summary).toMatchObject({ exported: 5, rejected: 3, warnings: 4 });
  });

  it('lists rejected rows and warnings in the error report with source file, row, column and reason', async () => {
    const ws = goldenWorkspace();
    const dir = tempDir();
    const summary = await exportWorkspace(ws.db, {
      ...GOLDEN_OPTIONS,
      out: join(dir, 'golden.xlsx'),
      report: join(dir, 'errors.csv'),
      template: fixture('golden-template.csv'),
    });
    expect(summary.report).toBe(join(dir, 'errors.csv'));
    const lines = readFileSync(join(dir, 'errors.csv'), 'utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'source file,sheet,source row,contact id,contact number,column,code,severity,reason,value',
    );
    const rows = lines.slice(1).map((l) => l.split(','));
    const key = (r: string[]) => `${r[3]}|${r[5]}|${r[6]}|${r[7]}`;
    expect(rows.map(key).sort()).toEqual(
      [
        '2|ADDRESS_NAME1|too-long|warning',
        '5|LINE3|literal-clear-marker|warning',
        '5|BIRTHDATE|bad-date|warning',
        '5|EMAIL2|bad-email|warning',
        '6|LINE1|too-long|error',
        '7||no-name|error',
        '9|CONTACT_NR|contact-nr-missing|error',
      ].sort(),
    );
    const long = rows.find((r) => r[3] === '6')!;
    expect(long.slice(0, 3)).toEqual(['customers.xlsx', 'Export', '17']);
  });

  it('writes an XLSX error report too', async () => {
    const ws = goldenWorkspace();
    const dir = tempDir();
    await exportWorkspace(ws.db, {
      ...GOLDEN_OPTIONS,
      out: join(dir, 'o.csv'),
      report: join(dir, 'errors.xlsx'),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'errors.xlsx'));
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('source file');
    expect(sheet.rowCount).toBe(1 + 10); // 7 problems + 3 CSV formula guards
  });
});
