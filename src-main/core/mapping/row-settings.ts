import type { ContactKind, Operation } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { OPERATIONS } from '../../../shared/secutix/fields';
import type { Workspace } from '../db/workspace';
import { applyOperation, type AppliedOperation } from '../history/history';

const KINDS: readonly ContactKind[] = ['individual', 'structure', 'structure_relay'];

/** Sets the OPERATION of selected contacts (bulk) as one undoable history operation. */
export function setContactsOperation(
  ws: Workspace,
  contactIds: readonly number[],
  operation: Operation,
): AppliedOperation {
  if (!(OPERATIONS as readonly string[]).includes(operation))
    throw new AppError(
      'contacts.bad-operation',
      `Unknown operation "${operation}"; use one of ${OPERATIONS.join(', ')}.`,
      {
        operation,
      },
    );
  return applyOperation(
    ws,
    {
      kind: 'set-operation',
      label: `Set operation ${operation} (${contactIds.length} contacts)`,
      details: { operation },
    },
    contactIds.map((contactId) => ({ contactId, attribute: '@operation', after: operation })),
  );
}

/**
 * Overrides the contact kind derived from the name columns (spec §1.2) on selected contacts;
 * `null` removes the override so the derived kind applies again. One undoable operation.
 */
export function setContactsKind(
  ws: Workspace,
  contactIds: readonly number[],
  kind: ContactKind | null,
): AppliedOperation {
  if (kind !== null && !KINDS.includes(kind))
    throw new AppError(
      'contacts.bad-kind',
      `Unknown contact kind "${kind}"; use one of ${KINDS.join(', ')}.`,
      { kind },
    );
  return applyOperation(
    ws,
    {
      kind: 'set-kind',
      label: kind
        ? `Set kind ${kind} (${contactIds.length} contacts)`
        : `Clear kind override (${contactIds.length} contacts)`,
      details: { kind },
    },
    contactIds.map((contactId) => ({ contactId, attribute: '@kindOverride', after: kind })),
  );
}
