import type { Workspace } from '../db/workspace';
import {
  getNumberRange,
  getReservedRange,
  inRange,
  type NumberRange,
  type ReservedRange,
} from './number-settings';
import { workspaceNumbers } from './used-numbers';

export interface ReservedRangeViolation {
  contactId: number;
  contactNr: string;
  reason: 'not-digits' | 'outside-reserved';
  message: string;
}

/** Contact ids whose current CONTACT_NR was given by ContactPrep (a done assign-numbers operation). */
function assignedByUs(ws: Workspace): Map<number, string> {
  const rows = ws.db
    .prepare(
      `SELECT hc.contact_id, hc.after_json FROM history_changes hc JOIN history_ops o ON o.id = hc.op_id
       WHERE o.kind = 'assign-numbers' AND o.state = 'done' AND hc.attribute = 'CONTACT_NR' ORDER BY hc.id`,
    )
    .all() as Array<{ contact_id: number; after_json: string }>;
  return new Map(rows.map((r) => [r.contact_id, JSON.parse(r.after_json) as string]));
}

/**
 * Numbers kept from the source (legacy numbers of existing contacts) must lie in the reserved
 * range so SecuTix's own sequence never collides with them (spec §5). Lists the contacts whose
 * kept number is not digits-only, or (INSERT rows) lies outside the reserved range when one is configured.
 * Numbers ContactPrep assigned from the new-number range are not checked here.
 */
export function reservedRangeViolations(ws: Workspace): ReservedRangeViolation[] {
  const reserved = getReservedRange(ws);
  const ours = assignedByUs(ws);
  const out: ReservedRangeViolation[] = [];
  for (const { id, nr, operation } of workspaceNumbers(ws.db, 'active')) {
    if (ours.get(id) === nr) continue;
    const active = ws.db.prepare('SELECT status FROM contacts WHERE id = ?').pluck().get(id) === 'active';
    if (!active) continue;
    if (!/^\d+$/.test(nr))
      out.push({
        contactId: id,
        contactNr: nr,
        reason: 'not-digits',
        message: `Contact number "${nr}" contains characters other than digits.`,
      });
    // UPDATE/removal rows carry the number SecuTix already gave: only new (INSERT) rows keep legacy numbers.
    else if (reserved && operation === 'INSERT' && !inRange(nr, reserved))
      out.push({
        contactId: id,
        contactNr: nr,
        reason: 'outside-reserved',
        message: `Contact number ${nr} lies outside the reserved range ${reserved.start}–${reserved.end} for existing contacts.`,
      });
  }
  return out;
}

export interface NumbersStatus {
  contacts: number;
  withNumber: number;
  /** INSERT contacts still without a number (assignNumbers would number them). */
  withoutNumber: number;
  /** Highest digits-only number in the workspace: SecuTix's sequence must start above it (spec §5). */
  highest: string | null;
  range: NumberRange | null;
  reserved: ReservedRange | null;
  violations: number;
}

export function numbersStatus(ws: Workspace): NumbersStatus {
  const counts = ws.db
    .prepare(
      `SELECT count(*) AS contacts,
              sum(json_extract(data, '$.CONTACT_NR') IS NOT NULL) AS withNumber,
              sum(json_extract(data, '$.CONTACT_NR') IS NULL AND operation = 'INSERT') AS withoutNumber
       FROM contacts WHERE status = 'active'`,
    )
    .get() as { contacts: number; withNumber: number | null; withoutNumber: number | null };
  let highest: bigint | null = null;
  let highestText: string | null = null;
  for (const { nr } of workspaceNumbers(ws.db, 'active')) {
    if (!/^\d+$/.test(nr)) continue;
    const n = BigInt(nr);
    if (highest === null || n > highest) {
      highest = n;
      highestText = nr;
    }
  }
  return {
    contacts: counts.contacts,
    withNumber: counts.withNumber ?? 0,
    withoutNumber: counts.withoutNumber ?? 0,
    highest: highestText,
    range: getNumberRange(ws) ?? null,
    reserved: getReservedRange(ws) ?? null,
    violations: reservedRangeViolations(ws).length,
  };
}
