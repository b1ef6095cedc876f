import { describe, expect, it } from 'vitest';
import {
  normCompany,
  normCountry,
  normDate,
  normEmail,
  normName,
  normPhone,
  normStreet,
  normTown,
  normZip,
} from '../../../src-main/core/dedupe/normalize-fields';

describe('field normalisation', () => {
  it('accent loss Müller/Muller/Mueller normalise to one name', () => {
    expect(new Set(['Müller', 'MULLER', 'Mueller'].map(normName))).toEqual(new Set(['muller']));
    expect(normName("O'Neill")).toBe('oneill');
    expect(normName('Jean-Pierre')).toBe('jean pierre');
    expect(normName('Quentin')).toBe('quentin');
  });
  it('structures with legal suffix variants (AG/SA/GmbH/Sàrl/Ltd) lose the legal form', () => {
    expect(normCompany('Migros AG')).toBe('migros');
    expect(normCompany('MIGROS S.A.')).toBe('migros');
    expect(normCompany('Müller & Co. GmbH')).toBe('muller');
    expect(normCompany('Boulangerie Dupont Sàrl')).toBe('boulangerie dupont');
    expect(normCompany('Acme Ltd')).toBe('acme');
    expect(normCompany('AG')).toBe('ag');
  });
  it('street abbreviations: str./strasse/straße, av., ch., bd', () => {
    expect(normStreet('Bahnhofstr. 12')).toBe('bahnhofstrasse 12');
    expect(normStreet('Bahnhofstraße 12')).toBe('bahnhofstrasse 12');
    expect(normStreet('Bahnhof Str. 12a')).toBe('bahnhof strasse 12 a');
    expect(normStreet('12, av. de la Gare')).toBe('12 avenue de la gare');
    expect(normStreet('ch. des Vignes 3')).toBe('chemin des vignes 3');
    expect(normStreet('5 bd Haussmann')).toBe('5 boulevard haussmann');
  });
  it('phone to E.164 digits with the row country (default CH)', () => {
    expect(normPhone('079 123 45 67')).toBe('41791234567');
    expect(normPhone('+41 79 123 45 67')).toBe('41791234567');
    expect(normPhone('0041 (0)79 123 45 67')).toBe('41791234567');
    expect(normPhone('06 12 34 56 78', 'FR')).toBe('33612345678');
    expect(normPhone('06 1234 5678', 'IT')).toBe('390612345678');
    expect(normPhone('12')).toBe('');
  });
  it('email lower-cased, gmail dots and tags ignored', () => {
    expect(normEmail(' Hans.Muster@Example.CH ')).toBe('hans.muster@example.ch');
    expect(normEmail('h.a.n.s+news@googlemail.com')).toBe('hans@gmail.com');
  });
  it('birthdates in dd.mm.yyyy, yyyy-mm-dd, YYYYMMDD, 2-digit years', () => {
    expect(normDate('03.04.1975')).toBe('19750403');
    expect(normDate('1975-04-03')).toBe('19750403');
    expect(normDate('19750403')).toBe('19750403');
    expect(normDate('3/4/75')).toBe('19750403');
    expect(normDate('19990231')).toBe('19990231');
    expect(normDate('n/a')).toBe('');
  });
  it('postcodes, towns, countries', () => {
    expect(normZip('CH-8001')).toBe('8001');
    expect(normZip('sw1a 1aa')).toBe('SW1A1AA');
    expect(normTown('St. Gallen')).toBe('saint gallen');
    expect(normTown('Paris Cedex 08')).toBe('paris');
    expect(normCountry('Schweiz')).toBe('CH');
    expect(normCountry('')).toBe('');
  });
});
