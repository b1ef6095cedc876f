import { describe, expect, it } from 'vitest';
import { getContact } from '../../../src-main/core/contacts/contact-store';
import { mergeAllSure } from '../../../src-main/core/dedupe/merge-bulk';
import { mergeCluster, mergeContacts } from '../../../src-main/core/dedupe/merge';
import { getOperationChanges, listHistory, redo, undo } from '../../../src-main/core/history/history';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { seedClusters, seedContact, seedSource } from './seed';

function snapshot(ws: ReturnType<typeof tempWorkspace>, ids: number[]) {
  return ids.map((id) => getContact(ws.db, id));
}

function setup() {
  const ws = tempWorkspace();
  const crm = seedSource(ws, 'crm-2024.xlsx', '2026-01-10T10:00:00Z');
  const shop = seedSource(ws, 'shop-2026.csv', '2026-11-20T10:00:00Z');
  const a = seedContact(ws, crm, 5, {
    CONTACT_NR: '1200',
    FIRSTNAME: 'François',
    LASTNAME: 'DUPONT',
    EMAIL1: 'f.dupont@old.ch',
    TELEPHONE: '021 613 21 11',
    LINE1: 'Rue du Lac 1',
    ZIPCODE: '1000',
    TOWN: 'Lausanne',
    COUNTRY: 'CH',
  });
  const b = seedContact(ws, shop, 17, {
    CONTACT_NR: '980',
    FIRSTNAME: 'Francois',
    LASTNAME: 'Dupont',
    EMAIL1: 'francois@new.ch',
    CELLPHONE: '079 123 45 67',
    TELEPHONE: '022 700 00 00',
    COUNTRY: 'CH',
  });
  const c = seedContact(ws, shop, 18, { FIRSTNAME: 'F.', LASTNAME: 'Dupont', EMAIL1: 'FRANCOIS@new.ch' });
  return { ws, crm, shop, a, b, c };
}

describe('merge (workspace, history)', () => {
  it('dry run previews survivor, values with provenance and conflicts without writing', () => {
    const { ws, a, b, c } = setup();
    const [cluster] = seedClusters(ws, [{ band: 'sure', members: [a, b, c] }]);
    const before = snapshot(ws, [a, b, c]);
    const preview = mergeCluster(ws, cluster!, { dryRun: true });
    expect(preview.applied).toBe(false);
    expect(preview.survivorId).toBe(b); // lowest CONTACT_NR 980 < 1200
    expect(preview.data).toMatchObject({
      CONTACT_NR: '980',
      FIRSTNAME: 'François',
      LASTNAME: 'Dupont',
      EMAIL1: 'francois@new.ch',
      EMAIL2: 'f.dupont@old.ch',
      CELLPHONE: '079 123 45 67',
      LINE1: 'Rue du Lac 1',
    });
    expect(preview.values.find((v) => v.field === 'FIRSTNAME')!.origin).toMatchObject({
      contactId: a,
      fileName: 'crm-2024.xlsx',
      rowNumber: 5,
    });
    // three phones for two slots: one landline lost, reported with its provenance
    expect(preview.conflicts).toContainEqual(
      expect.objectContaining({
        field: 'TELEPHONE',
        resolution: 'lost',
        origin: expect.objectContaining({ contactId: a }),
      }),
    );
    expect(preview.changes.length).toBeGreaterThan(0);
    expect(snapshot(ws, [a, b, c])).toEqual(before);
    expect(listHistory(ws.db)).toHaveLength(0);
  });

  it('merge undo restores all members exactly, redo re-applies', () => {
    const { ws, a, b, c } = setup();
    const [cluster] = seedClusters(ws, [{ band: 'sure', members: [a, b, c] }]);
    const before = snapshot(ws, [a, b, c]);
    const r = mergeCluster(ws, cluster!);
    expect(r.applied).toBe(true);
    const after = snapshot(ws, [a, b, c]);
    expect(getContact(ws.db, b)).toMatchObject({ status: 'active', data: { EMAIL2: 'f.dupont@old.ch' } });
    expect(getContact(ws.db, a)).toMatchObject({ status: 'merged', mergedInto: b });
    expect(getContact(ws.db, c)).toMatchObject({ status: 'merged', mergedInto: b });
    expect(listHistory(ws.db)).toEqual([expect.objectContaining({ kind: 'merge', rule: 'survivorship' })]);
    undo(ws);
    expect(snapshot(ws, [a, b, c])).toEqual(before);
    redo(ws);
    expect(snapshot(ws, [a, b, c])).toEqual(after);
  });

  it('provenance of every surviving value is stored in the history operation', () => {
    const { ws, a, b, c } = setup();
    const r = mergeContacts(ws, [a, b, c]);
    const details = JSON.parse(
      (
        ws.db.prepare('SELECT details_json FROM history_ops WHERE id = ?').get(r.opId) as {
          details_json: string;
        }
      ).details_json,
    ) as { from: Record<string, number | null>; conflicts: unknown[]; survivorId: number };
    expect(details.survivorId).toBe(b);
    expect(details.from).toMatchObject({ FIRSTNAME: a, EMAIL1: b, EMAIL2: a, LINE1: a });
    expect(details.conflicts.length).toBe(r.conflicts.length);
    expect(getOperationChanges(ws.db, r.opId!)).toContainEqual(
      expect.objectContaining({ contactId: a, attribute: '@mergedInto', before: null, after: b }),
    );
  });

  it('user pick overrides the rule in a workspace merge', () => {
    const { ws, a, b } = setup();
    const r = mergeContacts(ws, [a, b], {
      picks: { EMAIL1: { contactId: a }, LASTNAME: { value: 'Dupont-Favre' } },
    });
    expect(getContact(ws.db, r.survivorId)!.data).toMatchObject({
      EMAIL1: 'f.dupont@old.ch',
      EMAIL2: 'francois@new.ch',
      LASTNAME: 'Dupont-Favre',
    });
  });

  it('a stale cluster (member already merged) merges the rest and lists the skipped member', () => {
    const { ws, a, b, c } = setup();
    mergeContacts(ws, [b, c]);
    const r = mergeContacts(ws, [a, b, c]);
    expect(r.skipped).toEqual([{ contactId: c, reason: `already merged into ${b}` }]);
    expect(getContact(ws.db, a)).toMatchObject({ status: 'merged', mergedInto: b });
    expect(() => mergeContacts(ws, [a, c])).toThrow(/Nothing to merge/);
  });

  it('merge all sure with dry-run count, then one undo takes the whole bulk merge back', () => {
    const { ws, shop, a, b, c } = setup();
    const d = seedContact(ws, shop, 30, { LASTNAME: 'Keller', EMAIL1: 'k@x.ch' });
    const e = seedContact(ws, shop, 31, { LASTNAME: 'Keller', EMAIL1: 'k@x.ch' });
    const f = seedContact(ws, shop, 32, { LASTNAME: 'Muster' });
    const g = seedContact(ws, shop, 33, { LASTNAME: 'Mustermann' });
    seedClusters(ws, [
      { band: 'sure', members: [a, b, c] },
      { band: 'sure', members: [d, e] },
      { band: 'review', members: [f, g] },
    ]);
    const before = snapshot(ws, [a, b, c, d, e, f, g]);
    const preview = mergeAllSure(ws, { dryRun: true });
    expect(preview).toMatchObject({ clusters: 2, merged: 2, contactsMerged: 3, applied: false });
    expect(snapshot(ws, [a, b, c, d, e, f, g])).toEqual(before);
    const done = mergeAllSure(ws);
    expect(done).toMatchObject({ merged: 2, contactsMerged: 3, applied: true });
    expect(getContact(ws.db, e)).toMatchObject({ status: 'merged', mergedInto: d });
    expect(getContact(ws.db, f)!.status).toBe('active'); // review groups are never auto-merged
    expect(listHistory(ws.db)).toHaveLength(1);
    undo(ws);
    expect(snapshot(ws, [a, b, c, d, e, f, g])).toEqual(before);
    // running again after everything is merged finds nothing left to do
    redo(ws);
    expect(mergeAllSure(ws, { dryRun: true })).toMatchObject({ merged: 0, skippedClusters: [{}, {}] });
  });

  it('a contact merged earlier into a member follows it into the new survivor (no chains)', () => {
    const { ws, a, b, c } = setup();
    mergeContacts(ws, [a, c], { picks: { CONTACT_NR: { contactId: a } } }); // c → a
    expect(getContact(ws.db, c)).toMatchObject({ status: 'merged', mergedInto: a });
    mergeContacts(ws, [a, b]); // a → b (lower number 980)
    expect(getContact(ws.db, c)).toMatchObject({ status: 'merged', mergedInto: b });
    undo(ws);
    expect(getContact(ws.db, c)).toMatchObject({ status: 'merged', mergedInto: a });
  });

  it('merging into a reference-matched contact keeps its number and the UPDATE operation', () => {
    const ws = tempWorkspace();
    const s = seedSource(ws, 'a.csv', '2026-01-01T00:00:00Z');
    const x = seedContact(ws, s, 2, { CONTACT_NR: '5', LASTNAME: 'Weber' });
    const y = seedContact(ws, s, 3, { CONTACT_NR: '700123', LASTNAME: 'Weber' }, 'UPDATE');
    const r = mergeContacts(ws, [x, y]);
    expect(getContact(ws.db, y)).toMatchObject({ operation: 'UPDATE', data: { CONTACT_NR: '700123' } });
    expect(r.conflicts).toContainEqual(
      expect.objectContaining({ field: 'CONTACT_NR', value: '5', resolution: 'lost' }),
    );
  });
});
