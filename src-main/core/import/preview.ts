import { basename, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { FilePreview, ImportOptions } from '../../../shared/contract/import';
import { up as createSourceLayer } from '../db/migrations/0001-source-layer';
import { getSource, getSourceRows } from '../sources/source-store';
import { readFileInto } from './import-file';
import { sniffFileKind } from './file-kind';
import { openWorkbook } from './xlsx-workbook';

/**
 * The first `limit` rows of a file as the import would store them, with the detected settings.
 * It runs the real import code into a throw-away in-memory database, so the preview can never
 * disagree with the import, and no workspace is touched.
 */
export async function previewFile(
  path: string,
  options: ImportOptions = {},
  limit = 50,
): Promise<FilePreview> {
  const filePath = resolve(path);
  const format = sniffFileKind(filePath);
  const sheets =
    format === 'xlsx'
      ? openWorkbook(filePath).sheets.map(({ name, state, kind }) => ({ name, state, kind }))
      : [];
  const scratch = new Database(':memory:');
  try {
    createSourceLayer(scratch);
    const { sources } = await readFileInto(
      scratch,
      filePath,
      { ...options, allSheets: undefined },
      { progress: () => undefined, checkpoint: async () => undefined, stopAfterRows: limit },
    );
    const first = sources[0]!;
    const source = getSource(scratch, first.id);
    const rows = getSourceRows(scratch, first.id, { limit, offset: 0 });
    const lastRow = rows.at(-1)?.rowNumber ?? first.headerRow;
    return {
      fileName: basename(filePath),
      format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      quoteChar: source.quoteChar,
      sheet: source.sheet,
      sheets,
      headerRow: first.headerRow,
      columns: first.columns,
      rows: rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells, flags: r.flags })),
      warnings: first.warnings.filter((w) => w.row === null || w.row <= lastRow),
    };
  } finally {
    scratch.close();
  }
}
