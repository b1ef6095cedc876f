import { describe, expect, it } from 'vitest';
import {
  loadCheckSettings,
  makeContext,
  prepareIndexes,
  pushContactValues,
} from '../../../src-main/core/checks/context';
import {
  checkContacts,
  contactFromRaw,
  RANGE_SELECT,
  type RawContact,
} from '../../../src-main/core/checks/raw-contact';
import { selectChecks } from '../../../src-main/core/checks/registry';
import { toFields } from '../../bench/checks.bench';
import { fillFromGenerator } from '../../bench/fill-workspace';
import { tempWorkspace } from '../../helpers/temp-workspace';

describe('checkContacts (a batch checked check by check)', () => {
  it('writes the values of pushContactValues contact by contact, in the same order', () => {
    const ws = tempWorkspace();
    fillFromGenerator(ws, 2500, toFields);
    const checks = selectChecks();
    const today = new Date('2026-11-25T12:00:00Z');
    const settings = loadCheckSettings(ws.db);
    const indexes = prepareIndexes(ws.db, checks, settings, { all: true }, today);
    const rows = ws.db.prepare(RANGE_SELECT).raw(true).all(0, Number.MAX_SAFE_INTEGER) as RawContact[];
    const contacts = rows.map(contactFromRaw);

    const reference: unknown[] = [];
    const rowByRow = makeContext(checks, settings, indexes, today);
    for (const c of contacts) pushContactValues(checks, c, rowByRow, reference);
    expect(reference.length).toBeGreaterThan(1000);

    const batched = makeContext(checks, settings, indexes, today);
    for (const size of [1, 333, contacts.length]) {
      const values: unknown[] = [];
      for (let from = 0; from < contacts.length; from += size)
        values.push(...checkContacts(checks, contacts.slice(from, from + size), batched));
      expect(values).toEqual(reference);
    }
    ws.close();
  });
});
