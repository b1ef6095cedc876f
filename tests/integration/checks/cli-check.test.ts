import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { cli } from './cli';
import { seedContacts } from './helpers';

describe('contact-prep check', () => {
  it('prints counts per code and severity as JSON, with the score', async () => {
    const ws = tempWorkspace();
    seedContacts(ws, [
      { LASTNAME: 'A', COUNTRY: 'CH' },
      { LASTNAME: 'B', COUNTRY: 'Mars' },
      { LASTNAME: 'C', COUNTRY: 'Schweiz' },
    ]);
    const path = ws.path;
    ws.close();
    const r = await cli('check', '--workspace', path, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      rows: number;
      findings: Array<{ code: string; severity: string; count: number }>;
      score: { share: number };
    };
    expect(json.rows).toBe(3);
    expect(json.findings).toContainEqual(
      expect.objectContaining({ code: 'country.unknown', severity: 'error', count: 1 }),
    );
    expect(json.findings).toContainEqual(
      expect.objectContaining({ code: 'country.not-iso', severity: 'warning', count: 1 }),
    );
    expect(json.score.share).toBeCloseTo(2 / 3);
  });

  it('prints a readable summary and refuses a missing workspace', async () => {
    const ws = tempWorkspace();
    seedContacts(ws, [{ COUNTRY: 'UK' }]);
    ws.close();
    const r = await cli('check', '--workspace', ws.path);
    expect(r.out).toMatch(/Checked 1 contacts/);
    expect(r.out).toMatch(/country\.not-iso\s+warning\s+1/);
    const timed = await cli('check', '--workspace', ws.path, '--timings');
    expect(timed.out).toMatch(/Time per stage and check/);
    expect(timed.out).toMatch(/check country\s+[\d.]+ ms\s+[\d.]+ %/);
    const json = JSON.parse((await cli('check', '--workspace', ws.path, '--json', '--timings')).out) as {
      timings: { checks: Record<string, number> };
    };
    expect(Object.keys(json.timings.checks)).toContain('phone');
    const missing = await cli('check', '--workspace', '/nonexistent/x.cprep');
    expect(missing.code).toBe(1);
  });
});

describe('contact-prep check settings', () => {
  it('saves the default country and a stale-data rule, then uses them', async () => {
    const ws = tempWorkspace();
    seedContacts(ws, [{ TELEPHONE: '01 40 15 80 00', REMARK: '2001-01-01' }]);
    ws.close();
    const r = await cli(
      'check',
      '--workspace',
      ws.path,
      '--default-country',
      'fr',
      '--stale-field',
      'REMARK',
      '--stale-years',
      '10',
      '--json',
    );
    expect(r.err).toBe('');
    const codes = (JSON.parse(r.out) as { findings: Array<{ code: string }> }).findings
      .map((f) => f.code)
      .sort();
    expect(codes).toEqual(['phone.format', 'stale.candidate']);
    const csv = (await cli('findings', '--workspace', ws.path, '--code', 'phone.format')).out;
    expect(csv).toContain('+33140158000');
    expect((await cli('check', '--workspace', ws.path, '--default-country', 'Narnia')).code).toBe(1);
    expect((await cli('check', '--workspace', ws.path, '--stale-field', 'REMARK')).code).toBe(1);
  });
});
