import { execFile } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { Workspace } from '../../../src-main/core/db/workspace';
import { iterateContacts } from '../../../src-main/core/contacts/contact-store';
import { tempDir, track } from '../../helpers/temp-workspace';
import { sharedData } from '../../helpers/shared-data';

const FEBRL = sharedData('febrl/dataset1.csv');
const SAMPLE = join(import.meta.dirname, '../../../resources/samples/customers-sample.csv');

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

async function imported(file: string) {
  const ws = join(tempDir(), 'w.cprep');
  const r = await cli(['import', file, '--workspace', ws]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return ws;
}

function contactsOf(path: string) {
  const ws = track(Workspace.open(path));
  return [...iterateContacts(ws.db)].flat();
}

describe('contact-prep map / numbers (end to end through the import engine)', () => {
  it('maps FEBRL dataset1 automatically: names, street number joined to the street, dates, unmapped ids kept', async () => {
    const ws = await imported(FEBRL);
    const r = await cli(['map', '--workspace', ws, '--auto', '--show', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.applied).toMatchObject({ contacts: 1000, problemCodes: { 'mapping.date-invalid': 3 } });
    expect(out.unmapped).toEqual(['rec_id', 'state', 'soc_sec_id']);
    // First row of the sample: `1,0000102,M.,Nicolas,Corboz,,11 boulevard Gambetta,67200,Strasbourg,Francia,…,Französisch`
    const first = contactsOf(ws)[0]!;
    // rec-223-org: empty given name, "6 tullaroop street", born 1908-12-09
    expect(first.data).toEqual({
      LASTNAME: 'waller',
      LINE1: '6 tullaroop street',
      LINE2: 'willaroo',
      TOWN: 'st james',
      ZIPCODE: '4011',
      BIRTHDATE: '09.12.1908',
    });
  });

  it('prints suggestions with confidence and reason, then numbers the new contacts from the range', async () => {
    const ws = await imported(FEBRL);
    const show = await cli(['map', '--workspace', ws]);
    expect(show.out).toMatch(/given_name\s+FIRSTNAME\s+1\.00\s+header "given_name" is "given name"/);
    expect(show.out).toContain('Unmapped columns (kept in the source layer): rec_id, state, soc_sec_id');
    expect(show.out).toContain('No mapping applied yet');
    await cli(['map', '--workspace', ws, '--auto']);
    const n = await cli([
      'numbers',
      '--workspace',
      ws,
      '--start',
      '1',
      '--end',
      '999999',
      '--width',
      '7',
      '--assign',
      '--json',
    ]);
    expect(n.code).toBe(0);
    expect(JSON.parse(n.out)).toMatchObject({
      assigned: { count: 1000, first: '0000001', last: '0001000' },
      highest: '0001000',
      withoutNumber: 0,
    });
    const tooSmall = await cli(['numbers', '--workspace', ws, '--start', '1', '--end', '5', '--assign']);
    expect(tooSmall.code).toBe(0); // everyone already has a number: nothing to assign
  });

  it('keeps the leading zeros of the sample CRM export numbers and maps its German headers', async () => {
    const ws = await imported(SAMPLE);
    const r = await cli(['map', '--workspace', ws, '--auto', '--json']);
    expect(JSON.parse(r.out).applied.contacts).toBe(200);
    // First row of the sample: `1,0000102,M.,Nicolas,Corboz,,11 boulevard Gambetta,67200,Strasbourg,Francia,…,Französisch`
    const first = contactsOf(ws)[0]!;
    expect(first.data).toMatchObject({
      CONTACT_NR: '0000102',
      TITLE: 'MR',
      FIRSTNAME: 'Nicolas',
      LASTNAME: 'Corboz',
      ZIPCODE: '67200',
      COUNTRY: 'FR',
      PREF_LANG: 'fr',
    });
  });

  it('reuses a saved template on a file with reordered and respelled columns', async () => {
    const dir = tempDir();
    const a = join(dir, 'kunde-a.csv');
    writeFileSync(a, 'Vorname,Nachname,E-Mail,PLZ Ort\nHans,Müller,hans@mueller.ch,8001 Zürich\n');
    const b = join(dir, 'kunde-b.csv');
    writeFileSync(
      b,
      'PLZ Ort,Email,Nachname,Vorname,Notiz\nCH-1003 Lausanne,anna@berg.ch,van der Berg,Anna,VIP\n',
    );
    const template = join(dir, 'template.json');
    const wsA = await imported(a);
    expect((await cli(['map', '--workspace', wsA, '--auto', '--save-template', template])).code).toBe(0);
    expect(JSON.parse(readFileSync(template, 'utf8'))).toMatchObject({
      format: 'contact-prep.mapping-template',
      version: 1,
    });
    const wsB = await imported(b);
    const r = await cli(['map', '--workspace', wsB, '--template', template, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).template).toMatchObject({
      missing: [],
      renamed: [{ template: 'E-Mail', source: 'Email' }],
    });
    expect(contactsOf(wsB)[0]!.data).toEqual({
      FIRSTNAME: 'Anna',
      LASTNAME: 'van der Berg',
      EMAIL1: 'anna@berg.ch',
      ZIPCODE: '1003',
      TOWN: 'Lausanne',
      COUNTRY: 'CH',
    });
  });

  it('asks for --source when the workspace holds several files, and --replace to map again', async () => {
    const ws = await imported(FEBRL);
    await cli(['import', SAMPLE, '--workspace', ws]);
    const r = await cli(['map', '--workspace', ws, '--auto']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /2 input sources; choose one with --source N: 1 \(dataset1\.csv\), 2 \(customers-sample\.csv\)/,
    );
    expect((await cli(['map', '--workspace', ws, '--source', '2', '--auto'])).code).toBe(0);
    const again = await cli(['map', '--workspace', ws, '--source', '2', '--auto']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('--replace');
    expect((await cli(['map', '--workspace', ws, '--source', '2', '--auto', '--replace'])).code).toBe(0);
  });

  it('sets operation and kind of selected contacts, undoably', async () => {
    const ws = await imported(SAMPLE);
    await cli(['map', '--workspace', ws, '--auto']);
    const r = await cli([
      'set',
      '--workspace',
      ws,
      '--contacts',
      '1-3,5',
      '--operation',
      'update',
      '--kind',
      'structure',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      contacts: 4,
      operation: { value: 'UPDATE', changed: 4 },
      kind: { changed: 4 },
    });
    const c = contactsOf(ws);
    expect(c.slice(0, 5).map((x) => x.operation)).toEqual(['UPDATE', 'UPDATE', 'UPDATE', 'INSERT', 'UPDATE']);
    expect(c[0]!.kindOverride).toBe('structure');
    const bad = await cli(['set', '--workspace', ws, '--contacts', '1', '--operation', 'UPSERT']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--operation must be one of INSERT, UPDATE');
  });

  it('runs as the real `contact-prep` binary: map --auto then numbers --assign', async () => {
    const ws = await imported(SAMPLE);
    const bin = fileURLToPath(new URL('../../../bin/contact-prep.mjs', import.meta.url));
    const run = promisify(execFile);
    const m = await run('node', [bin, 'map', '-w', ws, '--auto', '--json']);
    expect(JSON.parse(m.stdout).applied).toMatchObject({ contacts: 200 });
    const n = await run('node', [
      bin,
      'numbers',
      '-w',
      ws,
      '--start',
      '9000000',
      '--end',
      '9999999',
      '--assign',
      '--json',
    ]);
    expect(JSON.parse(n.stdout)).toMatchObject({
      withoutNumber: 0,
      range: { start: '9000000', end: '9999999', width: 0 },
    });
  });
});
