import { describe, expect, it } from 'vitest';
import { getContact } from '../../../src-main/core/contacts/contact-store';
import { applyFinding, applyFixCode, editField, previewFixCode } from '../../../src-main/core/checks/fixes';
import { listFindings } from '../../../src-main/core/checks/findings-store';
import { attachAutoRecheck } from '../../../src-main/core/checks/recheck';
import { workspaceScore, rowScore } from '../../../src-main/core/checks/score';
import { iterateAuditTrail, listHistory, undo } from '../../../src-main/core/history/history';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { codesOf, runChecksJob, seedContacts } from './helpers';

describe('fixes', () => {
  it('applies one suggestion through the history and re-checks the row', async () => {
    const ws = tempWorkspace();
    const [id] = seedContacts(ws, [{ LASTNAME: 'Muster', EMAIL1: 'anna@gmial.com' }]);
    await runChecksJob(ws);
    const [f] = listFindings(ws.db, { code: 'email.typo-domain' });
    const applied = applyFinding(ws, f!.id);
    expect(applied.changed).toBe(1);
    expect(getContact(ws.db, id!)?.data.EMAIL1).toBe('anna@gmail.com');
    expect(codesOf(ws, id)).toEqual([]);
    expect(listHistory(ws.db)[0]).toMatchObject({ kind: 'fix', rule: 'email.typo-domain' });
    undo(ws);
    expect(getContact(ws.db, id!)?.data.EMAIL1).toBe('anna@gmial.com');
  });

  it('previews and applies all suggestions of one code as one undoable operation', async () => {
    const ws = tempWorkspace();
    const ids = seedContacts(ws, [
      { COUNTRY: 'Suisse' },
      { COUNTRY: 'Schweiz' },
      { COUNTRY: 'CH' },
      { COUNTRY: 'Deutchland' },
      { COUNTRY: 'Mars' },
    ]);
    await runChecksJob(ws);
    attachAutoRecheck(ws); // so that undo refreshes the findings too
    const preview = previewFixCode(ws, 'country.not-iso', { minConfidence: 0.9 });
    expect(preview).toMatchObject({ findings: 2, rows: 2, fields: 2 });
    expect(preview.sample[0]).toEqual({
      contactId: ids[0],
      attribute: 'COUNTRY',
      before: 'Suisse',
      after: 'CH',
    });
    expect(getContact(ws.db, ids[0]!)?.data.COUNTRY).toBe('Suisse'); // preview writes nothing
    applyFixCode(ws, 'country.not-iso', { minConfidence: 0.9 });
    expect(ids.map((id) => getContact(ws.db, id)?.data.COUNTRY)).toEqual([
      'CH',
      'CH',
      'CH',
      'Deutchland',
      'Mars',
    ]);
    expect(codesOf(ws).sort()).toEqual(['country.not-iso', 'country.unknown']);
    undo(ws);
    expect(ids.map((id) => getContact(ws.db, id)?.data.COUNTRY)).toEqual([
      'Suisse',
      'Schweiz',
      'CH',
      'Deutchland',
      'Mars',
    ]);
    expect(codesOf(ws).filter((c) => c === 'country.not-iso')).toHaveLength(3);
  });

  it('moves a mobile to CELLPHONE in one fix (two fields, one operation)', async () => {
    const ws = tempWorkspace();
    const [id] = seedContacts(ws, [{ TELEPHONE: '079 123 45 67', COUNTRY: 'CH' }]);
    await runChecksJob(ws);
    applyFixCode(ws, 'phone.mobile-in-landline');
    expect(getContact(ws.db, id!)?.data).toEqual({ CELLPHONE: '+41791234567', COUNTRY: 'CH' });
    expect([...iterateAuditTrail(ws.db)].map((c) => [c.attribute, c.before, c.after])).toEqual([
      ['TELEPHONE', '079 123 45 67', null],
      ['CELLPHONE', null, '+41791234567'],
    ]);
  });

  it('marks stale rows removed only when the fix is applied', async () => {
    const ws = tempWorkspace();
    ws.setSetting('checks.staleRules', { field: 'REMARK', olderThanYears: 5 });
    const [oldId, recentId] = seedContacts(ws, [
      { LASTNAME: 'A', REMARK: '01.01.2010' },
      { LASTNAME: 'B', REMARK: '01.01.2025' },
    ]);
    await runChecksJob(ws);
    expect(codesOf(ws, oldId)).toEqual(['stale.candidate']);
    expect(getContact(ws.db, oldId!)?.status).toBe('active');
    applyFixCode(ws, 'stale.candidate');
    expect(getContact(ws.db, oldId!)?.status).toBe('removed');
    expect(getContact(ws.db, recentId!)?.status).toBe('active');
    expect(codesOf(ws)).toEqual([]);
  });

  it('records manual edits and scores rows and the workspace', async () => {
    const ws = tempWorkspace();
    const [a, b] = seedContacts(ws, [
      { LASTNAME: 'A', BIRTHDATE: '31.02.1980' },
      { LASTNAME: 'B', EMAIL1: 'b@bluewin.ch' },
    ]);
    await runChecksJob(ws);
    expect(rowScore(ws.db, a!)).toMatchObject({ errors: 1, clean: false });
    expect(workspaceScore(ws.db)).toMatchObject({ rows: 2, cleanRows: 1, score: 0.5 });
    editField(ws, a!, 'BIRTHDATE', '28.02.1980');
    expect(rowScore(ws.db, a!).clean).toBe(true);
    const score = workspaceScore(ws.db, { fields: ['FIRSTNAME', 'LASTNAME', 'BIRTHDATE', 'EMAIL1'] });
    expect(score.score).toBe(1);
    expect(score.completeness).toEqual([
      { field: 'LASTNAME', filled: 2, share: 1 },
      { field: 'BIRTHDATE', filled: 1, share: 0.5 },
      { field: 'EMAIL1', filled: 1, share: 0.5 },
      { field: 'FIRSTNAME', filled: 0, share: 0 },
    ]);
    expect(rowScore(ws.db, b!).clean).toBe(true);
    const all = workspaceScore(ws.db).completeness; // every contact field of the SecuTix model
    expect(all[0]).toEqual({ field: 'LASTNAME', filled: 2, share: 1 });
    expect(all.find((c) => c.field === 'FAX')).toEqual({ field: 'FAX', filled: 0, share: 0 });
    expect(all.find((c) => c.field === 'INSTITUTION')).toBeUndefined();
  });
});
