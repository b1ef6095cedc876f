import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { getContact } from '../../../src-main/core/contacts/contact-store';
import { Workspace } from '../../../src-main/core/db/workspace';
import { seedSource } from '../../helpers/seed-source';
import { tempWorkspace, track } from '../../helpers/temp-workspace';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import { cli } from './cli';
import { seedContacts } from './helpers';

function countryOf(path: string, id: number): string | undefined {
  const ws = track(Workspace.open(path));
  const v = getContact(ws.db, id)?.data.COUNTRY;
  ws.close();
  return v;
}

describe('contact-prep findings / fix / undo / redo / history', () => {
  it('lists findings as CSV and JSON with source file and row number', async () => {
    const ws = tempWorkspace();
    const sourceId = seedSource(ws, {
      fileName: 'clients.csv',
      columns: ['Pays'],
      rows: [['CH'], ['Suisse']],
    });
    const rows = ws.db.prepare('SELECT id FROM source_rows ORDER BY row_number').all() as Array<{
      id: number;
    }>;
    const insert = contactInserter(ws.db);
    insert({ sourceId, sourceRowId: rows[0]!.id, data: { COUNTRY: 'CH' } });
    const id = insert({ sourceId, sourceRowId: rows[1]!.id, data: { COUNTRY: 'Suisse' } });
    ws.close();
    await cli('check', '--workspace', ws.path);
    const csv = await cli('findings', '--workspace', ws.path, '--code', 'country.not-iso');
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe(
      'id,contact,source_file,source_row,field,code,severity,message,suggestion,confidence',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${id},clients.csv,3,COUNTRY,country.not-iso,warning,`);
    const json = JSON.parse((await cli('findings', '--workspace', ws.path, '--format', 'json')).out) as Array<
      Record<string, unknown>
    >;
    expect(json[0]).toMatchObject({
      rowId: id,
      sourceFile: 'clients.csv',
      rowNumber: 3,
      suggestion: { COUNTRY: 'CH' },
    });
    expect((await cli('findings', '--workspace', ws.path, '--format', 'xml')).code).toBe(1);
  });

  it('fixes all rows of a code (dry run first), undoes and redoes, and shows the history', async () => {
    const ws = tempWorkspace();
    const [a, b] = seedContacts(ws, [{ COUNTRY: 'Schweiz' }, { COUNTRY: 'Allemagne' }]);
    ws.close();
    await cli('check', '--workspace', ws.path);
    const dry = await cli('fix', '--workspace', ws.path, '--code', 'country.not-iso', '--all', '--dry-run');
    expect(dry.out).toContain('2 field changes on 2 contacts');
    expect(dry.out).toContain('"Schweiz" → "CH"');
    expect(countryOf(ws.path, a!)).toBe('Schweiz');
    const fixed = await cli('fix', '--workspace', ws.path, '--code', 'country.not-iso', '--all');
    expect(fixed.code).toBe(0);
    expect([countryOf(ws.path, a!), countryOf(ws.path, b!)]).toEqual(['CH', 'DE']);
    const check = JSON.parse(
      (await cli('findings', '--workspace', ws.path, '--format', 'json')).out,
    ) as unknown[];
    expect(check).toEqual([]);
    expect((await cli('undo', '--workspace', ws.path)).out).toMatch(/Undone: Fix all country.not-iso/);
    expect(countryOf(ws.path, a!)).toBe('Schweiz');
    const after = JSON.parse(
      (await cli('findings', '--workspace', ws.path, '--format', 'json')).out,
    ) as unknown[];
    expect(after).toHaveLength(2); // undo re-checked the rows
    expect((await cli('redo', '--workspace', ws.path)).out).toMatch(/Redone/);
    expect(countryOf(ws.path, b!)).toBe('DE');
    const history = JSON.parse((await cli('history', '--workspace', ws.path, '--json')).out) as Array<{
      rule: string;
      state: string;
    }>;
    expect(history).toEqual([
      expect.objectContaining({ rule: 'country.not-iso', state: 'done', changeCount: 2 }),
    ]);
    expect((await cli('history', '--workspace', ws.path)).out).toContain('[country.not-iso]');
  });

  it('fixes one contact with --row and refuses ambiguous options', async () => {
    const ws = tempWorkspace();
    const [a, b] = seedContacts(ws, [{ COUNTRY: 'Schweiz' }, { COUNTRY: 'Schweiz' }]);
    ws.close();
    await cli('check', '--workspace', ws.path);
    expect(
      (await cli('fix', '--workspace', ws.path, '--code', 'country.not-iso', '--row', String(b))).code,
    ).toBe(0);
    expect([countryOf(ws.path, a!), countryOf(ws.path, b!)]).toEqual(['Schweiz', 'CH']);
    expect((await cli('fix', '--workspace', ws.path, '--code', 'country.not-iso')).code).toBe(1);
    expect(
      (await cli('fix', '--workspace', ws.path, '--code', 'country.not-iso', '--row', String(b))).code,
    ).toBe(1);
  });
});

describe('the real contact-prep binary', () => {
  it('runs check, fix and undo end to end', async () => {
    const ws = tempWorkspace();
    const [id] = seedContacts(ws, [
      { EMAIL1: 'anna@gmial.com', COUNTRY: 'Schweiz', TELEPHONE: '079 123 45 67' },
    ]);
    ws.close();
    const bin = fileURLToPath(new URL('../../../bin/contact-prep.mjs', import.meta.url));
    const run = promisify(execFile);
    const check = JSON.parse((await run('node', [bin, 'check', '-w', ws.path, '--json'])).stdout) as {
      findings: Array<{ code: string }>;
    };
    expect(check.findings.map((f) => f.code).sort()).toEqual([
      'country.not-iso',
      'email.typo-domain',
      'phone.mobile-in-landline',
    ]);
    await run('node', [bin, 'fix', '-w', ws.path, '--code', 'email.typo-domain', '--all']);
    const w = track(Workspace.open(ws.path));
    expect(getContact(w.db, id!)?.data.EMAIL1).toBe('anna@gmail.com');
    w.close();
    expect((await run('node', [bin, 'undo', '-w', ws.path])).stdout).toMatch(/Undone/);
  });
});
