import type { Contact, ContactData } from '../../shared/domain';

/** An in-memory working row (no workspace): active INSERT contact with the given fields. */
export function makeContact(data: ContactData, extra: Partial<Contact> = {}): Contact {
  return {
    id: 1,
    sourceRowId: null,
    sourceId: null,
    data,
    cleared: [],
    kindOverride: null,
    operation: 'INSERT',
    status: 'active',
    mergedInto: null,
    ...extra,
  };
}
