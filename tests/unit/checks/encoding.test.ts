import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodingCheck, repairMojibake } from '../../../src-main/core/checks/encoding';
import { codes, run } from './helpers';
import { sharedData } from '../../helpers/shared-data';

describe('encoding check', () => {
  it('repairs UTF-8 text that was read as Windows-1252', () => {
    expect(repairMojibake('GenÃ¨ve')).toBe('Genève');
    expect(repairMojibake('MÃ¼ller')).toBe('Müller');
    expect(repairMojibake('Ã©cole')).toBe('école');
    expect(repairMojibake('Lâ€™Ã©tÃ©')).toBe('L’été');
    expect(repairMojibake('Ã‰ric')).toBe('Éric');
    expect(repairMojibake('ZÃƒÂ¼rich')).toBe('Zürich'); // damaged twice
  });

  it('finds damage in any field and suggests the repair', () => {
    const fs = run(encodingCheck, { TOWN: 'GenÃ¨ve', LASTNAME: 'MÃ¼ller', FIRSTNAME: 'Anna' });
    expect(fs.map((f) => [f.field, f.suggestion])).toEqual([
      ['TOWN', { TOWN: 'Genève' }],
      ['LASTNAME', { LASTNAME: 'Müller' }],
    ]);
  });

  it('leaves correct accented text alone', () => {
    for (const v of [
      'Genève',
      'Müller',
      'Ærø',
      'Âge',
      'São Paulo',
      'Ñandú',
      'Ölstraße 5',
      'Città di Castello',
      'A&Â',
    ])
      expect(run(encodingCheck, { TOWN: v }), v).toEqual([]);
  });

  it('flags replacement characters, whose letter is lost', () => {
    const fs = run(encodingCheck, { TOWN: 'Gen\uFFFDve' });
    expect(codes(fs)).toEqual(['encoding.lost-character']);
    expect(fs[0]?.suggestion).toBeUndefined();
  });
});

describe('encoding check on real Italian municipality names (ISTAT, Windows-1252 file)', () => {
  const text = iconv.decode(readFileSync(sharedData('csv/frictionless-py/issue-811.csv')), 'windows-1252');
  const names = [
    ...new Set(
      text
        .split(/\r?\n/)
        .slice(3)
        .map((l) => l.split(';')[5]?.trim() ?? '')
        .filter((n) => n !== ''),
    ),
  ];
  const accented = names.filter((n) => /[^\x20-\x7e]/.test(n));

  it('raises nothing on the correctly decoded names', () => {
    expect(names.length).toBeGreaterThan(7000);
    const flagged = names.filter((n) => run(encodingCheck, { TOWN: n }).length > 0);
    expect(flagged).toEqual([]);
  });

  it('repairs every accented name after UTF-8 → Windows-1252 damage', () => {
    expect(accented.length).toBeGreaterThan(50);
    for (const name of accented) {
      const damaged = iconv.decode(Buffer.from(name, 'utf8'), 'windows-1252');
      expect(run(encodingCheck, { TOWN: damaged })[0]?.suggestion, damaged).toEqual({ TOWN: name });
    }
  });
});
