import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getContact } from '../../../src-main/core/contacts/contact-store';
import { matchExisting } from '../../../src-main/core/dedupe/reference-match';
import { importReferenceFile } from '../../../src-main/core/dedupe/reference-match-import';
import { isReferenceNumber } from '../../../src-main/core/dedupe/reference-match-store';
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
});
