import type { Check, Finding } from './check';
import { formatSecutixDate, parseDate } from './date-parse';
import { finding } from './finding';

const DROPPED = 'SecuTix drops this date on import (the rest of the row is kept).';
/** Formats SecuTix reads as they are (spec §3.3), day first with a 4-digit year. */
const SECUTIX_READABLE = /^\d{2}[./-]\d{2}[./-]\d{4}$/;
const MAX_AGE = 120;

/**
 * BIRTHDATE: any common format → dd.mm.yyyy; impossible (31.02), future and implausible
 * (age > 120, typically the 01.01.1900 placeholder) dates flagged.
 */
export const datesCheck: Check = {
  name: 'dates',
  codes: [
    'date.unreadable',
    'date.impossible',
    'date.year-only',
    'date.future',
    'date.implausible',
    'date.format',
  ],
  run(contact, ctx) {
    const value = contact.data.BIRTHDATE;
    if (value === undefined) return [];
    const field = 'BIRTHDATE';
    const r = parseDate(value, ctx.today);
    const out: Finding[] = [];
    switch (r.kind) {
      case 'unreadable':
        out.push(
          finding(contact, field, 'date.unreadable', 'error', `"{value}" is not a date. ${DROPPED}`, {
            value,
          }),
        );
        break;
      case 'impossible':
        out.push(
          finding(contact, field, 'date.impossible', 'error', `"{value}" does not exist. ${DROPPED}`, {
            value,
          }),
        );
        break;
      case 'year-only':
        out.push(
          finding(
            contact,
            field,
            'date.year-only',
            'error',
            `"{value}" is only a year; SecuTix needs day and month. ${DROPPED}`,
            {
              value,
            },
          ),
        );
        break;
      case 'date': {
        const d = r.date;
        const t = ctx.today;
        const date = Date.UTC(d.year, d.month - 1, d.day);
        const todayUtc = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
        const formatted = formatSecutixDate(d);
        let age = t.getUTCFullYear() - d.year;
        if (t.getUTCMonth() + 1 < d.month || (t.getUTCMonth() + 1 === d.month && t.getUTCDate() < d.day))
          age -= 1;
        if (date > todayUtc) {
          out.push(
            finding(
              contact,
              field,
              'date.future',
              'error',
              `Birth date {date} is in the future. ${DROPPED}`,
              { value, date: formatted },
            ),
          );
        } else if (age > MAX_AGE) {
          out.push(
            finding(
              contact,
              field,
              'date.implausible',
              'warning',
              'Birth date {date} means an age of {age}: probably a placeholder; clear it rather than import it.',
              { value, date: formatted, age },
              { [field]: null },
              0.6,
            ),
          );
        } else if (formatted !== value) {
          const readable = SECUTIX_READABLE.test(value.trim()) && d.how === 'dmy';
          out.push(
            finding(
              contact,
              field,
              'date.format',
              readable ? 'info' : 'warning',
              readable
                ? 'Write {value} as {date}.'
                : `Write {value} as {date} (day.month.year); otherwise ${DROPPED}`,
              { value, date: formatted },
              { [field]: formatted },
              d.confidence,
            ),
          );
        }
        break;
      }
    }
    return out;
  },
};
