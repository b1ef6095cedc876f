import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Workspace } from '../../../src-main/core/db/workspace';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import { tempWorkspace } from '../../helpers/temp-workspace';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/secutix/', import.meta.url));
export const fixture = (name: string) => join(FIXTURES, name);

/** Export options of the golden tests: "today" pinned so the birthdate rule is stable. */
export const GOLDEN_OPTIONS = {
  institution: 'DEMO',
  organization: 'ORG1',
  institutionCountry: 'CH',
  today: '2026-11-25',
};

/**
 * The golden workspace: one contact per rule of the export (see golden-expected.csv).
 * ids: 1 individual, 2 structure, 3 structure+relay, 4 UPDATE with cleared fields, 5 formula-like
 * values, 6 too-long line (rejected, with provenance), 7 no name (rejected), 8 merged (skipped),
 * 9 UPDATE without contact number (rejected).
 */
export function goldenWorkspace(): Workspace {
  const ws = tempWorkspace();
  const db = ws.db;
  db.prepare(
    `INSERT INTO sources(id, file_name, file_path, file_size, sha256, format, sheet, columns_json, row_count, imported_at)
     VALUES (1, 'customers.xlsx', '/in/customers.xlsx', 1, 'x', 'xlsx', 'Export', '[]', 1, '2026-01-01')`,
  ).run();
  db.prepare(`INSERT INTO source_rows(id, source_id, row_number, cells_json) VALUES (1, 1, 17, '[]')`).run();
  const insert = contactInserter(db);
  db.transaction(() => {
    insert({
      data: {
        CONTACT_NR: '000123',
        TITLE: 'MRS',
        FIRSTNAME: 'Anna',
        LASTNAME: 'Muster',
        BIRTHDATE: '1980-02-03',
        PREF_LANG: 'FR',
        LINE1: 'Rue du Lac 1',
        ZIPCODE: '01000',
        TOWN: 'Bourg-en-Bresse',
        COUNTRY: 'FR',
        TELEPHONE: '04 74 22 11 00',
        CELLPHONE: '+41 79 123 45 67',
        EMAIL1: 'Anna.Muster@Example.COM',
        CRIT01: 'PREFCOL = Red | Green',
      },
    });
    insert({
      data: {
        OFFICIAL_NAME: 'ACME, "Global" SA',
        ADDRESS_NAME1: 'ACME Global Société Anonyme de Genève SA',
        STRUCT_TYPE: 'COMPANY',
        ADMIN_NUMBER: 'SIRET=404 833 048 00022',
        WEB_SITE: 'http://acme.example',
        LINE1: '1 rue de Rivoli',
        ZIPCODE: '75001',
        TOWN: 'Paris',
        COUNTRY: 'FR',
        TELEPHONE: '01 40 15 80 00',
        EMAIL1: 'contact@acme.example',
      },
    });
    insert({
      data: {
        OFFICIAL_NAME: 'Théâtre Lumière',
        FIRSTNAME: 'Jean',
        LASTNAME: 'Dupont',
        TITLE: 'MR',
        FUNCTION: 'Director',
        COUNTRY: 'FR',
        TELEPHONE: '+41 21 613 21 11',
        EMAIL1: 'JEAN@THEATRE.FR',
      },
    });
    insert({ data: { CONTACT_NR: '0042', LASTNAME: 'Neumann' }, operation: 'UPDATE' });
    insert({
      data: {
        FIRSTNAME: 'Eve',
        LASTNAME: 'Formula',
        REMARK: '=1+2',
        FUNCTION: '@Lead',
        LINE2: '-5 floor',
        LINE3: '=',
        BIRTHDATE: '30.02.1999',
        EMAIL2: 'not an email',
      },
    });
    insert({
      sourceRowId: 1,
      sourceId: 1,
      data: { FIRSTNAME: 'Long', LASTNAME: 'Line', LINE1: 'x'.repeat(101) },
    });
    insert({ data: { EMAIL1: 'nobody@example.com' } });
    insert({ data: { LASTNAME: 'Gone' } });
    insert({ data: { LASTNAME: 'NoNumber' }, operation: 'UPDATE' });
  })();
  db.prepare(`UPDATE contacts SET cleared_json = '["EMAIL2","TELEPHONE"]' WHERE id = 4`).run();
  db.prepare(`UPDATE contacts SET status = 'merged', merged_into = 1 WHERE id = 8`).run();
  return ws;
}
