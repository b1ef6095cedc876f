import { describe, expect, it } from 'vitest';
import {
  applyOperation,
  iterateAuditTrail,
  listHistory,
  redo,
  undo,
} from '../../../src-main/core/history/history';
import { contactInserter, getContact } from '../../../src-main/core/contacts/contact-store';
import { tempWorkspace } from '../../helpers/temp-workspace';

function seed() {
  const ws = tempWorkspace();
  const insert = contactInserter(ws.db);
  const a = insert({ data: { FIRSTNAME: 'jean', EMAIL1: 'JEAN@EXAMPLE.CH' } });
  const b = insert({ data: { FIRSTNAME: 'Anna' } });
  return { ws, a, b };
}

describe('history (undo/redo/audit)', () => {
  it('applies an edit, undoes it and redoes it, restoring exact values', () => {
    const { ws, a } = seed();
    const op = applyOperation(ws, { kind: 'edit', label: 'Edit first name' }, [
      { contactId: a, attribute: 'FIRSTNAME', after: 'Jean' },
    ]);
    expect(op.changed).toBe(1);
    expect(getContact(ws.db, a)!.data.FIRSTNAME).toBe('Jean');
    undo(ws);
    expect(getContact(ws.db, a)!.data.FIRSTNAME).toBe('jean');
    redo(ws);
    expect(getContact(ws.db, a)!.data.FIRSTNAME).toBe('Jean');
  });

  it('treats clearing a field as removing the key and restores it on undo', () => {
    const { ws, a } = seed();
    applyOperation(ws, { kind: 'edit', label: 'Clear email' }, [
      { contactId: a, attribute: 'EMAIL1', after: null },
    ]);
    expect(getContact(ws.db, a)!.data).not.toHaveProperty('EMAIL1');
    undo(ws);
    expect(getContact(ws.db, a)!.data.EMAIL1).toBe('JEAN@EXAMPLE.CH');
  });

  it('changes meta attributes (status, merged into, cleared list) undoably', () => {
    const { ws, a, b } = seed();
    applyOperation(ws, { kind: 'merge', label: 'Merge' }, [
      { contactId: b, attribute: '@status', after: 'merged' },
      { contactId: b, attribute: '@mergedInto', after: a },
      { contactId: a, attribute: '@cleared', after: ['EMAIL2'] },
    ]);
    expect(getContact(ws.db, b)).toMatchObject({ status: 'merged', mergedInto: a });
    expect(getContact(ws.db, a)!.cleared).toEqual(['EMAIL2']);
    undo(ws);
    expect(getContact(ws.db, b)).toMatchObject({ status: 'active', mergedInto: null });
    expect(getContact(ws.db, a)!.cleared).toEqual([]);
  });

  it('drops the redo side when a new operation follows an undo', () => {
    const { ws, a } = seed();
    applyOperation(ws, { kind: 'edit', label: 'one' }, [
      { contactId: a, attribute: 'FIRSTNAME', after: 'One' },
    ]);
    undo(ws);
    applyOperation(ws, { kind: 'edit', label: 'two' }, [
      { contactId: a, attribute: 'FIRSTNAME', after: 'Two' },
    ]);
    expect(redo(ws)).toBeNull();
    expect(listHistory(ws.db).map((o) => o.label)).toEqual(['two']);
  });

  it('records nothing for a no-op change', () => {
    const { ws, a } = seed();
    const op = applyOperation(ws, { kind: 'edit', label: 'same' }, [
      { contactId: a, attribute: 'FIRSTNAME', after: 'jean' },
    ]);
    expect(op.opId).toBeNull();
    expect(listHistory(ws.db)).toHaveLength(0);
    expect(undo(ws)).toBeNull();
  });

  it('keeps an audit trail of old → new values with the rule that produced them', () => {
    const { ws, a } = seed();
    applyOperation(ws, { kind: 'fix', label: 'Lower-case email', rule: 'email.case' }, [
      { contactId: a, attribute: 'EMAIL1', after: 'jean@example.ch' },
    ]);
    const trail = [...iterateAuditTrail(ws.db)];
    expect(trail).toEqual([
      expect.objectContaining({
        rule: 'email.case',
        contactId: a,
        attribute: 'EMAIL1',
        before: 'JEAN@EXAMPLE.CH',
        after: 'jean@example.ch',
        state: 'done',
      }),
    ]);
  });

  it('rolls back the whole operation when one change targets a missing contact', () => {
    const { ws, a } = seed();
    expect(() =>
      applyOperation(ws, { kind: 'bulk-edit', label: 'bad' }, [
        { contactId: a, attribute: 'FIRSTNAME', after: 'X' },
        { contactId: 9999, attribute: 'FIRSTNAME', after: 'Y' },
      ]),
    ).toThrow(/9999 does not exist/);
    expect(getContact(ws.db, a)!.data.FIRSTNAME).toBe('jean');
    expect(listHistory(ws.db)).toHaveLength(0);
  });

  it('notifies listeners of changed contacts on apply, undo and redo', () => {
    const { ws, a } = seed();
    const seen: number[][] = [];
    ws.events.on('contacts.changed', (ids) => seen.push(ids));
    applyOperation(ws, { kind: 'edit', label: 'x' }, [{ contactId: a, attribute: 'FIRSTNAME', after: 'X' }]);
    undo(ws);
    redo(ws);
    expect(seen).toEqual([[a], [a], [a]]);
  });
});

describe('history on bulk operations', () => {
  it('applies, undoes and redoes an operation larger than one processing chunk', () => {
    const ws = tempWorkspace();
    const insert = contactInserter(ws.db);
    const ids = ws.db.transaction(() =>
      Array.from({ length: 4500 }, (_, i) => insert({ data: { LASTNAME: `name${i}` } })),
    )();
    // The same contact twice, in different chunks: the second change must chain on the first.
    const requests = ids.map((id, i) => ({ contactId: id, attribute: 'LASTNAME', after: `Name${i}` }));
    requests.push({ contactId: ids[0]!, attribute: 'LASTNAME', after: 'Twice' });
    const op = applyOperation(ws, { kind: 'bulk-fix', label: 'Case' }, requests);
    expect(op.changed).toBe(4501);
    expect(new Set(op.contactIds).size).toBe(4500);
    expect(getContact(ws.db, ids[0]!)!.data.LASTNAME).toBe('Twice');
    expect(getContact(ws.db, ids[4499]!)!.data.LASTNAME).toBe('Name4499');
    expect(listHistory(ws.db)[0]!.changeCount).toBe(4501);
    undo(ws);
    expect(getContact(ws.db, ids[0]!)!.data.LASTNAME).toBe('name0');
    expect(getContact(ws.db, ids[4499]!)!.data.LASTNAME).toBe('name4499');
    redo(ws);
    expect(getContact(ws.db, ids[0]!)!.data.LASTNAME).toBe('Twice');
  });
});
