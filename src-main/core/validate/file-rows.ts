import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';

/** One physical row of a file being validated, cells as text, with what Excel stored. */
export interface FileRow {
  /** 1-based row (XLSX) or record number (CSV). */
  number: number;
  cells: string[];
  /** 0-based columns holding a formula (XLSX). */
  formulas: number[];
  /** 0-based columns stored as numbers or dates (XLSX): leading zeros/format may be lost. */
  numeric: number[];
}

export type FileFormat = 'xlsx' | 'csv';

export function fileFormatOf(path: string): FileFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  throw new AppError('validate.bad-extension', `Cannot validate "${path}": expected a .xlsx or .csv file.`, {
    path,
  });
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date)
    return `${pad2(value.getUTCDate())}.${pad2(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const r = (value as { result?: unknown }).result;
      return r == null || typeof r === 'object' ? '' : String(r);
    }
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** Rows of the first worksheet, streamed (constant memory). */
async function* xlsxRows(path: string): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const cells: string[] = [];
      const formulas: number[] = [];
      const numeric: number[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const i = col - 1;
        while (cells.length < i) cells.push('');
        cells[i] = xlsxCellText(cell.value);
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push(i);
        else if (cell.type === ExcelJS.ValueType.Number || cell.type === ExcelJS.ValueType.Date)
          numeric.push(i);
      });
      yield { number: row.number, cells, formulas, numeric };
    }
    return; // one data sheet (spec §2.1 [I])
  }
}

/** Records of a UTF-8 CSV (BOM stripped), streamed through papaparse. */
async function* csvRows(path: string): AsyncGenerator<FileRow> {
  const queue: string[][] = [];
  let done = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const stream = createReadStream(path, { encoding: 'utf8' });
  Papa.parse<string[]>(stream as unknown as File, {
    skipEmptyLines: false,
    step: (r) => {
      queue.push(r.data);
      if (queue.length > 1000) stream.pause();
      wake?.();
    },
    complete: () => {
      done = true;
      wake?.();
    },
    error: (e: Error) => {
      failure = e;
      done = true;
      wake?.();
    },
  });
  let n = 0;
  for (;;) {
    if (queue.length === 0) {
      if (failure) throw failure;
      if (done) return;
      stream.resume();
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
      continue;
    }
    const cells = queue.shift()!;
    n++;
    if (n === 1 && cells[0]?.startsWith('\uFEFF')) cells[0] = cells[0].slice(1);
    yield { number: n, cells, formulas: [], numeric: [] };
  }
}

export function readFileRows(path: string): AsyncGenerator<FileRow> {
  return fileFormatOf(path) === 'xlsx' ? xlsxRows(path) : csvRows(path);
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
