import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportOptions, ImportSummary } from '../../../shared/contract/import';
import type { Workspace } from '../../../src-main/core/db/workspace';
import { importFile } from '../../../src-main/core/import/import-file';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { getSourceRows, listSources } from '../../../src-main/core/sources/source-store';
import { tempDir } from '../../helpers/temp-workspace';
import { SHARED_DATA } from '../../helpers/shared-data';

export const DATA = SHARED_DATA;

/** Runs the import job the way hosts do (JobManager) and returns its summary. */
export async function runImport(
  ws: Workspace,
  path: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return new JobManager(ws.db).start('import', (ctx) => importFile(ws, path, options, ctx)).done;
}

/** All stored rows of a source: [rowNumber, cells, flags]. */
export function storedRows(ws: Workspace, sourceId: number) {
  return getSourceRows(ws.db, sourceId, { limit: 1_000_000, offset: 0 }).map((r) => ({
    row: r.rowNumber,
    cells: r.cells,
    flags: r.flags,
  }));
}

/** Rows as objects keyed by column name (the shape of csv-spectrum's golden JSON). */
export function rowsAsObjects(ws: Workspace, sourceId: number): Array<Record<string, string>> {
  const source = listSources(ws.db).find((s) => s.id === sourceId)!;
  return storedRows(ws, sourceId).map((r) =>
    Object.fromEntries(source.columns.map((c, i) => [c.name, r.cells[i] ?? ''])),
  );
}

/** Writes bytes to a file in a fresh temp dir and returns its path. */
export function writeTemp(name: string, content: Buffer | string): string {
  const path = join(tempDir('cprep-import-'), name);
  writeFileSync(path, content);
  return path;
}

/** Everything that must not change when an import fails or is cancelled. */
export function workspaceState(ws: Workspace) {
  const count = (t: string) => ws.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  return { sources: count('sources'), rows: count('source_rows'), warnings: count('import_warnings') };
}
