import type { Database, Statement } from 'better-sqlite3';
import type { ImportedSource } from '../../../shared/contract/import';
import { RowShaper, type RowSink, type ShapedTable, type TableTarget } from './row-shaper';

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

/**
 * Stores one source (a CSV file or one sheet) in the source layer, inside the caller's open job
 * transaction: the `sources` record on start, rows in multi-row INSERTs, and at the end the
 * column list, row count, file facts and warnings.
 */
export class SourceRowStore implements RowSink {
  private sourceId = 0;
  private readonly batchStmt: Statement;
  private readonly oneStmt: Statement;
  private readonly pending: unknown[] = [];

  constructor(
    private readonly conn: Database,
    private readonly meta: SourceMeta,
  ) {
    this.batchStmt = conn.prepare(
      `INSERT INTO source_rows(source_id, row_number, cells_json, flags) VALUES ${Array(BATCH).fill('(?,?,?,?)').join(',')}`,
    );
    this.oneStmt = conn.prepare(
      'INSERT INTO source_rows(source_id, row_number, cells_json, flags) VALUES (?,?,?,?)',
    );
  }

  start(headerRow: number): void {
    const m = this.meta;
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

  insert(rowNumber: number, json: string, flags: string | null): void {
    this.pending.push(this.sourceId, rowNumber, json, flags);
    if (this.pending.length === BATCH * 4) {
      this.batchStmt.run(this.pending);
      this.pending.length = 0;
    }
  }

  /** Writes the rest and the source's final facts; returns the import summary of this source. */
  finish(file: { size: number; sha256: string }, table: ShapedTable): ImportedSource {
    for (let i = 0; i < this.pending.length; i += 4) {
      this.oneStmt.run(this.pending[i], this.pending[i + 1], this.pending[i + 2], this.pending[i + 3]);
    }
    this.pending.length = 0;
    this.conn
      .prepare('UPDATE sources SET file_size = ?, sha256 = ?, columns_json = ?, row_count = ? WHERE id = ?')
      .run(file.size, file.sha256, JSON.stringify(table.columns), table.rows, this.sourceId);
    const insertWarning = this.conn.prepare(
      'INSERT INTO import_warnings(source_id, row_number, column_name, code, message) VALUES (?, ?, ?, ?, ?)',
    );
    const warnings = table.warnings.slice().sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    for (const w of warnings) insertWarning.run(this.sourceId, w.row, w.column ?? null, w.code, w.message);
    return {
      id: this.sourceId,
      fileName: this.meta.fileName,
      sheet: this.meta.sheet,
      rows: table.rows,
      columns: table.columns.map((c) => c.name),
      encoding: this.meta.encoding,
      delimiter: this.meta.delimiter,
      headerRow: table.headerRow,
      warnings,
    };
  }
}

/** A table written straight to the database on the current thread: RowShaper + SourceRowStore. */
export class SourceWriter implements TableTarget {
  private readonly store: SourceRowStore;
  private readonly shaper: RowShaper;

  constructor(conn: Database, meta: SourceMeta) {
    this.store = new SourceRowStore(conn, meta);
    this.shaper = new RowShaper(this.store, meta.format);
  }

  get started(): boolean {
    return this.shaper.started;
  }

  get rows(): number {
    return this.shaper.rows;
  }

  get headerRowNumber(): number {
    return this.shaper.headerRowNumber;
  }

  start(headerRow: number, header: string[] | null): void {
    this.shaper.start(headerRow, header);
  }

  warn(row: number | null, code: string, message: string, column?: string): void {
    this.shaper.warn(row, code, message, column);
  }

  add(rowNumber: number, cells: string[], json?: string): void {
    this.shaper.add(rowNumber, cells, json);
  }

  finish(file: { size: number; sha256: string }, headerOverrides?: Map<number, string>): ImportedSource {
    return this.store.finish(file, this.shaper.result(headerOverrides));
  }
}
