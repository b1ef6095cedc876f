import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import { matchExisting } from '../../../src-main/core/dedupe/reference-match';
import { loadReferenceSource } from '../../../src-main/core/dedupe/reference-match-store';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { seedSource } from './seed';
import { sharedData } from '../../helpers/shared-data';

const FEBRL1 = sharedData('febrl/dataset1.csv');
const CODES = ['CONTACT_NR', 'FIRSTNAME', 'LASTNAME', 'LINE1', 'LINE2', 'TOWN', 'ZIPCODE', 'BIRTHDATE'];

/**
 * FEBRL 1 as an existing-contact match: the 500 originals are the customer's SecuTix export
 * (CONTACT_NR from rec_id), the 500 corrupted duplicates are the new file. Every workspace row
 * has exactly one true existing contact, so precision and recall are exact. No email/phone in
 * FEBRL: matching rests on names, birthdate, postcode and street alone (the hard case).
 */
describe('existing-contact match quality on FEBRL 1', () => {
  it('sure matches are all right (precision 1.0) and sure+review finds ≥ 85% of them', () => {
    const ws = tempWorkspace();
    const rows = readFileSync(FEBRL1, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').map((c) => c.trim()));
    const ref = seedSource(ws, 'existing.csv', '2026-01-01T00:00:00Z', 'reference');
    ws.db
      .prepare('UPDATE sources SET columns_json = ? WHERE id = ?')
      .run(JSON.stringify(CODES.map((name, index) => ({ index, name, originalName: name }))), ref);
    const insertRow = ws.db.prepare(
      'INSERT INTO source_rows(source_id, row_number, cells_json) VALUES (?, ?, ?)',
    );
    const insert = contactInserter(ws.db);
    const truth = new Map<number, string>();
    ws.db.transaction(() => {
      rows.forEach(([id, given, surname, num, a1, a2, suburb, postcode, , dob], i) => {
        const nr = String(100000 + Number(/^rec-(\d+)-/.exec(id!)![1]));
        const cells = [nr, given!, surname!, `${num} ${a1}`.trim(), a2!, suburb!, postcode!, dob!];
        if (id!.endsWith('-org')) insertRow.run(ref, i + 2, JSON.stringify(cells));
        else {
          const data = Object.fromEntries(CODES.slice(1).map((c, k) => [c, cells[k + 1]!]));
          truth.set(insert({ data: { ...data, COUNTRY: 'AU' } }), nr);
        }
      });
    })();
    loadReferenceSource(ws, ref);
    const r = matchExisting(ws, { dryRun: true });
    const right = (band: string) =>
      r.matches.filter((m) => m.band === band && truth.get(m.contactId) === m.contactNr).length;
    const wrongSure = r.matches.filter(
      (m) => m.band === 'sure' && truth.get(m.contactId) !== m.contactNr,
    ).length;
    expect(truth.size).toBe(500);
    expect(wrongSure).toBe(0);
    expect(right('sure') / truth.size).toBeGreaterThanOrEqual(0.7); // measured 0.732
    expect((right('sure') + right('review')) / truth.size).toBeGreaterThanOrEqual(0.85); // measured 0.898
  });
});
