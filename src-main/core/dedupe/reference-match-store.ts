import type { Database } from 'better-sqlite3';
import type { ContactData } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { fieldByCode } from '../../../shared/secutix/fields';
import type { Workspace } from '../db/workspace';
import { getSource, iterateSourceRows } from '../sources/source-store';
import { blockingKeys } from './reference-match-compare';
import type { ReferenceLoadSummary } from '../../../shared/contract/merge';
export type { ReferenceLoadSummary } from '../../../shared/contract/merge';

/** Legacy column names of older SecuTix exports (spec §3.9/§3.10) read as today's codes. */
const LEGACY_TO_CODE: Record<string, string> = {
  STRUCT_NAME: 'OFFICIAL_NAME',
  INSTIT: 'INSTITUTION',
  WEBSITE: 'WEB_SITE',
  PHONE: 'TELEPHONE',
  MOBILE: 'CELLPHONE',
  EMAIL: 'EMAIL1',
  STREET1: 'LINE1',
  LANGUAGE: 'PREF_LANG',
};

export interface ReferenceContact {
  id: number;
  sourceId: number;
  sourceRowId: number | null;
  contactNr: string | null;
  data: ContactData;
}

/**
 * Turns an imported reference source (a SecuTix export: field codes as column names) into
 * reference_contacts plus their blocking keys. Re-loading a source replaces its contacts.
 */
export function loadReferenceSource(
  ws: Workspace,
  sourceId: number,
  options: { reload?: boolean } = { reload: true },
): ReferenceLoadSummary {
  const source = getSource(ws.db, sourceId);
  if (source.role !== 'reference')
    throw new AppError(
      'reference.not-reference',
      `${source.fileName} was imported as input, not as existing SecuTix contacts.`,
      { sourceId },
    );
  const codes = source.columns.map((c) => {
    const name = c.name.trim().toUpperCase();
    return fieldByCode(name) ? name : (LEGACY_TO_CODE[name] ?? null);
  });
  if (!codes.includes('CONTACT_NR'))
    throw new AppError(
      'reference.no-contact-nr',
      `${source.fileName} has no CONTACT_NR column: a SecuTix export holds the field codes on row ${source.headerRow ?? 4} (columns read: ${source.columns
        .slice(0, 8)
        .map((c) => c.name)
        .join(', ')}…).`,
      { sourceId },
    );
  const db = ws.db;
  const ignoredColumns = source.columns.filter((_, i) => !codes[i]).map((c) => c.name);
  if (!options.reload) {
    // Already loaded (same file again): report what is there instead of re-keying every row.
    const r = db
      .prepare(
        "SELECT count(*) AS n, sum(contact_nr IS NULL OR contact_nr = '') AS missing FROM reference_contacts WHERE source_id = ?",
      )
      .get(sourceId) as { n: number; missing: number | null };
    if (r.n > 0)
      return {
        sourceId,
        fileName: source.fileName,
        contacts: r.n,
        withoutNumber: r.missing ?? 0,
        duplicateNumbers: duplicateReferenceNumbers(db),
        ignoredColumns,
      };
  }
  let contacts = 0;
  let withoutNumber = 0;
  db.transaction(() => {
    db.prepare('DELETE FROM reference_contacts WHERE source_id = ?').run(sourceId);
    const insert = db.prepare(
      'INSERT INTO reference_contacts(source_id, source_row_id, contact_nr, data) VALUES (?, ?, ?, ?)',
    );
    const insertKey = db.prepare('INSERT INTO reference_keys(key, reference_id) VALUES (?, ?)');
    for (const batch of iterateSourceRows(db, sourceId)) {
      for (const row of batch) {
        const data: ContactData = {};
        row.cells.forEach((cell, i) => {
          const code = codes[i];
          const v = cell?.trim();
          if (code && v) data[code] = v;
        });
        if (Object.keys(data).length === 0) continue;
        const nr = data.CONTACT_NR ?? null;
        if (!nr) withoutNumber += 1;
        const id = Number(insert.run(sourceId, row.id, nr, JSON.stringify(data)).lastInsertRowid);
        for (const k of blockingKeys(data)) insertKey.run(k, id);
        contacts += 1;
      }
    }
  })();
  return {
    sourceId,
    fileName: source.fileName,
    contacts,
    withoutNumber,
    duplicateNumbers: duplicateReferenceNumbers(db),
    ignoredColumns,
  };
}

export function duplicateReferenceNumbers(db: Database, limit = 100): string[] {
  return (
    db
      .prepare(
        'SELECT contact_nr FROM reference_contacts WHERE contact_nr IS NOT NULL GROUP BY contact_nr HAVING count(*) > 1 ORDER BY contact_nr LIMIT ?',
      )
      .all(limit) as Array<{ contact_nr: string }>
  ).map((r) => r.contact_nr);
}

/** Numbers of existing SecuTix contacts: an INSERT must never reuse one (spec §5). */
export function isReferenceNumber(db: Database, contactNr: string): boolean {
  return (
    db.prepare('SELECT 1 FROM reference_contacts WHERE contact_nr = ? LIMIT 1').get(contactNr) !== undefined
  );
}

export function countReferenceContacts(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM reference_contacts').get() as { n: number }).n;
}

interface ReferenceRow {
  id: number;
  source_id: number;
  source_row_id: number | null;
  contact_nr: string | null;
  data: string;
}

export function toReference(r: ReferenceRow): ReferenceContact {
  return {
    id: r.id,
    sourceId: r.source_id,
    sourceRowId: r.source_row_id,
    contactNr: r.contact_nr,
    data: JSON.parse(r.data) as ContactData,
  };
}

export function getReferenceContact(db: Database, id: number): ReferenceContact | undefined {
  const r = db.prepare('SELECT * FROM reference_contacts WHERE id = ?').get(id) as ReferenceRow | undefined;
  return r && toReference(r);
}
