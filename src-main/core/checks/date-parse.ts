/**
 * Reads a birth date written in any of the ways customer files do: `17.05.1980`, `17/5/80`,
 * `1980-05-17`, `19800517`, `17 mai 1980`, Excel serial `29358`, `1980-05-17T00:00:00`.
 * Day-first unless only month-first is possible (`05/17/1980`). Pure, no Date parsing quirks.
 */
export interface ParsedDate {
  year: number;
  month: number;
  day: number;
  /** Which reading was used; < 1 when the reading was a guess (2-digit year, US order). */
  confidence: number;
  how: 'dmy' | 'ymd' | 'mdy' | 'compact' | 'serial' | 'text';
}

export type DateReading =
  | { kind: 'date'; date: ParsedDate }
  /** Looks like a date but the day does not exist (31.02.1980). */
  | { kind: 'impossible'; year: number; month: number; day: number }
  | { kind: 'year-only'; year: number }
  | { kind: 'unreadable' };

const MONTHS: Record<string, number> = {};
[
  ['jan', 'january', 'janvier', 'januar', 'gennaio', 'janv', 'gen', 'jänner', 'janner'],
  ['feb', 'february', 'fevrier', 'février', 'februar', 'febbraio', 'fev', 'fév', 'févr', 'fevr'],
  ['mar', 'march', 'mars', 'märz', 'marz', 'maerz', 'marzo', 'mär'],
  ['apr', 'april', 'avril', 'aprile', 'avr'],
  ['may', 'mai', 'maggio', 'mag'],
  ['jun', 'june', 'juin', 'juni', 'giugno', 'giu'],
  ['jul', 'july', 'juillet', 'juli', 'luglio', 'juil', 'lug'],
  ['aug', 'august', 'août', 'aout', 'agosto', 'ago'],
  ['sep', 'sept', 'september', 'septembre', 'settembre', 'set'],
  ['oct', 'october', 'octobre', 'oktober', 'ottobre', 'okt', 'ott'],
  ['nov', 'november', 'novembre'],
  ['dec', 'december', 'décembre', 'decembre', 'dezember', 'dicembre', 'dez', 'déc', 'dic'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

export function daysInMonth(year: number, month: number): number {
  return [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1]!;
}

/** 2-digit year → 4 digits: a birth year never lies in the future, so `25` is 2025 and `30` is 1930 (in 2026). */
export function expandYear(yy: number, today: Date): number {
  const current = today.getUTCFullYear();
  const y = 2000 + yy;
  return y > current ? y - 100 : y;
}

function build(
  year: number,
  month: number,
  day: number,
  confidence: number,
  how: ParsedDate['how'],
): DateReading {
  if (month < 1 || month > 12 || day < 1 || day > 31) return { kind: 'unreadable' };
  if (day > daysInMonth(year, month)) return { kind: 'impossible', year, month, day };
  return { kind: 'date', date: { year, month, day, confidence, how } };
}

/** Excel serial (1900 date system; serial 60 is Excel's phantom 29.02.1900). */
function fromSerial(serial: number): DateReading {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000;
  const d = new Date(ms);
  return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0.8, 'serial');
}

export function parseDate(input: string, today: Date): DateReading {
  const v = input.trim().toLowerCase();
  let m: RegExpExecArray | null;
  // 17.05.1980, 17/5/80, 17-05-1980, optionally followed by a time
  if (
    (m = /^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v))
  ) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const twoDigit = m[4]!.length === 2;
    const year = twoDigit ? expandYear(Number(m[4]), today) : Number(m[4]);
    const conf = twoDigit ? 0.8 : 1;
    if (b > 12 && a <= 12) return build(year, a, b, conf * 0.7, 'mdy');
    return build(year, b, a, conf, 'dmy');
  }
  // 1980-05-17, 1980/5/17, 1980.05.17, ISO with time
  if (
    (m =
      /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/.exec(
        v,
      ))
  )
    return build(Number(m[1]), Number(m[3]), Number(m[4]), 1, 'ymd');
  // 19800517 (FEBRL, SAP exports)
  if ((m = /^(1[89]\d{2}|20\d{2})(\d{2})(\d{2})$/.exec(v)))
    return build(Number(m[1]), Number(m[2]), Number(m[3]), 0.9, 'compact');
  if ((m = /^(1[89]\d{2}|20\d{2})$/.exec(v))) return { kind: 'year-only', year: Number(m[1]) };
  // Excel serial day numbers: 1900-01-01 … 2099 (a bare 4-5 digit number, maybe with .0)
  if ((m = /^(\d{3,5})(?:[.,]0+)?$/.exec(v))) {
    const n = Number(m[1]);
    if (n >= 1 && n < 73_051 && n !== 60) return fromSerial(n);
    return { kind: 'unreadable' };
  }
  // 17 mai 1980, 17. Mai 1980, May 17, 1980, 17-May-80
  if ((m = /^(\d{1,2})\.?[\s-]*([\p{L}]+)\.?[\s-]*,?\s*(\d{2}|\d{4})$/u.exec(v))) {
    const month = MONTHS[m[2]!];
    if (!month) return { kind: 'unreadable' };
    const year = m[3]!.length === 2 ? expandYear(Number(m[3]), today) : Number(m[3]);
    return build(year, month, Number(m[1]), m[3]!.length === 2 ? 0.8 : 0.95, 'text');
  }
  if ((m = /^([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(v))) {
    const month = MONTHS[m[1]!];
    if (!month) return { kind: 'unreadable' };
    return build(Number(m[3]), month, Number(m[2]), 0.95, 'text');
  }
  return { kind: 'unreadable' };
}

/** The spec's BIRTHDATE format (§3.3): dd.mm.yyyy. */
export function formatSecutixDate(d: { year: number; month: number; day: number }): string {
  return `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${String(d.year).padStart(4, '0')}`;
}
