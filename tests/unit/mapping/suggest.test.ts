import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../shared/mapping/suggest';
import { profileColumn } from '../../../shared/mapping/profile';

const cols = (names: string[]) => names.map((name, index) => ({ index, name }));
const chosen = (headers: string[], rows: string[][]) => {
  const r = suggestMapping(cols(headers), rows);
  return Object.fromEntries(r.columns.map((c) => [c.column, c.suggestion?.key ?? null]));
};

describe('mapping suggestion from headers', () => {
  it('recognises a German export', () => {
    expect(
      chosen(
        [
          'Anrede',
          'Vorname',
          'Nachname',
          'Firma',
          'Strasse',
          'PLZ',
          'Ort',
          'Land',
          'Telefon',
          'Natel',
          'E-Mail',
          'Geburtsdatum',
          'Sprache',
          'Kundennr',
        ],
        [
          [
            'Herr',
            'Hans',
            'Müller',
            'Acme AG',
            'Bahnhofstrasse 12',
            '8001',
            'Zürich',
            'Schweiz',
            '044 123 45 67',
            '079 123 45 67',
            'hans@mueller.ch',
            '17.05.1980',
            'Deutsch',
            '000123',
          ],
        ],
      ),
    ).toEqual({
      Anrede: 'TITLE',
      Vorname: 'FIRSTNAME',
      Nachname: 'LASTNAME',
      Firma: 'OFFICIAL_NAME',
      Strasse: 'LINE1',
      PLZ: 'ZIPCODE',
      Ort: 'TOWN',
      Land: 'COUNTRY',
      Telefon: 'TELEPHONE',
      Natel: 'CELLPHONE',
      'E-Mail': 'EMAIL1',
      Geburtsdatum: 'BIRTHDATE',
      Sprache: 'PREF_LANG',
      Kundennr: 'CONTACT_NR',
    });
  });

  it('recognises a French export', () => {
    expect(
      chosen(
        [
          'Civilité',
          'Prénom',
          'Nom',
          'Société',
          'Adresse',
          'NPA',
          'Localité',
          'Pays',
          'Téléphone',
          'Portable',
          'Courriel',
          'Date de naissance',
          'Langue',
          'No client',
        ],
        [
          [
            'Mme',
            'Claire',
            'Dubois',
            '',
            'Rue du Lac 3',
            '1003',
            'Lausanne',
            'Suisse',
            '021 613 21 11',
            '076 555 44 33',
            'claire@dubois.ch',
            '1980-05-17',
            'Français',
            '42',
          ],
        ],
      ),
    ).toEqual({
      Civilité: 'TITLE',
      Prénom: 'FIRSTNAME',
      Nom: 'LASTNAME',
      Société: 'OFFICIAL_NAME',
      Adresse: 'LINE1',
      NPA: 'ZIPCODE',
      Localité: 'TOWN',
      Pays: 'COUNTRY',
      Téléphone: 'TELEPHONE',
      Portable: 'CELLPHONE',
      Courriel: 'EMAIL1',
      'Date de naissance': 'BIRTHDATE',
      Langue: 'PREF_LANG',
      'No client': 'CONTACT_NR',
    });
  });

  it('recognises an Italian export', () => {
    expect(
      chosen(
        [
          'Titolo',
          'Nome',
          'Cognome',
          'Ditta',
          'Indirizzo',
          'CAP',
          'Città',
          'Paese',
          'Telefono',
          'Cellulare',
          'E-mail',
          'Data di nascita',
          'Lingua',
        ],
        [
          [
            'Signora',
            'Maria',
            'Rossi',
            '',
            'Via Roma 1',
            '6900',
            'Lugano',
            'Svizzera',
            '091 123 45 67',
            '079 123 45 67',
            'maria@rossi.ch',
            '17/05/1980',
            'Italiano',
          ],
        ],
      ),
    ).toMatchObject({
      Titolo: 'TITLE',
      Nome: 'FIRSTNAME',
      Cognome: 'LASTNAME',
      Ditta: 'OFFICIAL_NAME',
      CAP: 'ZIPCODE',
      Città: 'TOWN',
      Cellulare: 'CELLPHONE',
      Lingua: 'PREF_LANG',
    });
  });

  it('recognises an English CRM export and gives a confidence with a reason', () => {
    const r = suggestMapping(cols(['First name', 'Last name', 'Zip', 'City', 'Email']), [
      ['John', 'Smith', '12345', 'London', 'john@smith.co.uk'],
    ]);
    const zip = r.columns[2]!.suggestion!;
    expect(zip).toMatchObject({ key: 'ZIPCODE', targets: ['ZIPCODE'] });
    expect(zip.confidence).toBeGreaterThan(0.9);
    expect(zip.reason).toContain('header "Zip" is "zip"');
    expect(zip.reason).toContain('look like postcodes');
  });

  it('splits a "Name" column of full names, but keeps it as the last name when it holds single words', () => {
    const full = suggestMapping(cols(['Name']), [['Hans Müller'], ['van der Berg, Anna']]);
    expect(full.mapping.rules).toEqual([
      {
        targets: ['FIRSTNAME', 'LASTNAME'],
        sources: ['Name'],
        transform: { type: 'splitFullName', order: 'auto' },
      },
    ]);
    expect(chosen(['Vorname', 'Name'], [['Hans', 'Müller']])).toEqual({
      Vorname: 'FIRSTNAME',
      Name: 'LASTNAME',
    });
  });

  it('joins a separate house-number column to the street, in the source order', () => {
    const r = suggestMapping(cols(['street_number', 'address_1']), [['6', 'tullaroop street']]);
    expect(r.mapping.rules).toEqual([
      {
        targets: ['LINE1'],
        sources: ['street_number', 'address_1'],
        transform: { type: 'join', separator: ' ' },
      },
    ]);
  });
});

describe('mapping suggestion from content only', () => {
  const rows = [
    ['Hans Müller', 'a@b.ch', '8001 Zürich', '17.05.1980', '079 123 45 67', 'x', 'CH', '021 613 21 11'],
    ['Anna Meier', 'c@d.ch', '3000 Bern', '01.02.1975', '078 123 45 67', 'y', 'DE', '022 700 11 22'],
    ['Jean Dupont', 'e@f.fr', '75008 Paris', '02.03.1966', '06 12 34 56 78', 'z', 'FR', '01 40 15 80 00'],
  ];
  it('maps columns with meaningless headers by what they contain', () => {
    const r = suggestMapping(cols(['Col1', 'Col2', 'Col3', 'Col4', 'Col5', 'Col6', 'Col7', 'Col8']), rows);
    const keys = r.columns.map((c) => c.suggestion?.key ?? null);
    expect(keys).toEqual([
      'FULLNAME',
      'EMAIL1',
      'ZIP_TOWN',
      'BIRTHDATE',
      'CELLPHONE',
      null,
      'COUNTRY',
      'TELEPHONE',
    ]);
    expect(r.columns[1]!.suggestion!.reason).toMatch(
      /header not recognised, but 100% of 3 sampled values look like email/,
    );
    expect(r.unmapped).toEqual(['Col6']);
    // Two capitalised words are only a weak hint of a person's name: low confidence.
    expect(r.columns[0]!.suggestion!.confidence).toBeLessThanOrEqual(0.55);
  });

  it('tells company names (legal form) from person names', () => {
    const r = suggestMapping(cols(['A', 'B']), [
      ['Acme AG', 'Hans Müller'],
      ['Dupont Sàrl', 'Anna Meier'],
      ['Rossi S.p.A.', 'Jean Dupont'],
    ]);
    expect(r.columns.map((c) => c.suggestion?.key)).toEqual(['OFFICIAL_NAME', 'FULLNAME']);
  });

  it('keeps a company header confident when the names carry no legal form', () => {
    const r = suggestMapping(cols(['Firma']), [['Migros'], ['Coop']]);
    expect(r.columns[0]!.suggestion).toMatchObject({ key: 'OFFICIAL_NAME', confidence: 0.9 });
  });

  it('suggests each field once: a second email column becomes EMAIL2, others are alternatives', () => {
    const r = suggestMapping(cols(['E-Mail', 'Col7']), [['a@b.ch', 'x@y.ch']]);
    expect(r.columns.map((c) => c.suggestion?.key)).toEqual(['EMAIL1', 'EMAIL2']);
    expect(r.columns[0]!.alternatives.map((a) => a.key)).toContain('EMAIL2');
  });

  it('does not take a modification date or an order date for a birth date', () => {
    const r = suggestMapping(cols(['modified_at', 'Col2', 'created']), [
      ['2022-02-14', '2024-01-03', '1990-01-01'],
      ['2022-02-15', '2025-06-30', '1991-05-05'],
    ]);
    expect(r.columns.map((c) => c.suggestion?.key ?? null)).toEqual([null, null, null]);
    expect(suggestMapping(cols(['Col2']), [['17.05.1980'], ['01.02.1975']]).columns[0]!.suggestion?.key).toBe(
      'BIRTHDATE',
    );
  });

  it('does not take yyyymmdd dates or postcodes for phone numbers', () => {
    const p = profileColumn(['19800517', '19990219']);
    expect(p.shares.phone).toBe(0);
    expect(p.shares.date).toBe(1);
    expect(profileColumn(['8001', '1003']).shares.phone).toBe(0);
  });
});
