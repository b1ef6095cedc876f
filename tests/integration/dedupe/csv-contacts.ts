import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import Papa from 'papaparse';
import type { ContactData } from '../../../shared/domain';
import type { Workspace } from '../../../src-main/core/db/workspace';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';

/**
 * Test/bench-side loader: a CSV becomes a source (cells as read) plus one contact per row through
 * a fixed column → field map, without the import/mapping engines. Streams (1M rows).
 */
export async function loadCsvContacts(
  ws: Workspace,
  path: string,
  map: (row: Record<string, string>) => ContactData,
  options: { kind?: 'individual' } = {},
): Promise<{ sourceId: number; rows: number }> {
  let header: string[] | undefined;
  let sourceId = 0;
  let rows = 0;
  const insRow = ws.db.prepare('INSERT INTO source_rows(source_id, row_number, cells_json) VALUES (?, ?, ?)');
  const insContact = contactInserter(ws.db);
  ws.db.exec('BEGIN');
  try {
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(createReadStream(path, { encoding: 'utf8' }), {
        skipEmptyLines: true,
        step: (res) => {
          const cells = res.data;
          if (!header) {
            header = cells;
            const columns = header.map((name, index) => ({ index, name: name.trim(), originalName: name }));
            sourceId = Number(
              ws.db
                .prepare(
                  `INSERT INTO sources(file_name, file_path, file_size, sha256, format, columns_json, row_count, imported_at)
                   VALUES (?, ?, 0, '', 'csv', ?, 0, ?)`,
                )
                .run(basename(path), path, JSON.stringify(columns), new Date().toISOString()).lastInsertRowid,
            );
            return;
          }
          rows++;
          const rowId = Number(insRow.run(sourceId, rows + 1, JSON.stringify(cells)).lastInsertRowid);
          const rec: Record<string, string> = {};
          header.forEach((h, i) => (rec[h.trim()] = (cells[i] ?? '').trim()));
          insContact({ sourceRowId: rowId, sourceId, data: map(rec), kindOverride: options.kind ?? null });
        },
        complete: () => resolve(),
        error: (e: Error) => reject(e),
      });
    });
    ws.db.prepare('UPDATE sources SET row_count = ? WHERE id = ?').run(rows, sourceId);
    ws.db.exec('COMMIT');
  } catch (e) {
    ws.db.exec('ROLLBACK');
    throw e;
  }
  return { sourceId, rows };
}

/** FEBRL column map (Australian person records). */
export function febrlContact(r: Record<string, string>): ContactData {
  return {
    FIRSTNAME: r.given_name ?? '',
    LASTNAME: r.surname ?? '',
    LINE1: [r.street_number, r.address_1].filter(Boolean).join(' '),
    LINE2: r.address_2 ?? '',
    TOWN: r.suburb ?? '',
    ZIPCODE: r.postcode ?? '',
    BIRTHDATE: r.date_of_birth ?? '',
    COUNTRY: 'AU',
  };
}

/** Column map of the bench generator's CRM export (tests/bench/generate-contacts.ts). */
export function generatedContact(r: Record<string, string>): ContactData {
  return {
    FIRSTNAME: r.Vorname ?? '',
    LASTNAME: r.Nachname ?? '',
    OFFICIAL_NAME: r.Firma ?? '',
    LINE1: r.Strasse ?? '',
    ZIPCODE: r.PLZ ?? '',
    TOWN: r.Ort ?? '',
    COUNTRY: r.Land ?? '',
    TELEPHONE: r.Telefon ?? '',
    CELLPHONE: r.Natel ?? '',
    EMAIL1: r['E-Mail'] ?? '',
    BIRTHDATE: r.Geburtsdatum ?? '',
  };
}

/** Ground truth of a FEBRL file: rec_id → original record number. */
export function febrlTruth(ids: Iterable<string>): Map<string, string> {
  const truth = new Map<string, string>();
  for (const id of ids) truth.set(id, /^rec-(\d+)-/.exec(id)![1]!);
  return truth;
}
