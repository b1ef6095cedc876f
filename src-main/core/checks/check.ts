import type { Database } from 'better-sqlite3';
import type { Contact } from '../../../shared/domain';
import type { Finding } from '../../../shared/contract/checks';

// The finding shape is part of the RPC contract (the UI lists findings): defined once there.
export type { Finding, Severity } from '../../../shared/contract/checks';

/** Settings the checks read (reserved number ranges, stale-data rule, …), stored in the workspace. */
export type CheckSettings = Record<string, unknown>;

/**
 * Reference data that checks may need (postal codes, first names). Loaded once per run and shared
 * by all rows; must be read-only so worker threads can each hold their own copy.
 */
export type CheckResources = Record<string, unknown>;

export interface CheckContext {
  settings: CheckSettings;
  resources: CheckResources;
  /** "Today" for date checks, injectable for tests. */
  today: Date;
  /** Results of `Check.prepare`, keyed by check name (absent when the check has no prepare). */
  indexes?: Record<string, unknown>;
}

/** Which contacts a `prepare` must cover: all active ones (full run) or a few (re-check after an edit). */
export type PrepareScope = { all: true } | { all: false; contactIds: readonly number[] };

/**
 * A check is a small pure module: it looks at one working row and returns findings.
 * Adding a check = adding one file in src-main/core/checks/ + registering it in registry.ts + tests.
 * Use `finding()` from ./finding.ts to build findings (message key `checks.<code>`).
 * Speed budget: the engine checks 1M rows with all checks on 2 cores, so keep `run` to a few µs
 * per row: return early on empty fields, build RegExps/tables at module load, memoise pure
 * lookups (see normalizeCountry). `prepare(db, settings, scope, today)` got `today` at 18:00.
 * [checks engine, 17:20] `load`, `prepare`, `related` and `CheckContext.indexes` were added as
 * OPTIONAL members; `run(contact, ctx)` and `Finding` are unchanged.
 * Checks that need the whole workspace (duplicate contact numbers) implement `prepare` to build
 * an index before rows are checked.
 */
export interface Check {
  name: string;
  /** Every finding code this check can emit, e.g. ['email.syntax', 'email.typo-domain']. */
  codes: readonly string[];
  run(contact: Contact, ctx: CheckContext): Finding[];
  /**
   * Optional fast path for the batch engine: appends the insert values of `run`'s findings
   * (exactly what pushFindingValues would append for each). Memoised checks get it from
   * memoByFields, which serialises each distinct result once.
   */
  pushValues?(contact: Contact, ctx: CheckContext, out: unknown[]): void;
  /**
   * Optional: loads reference data once per run and per worker thread (postal codes, first names);
   * the result is `ctx.resources[name]`. Must be synchronous and deterministic.
   */
  load?(): unknown;
  /**
   * Optional: builds a workspace-wide index on the main thread before rows are checked (duplicate
   * contact numbers); the result is `ctx.indexes[name]` in every worker, so it must be
   * structured-cloneable and small. For a re-check `scope` lists the edited rows: cover at least those.
   */
  prepare?(db: Database, settings: CheckSettings, scope: PrepareScope, today: Date): unknown;
  /**
   * Optional: rows whose findings may change when `contactIds` change (the other holders of a
   * duplicated contact number). Re-check adds them. `previous` = their findings before the edit.
   */
  related?(db: Database, contactIds: readonly number[], previous: readonly Finding[]): number[];
}
