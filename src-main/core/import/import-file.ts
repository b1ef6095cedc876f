import { basename, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportOptions, ImportSummary } from '../../../shared/contract/import';
import { AppError } from '../../../shared/errors';
import { stagedWrite } from '../db/staged-write';
import type { Workspace } from '../db/workspace';
import type { JobContext } from '../jobs/job-runner';
import { readCsvInto } from './csv-import';
import { sniffFileKind } from './file-kind';
import type { ReadHooks } from './read-hooks';
import { readXlsxInto } from './xlsx-import';

/** Checks the file and options, then reads it into `conn` (shared by import and preview). */
export async function readFileInto(
  conn: Database,
  path: string,
  options: ImportOptions,
  hooks: ReadHooks,
): Promise<ImportSummary & { format: 'csv' | 'xlsx' }> {
  const filePath = resolve(path);
  const kind = sniffFileKind(filePath);
  if (kind === 'csv' && (options.sheet || options.allSheets)) {
    throw new AppError(
      'import.sheet-on-csv',
      `${basename(filePath)} is a text (CSV) file: it has no sheets.`,
      {
        path: filePath,
      },
    );
  }
  const summary =
    kind === 'csv'
      ? await readCsvInto(conn, filePath, options, hooks)
      : await readXlsxInto(conn, filePath, options, hooks);
  return { ...summary, format: kind };
}

/**
 * The import job body: reads a CSV/XLSX file into the source layer of the workspace.
 * Everything is written in ONE transaction on a job connection, so a bad file, a cancel or a
 * crash leaves the workspace exactly as it was (no source, no partial rows).
 */
export async function importFile(
  ws: Workspace,
  path: string,
  options: ImportOptions,
  ctx: JobContext,
): Promise<ImportSummary> {
  const conn = ws.openJobConnection();
  try {
    // This connection only inserts sources and their rows (ids it just created), so the per-row
    // foreign-key lookup can be skipped; the pragma must be set outside a transaction.
    conn.pragma('foreign_keys = OFF');
    const { sources } = await stagedWrite(conn, (c) =>
      readFileInto(c, path, options, { progress: ctx.progress, checkpoint: ctx.checkpoint }),
    );
    return { sources };
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') {
      throw new AppError(
        'import.workspace-busy',
        `The workspace is busy with another change (an import or a job still running); import ${basename(path)} again when it has finished.`,
        { path },
      );
    }
    throw e;
  } finally {
    conn.close();
  }
}
