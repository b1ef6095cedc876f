import { describe, expect, it } from 'vitest';
import { titleCheck } from '../../../../src-main/core/checks/title';
import { ctx, row } from '../address/fixtures';
import { CLEAN_PEOPLE } from './clean-people';

const run = (data: Record<string, string>) => titleCheck.run(row(data), ctx);

describe('title values', () => {
  it.each([
    ['Herr', 'MR'],
    ['M.', 'MR'],
    ['Monsieur', 'MR'],
    ['Mr', 'MR'],
    ['Frau', 'MRS'],
    ['Mme', 'MRS'],
    ['Mrs', 'MRS'],
    ['Ms', 'MRS'],
    ['Mlle', 'MISS'],
    ['Fräulein', 'MISS'],
    ['Herr Dr.', 'MR'],
    ['Sehr geehrte Frau Prof.', 'MRS'],
    ['Herr und Frau', 'MR_AND_MRS'],
    ['M. et Mme', 'MR_AND_MRS'],
    ['mrs', 'MRS'],
  ])('maps the salutation "%s" to the SecuTix code %s', (TITLE, code) => {
    const [f] = run({ TITLE, LASTNAME: 'Meier' });
    expect(f).toMatchObject({ code: 'title.normalize', suggestion: { TITLE: code } });
  });

  it('reports academic titles and unknown words without guessing a civility', () => {
    expect(run({ TITLE: 'Dr.' })[0]).toMatchObject({ code: 'title.unknown', severity: 'warning' });
    expect(run({ TITLE: 'Madame, Monsieur' })[0]?.suggestion).toBeUndefined();
    expect(run({ TITLE: 'Hallo' })[0]?.code).toBe('title.unknown');
  });

  it('accepts an institution-specific upper-case code with only an info', () => {
    expect(run({ TITLE: 'DOCTOR_COUPLE' })[0]).toMatchObject({ code: 'title.unknown', severity: 'info' });
  });
});

describe('title written in a name field', () => {
  it('moves `Herr` out of FIRSTNAME into TITLE and fixes the case of the rest', () => {
    const [f] = run({ FIRSTNAME: 'HERR HANS', LASTNAME: 'Müller' });
    expect(f).toMatchObject({ code: 'title.in-name', suggestion: { FIRSTNAME: 'Hans', TITLE: 'MR' } });
  });

  it('moves an Anrede that landed alone in FIRSTNAME', () => {
    expect(run({ FIRSTNAME: 'Frau', LASTNAME: 'Meier' })[0]?.suggestion).toEqual({
      FIRSTNAME: null,
      TITLE: 'MRS',
    });
  });

  it('drops an academic title but keeps the TITLE the row already has', () => {
    expect(run({ FIRSTNAME: 'Dr. Anna', LASTNAME: 'Meier', TITLE: 'MRS' })[0]?.suggestion).toEqual({
      FIRSTNAME: 'Anna',
    });
  });

  it('treats a lone letter as an initial, not as Monsieur', () => {
    expect(run({ FIRSTNAME: 'M.', LASTNAME: 'Dupont' })).toEqual([]);
    expect(run({ FIRSTNAME: 'M', LASTNAME: 'Dupont' })).toEqual([]);
  });
});

describe('title check on clean data', () => {
  it('raises nothing on correctly written people', () => {
    for (const data of CLEAN_PEOPLE) expect(run(data), JSON.stringify(data)).toEqual([]);
  });
});

describe('title derived from a salutation', () => {
  it.each([
    ['Sehr geehrte Frau Meier', 'MRS'],
    ['Dear Mr Smith', 'MR'],
    ['Cher Monsieur', 'MR'],
    ['Sehr geehrte Frau Meier und Herr Müller', 'MR_AND_MRS'],
  ])('fills an empty TITLE from "%s"', (LETTER_SALUTATION, code) => {
    expect(run({ LETTER_SALUTATION, LASTNAME: 'Meier' })[0]).toMatchObject({
      code: 'title.from-salutation',
      suggestion: { TITLE: code },
    });
  });

  it('keeps a filled TITLE and ignores salutations without a civility', () => {
    expect(run({ LETTER_SALUTATION: 'Sehr geehrte Frau Meier', TITLE: 'MRS' })).toEqual([]);
    expect(run({ LETTER_SALUTATION: 'Madame, Monsieur' })).toEqual([]);
    expect(run({ LETTER_SALUTATION: 'Liebe Anna' })).toEqual([]);
  });
});
