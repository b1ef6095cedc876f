import type { ContactData, Operation } from '../../../shared/domain';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import type { Workspace } from '../../../src-main/core/db/workspace';

/** Inserts a source (with its rows) the way the import engine records one. */
export function seedSource(
  ws: Workspace,
  fileName: string,
  importedAt: string,
  role: 'input' | 'reference' = 'input',
): number {
  return Number(
    ws.db
      .prepare(
        `INSERT INTO sources(file_name, file_path, file_size, sha256, format, columns_json, row_count, role, imported_at)
         VALUES (?, ?, 0, '', 'csv', '[]', 0, ?, ?)`,
      )
      .run(fileName, `/tmp/${fileName}`, role, importedAt).lastInsertRowid,
  );
}

/** A contact with a source row (row number = provenance) in the given source. */
export function seedContact(
  ws: Workspace,
  sourceId: number | null,
  rowNumber: number,
  data: ContactData,
  operation: Operation = 'INSERT',
): number {
  const rowId =
    sourceId === null
      ? null
      : Number(
          ws.db
            .prepare('INSERT INTO source_rows(source_id, row_number, cells_json) VALUES (?, ?, ?)')
            .run(sourceId, rowNumber, JSON.stringify(Object.values(data))).lastInsertRowid,
        );
  return contactInserter(ws.db)({ sourceId, sourceRowId: rowId, data, operation });
}

/** A detection run with clusters, as the detection engineer's code writes them. */
export function seedClusters(
  ws: Workspace,
  clusters: Array<{ band: 'sure' | 'review'; members: number[] }>,
): number[] {
  const runId = Number(
    ws.db.prepare("INSERT INTO dedupe_runs(started_at) VALUES ('2026-11-25T00:00:00Z')").run()
      .lastInsertRowid,
  );
  return clusters.map((c) =>
    Number(
      ws.db
        .prepare('INSERT INTO dedupe_clusters(run_id, band, size, member_ids_json) VALUES (?, ?, ?, ?)')
        .run(runId, c.band, c.members.length, JSON.stringify(c.members)).lastInsertRowid,
    ),
  );
}
