import { describe, expect, it } from 'vitest';
import type { ContactData } from '../../../shared/domain';
import { pushFindingValues } from '../../../src-main/core/checks/findings-store';
import { phoneCheck } from '../../../src-main/core/checks/phone';
import { generateContacts } from '../../bench/generate-contacts';
import { contact, ctx } from './helpers';

/** The batch engine's values for one row: the phone check's own path and the generic one. */
function bothPaths(data: ContactData, settings: Record<string, unknown> = {}) {
  const row = contact(data, { id: 7 });
  const context = ctx(settings);
  const generic: unknown[] = [];
  for (const f of phoneCheck.run(row, context)) pushFindingValues(generic, f);
  const own: unknown[] = [];
  phoneCheck.pushValues!(row, context, own);
  return { own, generic, codes: phoneCheck.run(row, context).map((f) => f.code) };
}

describe('phone check insert values', () => {
  it('are what pushFindingValues writes, for every phone cell of the generated contacts', () => {
    const seen = new Set<string>();
    let rows = 0;
    for (const { row } of generateContacts(20_000)) {
      const data: ContactData = {};
      if (row.Telefon !== '') data.TELEPHONE = row.Telefon;
      if (row.Natel !== '') data.CELLPHONE = row.Natel;
      if (row.Land !== '') data.COUNTRY = row.Land;
      const { own, generic, codes } = bothPaths(data, rows % 2 ? { 'checks.defaultCountry': 'FR' } : {});
      if (JSON.stringify(own) !== JSON.stringify(generic)) expect(own).toEqual(generic);
      for (const c of codes) seen.add(c);
      rows += 1;
    }
    expect(rows).toBe(20_000);
    expect(seen.size).toBe(phoneCheck.codes.length);
  });

  it('escape cell text and cover every finding shape', () => {
    const rows: ContactData[] = [
      { TELEPHONE: '021 "613" 21 11 \\ SVP', COUNTRY: 'CH' },
      { TELEPHONE: '021 613 21 11 ext. 12', COUNTRY: 'CH' },
      { TELEPHONE: 'n/a "none"\t\u2028é', CELLPHONE: '—', FAX: 'keine' },
      { TELEPHONE: '12345', FAX: '+99 123 "x"' },
      { TELEPHONE: '079 123 45 67', COUNTRY: 'CH' },
      { CELLPHONE: '021 613 21 11', COUNTRY: 'CH' },
      { CELLPHONE: '021 613 21 11', TELEPHONE: '022 123 45 67', COUNTRY: 'CH' },
      { TELEPHONE: '+41216132111', CELLPHONE: '+41791234567', FAX: '+41 21 613 21 12' },
    ];
    const seen = new Set<string>();
    for (const data of rows) {
      const { own, generic, codes } = bothPaths(data);
      expect(own).toEqual(generic);
      for (const c of codes) seen.add(c);
    }
    expect(seen.size).toBe(phoneCheck.codes.length);
  });
});
