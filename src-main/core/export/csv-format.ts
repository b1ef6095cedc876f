import { CLEAR_MARKER } from '../../../shared/secutix/value-rules';

/** First characters that make a spreadsheet read a CSV cell as a formula (OWASP CSV injection). */
export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** FORMULA_TRIGGER.test(value) without a regex: compares the first character code. */
export function startsLikeFormula(value: string): boolean {
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13; // = + - @ tab CR
}

/**
 * OWASP neutralisation for CSV: a value starting with = + - @ tab or CR gets a leading `'`.
 * The lone `=` is exempt: the exporter emits it only as SecuTix's clear marker (spec §2.4),
 * and it is not a formula on its own. Phones never reach here with a `+`: they are
 * normalised to national digits or `(CC)digits` first.
 */
export function guardFormula(value: string): string {
  return value !== CLEAR_MARKER && startsLikeFormula(value) ? `'${value}` : value;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

let scratch: string[] = [];

/** One CSV record with CRLF line end (RFC 4180). Empty cells stay empty (no quotes, no spaces). */
export function csvRecord(cells: readonly string[], guard: boolean): string {
  if (scratch.length !== cells.length) scratch = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]!;
    scratch[i] = v === '' ? '' : csvField(guard ? guardFormula(v) : v);
  }
  // join() builds one flat string; `+=` per cell would leave a rope of ~170 pieces per line.
  return scratch.join(',') + '\r\n';
}
