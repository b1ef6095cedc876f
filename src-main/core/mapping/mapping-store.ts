import type { Database } from 'better-sqlite3';
import { mappingSchema, type CellProblem, type Mapping } from '../../../shared/mapping/schema';

export type MappingOrigin = 'suggested' | 'template' | 'user';

export interface StoredMapping {
  sourceId: number;
  mapping: Mapping;
  origin: MappingOrigin;
  templateName: string | null;
  updatedAt: string;
  appliedAt: string | null;
  appliedContacts: number | null;
}

interface Row {
  source_id: number;
  mapping_json: string;
  origin: MappingOrigin;
  template_name: string | null;
  updated_at: string;
  applied_at: string | null;
  applied_contacts: number | null;
}

/** The workspace's current mapping of a source, or undefined when none was saved yet. */
export function getSourceMapping(db: Database, sourceId: number): StoredMapping | undefined {
  const r = db.prepare('SELECT * FROM source_mappings WHERE source_id = ?').get(sourceId) as Row | undefined;
  if (!r) return undefined;
  return {
    sourceId: r.source_id,
    mapping: mappingSchema.parse(JSON.parse(r.mapping_json)),
    origin: r.origin,
    templateName: r.template_name,
    updatedAt: r.updated_at,
    appliedAt: r.applied_at,
    appliedContacts: r.applied_contacts,
  };
}

/** Saves (replaces) the current mapping of a source; `applied` records a successful apply. */
export function saveSourceMapping(
  db: Database,
  sourceId: number,
  mapping: Mapping,
  info: { origin: MappingOrigin; templateName?: string | null; applied?: { contacts: number } },
): void {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO source_mappings(source_id, mapping_json, origin, template_name, updated_at, applied_at, applied_contacts)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(source_id) DO UPDATE SET mapping_json = excluded.mapping_json, origin = excluded.origin,
       template_name = excluded.template_name, updated_at = excluded.updated_at,
       applied_at = coalesce(excluded.applied_at, applied_at), applied_contacts = coalesce(excluded.applied_contacts, applied_contacts)`,
  ).run(
    sourceId,
    JSON.stringify(mappingSchema.parse(mapping)),
    info.origin,
    info.templateName ?? null,
    now,
    info.applied ? now : null,
    info.applied?.contacts ?? null,
  );
}

export interface StoredProblem extends CellProblem {
  sourceId: number;
  sourceRowId: number | null;
  contactId: number | null;
  rowNumber: number;
}

/** Problems met by the last apply of a source's mapping (all sources when omitted), in row order. */
export function listMappingProblems(
  db: Database,
  options: { sourceId?: number; limit?: number; offset?: number } = {},
): StoredProblem[] {
  const rows = db
    .prepare(
      `SELECT * FROM mapping_problems ${options.sourceId ? 'WHERE source_id = @sourceId' : ''} ORDER BY id LIMIT @limit OFFSET @offset`,
    )
    .all({ sourceId: options.sourceId, limit: options.limit ?? 1000, offset: options.offset ?? 0 }) as Array<
    Record<string, unknown>
  >;
  return rows.map((r) => ({
    sourceId: r.source_id as number,
    sourceRowId: r.source_row_id as number | null,
    contactId: r.contact_id as number | null,
    rowNumber: r.row_number as number,
    column: r.column_name as string,
    field: r.field as string,
    code: r.code as string,
    value: r.value as string,
    message: r.message as string,
  }));
}

export function countMappingProblems(db: Database, sourceId?: number): number {
  return (
    (sourceId
      ? db.prepare('SELECT count(*) AS n FROM mapping_problems WHERE source_id = ?').get(sourceId)
      : db.prepare('SELECT count(*) AS n FROM mapping_problems').get()) as { n: number }
  ).n;
}
