import { describe, expect, it } from 'vitest';
import { getContact } from '../../../src-main/core/contacts/contact-store';
import { acceptMatch, matchExisting } from '../../../src-main/core/dedupe/reference-match';
import { isReferenceNumber, loadReferenceSource } from '../../../src-main/core/dedupe/reference-match-store';
import { listHistory, undo } from '../../../src-main/core/history/history';
import type { Workspace } from '../../../src-main/core/db/workspace';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { seedContact, seedSource } from './seed';

const CODES = [
  'CONTACT_NR',
  'FIRSTNAME',
  'LASTNAME',
  'EMAIL1',
  'CELLPHONE',
  'ZIPCODE',
  'TOWN',
  'OFFICIAL_NAME',
];
const EXISTING = [
  ['00700123', 'Johannes', 'Müller', 'j.mueller@bluewin.ch', '+41 79 123 45 67', '8001', 'Zürich', ''],
  ['700124', 'Claire', 'Favre', 'claire.favre@gmail.com', '', '1003', 'Lausanne', ''],
  ['700125', '', '', 'info@migros.ch', '', '8005', 'Zürich', 'Migros'],
  ['700126', 'Paul', 'Rochat', 'paul@rochat.ch', '', '1200', 'Genève', ''],
];

/** A reference source as the import engine leaves it: codes of row 4 as column names. */
function seedReference(ws: Workspace, rows: string[][] = EXISTING): number {
  const id = seedSource(ws, 'secutix-export.xlsx', '2026-11-01T00:00:00Z', 'reference');
  ws.db
    .prepare('UPDATE sources SET columns_json = ?, header_row = 4, row_count = ? WHERE id = ?')
    .run(JSON.stringify(CODES.map((name, index) => ({ index, name, originalName: name }))), rows.length, id);
  const ins = ws.db.prepare('INSERT INTO source_rows(source_id, row_number, cells_json) VALUES (?, ?, ?)');
  rows.forEach((cells, i) => ins.run(id, i + 5, JSON.stringify(cells)));
  return id;
}

function setup() {
  const ws = tempWorkspace();
  const ref = seedReference(ws);
  const load = loadReferenceSource(ws, ref);
  const input = seedSource(ws, 'newsletter.csv', '2026-11-20T00:00:00Z');
  return { ws, load, input };
}

describe('match against existing SecuTix contacts', () => {
  it('loads the export as reference contacts, keeping numbers as text', () => {
    const { ws, load } = setup();
    expect(load).toMatchObject({ contacts: 4, withoutNumber: 0, duplicateNumbers: [], ignoredColumns: [] });
    expect(isReferenceNumber(ws.db, '00700123')).toBe(true);
    expect(isReferenceNumber(ws.db, '700123')).toBe(false); // leading zeros are significant
  });

  it('reference match turns a row into an UPDATE with the reference number, undoably', () => {
    const { ws, input } = setup();
    const hans = seedContact(ws, input, 2, {
      FIRSTNAME: 'Hans',
      LASTNAME: 'Mueller',
      CELLPHONE: '079 123 45 67',
      COUNTRY: 'CH',
    });
    const newcomer = seedContact(ws, input, 3, { FIRSTNAME: 'Zoé', LASTNAME: 'Neu', EMAIL1: 'zoe@neu.ch' });
    const r = matchExisting(ws);
    expect(r).toMatchObject({ scanned: 2, sure: 1, review: 0, collisions: 0, applied: true });
    expect(getContact(ws.db, hans)).toMatchObject({ operation: 'UPDATE', data: { CONTACT_NR: '00700123' } });
    expect(getContact(ws.db, newcomer)!.operation).toBe('INSERT');
    expect(listHistory(ws.db)[0]).toMatchObject({ kind: 'match-existing' });
    const stored = ws.db
      .prepare('SELECT band, reference_id FROM contact_matches WHERE contact_id = ?')
      .get(hans);
    expect(stored).toMatchObject({ band: 'sure' });
    undo(ws);
    expect(getContact(ws.db, hans)).toMatchObject({ operation: 'INSERT' });
    expect(getContact(ws.db, hans)!.data.CONTACT_NR).toBeUndefined();
  });

  it('reference number collision flagged: own CONTACT_NR belongs to another existing contact', () => {
    const { ws, input } = setup();
    const other = seedContact(ws, input, 2, {
      CONTACT_NR: '700124',
      FIRSTNAME: 'Marc',
      LASTNAME: 'Blanc',
      EMAIL1: 'marc@blanc.ch',
    });
    const r = matchExisting(ws);
    expect(r.collisions).toBe(1);
    expect(r.matches).toEqual([
      expect.objectContaining({
        contactId: other,
        band: 'collision',
        contactNr: '700124',
        reason: expect.stringContaining('Claire Favre'),
      }),
    ]);
    expect(getContact(ws.db, other)!.operation).toBe('INSERT'); // flagged, never silently changed
  });

  it('own number equal to the matching existing contact is simply an UPDATE, not a collision', () => {
    const { ws, input } = setup();
    const claire = seedContact(ws, input, 2, {
      CONTACT_NR: '700124',
      FIRSTNAME: 'Claire',
      LASTNAME: 'Favre',
      EMAIL1: 'claire.favre@gmail.com',
    });
    const r = matchExisting(ws);
    expect(r).toMatchObject({ sure: 1, collisions: 0 });
    expect(getContact(ws.db, claire)!.operation).toBe('UPDATE');
  });

  it('family member sharing an email goes to review and stays an INSERT', () => {
    const { ws, input } = setup();
    const anna = seedContact(ws, input, 2, {
      FIRSTNAME: 'Anna',
      LASTNAME: 'Müller',
      EMAIL1: 'J.Mueller@bluewin.ch',
    });
    const r = matchExisting(ws);
    expect(r).toMatchObject({ sure: 0, review: 1 });
    expect(getContact(ws.db, anna)!.operation).toBe('INSERT');
    acceptMatch(ws, anna, r.matches[0]!.referenceId); // the reviewer decides it is the same contact
    expect(getContact(ws.db, anna)).toMatchObject({ operation: 'UPDATE', data: { CONTACT_NR: '00700123' } });
  });

  it('two workspace rows matching one existing contact are both sent to review (merge them first)', () => {
    const { ws, input } = setup();
    seedContact(ws, input, 2, { FIRSTNAME: 'Paul', LASTNAME: 'Rochat', EMAIL1: 'paul@rochat.ch' });
    seedContact(ws, input, 3, { FIRSTNAME: 'Paul', LASTNAME: 'ROCHAT', EMAIL1: 'PAUL@rochat.ch' });
    const r = matchExisting(ws);
    expect(r).toMatchObject({ sure: 0, review: 2 });
    expect(r.matches[0]!.reason).toMatch(/merge them first/);
  });

  it('dry run reports the same figures and writes nothing', () => {
    const { ws, input } = setup();
    seedContact(ws, input, 2, { OFFICIAL_NAME: 'Migros AG', ZIPCODE: '8005' });
    const r = matchExisting(ws, { dryRun: true });
    expect(r).toMatchObject({ sure: 1, applied: false, opId: null });
    expect(listHistory(ws.db)).toHaveLength(0);
    expect(ws.db.prepare('SELECT count(*) AS n FROM contact_matches').get()).toEqual({ n: 0 });
  });

  it('refuses to match when no export is loaded', () => {
    const ws = tempWorkspace();
    expect(() => matchExisting(ws)).toThrow(/load an export first/);
  });
});
