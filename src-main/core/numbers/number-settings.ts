import { AppError } from '../../../shared/errors';
import type { Workspace } from '../db/workspace';

/**
 * Contact-number settings, kept in the workspace `settings` table. Bounds are digit strings
 * (CONTACT_NR is text up to 20 digits, beyond Number's exact range) and compared as BigInt.
 */
export interface NumberRange {
  start: string;
  end: string;
  /** Zero-padded width of generated numbers (0 = no padding). */
  width: number;
}

/** Range in which numbers of existing / legacy contacts must lie (spec §5: "a dedicated range can be reserved"). */
export interface ReservedRange {
  start: string;
  end: string;
}

export const NEW_RANGE_KEY = 'numbers.range';
export const RESERVED_RANGE_KEY = 'numbers.reserved';
const MAX_DIGITS = 20; // CONTACT_NR is Text 20 (spec §3.2)

const digits = (s: string) => /^\d+$/.test(s);

/** Numeric identity of a contact number: `000123` and `123` are the same number for collisions. */
export function numberKey(nr: string): string {
  const t = nr.replace(/^0+(?=\d)/, '');
  return t;
}

function checkBounds(what: string, start: string, end: string): void {
  if (!digits(start) || !digits(end))
    throw new AppError('numbers.bad-range', `The ${what} range needs digits only: got ${start}–${end}.`, {
      start,
      end,
    });
  if (BigInt(start) > BigInt(end))
    throw new AppError('numbers.bad-range', `The ${what} range starts after it ends: ${start} > ${end}.`, {
      start,
      end,
    });
  if (numberKey(end).length > MAX_DIGITS)
    throw new AppError(
      'numbers.bad-range',
      `Contact numbers have at most ${MAX_DIGITS} digits; ${end} is longer.`,
      { end },
    );
}

export function validateRange(r: NumberRange): NumberRange {
  checkBounds('new-number', r.start, r.end);
  if (!Number.isInteger(r.width) || r.width < 0 || r.width > MAX_DIGITS)
    throw new AppError('numbers.bad-width', `The width must be 0–${MAX_DIGITS}, got ${r.width}.`, {
      width: r.width,
    });
  if (r.width && numberKey(r.end).length > r.width)
    throw new AppError(
      'numbers.bad-width',
      `A width of ${r.width} cannot hold the end of the range (${r.end}); raise --width or lower --end.`,
      { width: r.width, end: r.end },
    );
  return { start: numberKey(r.start), end: numberKey(r.end), width: r.width };
}

export function getNumberRange(ws: Workspace): NumberRange | undefined {
  return ws.getSetting<NumberRange>(NEW_RANGE_KEY);
}

export function setNumberRange(ws: Workspace, r: NumberRange): NumberRange {
  const v = validateRange(r);
  ws.setSetting(NEW_RANGE_KEY, v);
  return v;
}

export function getReservedRange(ws: Workspace): ReservedRange | undefined {
  return ws.getSetting<ReservedRange>(RESERVED_RANGE_KEY);
}

export function setReservedRange(ws: Workspace, r: ReservedRange): ReservedRange {
  checkBounds('reserved', r.start, r.end);
  const v = { start: numberKey(r.start), end: numberKey(r.end) };
  ws.setSetting(RESERVED_RANGE_KEY, v);
  return v;
}

export function inRange(nr: string, r: { start: string; end: string }): boolean {
  if (!digits(nr)) return false;
  const n = BigInt(nr);
  return n >= BigInt(r.start) && n <= BigInt(r.end);
}

export function formatNumber(n: bigint, width: number): string {
  return width ? n.toString().padStart(width, '0') : n.toString();
}
