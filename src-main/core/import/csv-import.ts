import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportOptions, ImportSummary } from '../../../shared/contract/import';
import { AppError } from '../../../shared/errors';
import { planCsv, readCsv } from './csv-reader';
import type { ReadHooks } from './read-hooks';
import { SourceWriter } from './source-writer';
import { TableAssembler } from './table-assembler';

/** Reads one CSV/TSV/TXT file into a new source on `conn` (inside the caller's transaction). */
export async function readCsvInto(
  conn: Database,
  filePath: string,
  options: ImportOptions,
  hooks: ReadHooks,
): Promise<ImportSummary> {
  const fileName = basename(filePath);
  const plan = planCsv(filePath, options);
  const writer = new SourceWriter(conn, {
    fileName,
    filePath,
    format: 'csv',
    encoding: plan.encoding.encoding,
    delimiter: plan.dialect.delimiter,
    quoteChar: plan.dialect.quoteChar,
    sheet: null,
    role: options.role ?? 'input',
    options: { ...options },
  });
  const table = new TableAssembler(writer, options.headerRow, fileName);
  // Progress is counted in bytes: the row count of a text file is unknown until its end.
  const phase = `Importing ${fileName}`;
  const total = statSync(filePath).size;
  const stopAfter = hooks.stopAfterRows;
  const read = await readCsv(
    filePath,
    plan,
    (row, cells) => table.push(row, cells),
    async (bytes) => {
      hooks.progress(phase, bytes, total);
      await hooks.checkpoint();
      return stopAfter !== undefined && writer.rows >= stopAfter;
    },
  );
  if (!table.end()) {
    throw new AppError('import.no-data', `${fileName} contains no rows (only blank lines).`, {
      path: filePath,
    });
  }
  for (const p of read.problems) writer.warn(p.row, p.code, p.message);
  hooks.progress(phase, total, total);
  return { sources: [writer.finish({ size: read.size, sha256: read.sha256 })] };
}
