import { describe, expect, it } from 'vitest';
import { kindCheck } from '../../../../src-main/core/checks/kind';
import { ctx, row } from '../address/fixtures';
import { CLEAN_PEOPLE } from './clean-people';

const run = (data: Record<string, string>) => kindCheck.run(row(data), ctx);

describe('organisation typed as a person', () => {
  it.each([
    'Müller AG',
    'Nestlé S.A.',
    'Dupont Sàrl',
    'Acme Ltd',
    'Weber GmbH',
    'Fondation Beyeler',
    'Ecole de musique de Lausanne',
    'FC Basel Club',
  ])('moves "%s" to OFFICIAL_NAME', (name) => {
    const [f] = run({ LASTNAME: name });
    expect(f).toMatchObject({
      code: 'kind.organisation-in-person-name',
      suggestion: { OFFICIAL_NAME: name, LASTNAME: null },
    });
  });

  it('keeps the first name as the relay when only the last name is a company', () => {
    expect(run({ FIRSTNAME: 'Hans', LASTNAME: 'Müller AG' })[0]?.suggestion).toEqual({
      OFFICIAL_NAME: 'Müller AG',
      LASTNAME: null,
    });
  });

  it('joins an organisation name split over both fields', () => {
    expect(run({ FIRSTNAME: 'Verein', LASTNAME: 'Musikfreunde Basel' })[0]?.suggestion).toEqual({
      OFFICIAL_NAME: 'Verein Musikfreunde Basel',
      FIRSTNAME: null,
      LASTNAME: null,
    });
  });

  it('respects a kind the user set by hand', () => {
    expect(kindCheck.run({ ...row({ LASTNAME: 'Müller AG' }), kindOverride: 'individual' }, ctx)).toEqual([]);
  });
});

describe('structure and relay names', () => {
  it('suggests an individual when the structure name is a person’s name', () => {
    const [f] = run({ OFFICIAL_NAME: 'Giulia Bianchi' });
    expect(f).toMatchObject({
      code: 'kind.person-in-official-name',
      suggestion: { FIRSTNAME: 'Giulia', LASTNAME: 'Bianchi', OFFICIAL_NAME: null },
    });
  });

  it('clears a relay whose name only repeats the structure name', () => {
    expect(run({ OFFICIAL_NAME: 'Müller AG', LASTNAME: 'Müller AG' })[0]?.code).toBe(
      'kind.official-name-repeated',
    );
  });
});

describe('kind check on clean data', () => {
  it('raises nothing on correctly filled people, structures and relays', () => {
    for (const data of CLEAN_PEOPLE) expect(run(data), JSON.stringify(data)).toEqual([]);
    expect(run({ FIRSTNAME: 'Freya', LASTNAME: 'Canton' })).toEqual([]);
  });
});
