import { AppError } from '../../../shared/errors';
import type { Workspace } from '../db/workspace';
import { applyOperation, type ChangeRequest } from '../history/history';
import { formatNumber, getNumberRange, numberKey, type NumberRange } from './number-settings';
import { usedNumberKeys } from './used-numbers';

export interface AssignResult {
  assigned: number;
  /** First and last number given, or null when nobody needed one. */
  first: string | null;
  last: string | null;
  opId: number | null;
  range: NumberRange;
}

/**
 * Contacts that need a new number: active, created by this file (INSERT), without CONTACT_NR.
 * UPDATE rows need the number SecuTix already has, so they are never given a new one.
 */
function contactsWithoutNumber(ws: Workspace, only?: readonly number[]): number[] {
  const ids = (
    ws.db
      .prepare(
        "SELECT id FROM contacts WHERE status = 'active' AND operation = 'INSERT' AND json_extract(data, '$.CONTACT_NR') IS NULL ORDER BY id",
      )
      .all() as Array<{ id: number }>
  ).map((r) => r.id);
  if (!only) return ids;
  const wanted = new Set(only);
  return ids.filter((id) => wanted.has(id));
}

/**
 * Gives the next free numbers of the configured range to contacts without one, as ONE undoable
 * history operation. A number is free when no workspace contact and no reference (existing
 * SecuTix) contact holds it, compared numerically so `000123` and `123` collide. All-or-nothing:
 * if the range cannot number everyone, nothing is assigned and the error says how many are missing.
 */
export function assignNumbers(
  ws: Workspace,
  options: { contactIds?: readonly number[]; range?: NumberRange } = {},
): AssignResult {
  const range = options.range ?? getNumberRange(ws);
  if (!range)
    throw new AppError(
      'numbers.no-range',
      'No range is configured for new contact numbers. Set one first (CLI: contact-prep numbers --start N --end N --width W).',
    );
  const ids = contactsWithoutNumber(ws, options.contactIds);
  if (ids.length === 0) return { assigned: 0, first: null, last: null, opId: null, range };
  const used = usedNumberKeys(ws.db);
  const end = BigInt(range.end);
  let cursor = BigInt(range.start);
  const requests: ChangeRequest[] = [];
  for (const contactId of ids) {
    while (cursor <= end && used.has(numberKey(cursor.toString()))) cursor++;
    if (cursor > end)
      throw new AppError(
        'numbers.range-exhausted',
        `The range ${range.start}–${range.end} has only ${requests.length} free numbers left, but ${ids.length} contacts need one. Widen the range (CLI: contact-prep numbers --end …); nothing was assigned.`,
        { needed: ids.length, available: requests.length, start: range.start, end: range.end },
      );
    requests.push({ contactId, attribute: 'CONTACT_NR', after: formatNumber(cursor, range.width) });
    cursor++;
  }
  const first = requests[0]!.after as string;
  const last = requests[requests.length - 1]!.after as string;
  const op = applyOperation(
    ws,
    {
      kind: 'assign-numbers',
      label: `Assign contact numbers ${first}–${last} (${requests.length} contacts)`,
      rule: 'numbers.range',
      details: { range },
    },
    requests,
  );
  return { assigned: requests.length, first, last, opId: op.opId, range };
}
