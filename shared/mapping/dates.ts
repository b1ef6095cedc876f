/** Reading dates as customers' files write them, and writing them as SecuTix wants (pure). */

export type DateInput = 'auto' | 'dmy' | 'mdy' | 'ymd' | 'yyyymmdd' | 'excelSerial';

export type DateParse =
  { ok: true; day: number; month: number; year: number } | { ok: false; reason: string };

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30); // serial 0; also absorbs Excel's 1900 leap-year bug after 1900-03-01

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(day: number, month: number, year: number, now: Date): DateParse {
  if (year < 100) {
    // Two-digit years: a birth date is never in the future, so 30 means 1930 when today is 2026.
    const century = now.getUTCFullYear() - (now.getUTCFullYear() % 100);
    year = century + year > now.getUTCFullYear() ? century - 100 + year : century + year;
  }
  if (month < 1 || month > 12) return { ok: false, reason: `month ${month} does not exist` };
  if (day < 1 || day > daysInMonth(year, month))
    return { ok: false, reason: `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')}` };
  if (year < 1800) return { ok: false, reason: `year ${year} is implausible` };
  return { ok: true, day, month, year };
}

function fromSerial(serial: number, now: Date): DateParse {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465)
    return { ok: false, reason: 'not an Excel date serial' };
  const d = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * 86_400_000);
  return build(d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear(), now);
}

const THREE_PARTS =
  /^(\d{1,4})[./\-\s](\d{1,2})[./\-\s](\d{1,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses a date string; `now` decides two-digit years. */
export function parseDate(raw: string, input: DateInput = 'auto', now: Date = new Date()): DateParse {
  const v = raw.trim();
  if (input === 'excelSerial' || (input === 'auto' && /^\d{1,5}(\.\d+)?$/.test(v) && !/^\d{8}$/.test(v)))
    return fromSerial(Number(v), now);
  if (input === 'yyyymmdd' || (input === 'auto' && /^\d{8}$/.test(v))) {
    if (!/^\d{8}$/.test(v)) return { ok: false, reason: 'expected 8 digits YYYYMMDD' };
    return build(Number(v.slice(6, 8)), Number(v.slice(4, 6)), Number(v.slice(0, 4)), now);
  }
  const m = THREE_PARTS.exec(v);
  if (!m) return { ok: false, reason: 'not a date' };
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const aIsYear = m[1]!.length === 4;
  if (input === 'ymd' || (input === 'auto' && aIsYear)) return build(c, b, a, now);
  if (input === 'mdy') return build(b, a, c, now);
  // dd/mm/yyyy is the European default; a second part above 12 can only be an American m/d/y.
  if (input === 'auto' && b > 12 && a <= 12) return build(b, a, c, now);
  return build(a, b, c, now);
}

/** SecuTix's date format (spec §3.3): dd.mm.yyyy. */
export function formatSecutixDate(d: { day: number; month: number; year: number }): string {
  return `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${String(d.year).padStart(4, '0')}`;
}

export function isFutureDate(d: { day: number; month: number; year: number }, now: Date): boolean {
  return (
    Date.UTC(d.year, d.month - 1, d.day) > Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  );
}
