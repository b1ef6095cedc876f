import type { HistoryChange } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../db/workspace';
import {
  applyOperation,
  previewChanges,
  type AppliedOperation,
  type ChangeRequest,
} from '../history/history';
import type { Finding } from './check';
import { getFinding, iterateFindings } from './findings-store';
import { isAutoRecheckAttached, recheckContacts } from './recheck';

/** The history requests that apply one finding's suggestion (one per suggested field). */
export function suggestionRequests(f: Pick<Finding, 'rowId' | 'suggestion'>): ChangeRequest[] {
  return Object.entries(f.suggestion ?? {}).map(([attribute, after]) => ({
    contactId: f.rowId,
    attribute,
    after,
  }));
}

/** Findings of a code that carry a suggestion, first request per (contact, field) wins. */
function requestsForCode(
  ws: Workspace,
  code: string,
  minConfidence: number,
): { requests: ChangeRequest[]; findings: number } {
  const seen = new Set<string>();
  const requests: ChangeRequest[] = [];
  let findings = 0;
  for (const f of iterateFindings(ws.db, { code })) {
    if (!f.suggestion || f.confidence < minConfidence) continue;
    findings += 1;
    for (const r of suggestionRequests(f)) {
      const key = `${r.contactId}\u0000${r.attribute}`;
      if (seen.has(key)) continue;
      seen.add(key);
      requests.push(r);
    }
  }
  return { requests, findings };
}

/** Without a host's auto re-check, fixes refresh the findings of the rows they touched themselves. */
function afterChange(ws: Workspace, applied: AppliedOperation): AppliedOperation {
  if (!isAutoRecheckAttached(ws)) recheckContacts(ws, applied.contactIds);
  return applied;
}

/** Applies the suggestion of one finding as one undoable operation (rule = the finding's code). */
export function applyFinding(ws: Workspace, findingId: number): AppliedOperation {
  const f = getFinding(ws.db, findingId);
  if (!f)
    throw new AppError('findings.not-found', `Finding ${findingId} does not exist (re-run the checks?).`, {
      findingId,
    });
  if (!f.suggestion)
    throw new AppError(
      'findings.no-suggestion',
      `Finding ${findingId} (${f.code}) has no suggested fix; edit the value instead.`,
      { findingId },
    );
  return afterChange(
    ws,
    applyOperation(
      ws,
      { kind: 'fix', label: `Fix ${f.code} on contact ${f.rowId}`, rule: f.code, details: { findingId } },
      suggestionRequests(f),
    ),
  );
}

export interface FixPreview {
  code: string;
  /** Findings whose suggestion would be applied. */
  findings: number;
  rows: number;
  fields: number;
  sample: HistoryChange[];
}

/** What "fix all of this code" would change, without writing anything. */
export function previewFixCode(
  ws: Workspace,
  code: string,
  options: { minConfidence?: number; sampleSize?: number } = {},
): FixPreview {
  const { requests, findings } = requestsForCode(ws, code, options.minConfidence ?? 0);
  const changes = previewChanges(ws.db, requests);
  return {
    code,
    findings,
    rows: new Set(changes.map((c) => c.contactId)).size,
    fields: changes.length,
    sample: changes.slice(0, options.sampleSize ?? 10),
  };
}

/** Applies every suggestion of one code as ONE operation (one undo reverts the whole bulk fix). */
export function applyFixCode(
  ws: Workspace,
  code: string,
  options: { minConfidence?: number } = {},
): AppliedOperation {
  const { requests } = requestsForCode(ws, code, options.minConfidence ?? 0);
  const rows = new Set(requests.map((r) => r.contactId)).size;
  return afterChange(
    ws,
    applyOperation(
      ws,
      {
        kind: 'bulk-fix',
        label: `Fix all ${code} (${rows} contacts)`,
        rule: code,
        details: { minConfidence: options.minConfidence ?? 0 },
      },
      requests,
    ),
  );
}

/** A manual edit of one field (null or '' clears it), recorded like any fix. */
export function editField(
  ws: Workspace,
  contactId: number,
  field: string,
  value: string | null,
): AppliedOperation {
  return afterChange(
    ws,
    applyOperation(ws, { kind: 'edit', label: `Edit ${field} of contact ${contactId}` }, [
      { contactId, attribute: field, after: value },
    ]),
  );
}
