import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { Workspace } from '../../../src-main/core/db/workspace';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../src-main/core/db/migrations';
import { tempDir, tempWorkspace, track } from '../../helpers/temp-workspace';
import { readWholeFindings, WHOLE_FINDING_COLUMNS } from '../../helpers/findings';

function schemaSnapshot(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as Array<{ type: string; name: string; sql: string }>
  ).map((r) => `${r.type} ${r.name}: ${r.sql.replace(/\s+/g, ' ')}`);
}

describe('workspace file', () => {
  it('creates a .cprep SQLite file in WAL mode at the latest schema version', () => {
    const ws = tempWorkspace();
    expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('matches the schema snapshot (update the snapshot only together with a new migration)', () => {
    const ws = tempWorkspace();
    expect(schemaSnapshot(ws.db)).toMatchSnapshot();
  });

  it('reopens a workspace with its data intact', () => {
    const dir = tempDir();
    const path = join(dir, 'p.cprep');
    const ws = Workspace.create(path);
    ws.setSetting('numbers', { start: 1000 });
    ws.close();
    const again = track(Workspace.open(path));
    expect(again.getSetting('numbers')).toEqual({ start: 1000 });
  });

  it('refuses a file written by a newer version with a clear message and leaves it untouched', () => {
    const path = join(tempDir(), 'future.cprep');
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => Workspace.open(path)).toThrow(/newer ContactPrep .*schema \d+.*Update ContactPrep/);
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    check.close();
  });

  it('refuses a file that is not SQLite', () => {
    const path = join(tempDir(), 'bogus.cprep');
    writeFileSync(path, 'this is a spreadsheet, not a workspace');
    expect(() => Workspace.open(path)).toThrow(/not a ContactPrep workspace/);
  });

  it('refuses to create over an existing file and to open a missing one', () => {
    const ws = tempWorkspace();
    expect(() => Workspace.create(ws.path)).toThrow(/already exists/);
    expect(() => Workspace.open(join(tempDir(), 'missing.cprep'))).toThrow(/does not exist/);
  });

  it.each(migrations.slice(0, -1).map((m) => m.version))(
    'upgrades a workspace from schema %i keeping seeded data',
    (fromVersion) => {
      const path = join(tempDir(), `v${fromVersion}.cprep`);
      const raw = new Database(path);
      for (const m of migrations.filter((x) => x.version <= fromVersion)) m.up(raw);
      raw.pragma(`user_version = ${fromVersion}`);
      raw
        .prepare(
          "INSERT INTO sources(file_name, file_path, file_size, sha256, format, columns_json, row_count, imported_at) VALUES ('a.csv', '/a.csv', 3, 'x', 'csv', '[]', 1, 'now')",
        )
        .run();
      raw
        .prepare('INSERT INTO source_rows(source_id, row_number, cells_json) VALUES (1, 2, \'["01234"]\')')
        .run();
      raw.close();

      const ws = track(Workspace.open(path));
      expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(ws.db.prepare('SELECT cells_json FROM source_rows').pluck().get()).toBe('["01234"]');
      const fresh = tempWorkspace();
      expect(schemaSnapshot(ws.db)).toEqual(schemaSnapshot(fresh.db));
    },
  );

  it('moves findings of a schema-6 workspace into the compact tables, same rows through the view', () => {
    const path = join(tempDir(), 'v6-findings.cprep');
    const raw = new Database(path);
    for (const m of migrations.filter((x) => x.version <= 6)) m.up(raw);
    raw.pragma('user_version = 6');
    const insert = raw.prepare(`INSERT INTO findings(${WHOLE_FINDING_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)`);
    const suisse = [
      'COUNTRY',
      'country.not-iso',
      'warning',
      'checks.country.not-iso',
      '{"value":"Suisse"}',
      'Country "Suisse"…',
      '{"COUNTRY":"CH"}',
      1,
    ];
    const before = [
      [7, ...suisse],
      [8, ...suisse],
      [
        8,
        'TELEPHONE',
        'phone.invalid',
        'error',
        'checks.phone.invalid',
        '{"value":"12"}',
        '"12" is not…',
        null,
        0.9,
      ],
    ];
    for (const row of before) insert.run(...row);
    raw.close();

    const ws = track(Workspace.open(path));
    const after = readWholeFindings(ws.db);
    expect(after).toEqual(before);
    expect(ws.db.prepare('SELECT count(*) FROM finding_templates').pluck().get()).toBe(2);
  });
});
