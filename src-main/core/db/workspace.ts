import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { EventEmitter } from 'node:events';
import { AppError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { registerSqlFunctions } from './sql-functions';

export const WORKSPACE_EXTENSION = '.cprep';

/** Events a workspace emits so derived data (findings, search index) can follow edits. */
export interface WorkspaceEvents {
  /** Contact rows whose values or status changed (edit, fix, merge, undo, redo). */
  'contacts.changed': [contactIds: number[]];
}

/** Applies the pragmas every connection to a workspace needs. */
function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  registerSqlFunctions(db);
}

function isSqliteFile(path: string): boolean {
  try {
    if (statSync(path).size === 0) return true; // SQLite treats an empty file as a new database
    const header = Buffer.alloc(16);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, header, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
    return header.toString('latin1') === 'SQLite format 3\0';
  } catch {
    return false;
  }
}

/**
 * One project = one SQLite file (`.cprep`). Opening runs pending migrations; a file written by a
 * newer ContactPrep is refused rather than risk corrupting it.
 */
export class Workspace {
  readonly db: Database.Database;
  readonly path: string;
  readonly events = new EventEmitter<WorkspaceEvents>();
  private closed = false;

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
  }

  /** Creates a new workspace file; refuses to overwrite an existing file. */
  static create(path: string): Workspace {
    if (existsSync(path)) {
      throw new AppError('workspace.exists', `Workspace ${path} already exists; open it instead.`, { path });
    }
    if (extname(path) !== WORKSPACE_EXTENSION) {
      throw new AppError(
        'workspace.bad-extension',
        `A workspace file must end with ${WORKSPACE_EXTENSION}: ${path}`,
        { path },
      );
    }
    return Workspace.connect(path, true);
  }

  /** Opens an existing workspace, migrating it to the current schema. */
  static open(path: string): Workspace {
    if (!existsSync(path)) {
      throw new AppError('workspace.not-found', `Workspace ${path} does not exist.`, { path });
    }
    return Workspace.connect(path, false);
  }

  /** Opens the workspace, creating it first when the file does not exist (CLI convenience). */
  static openOrCreate(path: string): Workspace {
    return existsSync(path) ? Workspace.open(path) : Workspace.create(path);
  }

  private static connect(path: string, fresh: boolean): Workspace {
    if (!fresh && !isSqliteFile(path)) {
      throw new AppError(
        'workspace.not-a-workspace',
        `${basename(path)} is not a ContactPrep workspace (not an SQLite file).`,
        { path },
      );
    }
    const db = new Database(path);
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > LATEST_SCHEMA_VERSION) {
        throw new AppError(
          'workspace.too-new',
          `Workspace ${basename(path)} was written by a newer ContactPrep (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update ContactPrep to open it.`,
          { path, version, supported: LATEST_SCHEMA_VERSION },
        );
      }
      configureConnection(db);
      migrate(db);
    } catch (e) {
      db.close();
      throw e;
    }
    return new Workspace(path, db);
  }

  /**
   * A second connection to the same file for a job. Jobs write inside one long transaction and
   * yield between batches; on their own connection, readers of `db` keep seeing only committed
   * data, so a cancel or crash never shows half a change.
   */
  openJobConnection(): Database.Database {
    const conn = new Database(this.path);
    configureConnection(conn);
    return conn;
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  getSetting<T>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value_json FROM settings WHERE key = ?').get(key) as
      { value_json: string } | undefined;
    return row ? (JSON.parse(row.value_json) as T) : undefined;
  }

  setSetting(key: string, value: unknown): void {
    this.db
      .prepare(
        'INSERT INTO settings(key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
      )
      .run(key, JSON.stringify(value));
  }

  notifyContactsChanged(ids: number[]): void {
    if (ids.length) this.events.emit('contacts.changed', ids);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

/** Runs every migration above the file's user_version, each in its own transaction. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
