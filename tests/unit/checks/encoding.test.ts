import { describe, expect, it } from 'vitest';
import { encodingCheck, repairMojibake } from '../../../src-main/core/checks/encoding';
import { codes, run } from './helpers';

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
