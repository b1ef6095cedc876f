import { describe, expect, it } from 'vitest';
import { exportOptionsSchema, type ExportOptionsInput } from '../../../shared/contract/export';
import type { Contact, ContactKind, Operation } from '../../../shared/domain';
import { checkRow, checkRowValues } from '../../../shared/secutix/row-rules';
import { SECUTIX_FIELDS, fieldByCode } from '../../../shared/secutix/fields';
import { kindLetters } from '../../../shared/secutix/contact-kind';
import { buildExportRow, ContactFields, ruleOptionsOf } from '../../../src-main/core/export/contact-row';
import { readContactData } from '../../../src-main/core/export/export-batch';
import { toFields } from '../../bench/export.bench';
import { generateContacts } from '../../bench/generate-contacts';
import { makeContact } from '../../helpers/contact';
import { buildReferenceRow } from './reference-contact-row';

const KINDS: (ContactKind | null)[] = [null, 'individual', 'structure', 'structure_relay', null];
const OPERATIONS: Operation[] = ['INSERT', 'UPDATE', 'INSERT', 'UPDATEACT', 'DELETE', 'INSERT', 'CONFIG'];
const CLEARED = [[], [], ['EMAIL2', 'TOWN'], [], ['LASTNAME', 'OPERATION', 'NOT_A_FIELD', 'INSTITUTION']];

/** Generated realistic contacts, then the same data with overrides, clears and odd values. */
function contacts(): Contact[] {
  const out: Contact[] = [];
  let i = 0;
  for (const g of generateContacts(600, 7)) {
    const data = toFields(g.row);
    if (i % 9 === 0) data.REMARK = ['=1+2', ' = ', '@x', 'a,"b"\n'][i % 4]!;
    if (i % 10 === 0) data.LINE2 = 'z'.repeat(70 + (i % 50));
    if (i % 12 === 0) data.CRIT01 = ['PREFCOL = Red | Green', 'bare', 'A=b|=c'][i % 3]!;
    if (i % 14 === 0) data.INSTITUTION = ' ';
    if (i % 15 === 0) data.UNKNOWN_KEY = 'ignored';
    if (i % 16 === 0) data.TOWN_COMPLEMENT = 't'.repeat(95);
    out.push(
      makeContact(data, {
        id: i,
        kindOverride: KINDS[i % KINDS.length]!,
        operation: OPERATIONS[i % OPERATIONS.length]!,
        cleared: CLEARED[i % CLEARED.length]!,
      }),
    );
    i++;
  }
  // Absent-like values a Contact object may hold (not from JSON text): undefined and null.
  const odd = {
    LASTNAME: 'X',
    INSTITUTION: undefined,
    TOWN: null,
    EMAIL1: undefined,
  } as unknown as Contact['data'];
  out.push(makeContact(odd), makeContact(odd, { operation: 'UPDATE', cleared: ['TOWN', 'EMAIL1'] }));
  return out;
}

const OPTION_SETS: Partial<ExportOptionsInput>[] = [
  { institution: 'I', organization: 'O', institutionCountry: 'CH' },
  { organization: 'O', undocumentedInvalid: 'drop-field', extraTitles: ['DR'], allowHttps: false },
  { institution: 'I', organization: 'O', configCodes: { CRIT01: 'PREFCOL' } },
];

describe('the field-indexed row builder gives exactly the reference rows', () => {
  const all = contacts();
  for (const [n, opts] of OPTION_SETS.entries())
    it(`option set ${n + 1}: same values (same order), problems (same order), rejection`, () => {
      const options = exportOptionsSchema.parse({ out: 'x.csv', today: '2026-11-25', ...opts });
      const rules = ruleOptionsOf(options);
      let rejected = 0;
      for (const c of all) {
        const fast = buildExportRow(c, options, rules);
        const reference = buildReferenceRow(c, options, rules);
        expect(fast).toEqual(reference);
        expect(Object.keys(fast.values)).toEqual(Object.keys(reference.values));
        if (fast.rejected) rejected++;
      }
      expect(rejected).toBeGreaterThan(20);
      expect(rejected).toBeLessThan(all.length);
    });

  it('reads data JSON directly or through JSON.parse into the same fields', () => {
    const texts = [
      '{}',
      '{"LASTNAME":"Muster","FIRSTNAME":"Anna"}',
      '{"LASTNAME":"a\\"b","TOWN":"x\\\\y\\u00e9"}',
      '{ "LASTNAME" : "spaced" }',
      '{"LASTNAME":"first","LASTNAME":"last"}',
      '{"NOT_A_FIELD":"x","TOWN":"Bern, \\"BE\\""}',
      '{"LASTNAME":null,"TOWN":"Bern"}',
      ...all.slice(0, 50).map((c) => JSON.stringify(c.data)),
    ];
    const fast = new ContactFields();
    const viaParse = new ContactFields();
    const odd = ['{"LASTNAMEX":"a","LASTNAM":"b","":"c","LASTNAMe":"d"}', '{"ÉMAIL1":"x","EMAIL1":"y"}'];
    for (const t of [...texts, ...odd]) {
      readContactData(t, fast);
      viaParse.fromData(JSON.parse(t) as Record<string, string>);
      expect(fast.raw, t).toEqual(viaParse.raw);
    }
  });

  it('checkRowValues on a field view gives checkRow on the same record', () => {
    for (const c of all.slice(0, 200)) {
      const row: Record<string, string> = { OPERATION: c.operation ?? '', ...c.data };
      const fields = Object.keys(row).flatMap((k) => fieldByCode(k) ?? []);
      expect(checkRowValues({ get: (code) => row[code], getField: (f) => row[f.code], fields })).toEqual(
        checkRow(row),
      );
    }
  });

  it('flags a column as not applicable exactly when none of its kinds is the row kind', () => {
    const names: [ContactKind, Record<string, string>][] = [
      ['individual', { LASTNAME: 'L' }],
      ['structure', { OFFICIAL_NAME: 'S' }],
      ['structure_relay', { LASTNAME: 'L', OFFICIAL_NAME: 'S' }],
    ];
    for (const [kind, nameCells] of names)
      for (const f of SECUTIX_FIELDS) {
        if (
          ['OPERATION', 'INSTITUTION', 'ORGANIZATION', 'FIRSTNAME', 'LASTNAME', 'OFFICIAL_NAME'].includes(
            f.code,
          )
        )
          continue; // these decide the kind
        const row = { OPERATION: 'INSERT', INSTITUTION: 'I', ORGANIZATION: 'O', ...nameCells, [f.code]: 'x' };
        const flagged = checkRow(row).some((p) => p.problem === 'not-applicable' && p.column === f.code);
        expect(flagged, `${kind} ${f.code}`).toBe(!f.appliesTo.some((k) => kindLetters(kind).includes(k)));
      }
  });
});
