import { getContacts } from '../contacts/contact-store';
import type { Workspace } from '../db/workspace';
import type { Finding } from './check';
import { checkContact, loadCheckSettings, makeContext, prepareIndexes } from './context';
import { findingsOfContacts, replaceFindingsOf } from './findings-store';
import { ALL_CHECKS } from './registry';

/**
 * Re-checks a few contacts after an edit (fix, undo, merge) and replaces their findings, plus the
 * findings of related rows (the other holders of a duplicated contact number). Runs on the
 * calling thread: a handful of rows take well under 10 ms. Removed/merged rows lose their findings.
 */
export function recheckContacts(
  ws: Workspace,
  contactIds: readonly number[],
  options: { today?: Date } = {},
): { checked: number; findings: number } {
  // A bulk fix can touch 100k+ rows: chunks keep memory bounded (one chunk of contacts at a time).
  const total = { checked: 0, findings: 0 };
  for (let i = 0; i < contactIds.length; i += CHUNK) {
    const r = recheckChunk(ws, contactIds.slice(i, i + CHUNK), options);
    total.checked += r.checked;
    total.findings += r.findings;
  }
  return total;
}

const CHUNK = 5000;

function recheckChunk(
  ws: Workspace,
  contactIds: readonly number[],
  options: { today?: Date },
): { checked: number; findings: number } {
  const db = ws.db;
  const previous = findingsOfContacts(db, contactIds);
  const ids = new Set(contactIds);
  for (const c of ALL_CHECKS)
    if (c.related) for (const id of c.related(db, contactIds, previous)) ids.add(id);
  const all = [...ids];
  const settings = loadCheckSettings(db);
  const today = options.today ?? new Date();
  const indexes = prepareIndexes(db, ALL_CHECKS, settings, { all: false, contactIds: all }, today);
  const ctx = makeContext(ALL_CHECKS, settings, indexes, today);
  const findings: Finding[] = [];
  for (const contact of getContacts(db, all).values())
    findings.push(...checkContact(ALL_CHECKS, contact, ctx));
  replaceFindingsOf(db, all, findings);
  return { checked: all.length, findings: findings.length };
}

const attached = new WeakMap<Workspace, (ids: number[]) => void>();

/**
 * Keeps findings in step with edits: every `contacts.changed` (applyOperation, undo, redo) re-checks
 * the changed rows. Hosts call this once after opening a workspace; returns the detach function.
 */
export function attachAutoRecheck(ws: Workspace, options: { today?: Date } = {}): () => void {
  const existing = attached.get(ws);
  if (existing) return () => detach(ws);
  const listener = (ids: number[]) => void recheckContacts(ws, ids, options);
  attached.set(ws, listener);
  ws.events.on('contacts.changed', listener);
  return () => detach(ws);
}

function detach(ws: Workspace): void {
  const l = attached.get(ws);
  if (l) ws.events.off('contacts.changed', l);
  attached.delete(ws);
}

export function isAutoRecheckAttached(ws: Workspace): boolean {
  return attached.has(ws);
}
