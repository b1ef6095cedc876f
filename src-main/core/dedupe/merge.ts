import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Contact } from '../../../shared/domain';
import { contactFromRow } from '../contacts/contact-store';
import { DEFAULT_COUNTRY_SETTING } from '../checks/phone';
import type { Workspace } from '../db/workspace';
import { applyOperation, previewChanges, type ChangeRequest } from '../history/history';
import { getCluster } from './cluster-store';
import { resolveSurvivorship, type SurvivorshipOptions, type SurvivorshipResult } from './survivorship';
import type { MergeMember } from './survivorship-rules';
import type { MergeOutcome, SkippedMember } from '../../../shared/contract/merge';
export type { MergeOutcome, SkippedMember } from '../../../shared/contract/merge';

export interface MergeOptions extends SurvivorshipOptions {
  /** Compute and return the preview only; nothing is written. */
  dryRun?: boolean;
}

const cache = new WeakMap<Database, ReturnType<typeof prepare>>();

function prepare(db: Database) {
  return {
    contactStmt: db.prepare(
      'SELECT id, source_row_id, source_id, data, cleared_json, kind_override, operation, status, merged_into FROM contacts WHERE id = ?',
    ),
    sourceStmt: db.prepare('SELECT id, file_name, imported_at FROM sources WHERE id = ?'),
    rowStmt: db.prepare('SELECT row_number FROM source_rows WHERE id = ?'),
    earlierStmt: db.prepare("SELECT id FROM contacts WHERE status = 'merged' AND merged_into = ?"),
  };
}

/** Statements prepared once per connection: a bulk merge loads 100k groups. */
function statements(db: Database): ReturnType<typeof prepare> {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  return s;
}

/** The workspace's default country for phones (setting of the phone check), else CH. */
export function workspaceCountry(ws: Workspace): string {
  const c = ws.getSetting<unknown>(DEFAULT_COUNTRY_SETTING);
  return typeof c === 'string' && c ? c : 'CH';
}

/** Loads members with their source (recency, file name) and row number for provenance. */
export function loadMembers(
  db: Database,
  ids: readonly number[],
): { members: MergeMember[]; skipped: SkippedMember[] } {
  const { contactStmt, sourceStmt, rowStmt } = statements(db);
  const contacts = new Map<number, Contact>();
  for (const id of new Set(ids)) {
    const r = contactStmt.get(id) as Parameters<typeof contactFromRow>[0] | undefined;
    if (r) contacts.set(id, contactFromRow(r));
  }
  const members: MergeMember[] = [];
  const skipped: SkippedMember[] = [];
  for (const id of new Set(ids)) {
    const c = contacts.get(id);
    if (!c) {
      skipped.push({ contactId: id, reason: 'contact no longer exists' });
      continue;
    }
    if (c.status !== 'active') {
      skipped.push({
        contactId: id,
        reason: c.status === 'merged' ? `already merged into ${c.mergedInto}` : `status is ${c.status}`,
      });
      continue;
    }
    const s =
      c.sourceId == null
        ? undefined
        : (sourceStmt.get(c.sourceId) as { id: number; file_name: string; imported_at: string } | undefined);
    const r =
      c.sourceRowId == null ? undefined : (rowStmt.get(c.sourceRowId) as { row_number: number } | undefined);
    members.push({
      contact: c,
      source: s ? { id: s.id, fileName: s.file_name, importedAt: s.imported_at } : null,
      rowNumber: r?.row_number ?? null,
    });
  }
  return { members, skipped };
}

/** The change requests of one merge: survivor gets the merged values, the others point to it. */
export function mergeRequests(
  db: Database,
  members: readonly MergeMember[],
  result: SurvivorshipResult,
): ChangeRequest[] {
  const survivor = members.find((m) => m.contact.id === result.survivorId)!;
  const requests: ChangeRequest[] = [];
  const fields = new Set([...Object.keys(survivor.contact.data), ...Object.keys(result.data)]);
  for (const f of fields)
    requests.push({ contactId: survivor.contact.id, attribute: f, after: result.data[f] ?? null });
  requests.push({ contactId: survivor.contact.id, attribute: '@operation', after: result.operation });
  for (const m of members) {
    if (m === survivor) continue;
    requests.push({ contactId: m.contact.id, attribute: '@status', after: 'merged' });
    requests.push({ contactId: m.contact.id, attribute: '@mergedInto', after: survivor.contact.id });
  }
  // Contacts merged earlier into a member follow it, so "merged into" never points at a merged row.
  const earlier = statements(db).earlierStmt;
  for (const m of members) {
    if (m === survivor) continue;
    for (const r of earlier.all(m.contact.id) as Array<{ id: number }>)
      requests.push({ contactId: r.id, attribute: '@mergedInto', after: survivor.contact.id });
  }
  return requests;
}

/** Provenance kept in the history op: field → contact it came from (null = typed), lost values. */
export function compactProvenance(clusterId: number | null, r: SurvivorshipResult) {
  return {
    clusterId,
    survivorId: r.survivorId,
    memberIds: r.memberIds,
    from: Object.fromEntries(r.values.map((v) => [v.field, v.origin.contactId])),
    conflicts: r.conflicts.map((c) => ({
      field: c.field,
      value: c.value,
      contactId: c.origin.contactId,
      resolution: c.resolution,
      movedTo: c.movedTo,
    })),
  };
}

/**
 * Merges contacts into one (preview with dryRun). Applied as ONE history operation (kind
 * 'merge'): the survivor's field changes and every other member's status/mergedInto, so a single
 * undo restores all members exactly.
 */
export function mergeContacts(
  ws: Workspace,
  ids: readonly number[],
  options: MergeOptions & { clusterId?: number | null } = {},
): MergeOutcome {
  const { members, skipped } = loadMembers(ws.db, ids);
  if (members.length < 2)
    throw new AppError(
      'merge.too-few',
      `Nothing to merge: fewer than two active contacts among ${ids.join(', ')}${skipped.length ? ` (${skipped.map((s) => `${s.contactId}: ${s.reason}`).join('; ')})` : ''}.`,
      { ids, skipped },
    );
  const result = resolveSurvivorship(members, { defaultCountry: workspaceCountry(ws), ...options });
  const requests = mergeRequests(ws.db, members, result);
  const clusterId = options.clusterId ?? null;
  const changes = previewChanges(ws.db, requests);
  if (options.dryRun) return { ...result, clusterId, skipped, changes, opId: null, applied: false };
  const op = applyOperation(
    ws,
    {
      kind: 'merge',
      label: `Merge ${members.length} contacts${clusterId !== null ? ` (group ${clusterId})` : ''} into ${result.survivorId}`,
      rule: 'survivorship',
      details: { ...compactProvenance(clusterId, result), values: result.values, skipped },
    },
    requests,
  );
  return { ...result, clusterId, skipped, changes, opId: op.opId, applied: true };
}

/** Merges one duplicate group of the latest detection run (see cluster-store). */
export function mergeCluster(ws: Workspace, clusterId: number, options: MergeOptions = {}): MergeOutcome {
  const cluster = getCluster(ws.db, clusterId);
  return mergeContacts(ws, cluster.memberIds, { ...options, clusterId });
}
