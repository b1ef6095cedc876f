import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/domain';
import { finding } from '../../../src-main/core/checks/finding';
import { pushFindingValues } from '../../../src-main/core/checks/findings-store';
import { memoByFields } from '../../../src-main/core/checks/memo';
import { contact, ctx } from './helpers';

describe('memoByFields', () => {
  const computeCalls: string[] = [];
  const check = memoByFields(
    ['TOWN', 'ZIPCODE'],
    (c: Contact) => {
      computeCalls.push(`${c.data.TOWN}|${c.data.ZIPCODE}`);
      return c.data.TOWN === 'Bern'
        ? [finding(c, 'TOWN', 'town.spelling', 'info', 'x', {}, { TOWN: 'Berne' })]
        : [];
    },
    (_c, context) => String(context.settings.country ?? ''),
  );

  it('computes once per distinct value tuple and gives hits the current row id and their own objects', () => {
    const first = check(contact({ TOWN: 'Bern', ZIPCODE: '3000' }, { id: 1 }), ctx());
    const second = check(contact({ TOWN: 'Bern', ZIPCODE: '3000' }, { id: 2 }), ctx());
    expect(computeCalls).toEqual(['Bern|3000']);
    expect(first[0]!.rowId).toBe(1);
    expect(second[0]!.rowId).toBe(2);
    second[0]!.suggestion!.TOWN = 'changed';
    expect(check(contact({ TOWN: 'Bern', ZIPCODE: '3000' }, { id: 3 }), ctx())[0]!.suggestion).toEqual({
      TOWN: 'Berne',
    });
  });

  it('keys absent fields, empty strings and the extra key apart', () => {
    computeCalls.length = 0;
    check(contact({ TOWN: 'Thun' }), ctx());
    check(contact({ TOWN: 'Thun', ZIPCODE: '' }), ctx());
    check(contact({ TOWN: 'Thun' }), ctx({ country: 'FR' }));
    check(contact({ TOWN: 'Thun' }), ctx());
    expect(computeCalls).toEqual(['Thun|undefined', 'Thun|', 'Thun|undefined']);
  });

  it('pushValues appends exactly the insert values of run, for hits and misses', () => {
    const check2 = memoByFields(['TOWN'], (c: Contact) =>
      c.data.TOWN === 'Bern'
        ? [
            finding(
              c,
              'TOWN',
              'town.spelling',
              'info',
              'Write {town}',
              { town: 'Berne' },
              { TOWN: 'Berne' },
              0.9,
            ),
            finding(c, 'ZIPCODE', 'postcode.missing', 'warning', 'No postcode'),
          ]
        : [],
    );
    for (const [id, town] of [
      [7, 'Bern'],
      [8, 'Thun'],
      [9, 'Bern'],
      [10, undefined],
    ] as const) {
      const c = contact(town === undefined ? {} : { TOWN: town }, { id });
      const expected: unknown[] = [];
      for (const f of check2(c, ctx())) pushFindingValues(expected, f);
      const fast: unknown[] = [];
      check2.pushValues(c, ctx(), fast);
      expect(fast).toEqual(expected);
      if (town === 'Bern') expect(fast.filter((v) => v === id)).toHaveLength(2);
    }
  });
});
