import type { Workspace } from '../../src-main/core/db/workspace';

export interface SeedSource {
  fileName?: string;
  columns: string[];
  rows: string[][];
  role?: 'input' | 'reference';
}

/**
 * Inserts a source and its rows directly (as the import engine would store them), so mapping
 * tests do not depend on the importer. Rows are numbered from 2 (row 1 = header).
 */
export function seedSource(ws: Workspace, s: SeedSource): number {
  const columns = s.columns.map((name, index) => ({ index, name, originalName: name }));
  const sourceId = Number(
    ws.db
      .prepare(
        `INSERT INTO sources(file_name, file_path, file_size, sha256, format, columns_json, row_count, role, imported_at)
         VALUES (?, ?, 0, '', 'csv', ?, ?, ?, ?)`,
      )
      .run(
        s.fileName ?? 'customers.csv',
        `/tmp/${s.fileName ?? 'customers.csv'}`,
        JSON.stringify(columns),
        s.rows.length,
        s.role ?? 'input',
        new Date().toISOString(),
      ).lastInsertRowid,
  );
  const ins = ws.db.prepare('INSERT INTO source_rows(source_id, row_number, cells_json) VALUES (?, ?, ?)');
  ws.db.transaction(() => s.rows.forEach((r, i) => ins.run(sourceId, i + 2, JSON.stringify(r))))();
  return sourceId;
}
