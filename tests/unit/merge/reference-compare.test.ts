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

  it('surname typo (Webv/Webb, Gryosler/Grosser) with same birthdate and address is sure', () => {
    const o = {
      CONTACT_NR: '1',
      FIRSTNAME: 'Rourke',
      LASTNAME: 'Webb',
      BIRTHDATE: '19780601',
      ZIPCODE: '6020',
      LINE1: '5 Welsby Place',
    };
    expect(compareWithReference({ ...o, LASTNAME: 'Webv', LINE1: '5 welsby pnlace' }, o).band).toBe('sure');
    expect(compareWithReference({ ...o, LASTNAME: 'Gryosler' }, { ...o, LASTNAME: 'Grosser' }).band).toBe(
      'sure',
    );
  });

  it('first and last name swapped between the files still match', () => {
    const o = {
      CONTACT_NR: '1',
      FIRSTNAME: 'Madeleine',
      LASTNAME: 'Paterson',
      BIRTHDATE: '19300302',
      ZIPCODE: '5045',
    };
    expect(compareWithReference({ ...o, FIRSTNAME: 'Paterson', LASTNAME: 'Madeleine' }, o).band).not.toBe(
      'none',
    );
  });

  it('day/month swapped birthdate is similar, not a different person', () => {
    const w = {
      FIRSTNAME: 'Johannes',
      LASTNAME: 'Müller',
      EMAIL1: 'j.mueller@bluewin.ch',
      BIRTHDATE: '05.01.1990',
    };
    const r = compareWithReference(w, { ...REF, BIRTHDATE: '1990-05-01' });
    expect(r.band).toBe('sure');
    expect(r.explanation).toContainEqual(
      expect.objectContaining({ field: 'birthdate', evidence: 'similar' }),
    );
  });

  it('new surname with same first name, birthdate and address (married name) goes to review', () => {
    const o = {
      CONTACT_NR: '1',
      FIRSTNAME: 'Tori',
      LASTNAME: 'Fleet',
      BIRTHDATE: '19601101',
      ZIPCODE: '2213',
      LINE1: '1 Tallara Parkway',
    };
    expect(compareWithReference({ ...o, LASTNAME: 'Keoh' }, o)).toMatchObject({
      band: 'review',
      reason: 'last names differ',
    });
    // other first name too: a different person living there (no match)
    expect(compareWithReference({ ...o, FIRSTNAME: 'Kyle', LASTNAME: 'Brain' }, o).band).toBe('none');
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

  it('blocking keys: email, phone, and each pair of name/postcode/birthdate so one typo still meets', () => {
    expect(blockingKeys({ ...REF, BIRTHDATE: '05.05.1990', OFFICIAL_NAME: 'Müller AG' })).toEqual([
      'e:j.mueller@bluewin.ch',
      'p:41791234567',
      'n:muller|8001',
      'b:muller|19900505',
      'm:muller|johannes',
      'f:johannes|19900505',
      'd:19900505|8001',
      's:muller|8001',
    ]);
  });
});
