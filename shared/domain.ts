/** Core domain types shared by engine, hosts and UI. */

/** SecuTix contact kind of a row (spec §1.2): decided by which name columns are filled. */
export type ContactKind = 'individual' | 'structure' | 'structure_relay';

/** OPERATION column values (spec §1.3); INSERT is the default. */
export type Operation =
  'INSERT' | 'UPDATE' | 'UPDATEACT' | 'INVALIDATE' | 'DELETE' | 'DROP' | 'ANONYMIZE' | 'CONFIG';

export type ContactStatus = 'active' | 'merged' | 'removed';

/** Field values keyed by SecuTix field code (`FIRSTNAME`, `EMAIL1`, …). Empty fields are absent. */
export type ContactData = Record<string, string>;

export interface Contact {
  id: number;
  sourceRowId: number | null;
  sourceId: number | null;
  data: ContactData;
  /** Fields the user asked to clear in SecuTix: exported as `=` on UPDATE rows (spec §2.4). */
  cleared: string[];
  kindOverride: ContactKind | null;
  operation: Operation;
  status: ContactStatus;
  mergedInto: number | null;
}

/**
 * What a history change can touch: a field code (value in `data`), or one of the meta
 * attributes below. Keeping one generic shape lets edits, fixes and merges share undo/redo.
 */
export const META_ATTRIBUTES = ['@status', '@mergedInto', '@operation', '@kindOverride', '@cleared'] as const;
export type MetaAttribute = (typeof META_ATTRIBUTES)[number];
export type ChangeValue = string | number | null | string[];

export interface HistoryOpSummary {
  id: number;
  createdAt: string;
  kind: string;
  label: string;
  rule: string | null;
  changeCount: number;
  state: 'done' | 'undone';
}

export interface HistoryChange {
  contactId: number;
  attribute: string;
  before: ChangeValue;
  after: ChangeValue;
}
