import { describe, expect, it } from 'vitest';
import { interpretRow, describeProblem } from '../../../shared/mapping/interpret';
import { mappingSchema, type MappingInput } from '../../../shared/mapping/schema';
import { splitFullName } from '../../../shared/mapping/names';
import { splitPostcodeTown, splitStreetNumber } from '../../../shared/mapping/address';
import { parseDate } from '../../../shared/mapping/dates';

const NOW = new Date(Date.UTC(2026, 10, 25));
const cols = (...names: string[]) => names.map((name, index) => ({ index, name }));
const run = (m: MappingInput, names: string[], cells: string[]) =>
  interpretRow(mappingSchema.parse(m), cells, cols(...names), { now: NOW });

describe('splitFullName', () => {
  it('reads "Last, First" with surname particles', () => {
    expect(splitFullName('van der Berg, Anna')).toEqual({ first: 'Anna', last: 'van der Berg' });
  });
  it('keeps compound first names and particles of the last name apart', () => {
    expect(splitFullName('Jean-Pierre De La Fontaine')).toEqual({
      first: 'Jean-Pierre',
      last: 'De La Fontaine',
    });
    expect(splitFullName('Anna Maria Rossi')).toEqual({ first: 'Anna Maria', last: 'Rossi' });
  });
  it('drops a salutation typed into the name and treats a single word as the last name', () => {
    expect(splitFullName('Herr Hans Müller')).toEqual({ first: 'Hans', last: 'Müller' });
    expect(splitFullName('Dupont')).toEqual({ first: '', last: 'Dupont' });
  });
  it('honours an explicit "last first" order without comma', () => {
    expect(splitFullName('van der Berg Anna', 'lastFirst')).toEqual({ first: 'Anna', last: 'van der Berg' });
  });
});

describe('splitPostcodeTown', () => {
  it.each([
    ['1003 Lausanne', '1003', 'Lausanne', ''],
    ['CH-1003 Lausanne', '1003', 'Lausanne', 'CH'],
    ['L-4906 Bascharage', '4906', 'Bascharage', 'LU'],
    ['75008 Paris', '75008', 'Paris', ''],
    ['D-80331 München', '80331', 'München', 'DE'],
    ['Paris 75008', '75008', 'Paris', ''],
    ['1260 Nyon 1', '1260', 'Nyon 1', ''],
    ['CH 8001 Zürich', '8001', 'Zürich', 'CH'],
    ['1003, Lausanne', '1003', 'Lausanne', ''],
  ])('splits %s', (v, postcode, town, country) => {
    expect(splitPostcodeTown(v)).toEqual({ postcode, town, country });
  });
  it('returns null when there is no postcode', () => {
    expect(splitPostcodeTown('Lausanne')).toBeNull();
  });
});

describe('splitStreetNumber', () => {
  it('finds numbers after and before the street', () => {
    expect(splitStreetNumber('Bahnhofstrasse 12a')).toMatchObject({
      street: 'Bahnhofstrasse',
      number: '12a',
    });
    expect(splitStreetNumber('12, rue du Lac')).toMatchObject({ street: 'rue du Lac', number: '12' });
    expect(splitStreetNumber('12bis avenue de la Gare')).toMatchObject({
      street: 'avenue de la Gare',
      number: '12bis',
    });
    expect(splitStreetNumber('Postfach')).toMatchObject({ street: 'Postfach', number: '', position: 'none' });
  });
});

describe('parseDate', () => {
  it.each([
    ['17.05.1980', 'auto'],
    ['17/05/1980', 'auto'],
    ['1980-05-17', 'auto'],
    ['1980-05-17T00:00:00.000Z', 'auto'],
    ['19800517', 'auto'],
    ['29358', 'auto'], // Excel serial of 1980-05-17
    ['05/17/1980', 'mdy'],
  ] as const)('reads %s', (v, input) => {
    expect(parseDate(v, input, NOW)).toEqual({ ok: true, day: 17, month: 5, year: 1980 });
  });
  it('refuses dates that do not exist', () => {
    expect(parseDate('30.02.1999', 'auto', NOW)).toMatchObject({ ok: false });
  });
  it('reads two-digit years as the past', () => {
    expect(parseDate('01.02.30', 'auto', NOW)).toMatchObject({ ok: true, year: 1930 });
    expect(parseDate('01.02.05', 'auto', NOW)).toMatchObject({ ok: true, year: 2005 });
  });
});

describe('mapping interpreter', () => {
  it('copies, trims, joins and writes constants', () => {
    const r = run(
      {
        rules: [
          { targets: ['FIRSTNAME'], sources: ['Vorname'], transform: { type: 'trim' } },
          { targets: ['LINE1'], sources: ['Strasse', 'Nr'], transform: { type: 'join', separator: ' ' } },
          { targets: ['ORGANIZATION'], sources: [], transform: { type: 'constant', value: 'ORG1' } },
          { targets: ['REMARK'], sources: ['Notiz'], transform: { type: 'copy' } },
        ],
      },
      ['Vorname', 'Strasse', 'Nr', 'Notiz'],
      ['  Hans  Peter ', 'Bahnhofstrasse', '12', ' as is '],
    );
    expect(r.data).toEqual({
      FIRSTNAME: 'Hans Peter',
      LINE1: 'Bahnhofstrasse 12',
      ORGANIZATION: 'ORG1',
      REMARK: ' as is ',
    });
    expect(r.problems).toEqual([]);
  });

  it('keeps the house number in LINE1, reordered on request, or splits it into a second field', () => {
    const rule = (format: 'keep' | 'streetNumber' | 'numberStreet', targets = ['LINE1']) => ({
      rules: [{ targets, sources: ['Adresse'], transform: { type: 'splitStreetNumber' as const, format } }],
    });
    expect(run(rule('keep'), ['Adresse'], ['12,  rue du Lac']).data).toEqual({ LINE1: '12, rue du Lac' });
    expect(run(rule('streetNumber'), ['Adresse'], ['12, rue du Lac']).data).toEqual({
      LINE1: 'rue du Lac 12',
    });
    expect(run(rule('numberStreet'), ['Adresse'], ['Bahnhofstrasse 12a']).data).toEqual({
      LINE1: '12a Bahnhofstrasse',
    });
    expect(run(rule('keep', ['LINE1', 'LINE2']), ['Adresse'], ['Bahnhofstrasse 12a']).data).toEqual({
      LINE1: 'Bahnhofstrasse',
      LINE2: '12a',
    });
  });

  it('splits full names and postcode+town into several fields', () => {
    const r = run(
      {
        rules: [
          { targets: ['FIRSTNAME', 'LASTNAME'], sources: ['Name'], transform: { type: 'splitFullName' } },
          {
            targets: ['ZIPCODE', 'TOWN', 'COUNTRY'],
            sources: ['NPA Localité'],
            transform: { type: 'splitPostcodeTown' },
          },
        ],
      },
      ['Name', 'NPA Localité'],
      ['van der Berg, Anna', 'CH-1003 Lausanne'],
    );
    expect(r.data).toEqual({
      FIRSTNAME: 'Anna',
      LASTNAME: 'van der Berg',
      ZIPCODE: '1003',
      TOWN: 'Lausanne',
      COUNTRY: 'CH',
    });
  });

  it('keeps an unparsable postcode+town in TOWN and reports it', () => {
    const r = run(
      {
        rules: [{ targets: ['ZIPCODE', 'TOWN'], sources: ['Ort'], transform: { type: 'splitPostcodeTown' } }],
      },
      ['Ort'],
      ['Lausanne'],
    );
    expect(r.data).toEqual({ TOWN: 'Lausanne' });
    expect(r.problems[0]).toMatchObject({
      code: 'mapping.postcode-town-unparsed',
      column: 'Ort',
      value: 'Lausanne',
    });
  });

  it('maps titles and booleans case- and accent-insensitively, and reports unmapped values', () => {
    const m: MappingInput = {
      rules: [
        { targets: ['TITLE'], sources: ['Anrede'], transform: { type: 'valueMap', preset: 'title' } },
        {
          targets: ['CRIT01'],
          sources: ['Newsletter'],
          transform: { type: 'valueMap', preset: 'boolean', map: { abonniert: 'T' } },
        },
      ],
    };
    expect(run(m, ['Anrede', 'Newsletter'], ['Herr', 'OUI']).data).toEqual({ TITLE: 'MR', CRIT01: 'T' });
    expect(run(m, ['Anrede', 'Newsletter'], ['Mme.', 'non']).data).toEqual({ TITLE: 'MRS', CRIT01: 'F' });
    expect(run(m, ['Anrede', 'Newsletter'], ['m. et mme', 'Abonniert']).data).toEqual({
      TITLE: 'MR_AND_MRS',
      CRIT01: 'T',
    });
    const bad = run(m, ['Anrede', 'Newsletter'], ['Exzellenz', '']);
    expect(bad.data).toEqual({});
    expect(describeProblem(bad.problems[0]!)).toBe(
      'Column "Anrede", value "Exzellenz": value not in the value map (title); TITLE left empty',
    );
  });

  it('reads Italian salutations and ignores academic titles next to the salutation', () => {
    const m: MappingInput = {
      rules: [{ targets: ['TITLE'], sources: ['Anrede'], transform: { type: 'valueMap', preset: 'title' } }],
    };
    const title = (v: string) => run(m, ['Anrede'], [v]).data.TITLE;
    expect(['Herr Dr.', 'Frau Prof. Dr.', 'Gentile Signora', 'Sig.ra', 'Egregio Signor'].map(title)).toEqual([
      'MR',
      'MRS',
      'MRS',
      'MRS',
      'MR',
    ]);
    expect(title('Dr')).toBeUndefined();
  });

  it('applies the unmapped-value policy: keep, empty, default', () => {
    const m = (unmapped: 'keep' | 'empty' | 'default') => ({
      rules: [
        {
          targets: ['TITLE'],
          sources: ['T'],
          transform: { type: 'valueMap' as const, preset: 'title' as const, unmapped, default: 'UNDEFINED' },
        },
      ],
    });
    expect(run(m('keep'), ['T'], ['Dr']).data).toEqual({ TITLE: 'Dr' });
    expect(run(m('empty'), ['T'], ['Dr'])).toEqual({ data: {}, problems: [] });
    expect(run(m('default'), ['T'], ['Dr']).data).toEqual({ TITLE: 'UNDEFINED' });
  });

  it('formats dates as dd.mm.yyyy and drops invalid or future ones with a problem', () => {
    const m: MappingInput = {
      rules: [{ targets: ['BIRTHDATE'], sources: ['Geburtsdatum'], transform: { type: 'dateFormat' } }],
    };
    expect(run(m, ['Geburtsdatum'], ['1980-05-17']).data).toEqual({ BIRTHDATE: '17.05.1980' });
    expect(run(m, ['Geburtsdatum'], ['19081209']).data).toEqual({ BIRTHDATE: '09.12.1908' });
    const bad = run(m, ['Geburtsdatum'], ['31.02.1980']);
    expect(bad.data).toEqual({});
    expect(bad.problems[0]).toMatchObject({
      code: 'mapping.date-invalid',
      column: 'Geburtsdatum',
      value: '31.02.1980',
    });
    expect(run(m, ['Geburtsdatum'], ['01.01.2031']).problems[0]!.code).toBe('mapping.date-future');
  });

  it('keeps leading zeros of contact numbers and flags non-digit ones', () => {
    const m: MappingInput = {
      rules: [{ targets: ['CONTACT_NR'], sources: ['Kundennr'], transform: { type: 'trim' } }],
    };
    expect(run(m, ['Kundennr'], ['000123'])).toEqual({ data: { CONTACT_NR: '000123' }, problems: [] });
    expect(run(m, ['Kundennr'], ['A-123']).problems[0]!.code).toBe('mapping.contact-nr-not-digits');
  });

  it('finds columns by compact header key and names a missing column clearly', () => {
    const m: MappingInput = {
      rules: [{ targets: ['EMAIL1'], sources: ['E-Mail'], transform: { type: 'trim' } }],
    };
    expect(run(m, ['email'], ['a@b.ch']).data).toEqual({ EMAIL1: 'a@b.ch' });
    expect(() => run(m, ['Mail'], ['a@b.ch'])).toThrow(/column "E-Mail"/);
  });

  it('refuses a target that is not a SecuTix field code', () => {
    const m: MappingInput = {
      rules: [{ targets: ['EMAIL'], sources: ['Mail'], transform: { type: 'trim' } }],
    };
    expect(() => run(m, ['Mail'], ['a@b.ch'])).toThrow(/"EMAIL", which is not a SecuTix field code/);
  });

  it('rejects a mapping writing one field twice or with the wrong number of columns', () => {
    expect(
      mappingSchema.safeParse({
        rules: [
          { targets: ['EMAIL1'], sources: ['a'], transform: { type: 'copy' } },
          { targets: ['EMAIL1'], sources: ['b'], transform: { type: 'copy' } },
        ],
      }).success,
    ).toBe(false);
    expect(
      mappingSchema.safeParse({
        rules: [{ targets: ['FIRSTNAME'], sources: ['a'], transform: { type: 'splitFullName' } }],
      }).success,
    ).toBe(false);
  });
});
