import { describe, expect, it } from 'vitest';
import type { ContactData } from '../../../shared/domain';
import { pushFindingValues } from '../../../src-main/core/checks/findings-store';
import { phoneCheck } from '../../../src-main/core/checks/phone';
import { generateContacts } from '../../bench/generate-contacts';
import { throughFindingsView, wholeFindingRow } from '../../helpers/findings';
import { contact, ctx } from './helpers';

/**
 * The phone check's own insert values (hand-written JSON, `phone.format` through its FindingShape)
 * against the generic path and against the findings themselves, all read back through the
 * findings view: the template keys may be cut differently (a cell inside its E.164 form), the
 * rows read back may not differ.
 */
function bothPaths(rows: Array<{ data: ContactData; settings?: Record<string, unknown> }>) {
  const own: unknown[] = [];
  const generic: unknown[] = [];
  const whole: unknown[][] = [];
  const codes = new Set<string>();
  rows.forEach(({ data, settings }, i) => {
    const row = contact(data, { id: i + 1 });
    const context = ctx(settings ?? {});
    for (const f of phoneCheck.run(row, context)) {
      pushFindingValues(generic, f);
      whole.push(wholeFindingRow(f));
      codes.add(f.code);
    }
    phoneCheck.pushValues!(row, context, own);
  });
  return {
    own: throughFindingsView(own),
    generic: throughFindingsView(generic),
    whole,
    codes,
    ownValues: own,
  };
}

describe('phone check insert values', () => {
  it('read back as the findings, for every phone cell of the generated contacts', () => {
    const rows: Array<{ data: ContactData; settings?: Record<string, unknown> }> = [];
    for (const { row } of generateContacts(20_000)) {
      const data: ContactData = {};
      if (row.Telefon !== '') data.TELEPHONE = row.Telefon;
      if (row.Natel !== '') data.CELLPHONE = row.Natel;
      if (row.Land !== '') data.COUNTRY = row.Land;
      rows.push({ data, settings: rows.length % 2 ? { 'checks.defaultCountry': 'FR' } : {} });
    }
    const { own, generic, whole, codes, ownValues } = bothPaths(rows);
    expect(whole.length).toBeGreaterThan(15_000);
    expect(own).toEqual(whole);
    expect(generic).toEqual(whole);
    expect(codes.size).toBe(phoneCheck.codes.length);
    // phone.format findings share a handful of template keys (one per field and confidence).
    const keys = new Set(
      ownValues.filter((_, i) => i % 4 === 1 && String(ownValues[i]).includes('phone.format')),
    );
    expect(keys.size).toBeLessThan(20);
  });

  it('read back as the findings for awkward cells, and cover every finding shape', () => {
    const datas: ContactData[] = [
      { TELEPHONE: '021 "613" 21 11 \\ SVP', COUNTRY: 'CH' },
      { TELEPHONE: '021 613 21 11 ext. 12', COUNTRY: 'CH' },
      { TELEPHONE: 'n/a "none"\t\u2028é', CELLPHONE: '—', FAX: 'keine' },
      { TELEPHONE: '12345', FAX: '+99 123 "x"' },
      { TELEPHONE: '079 123 45 67', COUNTRY: 'CH' },
      { CELLPHONE: '021 613 21 11', COUNTRY: 'CH' },
      { CELLPHONE: '021 613 21 11', TELEPHONE: '022 123 45 67', COUNTRY: 'CH' },
      { TELEPHONE: '+41216132111', CELLPHONE: '+41791234567', FAX: '+41 21 613 21 12' },
      // The cell inside its E.164 form, and text that is not JSON-plain around a valid number.
      { TELEPHONE: '41216132111', CELLPHONE: '0041791234567', COUNTRY: 'CH' },
      { TELEPHONE: '021\\613 21 11', FAX: '021 613 21 11\t', COUNTRY: 'CH' },
      { TELEPHONE: '021 613 21 11 \u0001\u0002', FAX: '021 613 21 11 \ue000\ue001', COUNTRY: 'CH' },
    ];
    const { own, generic, whole, codes } = bothPaths(datas.map((data) => ({ data })));
    expect(own).toEqual(whole);
    expect(generic).toEqual(whole);
    expect(codes.size).toBe(phoneCheck.codes.length);
  });
});
