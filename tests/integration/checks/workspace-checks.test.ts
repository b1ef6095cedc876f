import { describe, expect, it } from 'vitest';
import { listFindings } from '../../../src-main/core/checks/findings-store';
import { attachAutoRecheck, recheckContacts } from '../../../src-main/core/checks/recheck';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import { applyOperation } from '../../../src-main/core/history/history';
import { seedSource } from '../../helpers/seed-source';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { codesOf, runChecksJob, seedContacts, TODAY } from './helpers';

describe('checks that need the whole workspace', () => {
  it('flags duplicate contact numbers and clears both rows when one is edited', async () => {
    const ws = tempWorkspace();
    const [a, b, c] = seedContacts(ws, [
      { CONTACT_NR: '000123' },
      { CONTACT_NR: '000123' },
      { CONTACT_NR: '123' },
    ]);
    await runChecksJob(ws);
    expect(codesOf(ws, a)).toEqual(['contact-nr.duplicate']);
    expect(codesOf(ws, b)).toEqual(['contact-nr.duplicate']);
    expect(codesOf(ws, c)).toEqual([]); // 123 ≠ 000123: leading zeros are significant
    attachAutoRecheck(ws, { today: TODAY });
    applyOperation(ws, { kind: 'edit', label: 'edit' }, [
      { contactId: b!, attribute: 'CONTACT_NR', after: '000124' },
    ]);
    expect(codesOf(ws, a)).toEqual([]);
    expect(codesOf(ws, b)).toEqual([]);
    applyOperation(ws, { kind: 'edit', label: 'edit' }, [
      { contactId: c!, attribute: 'CONTACT_NR', after: '000124' },
    ]);
    expect(codesOf(ws, b)).toEqual(['contact-nr.duplicate']);
    expect(codesOf(ws, c)).toEqual(['contact-nr.duplicate']);
  });

  it('finds stale rows through a source column and lists findings with provenance', async () => {
    const ws = tempWorkspace();
    const sourceId = seedSource(ws, {
      fileName: 'kunden.csv',
      columns: ['Name', 'Letzter Kauf'],
      rows: [
        ['Muster', '2012-04-01'],
        ['Meier', '2025-06-30'],
        ['Keller', ''],
      ],
    });
    ws.setSetting('checks.staleRules', [{ column: 'Letzter Kauf', olderThanYears: 4 }]);
    const rowIds = ws.db
      .prepare('SELECT id FROM source_rows WHERE source_id = ? ORDER BY row_number')
      .all(sourceId) as Array<{ id: number }>;
    const insert = contactInserter(ws.db);
    const ids = rowIds.map((r, i) =>
      insert({ sourceId, sourceRowId: r.id, data: { LASTNAME: ['Muster', 'Meier', 'Keller'][i]! } }),
    );
    await runChecksJob(ws);
    const [f] = listFindings(ws.db, { code: 'stale.candidate' });
    expect(f).toMatchObject({
      rowId: ids[0],
      sourceFile: 'kunden.csv',
      rowNumber: 2,
      params: { evidence: 'Letzter Kauf: 2012-04-01' },
    });
    expect(listFindings(ws.db)).toHaveLength(1);
    recheckContacts(ws, [ids[0]!], { today: TODAY });
    expect(codesOf(ws, ids[0])).toEqual(['stale.candidate']);
  });
});
