import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { getContact } from '../../../src-main/core/contacts/contact-store';
import { Workspace } from '../../../src-main/core/db/workspace';
import { tempDir, track } from '../../helpers/temp-workspace';
import { seedClusters, seedContact, seedSource } from './seed';

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

/** A workspace file with two sure groups and one review group; closed so the CLI opens it. */
function workspaceFile() {
  const dir = tempDir();
  const path = join(dir, 'ws.cprep');
  const ws = Workspace.create(path);
  const s = seedSource(ws, 'in.csv', '2026-11-20T00:00:00Z');
  const ids = [
    seedContact(ws, s, 2, { FIRSTNAME: 'Léa', LASTNAME: 'Dubois', EMAIL1: 'lea@dubois.fr' }),
    seedContact(ws, s, 3, { FIRSTNAME: 'Lea', LASTNAME: 'DUBOIS', EMAIL1: 'lea.dubois@gmail.com' }),
    seedContact(ws, s, 4, { FIRSTNAME: 'Marc', LASTNAME: 'Blanc', TOWN: 'Genève' }),
    seedContact(ws, s, 5, { FIRSTNAME: 'Marc', LASTNAME: 'Blanc', TOWN: 'Geneve' }),
    seedContact(ws, s, 6, { FIRSTNAME: 'Paul', LASTNAME: 'Rochat' }),
    seedContact(ws, s, 7, { FIRSTNAME: 'Pauline', LASTNAME: 'Rochat' }),
  ];
  const clusters = seedClusters(ws, [
    { band: 'sure', members: [ids[0]!, ids[1]!] },
    { band: 'sure', members: [ids[2]!, ids[3]!] },
    { band: 'review', members: [ids[4]!, ids[5]!] },
  ]);
  ws.close();
  return { dir, path, ids, clusters };
}

describe('CLI merge / match-existing / search', () => {
  it('merge --cluster --dry-run --json previews; without --dry-run it merges with a pick', async () => {
    const { path, ids, clusters } = workspaceFile();
    const dry = await cli(['merge', '-w', path, '--cluster', String(clusters[0]), '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({
      applied: false,
      survivorId: ids[0],
      data: { EMAIL1: 'lea.dubois@gmail.com', EMAIL2: 'lea@dubois.fr' },
    });
    const done = await cli([
      'merge',
      '-w',
      path,
      '--cluster',
      String(clusters[0]),
      '--pick',
      `EMAIL1=contact:${ids[1]}`,
    ]);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/Merged \(history operation \d+/);
    const ws = track(Workspace.open(path));
    expect(getContact(ws.db, ids[0]!)!.data).toMatchObject({
      EMAIL1: 'lea.dubois@gmail.com',
      EMAIL2: 'lea@dubois.fr',
    });
    expect(getContact(ws.db, ids[1]!)).toMatchObject({ status: 'merged', mergedInto: ids[0] });
  });

  it('merge --all-sure --dry-run prints the preview count and changes nothing', async () => {
    const { path, ids } = workspaceFile();
    const dry = await cli(['merge', '-w', path, '--all-sure', '--dry-run']);
    expect(dry.out).toContain('Would merge 2 of 2 sure groups: 2 contacts folded');
    const json = await cli(['merge', '-w', path, '--all-sure', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ merged: 2, contactsMerged: 2, applied: true });
    const ws = track(Workspace.open(path));
    expect(getContact(ws.db, ids[4]!)!.status).toBe('active');
  });

  it('merge refuses ambiguous or malformed options with exit 1', async () => {
    const { path } = workspaceFile();
    expect((await cli(['merge', '-w', path])).code).toBe(1);
    expect((await cli(['merge', '-w', path, '--cluster', '1', '--all-sure'])).code).toBe(1);
    const bad = await cli(['merge', '-w', path, '--cluster', '1', '--pick', 'EMAIL1=12']);
    expect(bad).toMatchObject({ code: 1, err: expect.stringContaining('FIELD=contact:ID') });
    expect((await cli(['merge', '-w', path, '--cluster', '999'])).err).toContain('does not exist');
  });

  it('match-existing --reference loads a SecuTix export and turns matches into UPDATEs', async () => {
    const { dir, path, ids } = workspaceFile();
    const ref = join(dir, 'secutix.csv');
    writeFileSync(
      ref,
      [
        'Extended;;',
        'x;;',
        'Nr;First;Last;Mail',
        'CONTACT_NR;FIRSTNAME;LASTNAME;EMAIL1',
        '000042;Léa;Dubois;lea@dubois.fr',
      ].join('\n'),
    );
    const dry = await cli(['match-existing', '-w', path, '--reference', ref, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Loaded secutix.csv: 1 existing contacts');
    expect(dry.out).toContain('1 would become UPDATEs');
    const run = await cli(['match-existing', '-w', path, '--reference', ref, '--json']);
    expect(JSON.parse(run.out)).toMatchObject({ loads: [{ reused: true }], sure: 1, applied: true });
    const ws = track(Workspace.open(path));
    expect(getContact(ws.db, ids[0]!)).toMatchObject({ operation: 'UPDATE', data: { CONTACT_NR: '000042' } });
  });

  it('search finds Müller-like accents and prints JSON hits', async () => {
    const { path, ids } = workspaceFile();
    const r = await cli(['search', '-w', path, 'dubios', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)[0]).toMatchObject({ contactId: ids[0], name: 'Léa Dubois' });
    const text = await cli(['search', '-w', path, 'blanc', 'geneve']);
    expect(text.out).toContain('Marc Blanc');
    expect((await cli(['search', '-w', path])).code).toBe(1);
  });
});
