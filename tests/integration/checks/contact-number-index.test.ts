import { describe, expect, it } from 'vitest';
import { contactNumbersCheck } from '../../../src-main/core/checks/contact-numbers';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { seedContacts, TODAY } from './helpers';

describe('contact-number duplicate index of a full run', () => {
  it('counts active holders only, and keeps leading zeros significant', () => {
    const ws = tempWorkspace();
    const ids = seedContacts(ws, [
      { CONTACT_NR: '000123' },
      { CONTACT_NR: '000123' },
      { CONTACT_NR: '000123' },
      { CONTACT_NR: '123' },
      { CONTACT_NR: '555' },
      { CONTACT_NR: '555' },
      { CONTACT_NR: '777' },
      { LASTNAME: 'no number' },
    ]);
    // 555 is duplicated only through a merged (inactive) row: not a duplicate of active contacts.
    ws.db.prepare("UPDATE contacts SET status = 'merged' WHERE id = ?").run(ids[5]);
    const index = contactNumbersCheck.prepare!(ws.db, {}, { all: true }, TODAY);
    expect(index).toEqual({ '000123': 3 });
  });
});
