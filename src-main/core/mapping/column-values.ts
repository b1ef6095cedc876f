import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { resolveColumn } from '../../../shared/mapping/interpret';
import type { Transform } from '../../../shared/mapping/schema';
import { presetLookup, valueKey } from '../../../shared/mapping/value-maps';
import { getSource } from '../sources/source-store';

export interface ColumnValue {
  value: string;
  count: number;
  /** What a valueMap transform would make of it (undefined: not in its table). */
  mapped?: string;
}

/**
 * Distinct values of one source column, most frequent first — what a value map has to cover
 * (`Herr`, `Hr.`, `Monsieur`…). Counted in SQL over the whole source, so 1M rows stay fast.
 * With a valueMap transform, each value also shows what it would become.
 */
export function distinctColumnValues(
  db: Database,
  sourceId: number,
  column: string,
  options: { limit?: number; transform?: Transform } = {},
): { column: string; distinct: number; values: ColumnValue[] } {
  const source = getSource(db, sourceId);
  const col = resolveColumn(source.columns, column);
  if (!col)
    throw new AppError('mapping.unknown-column', `${source.fileName} has no column "${column}".`, { column });
  const path = `$[${col.index}]`;
  const rows = db
    .prepare(
      `SELECT trim(coalesce(json_extract(cells_json, ?), '')) AS value, count(*) AS count FROM source_rows
       WHERE source_id = ? GROUP BY 1 ORDER BY count DESC, value LIMIT ?`,
    )
    .all(path, sourceId, options.limit ?? 200) as Array<{ value: string; count: number }>;
  const distinct = (
    db
      .prepare(
        `SELECT count(DISTINCT trim(coalesce(json_extract(cells_json, ?), ''))) AS n FROM source_rows WHERE source_id = ?`,
      )
      .get(path, sourceId) as { n: number }
  ).n;
  const t = options.transform?.type === 'valueMap' ? options.transform : undefined;
  const explicit = t ? new Map(Object.entries(t.map).map(([k, v]) => [valueKey(k), v])) : undefined;
  return {
    column: col.name,
    distinct,
    values: rows.map((r) => {
      const v: ColumnValue = { value: String(r.value), count: r.count };
      if (t && v.value)
        v.mapped =
          explicit!.get(valueKey(v.value)) ?? (t.preset ? presetLookup(t.preset, v.value) : undefined);
      return v;
    }),
  };
}
