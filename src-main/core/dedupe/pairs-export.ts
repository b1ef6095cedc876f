import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { SourceColumn } from '../sources/source-store';

/**
 * Labels contacts by a source column (`--id-column rec_id`) or, by default, by their source row
 * number, reading the cell through the contact's source_row_id. Contacts without a source row
 * (created in the app) are labelled `#<contact id>`.
 */
export function contactLabeller(db: Database, idColumn?: string): (contactId: number) => string {
  const columnsOf = new Map<number, number>();
  const stmt = db.prepare(
    'SELECT r.source_id, r.row_number, r.cells_json FROM contacts c JOIN source_rows r ON r.id = c.source_row_id WHERE c.id = ?',
  );
  const sourceStmt = db.prepare('SELECT columns_json, file_name FROM sources WHERE id = ?');
  const columnIndex = (sourceId: number): number => {
    let idx = columnsOf.get(sourceId);
    if (idx !== undefined) return idx;
    const s = sourceStmt.get(sourceId) as { columns_json: string; file_name: string };
    const cols = JSON.parse(s.columns_json) as SourceColumn[];
    const want = idColumn!.trim().toLowerCase();
    const col =
      cols.find((c) => c.name === idColumn) ?? cols.find((c) => c.name.trim().toLowerCase() === want);
    if (!col) {
      throw new AppError(
        'dedupe.unknown-id-column',
        `Source ${s.file_name} has no column "${idColumn}". Columns: ${cols.map((c) => c.name).join(', ')}.`,
        { idColumn },
      );
    }
    columnsOf.set(sourceId, (idx = col.index));
    return idx;
  };
  return (contactId) => {
    const r = stmt.get(contactId) as
      { source_id: number; row_number: number; cells_json: string } | undefined;
    if (!r) return `#${contactId}`;
    if (!idColumn) return String(r.row_number);
    const cells = JSON.parse(r.cells_json) as string[];
    return (cells[columnIndex(r.source_id)] ?? '').trim();
  };
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Writes `id_a,id_b,score` for every pair inside a duplicate group of the latest run (direct and
 * implied pairs; pairs the chain guard kept apart are not duplicates of each other). Returns the
 * number of lines written.
 */
export async function writePairsCsv(db: Database, path: string, idColumn?: string): Promise<number> {
  const label = contactLabeller(db, idColumn);
  const out = createWriteStream(path, { encoding: 'utf8' });
  let n = 0;
  try {
    const write = async (s: string) => {
      if (!out.write(s)) await once(out, 'drain');
    };
    await write('id_a,id_b,score\n');
    const rows = db
      .prepare('SELECT a, b, score FROM dedupe_pairs WHERE cluster_id IS NOT NULL ORDER BY a, b')
      .raw()
      .iterate() as IterableIterator<[number, number, number]>;
    for (const [a, b, score] of rows) {
      await write(`${csvCell(label(a))},${csvCell(label(b))},${score.toFixed(4)}\n`);
      n++;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return n;
}
