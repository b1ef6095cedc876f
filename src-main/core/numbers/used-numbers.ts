import type { Database } from 'better-sqlite3';
import { matchHeader } from '../../../shared/mapping/header-match';
import { iterateSourceRows, listSources } from '../sources/source-store';
import { numberKey } from './number-settings';

/** Column of a reference export holding contact numbers: the SecuTix code or a usual header for it. */
export function referenceNumberColumn(
  columns: ReadonlyArray<{ index: number; name: string }>,
): number | undefined {
  const exact = columns.find((c) => c.name.trim().toUpperCase() === 'CONTACT_NR');
  if (exact) return exact.index;
  return columns.find((c) => (matchHeader(c.name, 'CONTACT_NR')?.score ?? 0) >= 0.9)?.index;
}

function hasTable(db: Database, name: string): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
}

/** Numbers held by existing SecuTix contacts: reference_contacts, and reference sources' number column. */
export function* referenceNumbers(db: Database): Generator<string> {
  if (hasTable(db, 'reference_contacts'))
    for (const r of db
      .prepare("SELECT contact_nr FROM reference_contacts WHERE contact_nr IS NOT NULL AND contact_nr != ''")
      .iterate() as Iterable<{ contact_nr: string }>)
      yield r.contact_nr.trim();
  for (const source of listSources(db, 'reference')) {
    const col = referenceNumberColumn(source.columns);
    if (col === undefined) continue;
    for (const batch of iterateSourceRows(db, source.id))
      for (const row of batch) {
        const v = row.cells[col]?.trim();
        if (v) yield v;
      }
  }
}

/**
 * Numbers of the workspace's contacts. By default every status but 'removed' (a merged contact
 * still owns its number until the merge is undone); 'active' for checks on exported rows.
 */
export function* workspaceNumbers(
  db: Database,
  which: 'taken' | 'active' = 'taken',
): Generator<{ id: number; nr: string; operation: string }> {
  const status = which === 'active' ? "status = 'active'" : "status != 'removed'";
  for (const r of db
    .prepare(
      `SELECT id, operation, json_extract(data, '$.CONTACT_NR') AS nr FROM contacts WHERE ${status} AND json_extract(data, '$.CONTACT_NR') IS NOT NULL`,
    )
    .iterate() as Iterable<{ id: number; nr: string; operation: string }>)
    yield { id: r.id, nr: String(r.nr), operation: r.operation };
}

/** Every number already taken, as numeric keys (`000123` and `123` collide). */
export function usedNumberKeys(db: Database): Set<string> {
  const used = new Set<string>();
  for (const { nr } of workspaceNumbers(db)) used.add(numberKey(nr.trim()));
  for (const nr of referenceNumbers(db)) used.add(numberKey(nr));
  return used;
}
