import type { Contact, ContactData, ContactKind } from '../domain';
import { PERSON_NAME_CODES, STRUCTURE_NAME_CODE, type KindLetter } from './fields';

const filled = (v: string | undefined): boolean => v !== undefined && v.trim() !== '';

/**
 * Kind of a creation row by spec §1.2: first/last name only → individual; official name only →
 * structure; both → a structure plus a relay attached to it. Null when no name column is filled
 * (SecuTix rejects such an INSERT row).
 */
export function deriveKind(data: ContactData): ContactKind | null {
  const person = PERSON_NAME_CODES.some((c) => filled(data[c]));
  const structure = filled(data[STRUCTURE_NAME_CODE]);
  if (person && structure) return 'structure_relay';
  if (person) return 'individual';
  if (structure) return 'structure';
  return null;
}

/** The kind the user sees and the export uses: the user's override wins over the derived kind. */
export function effectiveKind(contact: Pick<Contact, 'data' | 'kindOverride'>): ContactKind | null {
  return contact.kindOverride ?? deriveKind(contact.data);
}

/** Which column kinds (I/S/R) a row of this kind fills. */
export function kindLetters(kind: ContactKind): readonly KindLetter[] {
  if (kind === 'individual') return ['I'];
  if (kind === 'structure') return ['S'];
  return ['S', 'R'];
}
