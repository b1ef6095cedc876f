import type { Database } from 'better-sqlite3';
import { suggestMapping, type SuggestionResult } from '../../../shared/mapping/suggest';
import { getSource } from '../sources/source-store';

/** Rows profiled per column: enough to see what a column holds, cheap on a 1M-row source. */
export const SUGGESTION_SAMPLE_ROWS = 500;

/**
 * Up to `n` rows spread evenly over the whole source (not just its top: files are often sorted,
 * and a column may be empty in the first rows). One indexed lookup per sampled row.
 */
export function sampleSourceRows(db: Database, sourceId: number, n: number): string[][] {
  const range = db
    .prepare('SELECT min(id) AS lo, max(id) AS hi, count(*) AS total FROM source_rows WHERE source_id = ?')
    .get(sourceId) as { lo: number | null; hi: number | null; total: number };
  if (range.lo === null || range.hi === null) return [];
  if (range.total <= n)
    return (
      db
        .prepare('SELECT cells_json FROM source_rows WHERE source_id = ? ORDER BY id')
        .pluck()
        .all(sourceId) as string[]
    ).map((j) => JSON.parse(j) as string[]);
  const at = db.prepare(
    'SELECT id, cells_json FROM source_rows WHERE +source_id = ? AND id >= ? ORDER BY id LIMIT 1',
  );
  const out: string[][] = [];
  let lastId = 0;
  const step = (range.hi - range.lo) / n;
  for (let i = 0; i < n; i++) {
    const r = at.get(sourceId, Math.max(lastId + 1, Math.floor(range.lo + i * step))) as
      { id: number; cells_json: string } | undefined;
    if (!r) break;
    lastId = r.id;
    out.push(JSON.parse(r.cells_json) as string[]);
  }
  return out;
}

/** Suggests a mapping for a source from its headers and a sample of its rows. */
export function suggestForSource(
  db: Database,
  sourceId: number,
  sampleRows = SUGGESTION_SAMPLE_ROWS,
): SuggestionResult {
  const source = getSource(db, sourceId);
  return suggestMapping(source.columns, sampleSourceRows(db, sourceId, sampleRows));
}
