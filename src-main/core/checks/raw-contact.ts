import type { Contact, ContactData, ContactKind, Operation } from '../../../shared/domain';

/**
 * An active contact as shipped to a worker: the JSON text of `data` is parsed in the worker so the
 * main thread (which also reads SQLite and writes findings) does not spend its time in JSON.parse.
 */
export type RawContact = [
  id: number,
  data: string,
  kindOverride: string | null,
  operation: string,
  sourceRowId: number | null,
  sourceId: number | null,
];

export const RAW_CONTACT_SELECT =
  "SELECT id, data, kind_override, operation, source_row_id, source_id FROM contacts WHERE status = 'active' AND id > ? ORDER BY id LIMIT ?";

export function contactFromRaw(r: RawContact): Contact {
  return {
    id: r[0],
    data: JSON.parse(r[1]) as ContactData,
    kindOverride: r[2] as ContactKind | null,
    operation: r[3] as Operation,
    sourceRowId: r[4],
    sourceId: r[5],
    cleared: [],
    status: 'active',
    mergedInto: null,
  };
}
