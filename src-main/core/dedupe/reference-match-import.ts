import type { Workspace } from '../db/workspace';
import { importFile } from '../import/import-file';
import type { JobContext } from '../jobs/job-runner';
import { loadReferenceSource, type ReferenceLoadSummary } from './reference-match-store';

/**
 * Imports a SecuTix export (XLSX/CSV, field codes on row `headerRow`, 4 by default) with the
 * import engine as a 'reference' source, then loads it as existing contacts.
 */
export async function importReferenceFile(
  ws: Workspace,
  path: string,
  ctx: JobContext,
  options: { headerRow?: number; sheet?: string } = {},
): Promise<ReferenceLoadSummary[]> {
  const summary = await importFile(
    ws,
    path,
    { role: 'reference', headerRow: options.headerRow ?? 4, sheet: options.sheet },
    ctx,
  );
  return summary.sources.map((s) => loadReferenceSource(ws, s.id));
}
