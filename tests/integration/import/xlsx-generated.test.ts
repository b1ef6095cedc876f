import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { runImport, storedRows, workspaceState, writeTemp } from './import-helpers';

/** Writes a workbook with exceljs (the normal, non-streaming writer) to a temp .xlsx file. */
async function writeWorkbook(
  name: string,
  build: (wb: ExcelJS.Workbook) => void,
  date1904 = false,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  build(wb);
  const path = writeTemp(name, Buffer.alloc(0));
  await wb.xlsx.writeFile(path);
  return path;
}

function contactsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Kontakte');
  ws.addRow(['CONTACT_NR', 'ZIPCODE', 'PHONE', 'BIRTHDATE', 'CREATED', 'TOTAL', 'NAME', 'VIP', 'RATIO']);
  ws.addRow([
    42,
    1234,
    41791234567,
    new Date(Date.UTC(1984, 1, 29)),
    new Date(Date.UTC(2024, 0, 15, 13, 45, 30)),
    { formula: 'B2*2', result: 2468 },
    { richText: [{ text: 'Zoë ' }, { font: { bold: true }, text: 'Müller' }] },
    true,
    0.1 + 0.2,
  ]);
  ws.getCell('A2').numFmt = '000000';
  ws.getCell('B2').numFmt = '00000';
  ws.getCell('D2').numFmt = 'dd.mm.yyyy';
  ws.getCell('E2').numFmt = 'yyyy-mm-dd hh:mm:ss';
  ws.addRow([
    7,
    8000,
    4.4123e14,
    '2024-03-01',
    'text',
    { formula: 'UPPER(G3)', result: 'ABC' },
    'abc',
    false,
    1e-9,
  ]);
}

describe('XLSX values written by Excel-like tools', () => {
  it('turns numbers, dates, formulas, rich text and booleans into the text a user sees', async () => {
    const path = await writeWorkbook('contacts.xlsx', contactsSheet);
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, path);
    expect(sources[0]!.columns).toEqual([
      'CONTACT_NR',
      'ZIPCODE',
      'PHONE',
      'BIRTHDATE',
      'CREATED',
      'TOTAL',
      'NAME',
      'VIP',
      'RATIO',
    ]);
    const rows = storedRows(ws, sources[0]!.id);
    expect(rows[0]!.cells).toEqual([
      '000042', // zero-padded number format keeps the leading zeros
      '01234',
      '41791234567', // not 4.17912E+10
      '1984-02-29',
      '2024-01-15 13:45:30',
      '2468', // formula → cached result
      'Zoë Müller', // rich text → plain text
      'TRUE',
      '0.3', // 0.30000000000000004 → what Excel shows
    ]);
    // Without a zero-padded format the same numbers read plain.
    expect(rows[1]!.cells).toEqual([
      '7',
      '8000',
      '441230000000000',
      '2024-03-01',
      'text',
      'ABC',
      'abc',
      'FALSE',
      '1e-9',
    ]);
  });

  it('reads dates of a workbook using the 1904 date system', async () => {
    const path = await writeWorkbook(
      'mac.xlsx',
      (wb) => {
        const ws = wb.addWorksheet('Data');
        ws.addRow(['name', 'since']);
        ws.addRow(['Anna', 24472]);
        ws.getCell('B2').numFmt = 'yyyy-mm-dd';
      },
      true,
    );
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, path);
    expect(storedRows(ws, sources[0]!.id)[0]!.cells).toEqual(['Anna', '1971-01-01']);
  });

  it('reads a hidden sheet only when asked by name', async () => {
    const path = await writeWorkbook('hidden.xlsx', (wb) => {
      const visible = wb.addWorksheet('Visible');
      visible.addRow(['a']);
      visible.addRow(['1']);
      const hidden = wb.addWorksheet('Archive', { state: 'hidden' });
      hidden.addRow(['b']);
      hidden.addRow(['old']);
    });
    const ws = tempWorkspace();
    expect((await runImport(ws, path, { allSheets: true })).sources.map((s) => s.sheet)).toEqual(['Visible']);
    const archive = await runImport(ws, path, { sheet: 'archive' });
    expect(archive.sources[0]).toMatchObject({ sheet: 'Archive', columns: ['b'], rows: 1 });
  });

  it('reports a formula without a saved result and an error value with the cell', async () => {
    const path = await writeWorkbook('formulas.xlsx', (wb) => {
      const ws = wb.addWorksheet('F');
      ws.addRow(['a', 'b']);
      ws.addRow([{ formula: 'NOW()' }, { error: '#N/A' }]);
    });
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, path);
    expect(storedRows(ws, sources[0]!.id)[0]!.cells).toEqual(['', '#N/A']);
    expect(sources[0]!.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [2, 'A2', 'formula_without_value'],
      [2, 'B2', 'cell_error'],
    ]);
  });

  it('streams a larger sheet with accents intact and physical row numbers', async () => {
    const path = writeTemp('big.xlsx', Buffer.alloc(0));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = writer.addWorksheet('Big');
    sheet.addRow(['id', 'name', 'zip']).commit();
    for (let i = 0; i < 20_000; i++)
      sheet.addRow([i, `Zoë Ærøskøbing 日本 ${i}`, `0${1000 + (i % 9000)}`]).commit();
    await writer.commit();
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, path);
    const rows = storedRows(ws, sources[0]!.id);
    expect(rows).toHaveLength(20_000);
    expect(
      rows.every(
        (r, i) =>
          r.row === i + 2 &&
          r.cells[1] === `Zoë Ærøskøbing 日本 ${i}` &&
          r.cells[2] === `0${1000 + (i % 9000)}`,
      ),
    ).toBe(true);
  });
});

describe('damaged XLSX files', () => {
  async function validWorkbook(): Promise<string> {
    return writeWorkbook('ok.xlsx', (wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['email', 'name']);
      for (let i = 0; i < 2000; i++) ws.addRow([`p${i}@example.ch`, `Person ${i} ${Math.sin(i)}`]);
    });
  }

  it('refuses a truncated file, naming it, and leaves the workspace unchanged', async () => {
    const bytes = readFileSync(await validWorkbook());
    const ws = tempWorkspace();
    await runImport(ws, writeTemp('first.csv', 'a\n1\n'));
    const before = workspaceState(ws);
    const cut = writeTemp('cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(runImport(ws, cut)).rejects.toThrow(/cut\.xlsx is damaged or incomplete/);
    expect(workspaceState(ws)).toEqual(before);
  });

  it('refuses a file whose compressed sheet data is corrupt, with nothing stored', async () => {
    const path = await validWorkbook();
    const bytes = readFileSync(path);
    const at = bytes.indexOf(Buffer.from('xl/worksheets/sheet1.xml'));
    // Overwrite compressed bytes well inside the sheet's data (after its local header).
    for (let i = at + 200; i < at + 400; i++) bytes[i] = 0xff;
    writeFileSync(path, bytes);
    const ws = tempWorkspace();
    const before = workspaceState(ws);
    await expect(runImport(ws, path)).rejects.toMatchObject({ code: 'import.corrupt-xlsx', kind: 'user' });
    expect(workspaceState(ws)).toEqual(before);
  });

  it('refuses a ZIP archive that is not a workbook', async () => {
    const path = await validWorkbook();
    const bytes = readFileSync(path);
    // Renaming the workbook part inside the archive (same length) makes it an ordinary ZIP.
    const patched = Buffer.from(
      bytes.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmx'),
      'latin1',
    );
    const ws = tempWorkspace();
    await expect(runImport(ws, writeTemp('notes.xlsx', patched))).rejects.toThrow(
      /notes\.xlsx is a ZIP archive but not an Excel workbook/,
    );
  });
});
