import type { Statement } from 'better-sqlite3';
import type { Contact, ContactKind, Operation } from '../../../shared/domain';
import { parseContactData } from '../contacts/contact-data-json';
import type { Check, CheckContext } from './check';
import { pushContactValues } from './context';
import { packValues, unpackedValues, type PackedValues } from './finding-batch';
import { FINDING_WIDTH } from './findings-store';
import { batchTimes, checkSlot, STAGE_SLOT, type BatchTimes } from './run-timings';

/** An active contact as read by a checks batch (raw row of RANGE_SELECT; `data` still JSON text). */
export type RawContact = [
  id: number,
  data: string,
  kindOverride: string | null,
  operation: string,
  sourceRowId: number | null,
  sourceId: number | null,
];

/**
 * The contacts of one batch, `id` in (after, upTo]. Workers run it on their own read-only
 * connection, so the main thread neither reads nor copies contacts: it only hands out id ranges
 * and writes findings (it was the bottleneck when it shipped rows to the workers).
 */
export const RANGE_SELECT =
  "SELECT id, data, kind_override, operation, source_row_id, source_id FROM contacts WHERE status = 'active' AND id > ? AND id <= ? ORDER BY id";

/** The upper id of the next batch of `size` active contacts after `after` (null when none is left). */
export const NEXT_BOUND_SELECT =
  "SELECT max(id) FROM (SELECT id FROM contacts WHERE status = 'active' AND id > ? ORDER BY id LIMIT ?)";

export interface BatchResult {
  rows: number;
  /** Insert-ready finding values, FINDING_WIDTH per finding, flat. */
  values: unknown[];
  /** Where the batch's time went (run-timings.ts). */
  times: BatchTimes;
}

/** A checked batch as the main thread stores it (see finding-batch.ts). */
export interface PackedBatch {
  rows: number;
  values: PackedValues;
  times: BatchTimes;
}

/** A worker's batch: each distinct value once (cheaper to copy to the main thread). */
export function packBatch(batch: BatchResult): PackedBatch {
  const t0 = performance.now();
  const values = packValues(batch.values);
  batch.times[STAGE_SLOT.pack]! += performance.now() - t0;
  return { rows: batch.rows, values, times: batch.times };
}

/** A batch checked in the main thread: nothing is copied, so nothing is deduplicated. */
export function inThreadBatch(batch: BatchResult): PackedBatch {
  return { rows: batch.rows, values: unpackedValues(batch.values), times: batch.times };
}

/** Checks the active contacts with id in (after, upTo]; `read` is RANGE_SELECT prepared with raw(true). */
export function checkRange(
  read: Statement,
  checks: readonly Check[],
  ctx: CheckContext,
  after: number,
  upTo: number,
  times: BatchTimes = batchTimes(checks.length),
): BatchResult {
  let t = performance.now();
  const rows = read.all(after, upTo) as RawContact[];
  times[STAGE_SLOT.read]! += performance.now() - t;
  const values: unknown[] = [];
  // Groups of a few hundred contacts: large enough for each check's data to stay warm, small
  // enough that the parsed contacts die young (4,000 at once got promoted: +0.5 GB, more GC).
  for (let from = 0; from < rows.length; from += CHECK_GROUP) {
    t = performance.now();
    const contacts = rows.slice(from, from + CHECK_GROUP).map(contactFromRaw);
    times[STAGE_SLOT.parse]! += performance.now() - t;
    const group = checkContacts(checks, contacts, ctx, times);
    for (let k = 0; k < group.length; k++) values.push(group[k]);
  }
  return { rows: rows.length, values, times };
}

/**
 * Finding values of a batch of contacts, check by check: one check over the whole batch, then
 * the next. Contact by contact, the checks' memos and reference indexes take turns and evict each
 * other from the CPU caches; check by check, one check's data stays warm. The values are then put
 * back in contact order (per contact, checks in order), so the batch is the one
 * pushContactValues writes contact by contact.
 */
export function checkContacts(
  checks: readonly Check[],
  contacts: readonly Contact[],
  ctx: CheckContext,
  times: BatchTimes = batchTimes(checks.length),
): unknown[] {
  const n = contacts.length;
  const perCheck: unknown[][] = [];
  const starts: Int32Array[] = [];
  for (let c = 0; c < checks.length; c++) {
    const t0 = performance.now();
    const only = [checks[c]!];
    const out: unknown[] = [];
    const at = new Int32Array(n + 1);
    for (let r = 0; r < n; r++) {
      at[r] = out.length;
      pushContactValues(only, contacts[r]!, ctx, out);
    }
    at[n] = out.length;
    perCheck.push(out);
    starts.push(at);
    times[checkSlot(c)]! += performance.now() - t0;
  }
  const t0 = performance.now();
  const values: unknown[] = [];
  for (let r = 0; r < n; r++)
    for (let c = 0; c < perCheck.length; c++) {
      const out = perCheck[c]!;
      for (let k = starts[c]![r]!, end = starts[c]![r + 1]!; k < end; k++) values.push(out[k]);
    }
  times[STAGE_SLOT.assemble]! += performance.now() - t0;
  return values;
}

/** Contacts checked check by check at a time (see checkRange). */
const CHECK_GROUP = 512;

export { FINDING_WIDTH };

export function contactFromRaw(r: RawContact): Contact {
  return {
    id: r[0],
    data: parseContactData(r[1]),
    kindOverride: r[2] as ContactKind | null,
    operation: r[3] as Operation,
    sourceRowId: r[4],
    sourceId: r[5],
    cleared: [],
    status: 'active',
    mergedInto: null,
  };
}
