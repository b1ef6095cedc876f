import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XlsxWriter } from '../../../src-main/core/export/xlsx-writer';
import { readFileRows } from '../../../src-main/core/validate/file-rows';
import { tempDir } from '../../helpers/temp-workspace';

describe('XlsxWriter (streaming, inline strings)', () => {
  it('writes text exactly, as string cells, with the text format on chosen columns', async () => {
    const path = join(tempDir(), 'w.xlsx');
    const w = new XlsxWriter(path, { sheetName: 'Import', textColumns: [true, false, false] });
    w.write(['0042', '=SUM(A1)', 'a < b & "c" > d']);
    w.write(['', 'Zürich 🎭', '  spaced  ']);
    w.write(['bell\u0007gone']);
    w.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Import');
    const cell = (r: number, c: number) => sheet.getRow(r).getCell(c);
    expect(cell(1, 1).value).toBe('0042');
    expect(cell(1, 1).numFmt).toBe('@');
    expect(cell(1, 2).value).toBe('=SUM(A1)');
    expect(cell(1, 2).type).toBe(ExcelJS.ValueType.String);
    expect(cell(1, 3).value).toBe('a < b & "c" > d');
    expect(cell(2, 1).value).toBeNull();
    expect(cell(2, 2).value).toBe('Zürich 🎭');
    expect(cell(2, 3).value).toBe('  spaced  ');
    expect(cell(3, 1).value).toBe('bellgone');
  });

  it('streams a sheet larger than one compression chunk and reads back every row', async () => {
    const path = join(tempDir(), 'big.xlsx');
    const w = new XlsxWriter(path, {});
    for (let i = 1; i <= 30_000; i++) w.write([String(i), `row ${i} with some text to pass one megabyte`]);
    w.close();
    let n = 0;
    let last: string[] = [];
    for await (const r of readFileRows(path)) {
      n++;
      last = r.cells;
    }
    expect(n).toBe(30_000);
    expect(last).toEqual(['30000', 'row 30000 with some text to pass one megabyte']);
  });

  it('keeps a cell larger than the 2 MB staging buffer whole, between ordinary rows', async () => {
    const path = join(tempDir(), 'huge.xlsx');
    const huge = 'a'.repeat(800_000) + '<&>'; // may need 2.4 MB of UTF-8: more than the buffer
    const w = new XlsxWriter(path, {});
    w.write(['before']);
    w.write([huge]);
    w.write(['after']);
    w.close();
    const rows: string[][] = [];
    for await (const r of readFileRows(path)) rows.push(r.cells);
    expect(rows).toEqual([['before'], [huge], ['after']]);
  });
});
