import { describe, expect, it } from 'vitest';
import { streetCheck } from '../../../../src-main/core/checks/street';
import { CLEAN_ADDRESSES, ctx, row } from './fixtures';

const run = (data: Record<string, string>) => streetCheck.run(row(data), ctx);
const one = (data: Record<string, string>) => {
  const f = run(data);
  expect(f, JSON.stringify(f)).toHaveLength(1);
  return f[0]!;
};

describe('street format', () => {
  it.each([
    ['CH', 'Rue de Lausanne12', 'Rue de Lausanne 12'],
    ['DE', 'Bahnhofstr.12', 'Bahnhofstr. 12'],
    ['CH', 'BAHNHOFSTRASSE 1', 'Bahnhofstrasse 1'],
    ['FR', '12 RUE DE LA PAIX', '12 rue de la Paix'],
    ['FR', '12rue de la Paix', '12 rue de la Paix'],
    ['CH', "CHEMIN DE L'ETANG 12", "Chemin de l'Etang 12"],
    ['CH', 'bahnhofstrasse   1', 'Bahnhofstrasse 1'],
    ['FR', '12 BIS RUE DE LA PAIX', '12 bis rue de la Paix'],
  ])('in %s writes "%s" as "%s"', (COUNTRY, LINE1, expected) => {
    expect(one({ LINE1, COUNTRY })).toMatchObject({ code: 'street.format', suggestion: { LINE1: expected } });
  });

  it('keeps `12bis` and PO-box abbreviations as they are', () => {
    expect(run({ LINE1: '12bis rue de la Paix', COUNTRY: 'FR' })).toEqual([]);
    expect(run({ LINE1: 'CP 45', COUNTRY: 'CH' })).toEqual([]);
  });
});

describe('house number side', () => {
  it('puts the number after the street in Switzerland and Germany', () => {
    expect(one({ LINE1: '12 Bahnhofstrasse', COUNTRY: 'DE' })).toMatchObject({
      code: 'street.number-order',
      suggestion: { LINE1: 'Bahnhofstrasse 12' },
    });
    expect(one({ LINE1: '12 rue de Lausanne', COUNTRY: 'CH' }).suggestion).toEqual({
      LINE1: 'Rue de Lausanne 12',
    });
  });

  it('puts the number first in France but not in French-speaking Switzerland', () => {
    expect(one({ LINE1: 'Rue de la Paix 12', COUNTRY: 'FR' }).suggestion).toEqual({
      LINE1: '12 rue de la Paix',
    });
    expect(run({ LINE1: 'Rue de la Paix 12', COUNTRY: 'CH' })).toEqual([]);
  });

  it('does not move numbers of buildings or lines that are not streets', () => {
    expect(run({ LINE1: 'Résidence Les Pins Bât 2', COUNTRY: 'FR' })).toEqual([]);
    expect(run({ LINE1: '3 Zimmer links', COUNTRY: 'DE' })).toEqual([]);
  });
});

describe('PO boxes', () => {
  it('splits a street and its PO box written in one line', () => {
    expect(one({ LINE1: 'Bahnhofstrasse 1, Postfach 123', COUNTRY: 'CH' }).suggestion).toEqual({
      LINE1: 'Bahnhofstrasse 1',
      LINE2: 'Postfach 123',
    });
    expect(one({ LINE1: 'Avenue de la Gare 10, Case postale 12', COUNTRY: 'CH' }).suggestion).toEqual({
      LINE1: 'Avenue de la Gare 10',
      LINE2: 'Case postale 12',
    });
  });

  it('puts the street above a PO box typed first', () => {
    expect(one({ LINE1: 'Postfach 123', LINE2: 'Bahnhofstrasse 1', COUNTRY: 'CH' }).suggestion).toEqual({
      LINE1: 'Bahnhofstrasse 1',
      LINE2: 'Postfach 123',
    });
  });

  it.each(['Postfach 123', 'Case postale 12', 'CP 45', 'BP 12', 'PO Box 5', 'Casella postale 7'])(
    'accepts "%s" alone',
    (LINE1) => {
      expect(run({ LINE1, COUNTRY: 'CH' })).toEqual([]);
    },
  );
});

describe('junk address lines', () => {
  it.each(['-', 'xxx', 'unknown', 'n/a', '.', 'Unbekannt', '???'])(
    'flags "%s" and proposes to clear it',
    (LINE1) => {
      expect(one({ LINE1, COUNTRY: 'CH' })).toMatchObject({
        code: 'street.junk',
        suggestion: { LINE1: null },
      });
    },
  );
});

describe('street check on clean data', () => {
  it('raises nothing on correct addresses of every supported country', () => {
    for (const data of CLEAN_ADDRESSES) expect(run(data), JSON.stringify(data)).toEqual([]);
    expect(run({ LINE1: 'c/o Müller', LINE2: 'Bahnhofstrasse 1', COUNTRY: 'CH' })).toEqual([]);
    expect(run({ LINE1: 'Bahnhofstrasse 1', LINE2: 'Postfach 123', COUNTRY: 'CH' })).toEqual([]);
  });
});

describe('postcode and town typed into an address line', () => {
  it('moves `8001 Zürich` from the street line to ZIPCODE and TOWN', () => {
    expect(one({ LINE1: 'Bahnhofstrasse 1, 8001 Zurich', COUNTRY: 'CH' })).toMatchObject({
      code: 'street.contains-town',
      suggestion: { LINE1: 'Bahnhofstrasse 1', ZIPCODE: '8001', TOWN: 'Zürich' },
    });
    expect(
      one({ LINE1: '12 rue de la Paix 75002 Paris', ZIPCODE: '75002', COUNTRY: 'FR' }).suggestion,
    ).toEqual({
      LINE1: '12 rue de la Paix',
      TOWN: 'Paris',
    });
  });

  it('clears a line that only repeats postcode and town', () => {
    expect(
      one({ LINE1: 'Rue du Rhône 48', LINE2: '1204 Genève', ZIPCODE: '1204', TOWN: 'Genève', COUNTRY: 'CH' })
        .suggestion,
    ).toEqual({
      LINE2: null,
    });
  });

  it('never takes a house number followed by a word for a postcode', () => {
    expect(run({ LINE1: 'Hauptstrasse 1234 Hinterhaus', COUNTRY: 'CH' })).toEqual([]);
    expect(
      run({ LINE1: 'Bahnhofstrasse 1, 8001 Zürich', ZIPCODE: '3000', TOWN: 'Bern', COUNTRY: 'CH' }),
    ).toEqual([]);
  });
});
