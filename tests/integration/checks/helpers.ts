import type { ContactData } from '../../../shared/domain';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import type { Workspace } from '../../../src-main/core/db/workspace';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { runChecks, type RunChecksOptions } from '../../../src-main/core/checks/run-checks';

/** Inserts contacts (working layer only, no source rows) and returns their ids in order. */
export function seedContacts(ws: Workspace, rows: ContactData[]): number[] {
  const insert = contactInserter(ws.db);
  return ws.db.transaction(() => rows.map((data) => insert({ data })))();
}

export const TODAY = new Date('2026-11-25T12:00:00Z');

/** Runs the checks job to completion, as a host would. */
export async function runChecksJob(ws: Workspace, options: RunChecksOptions = {}) {
  const jobs = new JobManager(ws.db);
  return jobs.start('checks.run', (job) => runChecks(ws, job, { today: TODAY, ...options })).done;
}

export function codesOf(ws: Workspace, contactId?: number): string[] {
  const rows = (
    contactId === undefined
      ? ws.db.prepare('SELECT code FROM findings ORDER BY contact_id, code').all()
      : ws.db.prepare('SELECT code FROM findings WHERE contact_id = ? ORDER BY code').all(contactId)
  ) as Array<{ code: string }>;
  return rows.map((r) => r.code);
}
