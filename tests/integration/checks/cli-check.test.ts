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
    const missing = await cli('check', '--workspace', '/nonexistent/x.cprep');
    expect(missing.code).toBe(1);
  });
});
