import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/domain';
import { finding } from '../../../src-main/core/checks/finding';
import { pushFindingValues } from '../../../src-main/core/checks/findings-store';
import { memo2, memoByFields, MemoKeys } from '../../../src-main/core/checks/memo';
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

  it('memos sharing MemoKeys each compute once per key and never mix their results', () => {
    const calls: string[] = [];
    const keys = new MemoKeys(['TOWN']);
    const upper = memoByFields(keys, (c: Contact) => {
      calls.push(`upper ${c.data.TOWN}`);
      return [finding(c, 'TOWN', 'a.upper', 'info', '{t}', { t: String(c.data.TOWN).toUpperCase() })];
    });
    const lower = memoByFields(keys, (c: Contact) => {
      calls.push(`lower ${c.data.TOWN}`);
      return [finding(c, 'TOWN', 'a.lower', 'info', '{t}', { t: String(c.data.TOWN).toLowerCase() })];
    });
    const seen: string[] = [];
    for (const [id, town] of [
      [1, 'Bern'],
      [2, 'Bern'],
      [3, 'Thun'],
      [4, 'Bern'],
    ] as const) {
      const c = contact({ TOWN: town }, { id });
      for (const f of [...upper(c, ctx()), ...lower(c, ctx())]) seen.push(`${f.rowId} ${f.message}`);
    }
    expect(calls).toEqual(['upper Bern', 'lower Bern', 'upper Thun', 'lower Thun']);
    expect(seen).toEqual(['1 BERN', '1 bern', '2 BERN', '2 bern', '3 THUN', '3 thun', '4 BERN', '4 bern']);
  });

  it('holds at most its maxEntries keys, then starts over with the same results', () => {
    const calls: string[] = [];
    const keys = new MemoKeys(['TOWN'], undefined, 2);
    const echo = memoByFields(keys, (c: Contact) => {
      calls.push(String(c.data.TOWN));
      return [finding(c, 'TOWN', 'a.echo', 'info', '{t}', { t: String(c.data.TOWN) })];
    });
    const towns = ['Bern', 'Thun', 'Bern', 'Biel', 'Thun', 'Bern', 'Biel', 'Biel'];
    const messages = towns.map((town, i) => echo(contact({ TOWN: town }, { id: i + 1 }), ctx())[0]!);
    expect(messages.map((f) => `${f.rowId} ${f.message}`)).toEqual(towns.map((t, i) => `${i + 1} ${t}`));
    // Bern, Thun cached; Biel finds it full (cleared, computed uncached); Thun, Bern, Biel anew.
    expect(calls).toEqual(['Bern', 'Thun', 'Biel', 'Thun', 'Bern', 'Biel']);
  });

  it('stays correct when the same contact object is edited between calls', () => {
    const keys = new MemoKeys(['TOWN']);
    const echo = memoByFields(keys, (c: Contact) => [
      finding(c, 'TOWN', 'a.echo', 'info', '{t}', { t: String(c.data.TOWN) }),
    ]);
    const c = contact({ TOWN: 'Bern' }, { id: 5 });
    expect(echo(c, ctx())[0]!.message).toBe('Bern');
    c.data.TOWN = 'Thun';
    expect(echo(c, ctx())[0]!.message).toBe('Thun');
  });
});

describe('memo2', () => {
  it('computes once per (key, value), keeps keys apart and caches undefined results', () => {
    const calls: string[] = [];
    const read = memo2((country: string | undefined, cell: string) => {
      calls.push(`${country}:${cell}`);
      return cell === 'none' ? undefined : `${country}/${cell}`;
    });
    expect(read('CH', '1003')).toBe('CH/1003');
    expect(read('CH', '1003')).toBe('CH/1003');
    expect(read('FR', '1003')).toBe('FR/1003');
    expect(read(undefined, '1003')).toBe('undefined/1003');
    expect(read('CH', 'none')).toBeUndefined();
    expect(read('CH', 'none')).toBeUndefined();
    expect(calls).toEqual(['CH:1003', 'FR:1003', 'undefined:1003', 'CH:none']);
  });

  it('is bounded: when full it starts over instead of growing', () => {
    let computed = 0;
    const read = memo2((k: string, v: string) => (computed++, k + v), 3);
    for (const v of ['a', 'b', 'c']) read('x', v); // 3 cached
    read('x', 'd'); // full: cleared, 'd' not kept
    computed = 0;
    read('x', 'a');
    expect(computed).toBe(1); // 'a' was dropped by the clear
    read('x', 'a');
    expect(computed).toBe(1); // and is cached again
  });
});
