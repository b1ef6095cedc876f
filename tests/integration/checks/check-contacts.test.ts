import { describe, expect, it } from 'vitest';
import {
  checkContact,
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
import { readWholeFindings, wholeFindingRow } from '../../helpers/findings';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { runChecksJob } from './helpers';

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

describe('a checks run read back through the findings view', () => {
  it('gives every finding of every check whole, in order, from workers and in-thread alike', async () => {
    const ws = tempWorkspace();
    fillFromGenerator(ws, 2500, toFields);
    const checks = selectChecks();
    const today = new Date('2026-11-25T12:00:00Z');
    const settings = loadCheckSettings(ws.db);
    const ctx = makeContext(
      checks,
      settings,
      prepareIndexes(ws.db, checks, settings, { all: true }, today),
      today,
    );
    const rows = ws.db.prepare(RANGE_SELECT).raw(true).all(0, Number.MAX_SAFE_INTEGER) as RawContact[];
    // What the findings table held before findings were stored as templates and arguments.
    const expected = rows.flatMap((r) => checkContact(checks, contactFromRaw(r), ctx).map(wholeFindingRow));
    expect(expected.length).toBeGreaterThan(4000);
    for (const workers of [0, 2]) {
      await runChecksJob(ws, { workers, batchSize: 700, today });
      expect(readWholeFindings(ws.db)).toEqual(expected);
    }
    // Nearly all findings share a template with others (one value or two cut out).
    const templates = ws.db.prepare('SELECT count(*) FROM finding_templates').pluck().get() as number;
    expect(templates).toBeLessThan(expected.length / 3);
    ws.close();
  });
});
