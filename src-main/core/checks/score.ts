import type { Database } from 'better-sqlite3';
import { SECUTIX_FIELDS } from '../../../shared/secutix/fields';

/** Fields a contact row can fill (not the file-level INSTITUTION/ORGANIZATION/OPERATION columns). */
export const CONTACT_FIELD_CODES: readonly string[] = SECUTIX_FIELDS.filter((f) => f.group !== 'global').map(
  (f) => f.code,
);

export interface RowScore {
  contactId: number;
  errors: number;
  warnings: number;
  infos: number;
  /** A row is "clean" when it has no error finding (warnings and infos do not count). */
  clean: boolean;
}

export interface WorkspaceScore {
  rows: number;
  cleanRows: number;
  /** Share (0..1) of active contacts without any error finding; 1 for an empty workspace. */
  score: number;
  /** Per SecuTix field (or the `fields` asked for): share of active contacts with a value, most filled first. */
  completeness: Array<{ field: string; filled: number; share: number }>;
}

export function rowScore(db: Database, contactId: number): RowScore {
  const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
  for (const r of db
    .prepare('SELECT severity, count(*) AS n FROM findings WHERE contact_id = ? GROUP BY severity')
    .all(contactId) as Array<{ severity: string; n: number }>)
    counts[r.severity] = r.n;
  return {
    contactId,
    errors: counts.error!,
    warnings: counts.warning!,
    infos: counts.info!,
    clean: counts.error === 0,
  };
}

/**
 * Workspace quality: share of clean rows and field completeness over `fields` (default: every
 * contact field of the SecuTix field model, filled or not).
 */
export function workspaceScore(
  db: Database,
  options: { fields?: readonly string[]; completeness?: boolean } = {},
): WorkspaceScore {
  const rows = (
    db.prepare("SELECT count(*) AS n FROM contacts WHERE status = 'active'").get() as { n: number }
  ).n;
  const withErrors = (
    db
      .prepare(
        `SELECT count(*) AS n FROM (SELECT DISTINCT f.contact_id FROM findings f
         JOIN contacts c ON c.id = f.contact_id AND c.status = 'active' WHERE f.severity = 'error')`,
      )
      .get() as { n: number }
  ).n;
  const fields = options.fields ?? CONTACT_FIELD_CODES;
  const filled = new Map<string, number>(fields.map((f) => [f, 0]));
  if (options.completeness !== false) {
    for (const r of db
      .prepare(
        "SELECT j.key AS field, count(*) AS n FROM contacts c, json_each(c.data) j WHERE c.status = 'active' GROUP BY j.key",
      )
      .all() as Array<{ field: string; n: number }>)
      if (filled.has(r.field)) filled.set(r.field, r.n);
  }
  const completeness = [...filled]
    .map(([field, n]) => ({ field, filled: n, share: rows ? n / rows : 0 }))
    .sort((a, b) => b.filled - a.filled || a.field.localeCompare(b.field));
  return { rows, cleanRows: rows - withErrors, score: rows ? (rows - withErrors) / rows : 1, completeness };
}
