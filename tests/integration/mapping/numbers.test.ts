import { describe, expect, it } from 'vitest';
import { assignNumbers } from '../../../src-main/core/numbers/assign-numbers';
import { numbersStatus, reservedRangeViolations } from '../../../src-main/core/numbers/number-report';
import { setNumberRange, setReservedRange } from '../../../src-main/core/numbers/number-settings';
import { contactInserter, getContact } from '../../../src-main/core/contacts/contact-store';
import { undo } from '../../../src-main/core/history/history';
import { setContactsKind, setContactsOperation } from '../../../src-main/core/mapping/row-settings';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { seedSource } from '../../helpers/seed-source';

function seed(numbers: Array<string | null>, operation: 'INSERT' | 'UPDATE' = 'INSERT') {
  const ws = tempWorkspace();
  const insert = contactInserter(ws.db);
  const ids = numbers.map((nr, i) =>
    insert({ data: { LASTNAME: `N${i}`, ...(nr ? { CONTACT_NR: nr } : {}) }, operation }),
  );
  return { ws, ids };
}

const nr = (ws: ReturnType<typeof seed>['ws'], id: number) => getContact(ws.db, id)!.data.CONTACT_NR;

describe('contact numbers', () => {
  it('gives zero-padded numbers from the range to contacts without one, skipping numbers in use', () => {
    const { ws, ids } = seed(['000101', null, null, '103']);
    setNumberRange(ws, { start: '100', end: '199', width: 6 });
    const r = assignNumbers(ws);
    expect(r).toMatchObject({ assigned: 2, first: '000100', last: '000102' });
    expect(ids.map((id) => nr(ws, id))).toEqual(['000101', '000100', '000102', '103']);
  });

  it('never reuses a number of a reference export, from its source rows or the reference table', () => {
    const { ws, ids } = seed([null, null]);
    seedSource(ws, {
      fileName: 'secutix-export.csv',
      columns: ['CONTACT_NR', 'LASTNAME'],
      rows: [['1'], ['0002']],
      role: 'reference',
    });
    const refSource = seedSource(ws, {
      fileName: 'export2.csv',
      columns: ['Nr'],
      rows: [],
      role: 'reference',
    });
    ws.db
      .prepare("INSERT INTO reference_contacts(source_id, contact_nr, data) VALUES (?, '3', '{}')")
      .run(refSource);
    setNumberRange(ws, { start: '1', end: '10', width: 0 });
    assignNumbers(ws);
    expect(ids.map((id) => nr(ws, id))).toEqual(['4', '5']);
  });

  it('refuses with a clear error, assigning nothing, when the range is exhausted', () => {
    const { ws, ids } = seed(['5', null, null]);
    setNumberRange(ws, { start: '5', end: '6', width: 0 });
    expect(() => assignNumbers(ws)).toThrow(
      /range 5–6 has only 1 free numbers left, but 2 contacts need one/,
    );
    expect(ids.map((id) => nr(ws, id))).toEqual(['5', undefined, undefined]);
  });

  it('is one undoable operation', () => {
    const { ws, ids } = seed([null, null]);
    setNumberRange(ws, { start: '900', end: '999', width: 0 });
    assignNumbers(ws);
    expect(nr(ws, ids[0]!)).toBe('900');
    undo(ws);
    expect(ids.map((id) => nr(ws, id))).toEqual([undefined, undefined]);
  });

  it('does not number UPDATE rows, which must carry the number SecuTix already has', () => {
    const { ws } = seed([null], 'UPDATE');
    setNumberRange(ws, { start: '1', end: '9', width: 0 });
    expect(assignNumbers(ws).assigned).toBe(0);
  });

  it('refuses a width that cannot hold the range and a range without one', () => {
    const { ws } = seed([null]);
    expect(() => assignNumbers(ws)).toThrow(/No range is configured/);
    expect(() => setNumberRange(ws, { start: '1', end: '100000', width: 4 })).toThrow(
      /width of 4 cannot hold/,
    );
    expect(() => setNumberRange(ws, { start: '9', end: '1', width: 0 })).toThrow(/starts after it ends/);
  });

  it('lists kept numbers outside the reserved range or with non-digits, but not the ones it assigned', () => {
    const { ws, ids } = seed(['5000', '12', 'AB-7', null]);
    setReservedRange(ws, { start: '1000', end: '9999' });
    setNumberRange(ws, { start: '50000', end: '59999', width: 0 });
    assignNumbers(ws);
    expect(reservedRangeViolations(ws)).toEqual([
      expect.objectContaining({ contactId: ids[1], contactNr: '12', reason: 'outside-reserved' }),
      expect.objectContaining({ contactId: ids[2], contactNr: 'AB-7', reason: 'not-digits' }),
    ]);
    // An UPDATE row carries SecuTix's own number, wherever it lies.
    setContactsOperation(ws, [ids[1]!], 'UPDATE');
    expect(reservedRangeViolations(ws).map((v) => v.contactId)).toEqual([ids[2]]);
  });

  it('reports the highest number so SecuTix can move its sequence above it', () => {
    const { ws } = seed(['00099', '1200', '300', null, 'X1']);
    expect(numbersStatus(ws)).toMatchObject({
      contacts: 5,
      withNumber: 4,
      withoutNumber: 1,
      highest: '1200',
    });
  });
});

describe('operation and kind per row', () => {
  it('sets the operation and the kind override of selected contacts in one undoable step', () => {
    const { ws, ids } = seed([null, null, null]);
    setContactsOperation(ws, ids.slice(0, 2), 'UPDATE');
    setContactsKind(ws, [ids[2]!], 'structure');
    expect(ids.map((id) => getContact(ws.db, id)!.operation)).toEqual(['UPDATE', 'UPDATE', 'INSERT']);
    expect(getContact(ws.db, ids[2]!)!.kindOverride).toBe('structure');
    undo(ws);
    undo(ws);
    expect(ids.map((id) => getContact(ws.db, id)!.operation)).toEqual(['INSERT', 'INSERT', 'INSERT']);
    expect(() => setContactsOperation(ws, ids, 'UPSERT' as never)).toThrow(/Unknown operation "UPSERT"/);
  });
});
