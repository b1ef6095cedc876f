import type { Database, Statement } from 'better-sqlite3';
import type { ImportedSource, ImportWarning } from '../../../shared/contract/import';
import type { SourceColumn } from '../sources/source-store';
import { extraColumnName, uniqueColumnNames } from './header';

export interface SourceMeta {
  fileName: string;
  filePath: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  quoteChar: string | null;
  sheet: string | null;
  role: 'input' | 'reference';
  options: Record<string, unknown>;
}

/** Rows per multi-row INSERT: one statement call per batch instead of per row. */
const BATCH = 100;
/** Stored warnings per code and source; the rest are counted in one summary warning. */
const MAX_WARNINGS_PER_CODE = 200;

/**
 * Writes one source (a CSV file or one sheet) into the source layer of an open job transaction.
 * Invariant: every record after the header is stored with its cells exactly as read — short rows
 * are not padded, long rows keep their extra cells (named `_extra_N` in the column list); only
 * rows whose cells are all empty or whitespace are skipped, and those are counted in a warning.
 */
export class SourceWriter {
  private readonly conn: Database;
  private readonly meta: SourceMeta;
  private sourceId = 0;
  private headerRow = 0;
  private headerCells: string[] = [];
  private width = 0;
  private maxWidth = 0;
  private rowCount = 0;
  private readonly warnings: ImportWarning[] = [];
  private readonly warningCounts = new Map<string, number>();
  private readonly skippedBlank: number[] = [];
  private skippedBlankCount = 0;
  private readonly batchStmt: Statement;
  private readonly oneStmt: Statement;
  private readonly pending: unknown[] = [];

  constructor(conn: Database, meta: SourceMeta) {
    this.conn = conn;
    this.meta = meta;
    this.batchStmt = conn.prepare(
      `INSERT INTO source_rows(source_id, row_number, cells_json, flags) VALUES ${Array(BATCH).fill('(?,?,?,?)').join(',')}`,
    );
    this.oneStmt = conn.prepare(
      'INSERT INTO source_rows(source_id, row_number, cells_json, flags) VALUES (?,?,?,?)',
    );
  }

  get started(): boolean {
    return this.sourceId !== 0;
  }

  get rows(): number {
    return this.rowCount;
  }

  get headerRowNumber(): number {
    return this.headerRow;
  }

  /** Creates the source record; `header` is null when the file has no header row (headerRow 0). */
  start(headerRow: number, header: string[] | null): void {
    const m = this.meta;
    this.headerRow = headerRow;
    this.headerCells = header ?? [];
    this.width = this.headerCells.length;
    this.maxWidth = this.width;
    const info = this.conn
      .prepare(
        `INSERT INTO sources(file_name, file_path, file_size, sha256, format, encoding, delimiter, quote_char, sheet,
           header_row, columns_json, row_count, role, options_json, imported_at)
         VALUES (?, ?, 0, '', ?, ?, ?, ?, ?, ?, '[]', 0, ?, ?, ?)`,
      )
      .run(
        m.fileName,
        m.filePath,
        m.format,
        m.encoding,
        m.delimiter,
        m.quoteChar,
        m.sheet,
        headerRow,
        m.role,
        JSON.stringify(m.options),
        new Date().toISOString(),
      );
    this.sourceId = Number(info.lastInsertRowid);
  }

  warn(row: number | null, code: string, message: string, column?: string): void {
    const n = (this.warningCounts.get(code) ?? 0) + 1;
    this.warningCounts.set(code, n);
    if (n <= MAX_WARNINGS_PER_CODE)
      this.warnings.push(column ? { row, column, code, message } : { row, code, message });
  }

  /** Stores one data record. `cells` must not be reused by the caller. */
  add(rowNumber: number, cells: string[]): void {
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      if (c !== '' && c.trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) {
      this.skippedBlankCount++;
      if (this.skippedBlank.length < 20) this.skippedBlank.push(rowNumber);
      return;
    }
    if (this.meta.format === 'xlsx') fitToHeader(cells, this.width);
    let flags: string | null = null;
    const n = cells.length;
    if (n !== this.width && this.width > 0) flags = this.raggedFlag(rowNumber, cells);
    else if (n > this.maxWidth) this.maxWidth = n;
    this.pending.push(this.sourceId, rowNumber, JSON.stringify(cells), flags);
    this.rowCount++;
    if (this.pending.length === BATCH * 4) {
      this.batchStmt.run(this.pending);
      this.pending.length = 0;
    }
  }

  private raggedFlag(rowNumber: number, cells: string[]): string {
    const n = cells.length;
    if (n < this.width) {
      this.warn(
        rowNumber,
        'ragged_short',
        `Row ${rowNumber} has ${n} cell${n === 1 ? '' : 's'}, the header has ${this.width}; the missing cells are treated as empty.`,
      );
      return 'ragged_short';
    }
    if (n > this.maxWidth) this.maxWidth = n;
    const extra = cells.slice(this.width);
    const allEmpty = extra.every((c) => c === '');
    this.warn(
      rowNumber,
      'ragged_long',
      allEmpty
        ? `Row ${rowNumber} has ${n} cells, the header has ${this.width}; the extra cell${extra.length === 1 ? ' is' : 's are'} empty (trailing delimiter?).`
        : `Row ${rowNumber} has ${n} cells, the header has ${this.width}; the extra values are kept in column${extra.length === 1 ? '' : 's'} ${extra.map((_, i) => extraColumnName(i + 1)).join(', ')}.`,
    );
    return 'ragged_long';
  }

  private flush(): void {
    for (let i = 0; i < this.pending.length; i += 4) {
      this.oneStmt.run(this.pending[i], this.pending[i + 1], this.pending[i + 2], this.pending[i + 3]);
    }
    this.pending.length = 0;
  }

  /** Final column list: header names made unique, plus `_extra_N` for cells beyond the header. */
  columns(headerOverrides?: Map<number, string>): SourceColumn[] {
    const header = this.headerCells.slice();
    if (headerOverrides) {
      for (const [i, name] of headerOverrides) {
        while (header.length <= i) header.push('');
        if (header[i] === '') header[i] = name;
      }
    }
    const names = uniqueColumnNames(header);
    const cols: SourceColumn[] = names.map((name, index) => ({
      index,
      name,
      originalName: this.headerCells[index] ?? '',
    }));
    for (let i = names.length; i < this.maxWidth; i++) {
      cols.push({
        index: i,
        name: this.width === 0 ? `Column_${i + 1}` : extraColumnName(i - names.length + 1),
        originalName: '',
      });
    }
    return cols;
  }

  /** Flushes rows, records columns, file facts and warnings; returns the summary of this source. */
  finish(file: { size: number; sha256: string }, headerOverrides?: Map<number, string>): ImportedSource {
    this.flush();
    if (this.skippedBlankCount > 0) {
      const list =
        this.skippedBlank.join(', ') + (this.skippedBlankCount > this.skippedBlank.length ? ', …' : '');
      this.warnings.push({
        row: this.skippedBlank[0]!,
        code: 'blank_rows_skipped',
        message: `${this.skippedBlankCount} row${this.skippedBlankCount === 1 ? '' : 's'} with no value skipped (row${this.skippedBlankCount === 1 ? '' : 's'} ${list}).`,
      });
    }
    for (const [code, n] of this.warningCounts) {
      if (n > MAX_WARNINGS_PER_CODE) {
        this.warnings.push({
          row: null,
          code: 'warnings_truncated',
          message: `${n - MAX_WARNINGS_PER_CODE} more "${code}" warnings not listed (${n} in total).`,
        });
      }
    }
    const columns = this.columns(headerOverrides);
    this.conn
      .prepare('UPDATE sources SET file_size = ?, sha256 = ?, columns_json = ?, row_count = ? WHERE id = ?')
      .run(file.size, file.sha256, JSON.stringify(columns), this.rowCount, this.sourceId);
    const insertWarning = this.conn.prepare(
      'INSERT INTO import_warnings(source_id, row_number, column_name, code, message) VALUES (?, ?, ?, ?, ?)',
    );
    for (const w of this.warnings)
      insertWarning.run(this.sourceId, w.row, w.column ?? null, w.code, w.message);
    return {
      id: this.sourceId,
      fileName: this.meta.fileName,
      sheet: this.meta.sheet,
      rows: this.rowCount,
      columns: columns.map((c) => c.name),
      encoding: this.meta.encoding,
      delimiter: this.meta.delimiter,
      headerRow: this.headerRow,
      warnings: this.warnings,
    };
  }
}

/**
 * A sheet row simply omits empty cells, so a row shorter than the header is not ragged: it is
 * padded with empty cells; empty cells beyond the header width are dropped for the same reason.
 */
function fitToHeader(cells: string[], width: number): void {
  while (cells.length < width) cells.push('');
  while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
}
