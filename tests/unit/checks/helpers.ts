import type { Contact, ContactData } from '../../../shared/domain';
import type { Check, CheckContext, Finding } from '../../../src-main/core/checks/check';
import { makeContact } from '../../helpers/contact';

export const TODAY = new Date('2026-11-25T12:00:00Z');

export const contact = makeContact;

export function ctx(
  settings: Record<string, unknown> = {},
  indexes: Record<string, unknown> = {},
): CheckContext {
  return { settings, resources: {}, indexes, today: TODAY };
}

/** Runs one check on one row's data. */
export function run(
  check: Check,
  data: ContactData,
  context: CheckContext = ctx(),
  extra: Partial<Contact> = {},
): Finding[] {
  return check.run(contact(data, extra), context);
}

export const codes = (fs: Finding[]) => fs.map((f) => f.code);
