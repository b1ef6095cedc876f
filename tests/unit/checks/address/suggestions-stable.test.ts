import { describe, expect, it } from 'vitest';
import type { Check } from '../../../../src-main/core/checks/check';
import { kindCheck } from '../../../../src-main/core/checks/kind';
import { namesCheck } from '../../../../src-main/core/checks/names';
import { postcodeCheck } from '../../../../src-main/core/checks/postcode';
import { streetCheck } from '../../../../src-main/core/checks/street';
import { titleCheck } from '../../../../src-main/core/checks/title';
import { townCheck } from '../../../../src-main/core/checks/town';
import { ctx, row } from './fixtures';

const CHECKS: Check[] = [postcodeCheck, townCheck, streetCheck, namesCheck, titleCheck, kindCheck];

/** Messy rows as they come out of customer spreadsheets. */
const MESSY: Record<string, string>[] = [
  {
    TITLE: 'Herr',
    FIRSTNAME: 'HANS',
    LASTNAME: 'MÜLLER',
    LINE1: 'BAHNHOFSTRASSE1',
    ZIPCODE: 'ch-8001',
    TOWN: 'ZURICH',
    COUNTRY: 'Schweiz',
  },
  {
    TITLE: 'Mme',
    FIRSTNAME: 'Dupont',
    LASTNAME: 'Marie',
    LINE1: 'Rue de la Paix 12',
    ZIPCODE: '1000',
    TOWN: 'Bourg en Bresse',
    COUNTRY: 'France',
  },
  {
    FIRSTNAME: 'Herr Peter',
    LASTNAME: 'keller',
    LINE1: 'Postfach 12',
    LINE2: 'Marktgasse 3',
    ZIPCODE: '3011 Bern',
    COUNTRY: 'CH',
  },
  {
    LASTNAME: 'Müller AG',
    LINE1: 'Industriestrasse 5, Postfach 44',
    ZIPCODE: '8050',
    TOWN: 'Zürich',
    COUNTRY: 'CH',
  },
  { FIRSTNAME: 'test', LASTNAME: 'xxx', LINE1: '-', ZIPCODE: '0', TOWN: '?', COUNTRY: 'CH' },
  {
    TITLE: 'M. et Mme',
    LASTNAME: 'Jean Dubois',
    LINE1: '12RUE DU PORT',
    ZIPCODE: '13002',
    TOWN: 'MARSEILLE 2E',
    COUNTRY: 'FR',
  },
  { FIRSTNAME: 'Anna2', LASTNAME: 'Rossi', ZIPCODE: '184', TOWN: 'Rome', COUNTRY: 'IT' },
  { OFFICIAL_NAME: 'Giulia Bianchi', LINE1: '5 Via Nassa', ZIPCODE: '6900', TOWN: 'Lugano', COUNTRY: 'CH' },
  { FIRSTNAME: 'Frau', LASTNAME: 'Meier', ZIPCODE: '1003', TOWN: 'Lausane', COUNTRY: 'CH' },
  {
    FIRSTNAME: 'Jean-Pierre',
    LASTNAME: 'DE LA FONTAINE',
    ZIPCODE: '75008 CEDEX 08',
    TOWN: 'Paris',
    COUNTRY: 'FR',
  },
  { LASTNAME: 'Verein Musikfreunde', TOWN: '1204 Geneve', COUNTRY: 'CH' },
  { FIRSTNAME: 'Sean', LASTNAME: "o'neill", ZIPCODE: 'sw1a1aa', TOWN: 'London', COUNTRY: 'UK' },
  { ZIPCODE: '1206', TOWN: 'Nion', COUNTRY: 'CH' },
  { ZIPCODE: '1000', TOWN: 'Bruxelles', LINE1: 'GRAND-PLACE 1' },
];

const apply = (data: Record<string, string>, suggestion: Record<string, string | null>) => {
  const out = { ...data };
  for (const [k, v] of Object.entries(suggestion)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
};

describe('suggestions of the address and name checks', () => {
  it('fire on messy rows and do not come back once applied', () => {
    let applied = 0;
    for (const data of MESSY)
      for (const check of CHECKS)
        for (const f of check.run(row(data), ctx)) {
          if (!f.suggestion) continue;
          applied++;
          const again = check
            .run(row(apply(data, f.suggestion)), ctx)
            .filter((g) => g.code === f.code && g.field === f.field);
          expect(again, `${f.code} on ${JSON.stringify(data)} → ${JSON.stringify(f.suggestion)}`).toEqual([]);
        }
    expect(applied).toBeGreaterThan(30);
  });
});
