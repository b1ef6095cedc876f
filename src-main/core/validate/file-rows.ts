import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { readSheet } from '../import/xlsx-sheet-reader';
import { openWorkbook, readNumberStyles, readSharedStrings } from '../import/xlsx-workbook';
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

/**
 * The import's reader gives date-formatted numbers as ISO text; the validator reads them the way
 * Excel shows a date to SecuTix (dd.mm.yyyy), and still flags the cell as numeric.
 */
function excelDateText(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: \d{2}:\d{2}:\d{2})?$/.exec(text);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : text;
}

/**
 * Rows of the first worksheet, streamed with the import's own XLSX reader (ADR 0001): exceljs'
 * streaming reader split multi-byte characters at chunk boundaries and misread long cells.
 */
async function* xlsxRows(path: string): AsyncGenerator<FileRow> {
  const wb = openWorkbook(path);
  const sheet = wb.sheets.find((s) => s.kind === 'worksheet' && s.part); // one data sheet (spec §2.1 [I])
  if (!sheet) return;
  const ctx = {
    sharedStrings: await readSharedStrings(wb.zip),
    styles: readNumberStyles(wb.zip),
    date1904: wb.date1904,
  };
  const pending: FileRow[] = [];
  let formulas: number[] = [];
  let numeric: number[] = [];
  let done = false;
  let stop = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  let resume: (() => void) | undefined;
  void readSheet(wb.zip, sheet.part!, ctx, {
    onCell: (column, stored) => (stored === 'formula' ? formulas : numeric).push(column),
    onRow: (number, cells) => {
      for (const i of numeric) if (cells[i]) cells[i] = excelDateText(cells[i]);
      pending.push({ number, cells, formulas, numeric });
      formulas = [];
      numeric = [];
      wake?.();
    },
    onWarning: () => undefined,
    // Backpressure: the reader waits while the consumer has 1000 rows to go.
    between: async () => {
      if (pending.length > 1000 && !stop) await new Promise<void>((r) => (resume = r));
      return stop;
    },
  }).then(
    () => {
      done = true;
      wake?.();
    },
    (e: unknown) => {
      failure = e;
      done = true;
      wake?.();
    },
  );
  try {
    for (;;) {
      if (pending.length > 0) {
        const batch = pending.splice(0);
        resume?.();
        resume = undefined;
        yield* batch;
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
    }
  } finally {
    stop = true; // the consumer stopped early: let the reader finish instead of waiting forever
    resume?.();
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
