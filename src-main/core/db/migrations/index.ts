import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-source-layer';
import * as m0002 from './0002-working-layer-and-history';
import * as m0003 from './0003-mapping';
import * as m0004 from './0004-findings';
import * as m0005 from './0005-dedupe';
import * as m0006 from './0006-reference-contacts';
import * as m0007 from './0007-compact-findings';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/**
 * Every schema change, in order. Listed explicitly (never discovered on disk) so a bundle and
 * the sources run the same list. A migration, once released, is never edited: add a new one.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'source-layer', up: m0001.up },
  { version: 2, name: 'working-layer-and-history', up: m0002.up },
  { version: 3, name: 'mapping', up: m0003.up },
  { version: 4, name: 'findings', up: m0004.up },
  { version: 5, name: 'dedupe', up: m0005.up },
  { version: 6, name: 'reference-contacts', up: m0006.up },
  { version: 7, name: 'compact-findings', up: m0007.up },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
