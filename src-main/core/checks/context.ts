import type { Database } from 'better-sqlite3';
import type { Contact } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Check, CheckContext, CheckSettings, Finding, PrepareScope } from './check';
import { pushFindingValues } from './findings-store';
import { loadResources } from './registry';

/** Every workspace setting as one object: checks read the keys they know (`numbers.reservedRange`, …). */
export function loadCheckSettings(db: Database): CheckSettings {
  const out: CheckSettings = {};
  for (const r of db.prepare('SELECT key, value_json FROM settings').all() as Array<{
    key: string;
    value_json: string;
  }>)
    out[r.key] = JSON.parse(r.value_json);
  return out;
}

/** Runs each check's `prepare` on the main thread (workspace-wide indexes). */
export function prepareIndexes(
  db: Database,
  checks: readonly Check[],
  settings: CheckSettings,
  scope: PrepareScope,
  today: Date,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of checks) if (c.prepare) out[c.name] = c.prepare(db, settings, scope, today);
  return out;
}

/** The context a run (or a worker) gives to every check; resources are loaded once per process. */
export function makeContext(
  checks: readonly Check[],
  settings: CheckSettings,
  indexes: Record<string, unknown>,
  today: Date,
): CheckContext {
  return { settings, resources: loadResources(checks), indexes, today };
}

/** All findings of one contact; a throwing check is a bug, reported with the check and row. */
export function checkContact(checks: readonly Check[], contact: Contact, ctx: CheckContext): Finding[] {
  if (contact.status !== 'active') return [];
  const out: Finding[] = [];
  for (const c of checks) {
    try {
      for (const f of c.run(contact, ctx)) out.push(f);
    } catch (e) {
      throw checkFailed(c, contact, e);
    }
  }
  return out;
}

/**
 * The insert values of all findings of one contact, appended to `out` (the batch engine's path):
 * the same values as pushFindingValues over checkContact, through each check's `pushValues`
 * when it has one.
 */
export function pushContactValues(
  checks: readonly Check[],
  contact: Contact,
  ctx: CheckContext,
  out: unknown[],
): void {
  if (contact.status !== 'active') return;
  for (const c of checks) {
    try {
      if (c.pushValues) c.pushValues(contact, ctx, out);
      else for (const f of c.run(contact, ctx)) pushFindingValues(out, f);
    } catch (e) {
      throw checkFailed(c, contact, e);
    }
  }
}

function checkFailed(c: Check, contact: Contact, e: unknown): AppError {
  return AppError.internal(`Check "${c.name}" failed on contact ${contact.id}: ${(e as Error).message}`, {
    check: c.name,
    contactId: contact.id,
  });
}
