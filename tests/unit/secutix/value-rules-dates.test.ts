import { describe, expect, it } from 'vitest';
import { fieldByCode } from '../../../shared/secutix/fields';
import { checkValue, toSecutixDate } from '../../../shared/secutix/value-rules';

/** The date rules as first written, on Date objects: the reference for the arithmetic version. */
function referenceDate(d: number, m: number, y: number): Date | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('date rules without Date objects', () => {
  const BIRTHDATE = fieldByCode('BIRTHDATE')!;
  const today = new Date('2024-02-29T00:00:00Z');
  it('accept exactly the real calendar dates the Date-based rule accepted, and the same future ones', () => {
    for (const y of [0, 1, 99, 100, 1582, 1700, 1900, 1999, 2000, 2023, 2024, 2025, 2100, 2400, 9999])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const ref = referenceDate(d, m, y);
          const text = `${pad(d, 2)}.${pad(m, 2)}.${pad(y, 4)}`;
          expect(toSecutixDate(text), text).toBe(ref ? `${pad(d, 2)}.${pad(m, 2)}.${y}` : null);
          expect(toSecutixDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`) !== null).toBe(ref !== null);
          const problem = checkValue(BIRTHDATE, text, { today })?.problem ?? null;
          const expected = !ref ? 'bad-date' : ref.getTime() > today.getTime() ? 'future-date' : null;
          expect(problem, text).toBe(expected);
        }
  });
});
