import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportOptions, ImportSummary } from '../../../shared/contract/import';
import { AppError } from '../../../shared/errors';
import { planCsv, readCsv } from './csv-reader';
import type { ReadHooks } from './read-hooks';
import { storeCsvFromWorker } from './csv-parallel-import';
import { SourceWriter, type SourceMeta } from './source-writer';
import { TableAssembler } from './table-assembler';
import { usesBundledWorkers } from '../workers/spawn';

/** Reads one CSV/TSV/TXT file into a new source on `conn` (inside the caller's transaction). */
/**
 * Files from this size on are parsed on a second core; below it, starting the worker costs more
 * than it saves. From sources (tsx: dev, tests) a worker compiles its TypeScript on start (about
 * a second); from the bundle (the product, or CONTACT_PREP_BUNDLED_WORKERS=1 as the bench runs)
 * it starts in well under 100 ms.
 */
export function parallelMinBytes(): number {
  return usesBundledWorkers() ? 4 * 1024 * 1024 : 32 * 1024 * 1024;
}

export async function readCsvInto(
  conn: Database,
  filePath: string,
  options: ImportOptions,
  hooks: ReadHooks,
  parallel: 'auto' | 'always' | 'never' = 'auto',
): Promise<ImportSummary> {
  const fileName = basename(filePath);
  const plan = planCsv(filePath, options);
  const meta: SourceMeta = {
    fileName,
    filePath,
    format: 'csv',
    encoding: plan.encoding.encoding,
    delimiter: plan.dialect.delimiter,
    quoteChar: plan.dialect.quoteChar,
    sheet: null,
    role: options.role ?? 'input',
    options: { ...options },
  };
  const total = statSync(filePath).size;
  const useWorker =
    hooks.stopAfterRows === undefined &&
    (parallel === 'always' || (parallel === 'auto' && total >= parallelMinBytes()));
  if (useWorker) {
    const source = await storeCsvFromWorker(
      conn,
      { path: filePath, plan, headerRow: options.headerRow },
      meta,
      hooks,
      total,
    );
    return { sources: [source] };
  }
  const writer = new SourceWriter(conn, meta);
  const table = new TableAssembler(writer, options.headerRow, fileName);
  // Progress is counted in bytes: the row count of a text file is unknown until its end.
  const phase = `Importing ${fileName}`;
  const stopAfter = hooks.stopAfterRows;
  const read = await readCsv(
    filePath,
    plan,
    (row, cells, json) => table.push(row, cells, json),
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
