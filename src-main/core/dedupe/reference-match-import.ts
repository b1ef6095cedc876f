import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Workspace } from '../db/workspace';
import { importFile } from '../import/import-file';
import type { JobContext } from '../jobs/job-runner';
import { loadReferenceSource, type ReferenceLoadSummary } from './reference-match-store';

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Imports a SecuTix export (XLSX/CSV, field codes on row `headerRow`, 4 by default) with the
 * import engine as a 'reference' source, then loads it as existing contacts. The same file
 * (same content) loaded again is reused, not imported twice (`reused: true`).
 */
export async function importReferenceFile(
  ws: Workspace,
  path: string,
  ctx: JobContext,
  options: { headerRow?: number; sheet?: string } = {},
): Promise<Array<ReferenceLoadSummary & { reused: boolean }>> {
  const sha = await sha256Of(resolve(path));
  const known = ws.db
    .prepare("SELECT id FROM sources WHERE role = 'reference' AND sha256 = ? ORDER BY id")
    .all(sha) as Array<{ id: number }>;
  if (known.length)
    return known.map((s) => ({ ...loadReferenceSource(ws, s.id, { reload: false }), reused: true }));
  const summary = await importFile(
    ws,
    path,
    { role: 'reference', headerRow: options.headerRow ?? 4, sheet: options.sheet },
    ctx,
  );
  try {
    return summary.sources.map((s) => ({ ...loadReferenceSource(ws, s.id), reused: false }));
  } catch (e) {
    // Not a SecuTix export (no CONTACT_NR): do not leave the file behind as a reference source.
    const drop = ws.db.prepare('DELETE FROM sources WHERE id = ?');
    ws.db.transaction(() => summary.sources.forEach((s) => drop.run(s.id)))();
    throw e;
  }
}
