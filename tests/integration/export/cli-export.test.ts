import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { tempDir } from '../../helpers/temp-workspace';
import { fixture, goldenWorkspace } from './golden-workspace';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    interactive: false,
    signal: new AbortController().signal,
  });
  return { code, out, err };
}

const golden = ['--institution', 'DEMO', '--organization', 'ORG1', '--country', 'CH'];

describe('contact-prep export / validate', () => {
  it('exports a workspace and prints {exported, rejected, warnings, out, report} with --json', async () => {
    const ws = goldenWorkspace();
    const dir = tempDir();
    const out = join(dir, 'out.xlsx');
    const report = join(dir, 'errors.xlsx');
    ws.close();
    const r = await cli(['export', '-w', ws.path, '--out', out, '--report', report, ...golden, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      exported: 5,
      rejected: 3,
      warnings: 4,
      out,
      report,
      template: 'builtin',
    });
  });

  it('prints a readable summary, naming the template, without --json', async () => {
    const ws = goldenWorkspace();
    ws.close();
    const out = join(tempDir(), 'out.csv');
    const r = await cli([
      'export',
      '-w',
      ws.path,
      '-o',
      out,
      ...golden,
      '--template',
      fixture('golden-template.csv'),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Exported 5 contacts to ${out}; 3 rejected, 7 warnings.`);
    expect(r.out).toContain(`Template: ${fixture('golden-template.csv')}.`);
  });

  it('reads institution and organization from the workspace export defaults', async () => {
    const ws = goldenWorkspace();
    ws.setSetting('export.defaults', { institution: 'SAVED', organization: 'ORG9' });
    ws.close();
    const out = join(tempDir(), 'out.csv');
    const r = await cli(['export', '-w', ws.path, '-o', out, '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ exported: 5 });
    const v = await cli(['validate', out, '--json']);
    expect(v.code).toBe(0);
    const content = readFileSync(out, 'utf8');
    expect(content).toContain('SAVED,ORG9,INSERT,000123');
  });

  it('writes a CONFIG row with --config and refuses a malformed one', async () => {
    const ws = goldenWorkspace();
    ws.close();
    const out = join(tempDir(), 'config.csv');
    const r = await cli([
      'export',
      '-w',
      ws.path,
      '-o',
      out,
      ...golden,
      '--config',
      'CRIT02=PREFCOL',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[4]).toMatch(/^DEMO,ORG1,CONFIG,.*PREFCOL/);
    const bad = await cli(['export', '-w', ws.path, '-o', out, ...golden, '--config', 'CRIT02']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--config expects COLUMN=CODE');
  });

  it("uses the checks' default country as the phone reference when --country is not given", async () => {
    const ws = goldenWorkspace();
    ws.db
      .prepare(`UPDATE contacts SET data = json_set(data, '$.TELEPHONE', '+41 21 613 21 11') WHERE id = 5`)
      .run();
    ws.setSetting('checks.defaultCountry', 'CH');
    ws.close();
    const out = join(tempDir(), 'country.csv');
    await cli(['export', '-w', ws.path, '-o', out, '--institution', 'DEMO', '--organization', 'ORG1']);
    expect(readFileSync(out, 'utf8').split('\r\n')[8]).toContain(',0216132111,');
  });

  it('explains a missing output folder as a user error (exit 1)', async () => {
    const ws = goldenWorkspace();
    ws.close();
    const r = await cli(['export', '-w', ws.path, '-o', join(tempDir(), 'no/such/dir/out.xlsx'), ...golden]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('its folder does not exist');
  });

  it('refuses an output name that is neither .xlsx nor .csv', async () => {
    const ws = goldenWorkspace();
    ws.close();
    const r = await cli(['export', '-w', ws.path, '-o', join(tempDir(), 'out.txt'), ...golden]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\.xlsx or \.csv/);
  });

  it('validate exits 0 for a valid file and 1 with the problems for an invalid one', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'a\r\nb\r\nc\r\nINSTITUTION,ORGANIZATION,OPERATION,CONTACT_NR,TITLE,LASTNAME\r\nD,O,INSERT,12a,Herr,Muster\r\n',
    );
    const r = await cli(['validate', bad, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ valid: false, rows: 1 });
    expect(json.problems).toContainEqual(
      expect.objectContaining({ row: 5, column: 'D', code: 'not-digits' }),
    );
    expect(json.problems).toContainEqual(
      expect.objectContaining({ row: 5, column: 'E', code: 'not-allowed' }),
    );
    const text = await cli(['validate', bad]);
    expect(text.out).toContain(`${bad}: INVALID — 1 data rows, 2 errors`);
  });

  it('runs as the real `contact-prep` binary', async () => {
    const ws = goldenWorkspace();
    ws.close();
    const out = join(tempDir(), 'bin.csv');
    const bin = fileURLToPath(new URL('../../../bin/contact-prep.mjs', import.meta.url));
    const run = promisify(execFile);
    const e = await run('node', [bin, 'export', '-w', ws.path, '-o', out, ...golden, '--json']);
    expect(JSON.parse(e.stdout)).toMatchObject({ exported: 5, rejected: 3 });
    const v = await run('node', [bin, 'validate', out, '--json']);
    expect(JSON.parse(v.stdout)).toMatchObject({ valid: true, rows: 5 });
  });
});
