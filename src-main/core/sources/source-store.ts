import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

/** A column of an imported source, as named in the file (made unique) and its position. */
export interface SourceColumn {
  index: number;
  name: string;
  /** The header text as read, before making it unique/non-empty. */
  originalName: string;
}

export interface SourceInfo {
  id: number;
  fileName: string;
  filePath: string;
  fileSize: number;
  sha256: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  quoteChar: string | null;
  sheet: string | null;
  headerRow: number | null;
  columns: SourceColumn[];
  rowCount: number;
  role: 'input' | 'reference';
  options: Record<string, unknown>;
  importedAt: string;
}

export interface SourceRow {
  id: number;
  sourceId: number;
  /** 1-based row (XLSX) or line (CSV, where the record starts) in the original file. */
  rowNumber: number;
  /** Cell values exactly as read, in column order. */
  cells: string[];
  flags: string[];
}

interface SourceDbRow {
  id: number;
  file_name: string;
  file_path: string;
  file_size: number;
  sha256: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  quote_char: string | null;
  sheet: string | null;
  header_row: number | null;
  columns_json: string;
  row_count: number;
  role: 'input' | 'reference';
  options_json: string;
  imported_at: string;
}

function toSource(r: SourceDbRow): SourceInfo {
  return {
    id: r.id,
    fileName: r.file_name,
    filePath: r.file_path,
    fileSize: r.file_size,
    sha256: r.sha256,
    format: r.format,
    encoding: r.encoding,
    delimiter: r.delimiter,
    quoteChar: r.quote_char,
    sheet: r.sheet,
    headerRow: r.header_row,
    columns: JSON.parse(r.columns_json) as SourceColumn[],
    rowCount: r.row_count,
    role: r.role,
    options: JSON.parse(r.options_json) as Record<string, unknown>,
    importedAt: r.imported_at,
  };
}

export function listSources(db: Database, role?: 'input' | 'reference'): SourceInfo[] {
  const rows = (
    role
      ? db.prepare('SELECT * FROM sources WHERE role = ? ORDER BY id').all(role)
      : db.prepare('SELECT * FROM sources ORDER BY id').all()
  ) as SourceDbRow[];
  return rows.map(toSource);
}

export function getSource(db: Database, id: number): SourceInfo {
  const r = db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as SourceDbRow | undefined;
  if (!r) throw new AppError('source.not-found', `Source ${id} does not exist in this workspace.`, { id });
  return toSource(r);
}

interface SourceRowDb {
  id: number;
  source_id: number;
  row_number: number;
  cells_json: string;
  flags: string | null;
}

function toRow(r: SourceRowDb): SourceRow {
  return {
    id: r.id,
    sourceId: r.source_id,
    rowNumber: r.row_number,
    cells: JSON.parse(r.cells_json) as string[],
    flags: r.flags ? r.flags.split(',') : [],
  };
}

/** Source rows of one source in file order, in batches (keyset pagination: bounded memory). */
export function* iterateSourceRows(db: Database, sourceId: number, batchSize = 5000): Generator<SourceRow[]> {
  // `+source_id` keeps SQLite off the (source_id, row_number) index: with it, every batch read
  // all rows of the source and sorted them by id (O(n²) on 1M rows). The rowid range scan is
  // linear because a source's rows are inserted together, so their ids are contiguous.
  const stmt = db.prepare(
    'SELECT id, source_id, row_number, cells_json, flags FROM source_rows WHERE +source_id = ? AND id > ? ORDER BY id LIMIT ?',
  );
  let after = 0;
  for (;;) {
    const rows = stmt.all(sourceId, after, batchSize) as SourceRowDb[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    yield rows.map(toRow);
  }
}

export function getSourceRows(
  db: Database,
  sourceId: number,
  options: { limit: number; offset: number },
): SourceRow[] {
  return (
    db
      .prepare(
        'SELECT id, source_id, row_number, cells_json, flags FROM source_rows WHERE source_id = ? ORDER BY id LIMIT ? OFFSET ?',
      )
      .all(sourceId, options.limit, options.offset) as SourceRowDb[]
  ).map(toRow);
}

export function getSourceRow(db: Database, rowId: number): SourceRow | undefined {
  const r = db
    .prepare('SELECT id, source_id, row_number, cells_json, flags FROM source_rows WHERE id = ?')
    .get(rowId) as SourceRowDb | undefined;
  return r && toRow(r);
}

/** Provenance of a contact's source row, for reports: "customers.xlsx, sheet Export, row 17". */
export function provenanceOf(
  db: Database,
  sourceRowId: number | null,
): { fileName: string; sheet: string | null; rowNumber: number } | null {
  if (sourceRowId == null) return null;
  const r = db
    .prepare(
      'SELECT s.file_name, s.sheet, r.row_number FROM source_rows r JOIN sources s ON s.id = r.source_id WHERE r.id = ?',
    )
    .get(sourceRowId) as { file_name: string; sheet: string | null; row_number: number } | undefined;
  return r ? { fileName: r.file_name, sheet: r.sheet, rowNumber: r.row_number } : null;
}
