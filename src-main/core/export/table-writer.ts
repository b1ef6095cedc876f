import { accessSync, closeSync, constants, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { csvRecord } from './csv-format';
import { XlsxWriter } from './xlsx-writer';

/**
 * Writes a table (XLSX or CSV by extension) to a temp file next to the target and renames it
 * on close(), so a cancel or crash never leaves a half-written file under the final name.
 */
export interface TableWriter {
  /** `guard`: apply the CSV formula guard to this row (data rows; not the template rows). */
  write(cells: readonly string[], guard: boolean): void;
  /** How this writer wants data rows formatted ahead (by an export batch, maybe in a worker). */
  readonly rowFormat: RowFormat;
  /** Writes data rows formatted for `rowFormat` (the guard, if any, was applied when formatting). */
  writeRows(rows: FormattedRows): void;
  /** Waits until buffered output is small (call between batches): bounded memory for 1M rows. */
  drain(): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export interface TableWriterOptions {
  sheetName?: string;
  /** XLSX: columns formatted as text (`@`) so Excel keeps leading zeros. */
  textColumns?: readonly boolean[];
  csvBom?: boolean;
  csvFormulaGuard?: boolean;
}

export type TableFormat = 'xlsx' | 'csv';

/** How data rows are formatted ahead: CSV text, XLSX row templates, or plain cells (exceljs). */
export type RowFormat = 'csv' | 'xlsx' | 'cells';

/** Data rows formatted ahead; only the member of the writer's RowFormat is used. */
export interface FormattedRows {
  /** CSV records, concatenated, UTF-8. */
  csv: Uint8Array;
  /** XlsxRowFormat.template() of each row. */
  xlsxRows: string[];
  cells: string[][];
}

export function formatOf(path: string): TableFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw new AppError('export.bad-extension', `Cannot write "${path}": use a .xlsx or .csv file name.`, {
    path,
  });
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export function createTableWriter(path: string, options: TableWriterOptions = {}): TableWriter {
  const format = formatOf(path);
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch {
    throw new AppError(
      'export.cannot-write',
      `Cannot write "${path}": its folder does not exist or is read-only.`,
      {
        path,
      },
    );
  }
  const tmp = tempPathFor(path);
  if (format === 'csv') return csvWriter(path, tmp, options);
  return process.env.CONTACT_PREP_XLSX_WRITER === 'exceljs'
    ? xlsxWriter(path, tmp, options)
    : xlsxStreamWriter(path, tmp, options);
}

const FLUSH_AT = 1 << 20;

function csvWriter(path: string, tmp: string, options: TableWriterOptions): TableWriter {
  const fd = openSync(tmp, 'w');
  let parts: string[] = options.csvBom === false ? [] : ['\uFEFF'];
  let size = 0;
  let open = true;
  const flush = () => {
    if (parts.length) writeSync(fd, parts.join(''));
    parts = [];
    size = 0;
  };
  const append = (text: string) => {
    parts.push(text);
    size += text.length;
    if (size >= FLUSH_AT) flush();
  };
  return {
    rowFormat: 'csv',
    write(cells, guard) {
      append(csvRecord(cells, guard && options.csvFormulaGuard !== false));
    },
    writeRows(rows) {
      if (rows.csv.length === 0) return;
      flush(); // text before these rows (BOM, template rows) goes first
      writeSync(fd, rows.csv);
    },
    async drain() {},
    async close() {
      flush();
      closeSync(fd);
      open = false;
      renameSync(tmp, path);
    },
    async abort() {
      if (open) closeSync(fd);
      open = false;
      rmSync(tmp, { force: true });
    },
  };
}

const MAX_BACKLOG = 8 << 20;

function zipBacklog(ws: ExcelJS.Worksheet): number {
  // archiver's streams come from readable-stream, which may lack `writableLength`.
  type Pipe = { writableLength?: number; _writableState?: { length?: number } };
  const stream = (ws as unknown as { _stream?: { pipes?: Pipe[] } })._stream;
  let n = 0;
  for (const p of stream?.pipes ?? []) n += p.writableLength ?? p._writableState?.length ?? 0;
  return n;
}

/** Our own streaming XLSX writer (see xlsx-writer.ts); exceljs stays available as a fallback. */
function xlsxStreamWriter(path: string, tmp: string, options: TableWriterOptions): TableWriter {
  const x = new XlsxWriter(tmp, { sheetName: options.sheetName, textColumns: options.textColumns });
  let open = true;
  return {
    rowFormat: 'xlsx',
    write(cells) {
      x.write(cells);
    },
    writeRows(rows) {
      for (const t of rows.xlsxRows) x.writeTemplate(t);
    },
    async drain() {},
    async close() {
      x.close();
      open = false;
      renameSync(tmp, path);
    },
    async abort() {
      if (open) x.abort();
      open = false;
      rmSync(tmp, { force: true });
    },
  };
}

function xlsxWriter(path: string, tmp: string, options: TableWriterOptions): TableWriter {
  // Shared strings off: constant memory for 1M rows. Every value is a string cell: exceljs
  // only writes a formula for a {formula} object, never for a string starting with "=".
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: tmp,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(options.sheetName ?? 'Contacts');
  if (options.textColumns)
    ws.columns = options.textColumns.map((text) => (text ? { style: { numFmt: '@' } } : {}));
  let failed: unknown;
  let rowNumber = 0;
  const write = (cells: readonly string[]) => {
    // Only non-empty cells are created: a SecuTix row is sparse (≈15 of 86 columns).
    const row = ws.getRow(++rowNumber);
    for (let i = 0; i < cells.length; i++) if (cells[i] !== '') row.getCell(i + 1).value = cells[i]!;
    row.commit();
  };
  return {
    rowFormat: 'cells',
    write,
    writeRows(rows) {
      for (const cells of rows.cells) write(cells);
    },
    async drain() {
      // exceljs ignores backpressure: rows are pushed into the zip entry's stream however slow
      // the deflate is, so wait for that backlog (a private field, checked defensively).
      for (let i = 0; i < 60_000; i++) {
        if (zipBacklog(ws) < MAX_BACKLOG) return;
        await new Promise((r) => setImmediate(r));
      }
    },
    async close() {
      if (failed) throw failed;
      ws.commit();
      await wb.commit();
      renameSync(tmp, path);
    },
    async abort() {
      try {
        ws.commit();
        await wb.commit();
      } catch (e) {
        failed = e;
      }
      rmSync(tmp, { force: true });
    },
  };
}
