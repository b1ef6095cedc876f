import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getContact } from '../../../src-main/core/contacts/contact-store';
import { matchExisting } from '../../../src-main/core/dedupe/reference-match';
import { importReferenceFile } from '../../../src-main/core/dedupe/reference-match-import';
import {
  countReferenceContacts,
  isReferenceNumber,
} from '../../../src-main/core/dedupe/reference-match-store';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { tempDir, tempWorkspace } from '../../helpers/temp-workspace';
import { seedContact, seedSource } from './seed';

describe('loading a SecuTix export through the import engine', () => {
  it('imports a real SecuTix CSV export with field codes on row 4', async () => {
    const ws = tempWorkspace();
    const path = join(tempDir(), 'export.csv');
    writeFileSync(
      path,
      [
        'Contact import format (Extended);;;',
        'Institution;;;',
        'Contact number;First name;Last name;Email',
        'CONTACT_NR;FIRSTNAME;LASTNAME;EMAIL1;NOTE',
        '000042;Léa;Dubois;lea@dubois.fr;x',
        '000043;Marc;Blanc;marc@blanc.ch;',
      ].join('\n'),
    );
    const jobs = new JobManager();
    const [summary] = await jobs.start('match-existing', (ctx) => importReferenceFile(ws, path, ctx)).done;
    expect(summary).toMatchObject({ contacts: 2, ignoredColumns: ['NOTE'] });
    expect(isReferenceNumber(ws.db, '000042')).toBe(true);
    const input = seedSource(ws, 'in.csv', '2026-11-20T00:00:00Z');
    const lea = seedContact(ws, input, 2, { FIRSTNAME: 'Lea', LASTNAME: 'DUBOIS', EMAIL1: 'lea@dubois.fr' });
    matchExisting(ws);
    expect(getContact(ws.db, lea)).toMatchObject({ operation: 'UPDATE', data: { CONTACT_NR: '000042' } });
  });

  it('an XLSX export keeps numbers as text with leading zeros; loading the same file twice reuses it', async () => {
    const ws = tempWorkspace();
    const path = join(tempDir(), 'export.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Contacts');
    sheet.addRow(['SecuTix contact export']);
    sheet.addRow(['Institution', 'DEMO']);
    sheet.addRow(['Numéro', 'Prénom', 'Nom', 'Ville']);
    sheet.addRow(['CONTACT_NR', 'FIRSTNAME', 'LASTNAME', 'TOWN', 'STRUCT_NAME']);
    sheet.addRow(['0000017', 'Anne', 'Roux', 'Sion', '']);
    sheet.addRow(['0000018', '', '', 'Sion', 'Chocolats SA']); // legacy column name
    await book.xlsx.writeFile(path);
    const jobs = new JobManager();
    const [first] = await jobs.start('ref', (ctx) => importReferenceFile(ws, path, ctx)).done;
    expect(first).toMatchObject({ contacts: 2, reused: false, ignoredColumns: [] });
    expect(isReferenceNumber(ws.db, '0000017')).toBe(true);
    const structure = ws.db
      .prepare("SELECT data FROM reference_contacts WHERE contact_nr = '0000018'")
      .get() as {
      data: string;
    };
    expect(JSON.parse(structure.data)).toMatchObject({ OFFICIAL_NAME: 'Chocolats SA' });
    const [again] = await jobs.start('ref', (ctx) => importReferenceFile(ws, path, ctx)).done;
    expect(again).toMatchObject({ reused: true, sourceId: first!.sourceId });
    expect(countReferenceContacts(ws.db)).toBe(2);
  });

  it('a file without CONTACT_NR on the header row is refused with a clear message', async () => {
    const ws = tempWorkspace();
    const path = join(tempDir(), 'not-an-export.csv');
    writeFileSync(path, 'a;b\nc;d\ne;f\nName;Mail\nAnne;a@b.ch\n');
    const jobs = new JobManager();
    await expect(jobs.start('ref', (ctx) => importReferenceFile(ws, path, ctx)).done).rejects.toThrow(
      /no CONTACT_NR column.*row 4/,
    );
    expect(ws.db.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: 0 });
  });
});
