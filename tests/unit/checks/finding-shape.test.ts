import { describe, expect, it } from 'vitest';
import { finding } from '../../../src-main/core/checks/finding';
import { FindingShape } from '../../../src-main/core/checks/finding-shape';
import { throughFindingsView, wholeFindingRow } from '../../helpers/findings';

/** A finding built the way checks build them, from two values put in as they are. */
const rename = (id: number) => (a: string, b: string) =>
  finding(
    { id },
    'TOWN',
    'town.spelling',
    'warning',
    'Write {value} as {town}.',
    { value: a, town: b },
    { TOWN: b },
    0.9,
  );

describe('FindingShape', () => {
  it('pushes (row, shared key, a, b) that read back as the finding itself', () => {
    const shape = new FindingShape(rename(0));
    const pairs: Array<[string, string]> = [
      ['Geneve', 'Genève'],
      ['Genève', 'Genève-Ville'], // a inside b
      ['Lausanne-Ouchy', 'Lausanne'], // b inside a
      ['', 'Bern'],
      ['as', 'Write'], // the values occur in the constant text
      ['$& $1 $$', "O'Neill"],
    ];
    const values: unknown[] = [];
    pairs.forEach(([a, b], i) => expect(shape.push(values, i + 1, a, b)).toBe(true));
    const keys = new Set(values.filter((_, i) => i % 4 === 1));
    expect(keys.size).toBe(1);
    expect(throughFindingsView(values)).toEqual(
      pairs.map(([a, b], i) => wholeFindingRow(rename(i + 1)(a, b))),
    );
  });

  it('leaves values JSON would escape, or holding a placeholder or marker, to the generic path', () => {
    const shape = new FindingShape(rename(0));
    const out: unknown[] = [];
    for (const v of [
      'say "hi"',
      'back\\slash',
      'tab\there',
      'new\nline',
      '\u0001',
      '\u0003',
      '\ud83d',
      '\ue000',
      '\ue001',
    ])
      expect(shape.push(out, 1, v, 'Bern') || shape.push(out, 1, 'Bern', v)).toBe(false);
    expect(out).toEqual([]);
  });

  it('is never used when the sample does not cut into (a, b) in that order', () => {
    // b comes first in params, so the template's first argument would be b: not this shape's order.
    const swapped = new FindingShape((a, b) =>
      finding({ id: 0 }, 'TOWN', 'town.spelling', 'warning', 'Write {value} as {town}.', {
        town: b,
        value: a,
      }),
    );
    const out: unknown[] = [];
    expect(swapped.push(out, 1, 'Geneve', 'Genève')).toBe(false);
    // A builder that drops b from every text cuts to (a, null): not usable either.
    const oneValue = new FindingShape((a) =>
      finding({ id: 0 }, 'TOWN', 'town.junk', 'warning', '{value}?', { value: a }),
    );
    expect(oneValue.push(out, 1, 'xxx', 'yyy')).toBe(false);
    expect(out).toEqual([]);
  });
});
