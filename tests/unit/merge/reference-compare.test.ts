import { describe, expect, it } from 'vitest';
import { blockingKeys, compareWithReference } from '../../../src-main/core/dedupe/reference-match-compare';

const REF = {
  CONTACT_NR: '700123',
  FIRSTNAME: 'Johannes',
  LASTNAME: 'Müller',
  EMAIL1: 'j.mueller@bluewin.ch',
  CELLPHONE: '+41 79 123 45 67',
  LINE1: 'Bahnhofstrasse 5',
  ZIPCODE: '8001',
  TOWN: 'Zürich',
  COUNTRY: 'CH',
};

describe('existing-contact comparison', () => {
  it('same email and name (accents and case differ) is a sure match, explained per field', () => {
    const r = compareWithReference(
      { FIRSTNAME: 'johannes', LASTNAME: 'MUELLER', EMAIL1: 'J.Mueller@Bluewin.ch' },
      REF,
    );
    expect(r.band).toBe('sure');
    expect(r.explanation).toContainEqual({ field: 'email', evidence: 'exact', points: 4 });
    expect(r.explanation).toContainEqual(expect.objectContaining({ field: 'lastName', evidence: 'exact' }));
  });

  it('nickname Hans for Johannes with the same mobile written nationally is sure', () => {
    const r = compareWithReference(
      { FIRSTNAME: 'Hans', LASTNAME: 'Müller', CELLPHONE: '079 123 45 67', COUNTRY: 'CH' },
      REF,
    );
    expect(r.band).toBe('sure');
  });

  it('family member sharing the email (Anna Müller) is only for review', () => {
    const r = compareWithReference(
      { FIRSTNAME: 'Anna', LASTNAME: 'Müller', EMAIL1: 'j.mueller@bluewin.ch' },
      REF,
    );
    expect(r.band).toBe('review');
  });

  it('same email and first name under another surname (married name) is for review', () => {
    const r = compareWithReference(
      { FIRSTNAME: 'Johannes', LASTNAME: 'Keller', EMAIL1: 'j.mueller@bluewin.ch' },
      REF,
    );
    expect(r).toMatchObject({ band: 'review', reason: 'last names differ' });
  });

  it('same name and postcode without any shared channel is for review, not sure', () => {
    const r = compareWithReference(
      { FIRSTNAME: 'Johannes', LASTNAME: 'Müller', ZIPCODE: '8001', LINE1: 'Seestrasse 1' },
      REF,
    );
    expect(r.band).toBe('review');
  });

  it('same name, postcode and street (Bahnhofstr. abbreviation) is sure', () => {
    const r = compareWithReference(
      { FIRSTNAME: 'J.', LASTNAME: 'Müller', ZIPCODE: 'CH-8001', LINE1: 'Bahnhofstr. 5' },
      REF,
    );
    expect(r.band).toBe('sure');
  });

  it('different birthdates block a sure match', () => {
    const r = compareWithReference(
      { FIRSTNAME: 'Johannes', LASTNAME: 'Müller', EMAIL1: 'j.mueller@bluewin.ch', BIRTHDATE: '01.01.1950' },
      { ...REF, BIRTHDATE: '1990-05-05' },
    );
    expect(r.band).toBe('review');
  });

  it('structures match on official name without legal form and postcode', () => {
    const r = compareWithReference(
      { OFFICIAL_NAME: 'Migros AG', ZIPCODE: '8005' },
      { CONTACT_NR: '9', OFFICIAL_NAME: 'MIGROS', ZIPCODE: '8005' },
    );
    expect(r.band).toBe('sure');
  });

  it('a private person never matches a structure relay on the name alone', () => {
    const r = compareWithReference(
      { FIRSTNAME: 'Johannes', LASTNAME: 'Müller', ZIPCODE: '8001' },
      { ...REF, OFFICIAL_NAME: 'Müller AG', EMAIL1: '' },
    );
    expect(r.band).toBe('none');
  });

  it('blocking keys cover email, phone, name+postcode, name+birthdate, structure+postcode', () => {
    expect(blockingKeys({ ...REF, BIRTHDATE: '05.05.1990', OFFICIAL_NAME: 'Müller AG' })).toEqual([
      'e:j.mueller@bluewin.ch',
      'p:41791234567',
      'n:muller|8001',
      'b:muller|19900505',
      's:muller|8001',
    ]);
  });
});
