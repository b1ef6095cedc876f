import { describe, expect, it } from 'vitest';
import { properCaseName } from '../../../../src-main/core/checks/name-case';
import { namesCheck } from '../../../../src-main/core/checks/names';
import { ctx, row } from '../address/fixtures';
import { CLEAN_PEOPLE } from './clean-people';

const run = (data: Record<string, string>) => namesCheck.run(row(data), ctx);

describe('name casing', () => {
  it.each([
    ['JEAN-PIERRE DE LA FONTAINE', 'Jean-Pierre de la Fontaine'],
    ['MCDONALD', 'McDonald'],
    ["o'neill", "O'Neill"],
    ['VAN DER BERG', 'van der Berg'],
    ['LUDWIG VON BEETHOVEN', 'Ludwig von Beethoven'],
    ['GIUSEPPE DI STEFANO', 'Giuseppe di Stefano'],
    ["D'ALEMBERT", "d'Alembert"],
    ['LE PEN', 'Le Pen'],
    ['müller-lüdenscheidt', 'Müller-Lüdenscheidt'],
    ['MACHADO', 'Machado'],
  ])('writes %s as %s', (input, expected) => {
    expect(properCaseName(input)).toBe(expected);
  });

  it('suggests proper case for an all-caps last name, and never re-cases a mixed-case one', () => {
    const [f] = run({ FIRSTNAME: 'Hans', LASTNAME: 'MÜLLER' });
    expect(f).toMatchObject({ code: 'name.case', field: 'LASTNAME', suggestion: { LASTNAME: 'Müller' } });
    expect(run({ FIRSTNAME: 'Hans', LASTNAME: 'DeVito' })).toEqual([]);
  });

  it('is less sure when a surname starts with a particle, where usage varies', () => {
    const [f] = run({ LASTNAME: 'DE SMET' });
    expect(f!.suggestion).toEqual({ LASTNAME: 'de Smet' });
    expect(f!.confidence).toBeLessThan(0.8);
  });
});

describe('junk names', () => {
  it.each(['test', 'xxx', 'n/a', '-', 'asdf', '???', 'aaaa', 'Unbekannt'])(
    'flags "%s" and proposes to clear it',
    (v) => {
      const [f] = run({ FIRSTNAME: v, LASTNAME: 'Meier' });
      expect(f).toMatchObject({ code: 'name.junk', suggestion: { FIRSTNAME: null } });
    },
  );

  it('flags digits in a name and offers the letters', () => {
    const [f] = run({ FIRSTNAME: 'Anna2', LASTNAME: 'Meier' });
    expect(f).toMatchObject({ code: 'name.digits', suggestion: { FIRSTNAME: 'Anna' } });
  });

  it('keeps initials and short real names', () => {
    expect(run({ FIRSTNAME: 'J.', LASTNAME: 'Li' })).toEqual([]);
  });
});

describe('swapped and combined names', () => {
  it('swaps a surname typed as first name with a first name typed as surname', () => {
    const [f] = run({ FIRSTNAME: 'Müller', LASTNAME: 'Hans' });
    expect(f).toMatchObject({ code: 'name.swapped', suggestion: { FIRSTNAME: 'Hans', LASTNAME: 'Müller' } });
    expect(f!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('does not swap names that are both common first and last names', () => {
    expect(run({ FIRSTNAME: 'Martin', LASTNAME: 'Thomas' })).toEqual([]);
  });

  it('splits a full name typed into one field', () => {
    const [f] = run({ LASTNAME: 'Giulia Bianchi' });
    expect(f).toMatchObject({
      code: 'name.full-name-in-one-field',
      suggestion: { FIRSTNAME: 'Giulia', LASTNAME: 'Bianchi' },
    });
  });

  it('leaves double first names alone', () => {
    expect(run({ FIRSTNAME: 'Anna Maria' })).toEqual([]);
  });
});

describe('names check on clean data', () => {
  it('raises nothing on correctly written people', () => {
    for (const data of CLEAN_PEOPLE) expect(run(data), JSON.stringify(data)).toEqual([]);
  });
});
