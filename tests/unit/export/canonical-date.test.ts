import { describe, expect, it } from 'vitest';
import { fieldByCode } from '../../../shared/secutix/fields';
import { checkValue, normalizeValue } from '../../../shared/secutix/value-rules';
import { isCanonicalPastDate } from '../../../src-main/core/export/contact-row';

const BIRTHDATE = fieldByCode('BIRTHDATE')!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('the export fast path for dates already written dd.mm.yyyy', () => {
  it('accepts a date only when normalizeValue keeps it as is and checkValue accepts it', () => {
    const todays = ['2026-11-25', '2024-02-29', '2026-01-01'];
    const years = [0, 999, 1000, 1582, 1600, 1700, 1900, 2000, 2023, 2024, 2025, 2026, 2027, 9999];
    let accepted = 0;
    let checked = 0;
    for (const t of todays) {
      const today = new Date(`${t}T00:00:00Z`);
      const key = Number(t.replaceAll('-', ''));
      for (const y of years)
        for (let m = 0; m <= 13; m++)
          for (let d = 0; d <= 32; d++) {
            const canonical = `${pad(d, 2)}.${pad(m, 2)}.${pad(y, 4)}`;
            const variants = [canonical, ` ${canonical}`, canonical.replaceAll('.', '/'), `${d}.${m}.${y}`];
            for (const raw of variants) {
              checked++;
              const reference = normalizeValue(BIRTHDATE, raw);
              const referenceOk = reference === raw && checkValue(BIRTHDATE, reference, { today }) === null;
              const fast = isCanonicalPastDate(raw, key);
              // The fast path may leave an accepted date to the rules, never accept another one.
              if (fast) expect(referenceOk, raw).toBe(true);
              // Every accepted date in the canonical form takes the fast path.
              if (raw === canonical && y >= 1000) expect(fast, raw).toBe(referenceOk);
              if (fast) accepted++;
            }
          }
    }
    expect(accepted).toBeGreaterThan(1000);
    expect(checked).toBeGreaterThan(20_000);
  });

  it('rejects non-digits and other lengths', () => {
    const key = 20261125;
    for (const raw of [
      '0a.01.2000',
      '01.0a.2000',
      '01.01.20x0',
      '01.01.2000 ',
      '1.01.2000',
      '01-01-2000',
      '０1.01.2000',
    ])
      expect(isCanonicalPastDate(raw, key), raw).toBe(false);
    expect(isCanonicalPastDate('25.11.2026', key)).toBe(true);
    expect(isCanonicalPastDate('26.11.2026', key)).toBe(false);
  });
});
