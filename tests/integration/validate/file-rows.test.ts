import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readFileRows } from '../../../src-main/core/validate/file-rows';
import { tempDir } from '../../helpers/temp-workspace';

describe('validator file reader (XLSX)', () => {
  it('reads a long cell of multi-byte characters intact (no split characters at chunk boundaries)', async () => {
    const path = join(tempDir(), 'long.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Contacts');
    sheet.addRow(['ä'.repeat(900_003), 'Genève']);
    await wb.xlsx.writeFile(path);
    const rows = [];
    for await (const r of readFileRows(path)) rows.push(r);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cells[0]).toBe('ä'.repeat(900_003));
    expect(rows[0]!.cells[1]).toBe('Genève');
  });

  it('flags formula and number cells and shows dates as Excel displays them to SecuTix', async () => {
    const path = join(tempDir(), 'kinds.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Contacts');
    const row = sheet.addRow([
      'text',
      { formula: '1+1', result: 2 },
      41791234567,
      new Date(Date.UTC(1980, 4, 17)),
    ]);
    row.getCell(4).numFmt = 'dd.mm.yyyy';
    await wb.xlsx.writeFile(path);
    const rows = [];
    for await (const r of readFileRows(path)) rows.push(r);
    expect(rows[0]).toMatchObject({
      number: 1,
      cells: ['text', '2', '41791234567', '17.05.1980'],
      formulas: [1],
      numeric: [2, 3],
    });
  });
});
