import type { Contact } from '../../../shared/domain';

export type Severity = 'error' | 'warning' | 'info';

/**
 * One problem found on one contact field. `messageKey` + `params` are for i18n; `message` is the
 * English rendering (CLI, reports). `suggestion` maps field codes to proposed values (null clears).
 */
export interface Finding {
  rowId: number;
  field: string;
  code: string;
  severity: Severity;
  messageKey: string;
  params: Record<string, string | number>;
  message: string;
  suggestion?: Record<string, string | null>;
  /** 0..1: how sure the suggestion is right; bulk apply can require a minimum. */
  confidence: number;
}

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
}

/**
 * A check is a small pure module: it looks at one working row and returns findings.
 * Adding a check = adding one file in src-main/core/checks/ + registering it in the registry + tests.
 * Checks that need the whole workspace (duplicate contact numbers) implement `prepare` to build
 * an index before rows are checked.
 */
export interface Check {
  name: string;
  /** Every finding code this check can emit, e.g. ['email.syntax', 'email.typo-domain']. */
  codes: readonly string[];
  run(contact: Contact, ctx: CheckContext): Finding[];
}
