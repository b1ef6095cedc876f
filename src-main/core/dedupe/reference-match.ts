import type { Database } from 'better-sqlite3';
import type { Contact } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { countContacts, iterateContacts, requireContact } from '../contacts/contact-store';
import type { Workspace } from '../db/workspace';
import { applyOperation, type ChangeRequest } from '../history/history';
import type { JobContext } from '../jobs/job-runner';
import { compareFeatures, featureKeys, matchFeatures, type MatchFeatures } from './reference-match-compare';
import {
  countReferenceContacts,
  getReferenceContact,
  toReference,
  type ReferenceContact,
} from './reference-match-store';
import type { ContactMatch, MatchRunResult } from '../../../shared/contract/merge';
export type { ContactMatch, MatchRunResult } from '../../../shared/contract/merge';

export interface MatchOptions {
  dryRun?: boolean;
  /** A blocking key shared by more references than this (e.g. info@…) only yields this many. */
  maxCandidatesPerKey?: number;
  signal?: AbortSignal;
}

const BAND_ORDER = { sure: 2, review: 1, none: 0 } as const;

interface CachedReference {
  ref: ReferenceContact;
  features: MatchFeatures;
}

/**
 * One run's lookups: statements prepared once, and reference contacts with their normalised
 * features memoised (a popular reference is a candidate of many contacts). The memo is bounded
 * so a 1M-row export does not end up in memory.
 */
class Matcher {
  private readonly keyStmt;
  private readonly refStmt;
  private readonly nrStmt;
  private readonly memo = new Map<number, CachedReference>();

  constructor(
    db: Database,
    private readonly maxPerKey: number,
  ) {
    this.keyStmt = db.prepare('SELECT reference_id FROM reference_keys WHERE key = ? LIMIT ?');
    this.refStmt = db.prepare('SELECT * FROM reference_contacts WHERE id = ?');
    this.nrStmt = db.prepare('SELECT * FROM reference_contacts WHERE contact_nr = ? LIMIT 1');
  }

  private reference(id: number): CachedReference {
    let c = this.memo.get(id);
    if (!c) {
      const ref = toReference(this.refStmt.get(id) as Parameters<typeof toReference>[0]);
      if (this.memo.size >= 50_000) this.memo.clear();
      this.memo.set(id, (c = { ref, features: matchFeatures(ref.data) }));
    }
    return c;
  }

  best(c: Contact): ContactMatch | null {
    const features = matchFeatures(c.data);
    const ids = new Set<number>();
    for (const k of featureKeys(features))
      for (const r of this.keyStmt.all(k, this.maxPerKey) as Array<{ reference_id: number }>)
        ids.add(r.reference_id);
    const scored: Array<{ ref: ReferenceContact; cmp: ReturnType<typeof compareFeatures> }> = [];
    for (const id of ids) {
      const { ref, features: rf } = this.reference(id);
      const cmp = compareFeatures(features, rf);
      if (cmp.band !== 'none') scored.push({ ref, cmp });
    }
    scored.sort((a, b) => BAND_ORDER[b.cmp.band] - BAND_ORDER[a.cmp.band] || b.cmp.score - a.cmp.score);
    const best = scored[0];
    if (!best) return null;
    let band = best.cmp.band as 'sure' | 'review';
    let reason = best.cmp.reason;
    const rival = scored[1];
    if (band === 'sure' && rival?.cmp.band === 'sure' && rival.ref.contactNr !== best.ref.contactNr) {
      band = 'review';
      reason = `several existing contacts match (${best.ref.contactNr}, ${rival.ref.contactNr}): duplicates in SecuTix?`;
    }
    if (band === 'sure' && !best.ref.contactNr) {
      band = 'review';
      reason = 'the existing contact has no CONTACT_NR in the export';
    }
    return {
      contactId: c.id,
      referenceId: best.ref.id,
      contactNr: best.ref.contactNr,
      band,
      score: best.cmp.score,
      reason,
      explanation: best.cmp.explanation,
    };
  }

  /** A contact whose own CONTACT_NR is the number of an existing contact it was not matched to. */
  collision(c: Contact, match: ContactMatch | null): ContactMatch | null {
    const nr = c.data.CONTACT_NR;
    // A sure match replaces the number with the existing contact's own: nothing collides then.
    if (!nr || match?.band === 'sure') return null;
    const r = this.nrStmt.get(nr);
    if (!r) return null;
    const ref = toReference(r as Parameters<typeof toReference>[0]);
    return {
      contactId: c.id,
      referenceId: ref.id,
      contactNr: nr,
      band: 'collision',
      score: 0,
      reason: `CONTACT_NR ${nr} already belongs to an existing SecuTix contact (${[ref.data.FIRSTNAME, ref.data.LASTNAME, ref.data.OFFICIAL_NAME].filter(Boolean).join(' ')}) that does not match this row`,
      explanation: [],
    };
  }
}

/**
 * Matches every active workspace contact against the loaded existing SecuTix contacts. Sure
 * matches become UPDATEs of the existing number in ONE undoable history operation; uncertain
 * ones are listed for review; numbers that would collide with an existing contact are flagged.
 * Results are kept in contact_matches for the review screen.
 */
export function matchExisting(ws: Workspace, options: MatchOptions = {}): MatchRunResult {
  const steps = matchSteps(ws, options);
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
  }
}

/** The same run as a job: progress per batch, and a cancel between batches changes nothing. */
export async function matchExistingJob(
  ws: Workspace,
  options: MatchOptions,
  job: Pick<JobContext, 'progress' | 'checkpoint'>,
): Promise<MatchRunResult> {
  const total = countContacts(ws.db);
  const steps = matchSteps(ws, options);
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
    job.progress('Matching existing contacts', n.value, total);
    await job.checkpoint();
  }
}

/** Yields the number of contacts scanned after each batch; returns the result (applied unless dryRun). */
function* matchSteps(ws: Workspace, options: MatchOptions): Generator<number, MatchRunResult> {
  const db = ws.db;
  const references = countReferenceContacts(db);
  if (references === 0)
    throw new AppError(
      'reference.none',
      'No existing SecuTix contacts are loaded: load an export first (match-existing --reference).',
    );
  const matches: ContactMatch[] = [];
  const byReference = new Map<number, ContactMatch[]>();
  let scanned = 0;
  let alreadyUpdates = 0;
  const matcher = new Matcher(db, options.maxCandidatesPerKey ?? 50);
  for (const batch of iterateContacts(db)) {
    if (options.signal?.aborted) throw AppError.cancelled('Matching');
    for (const c of batch) {
      scanned += 1;
      const m = matcher.best(c);
      const ownNr = c.data.CONTACT_NR;
      if (m?.band === 'sure' && c.operation === 'UPDATE' && ownNr && ownNr !== m.contactNr)
        Object.assign(m, {
          band: 'review',
          reason: `already an UPDATE of contact ${ownNr}, but matches ${m.contactNr}`,
        });
      const collision = matcher.collision(c, m);
      if (m && m.band === 'sure' && c.operation === 'UPDATE' && c.data.CONTACT_NR === m.contactNr)
        alreadyUpdates += 1;
      if (collision) matches.push(collision);
      if (!m || (collision && m.band !== 'sure')) continue;
      matches.push(m);
      if (m.band === 'sure') byReference.set(m.referenceId, [...(byReference.get(m.referenceId) ?? []), m]);
    }
    yield scanned;
  }
  // Two rows updating one existing contact would write it twice: merge those rows first.
  for (const list of byReference.values())
    if (list.length > 1)
      for (const m of list)
        Object.assign(m, {
          band: 'review',
          reason: `${list.length} workspace contacts match existing contact ${m.contactNr}: merge them first`,
        });

  const sure = matches.filter((m) => m.band === 'sure');
  const result: MatchRunResult = {
    scanned,
    references,
    sure: sure.length,
    review: matches.filter((m) => m.band === 'review').length,
    collisions: matches.filter((m) => m.band === 'collision').length,
    alreadyUpdates,
    matches,
    opId: null,
    applied: false,
  };
  if (options.dryRun) return result;
  const requests: ChangeRequest[] = sure.flatMap((m) => [
    { contactId: m.contactId, attribute: 'CONTACT_NR', after: m.contactNr },
    { contactId: m.contactId, attribute: '@operation', after: 'UPDATE' },
  ]);
  const op = applyOperation(
    ws,
    {
      kind: 'match-existing',
      label: `Update ${sure.length} existing SecuTix contacts instead of inserting them`,
      rule: 'reference-match',
      details: {
        matches: sure.map((m) => ({
          contactId: m.contactId,
          referenceId: m.referenceId,
          contactNr: m.contactNr,
          score: m.score,
        })),
      },
    },
    requests,
  );
  saveMatches(db, matches);
  return { ...result, opId: op.opId, applied: true };
}

function saveMatches(db: Database, matches: readonly ContactMatch[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM contact_matches').run();
    const ins = db.prepare(
      'INSERT OR REPLACE INTO contact_matches(contact_id, reference_id, score, band, explanation_json, matched_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const now = new Date().toISOString();
    // A collision and a review for one contact: the collision is what must be fixed first.
    for (const m of [...matches].sort(
      (a, b) => (a.band === 'collision' ? 1 : 0) - (b.band === 'collision' ? 1 : 0),
    ))
      ins.run(
        m.contactId,
        m.referenceId,
        m.score,
        m.band,
        JSON.stringify({ reason: m.reason, fields: m.explanation }),
        now,
      );
  })();
}

/** Accepts one reviewed match: the contact becomes an UPDATE of that existing contact (undoable). */
export function acceptMatch(ws: Workspace, contactId: number, referenceId: number): { opId: number | null } {
  const c = requireContact(ws.db, contactId);
  const ref = getReferenceContact(ws.db, referenceId);
  if (!ref?.contactNr)
    throw new AppError(
      'reference.not-found',
      `Existing contact ${referenceId} is not loaded or has no CONTACT_NR.`,
      { referenceId },
    );
  const op = applyOperation(
    ws,
    {
      kind: 'match-existing',
      label: `Update existing SecuTix contact ${ref.contactNr} with contact ${c.id}`,
      rule: 'reference-match:user',
      details: { contactId, referenceId },
    },
    [
      { contactId, attribute: 'CONTACT_NR', after: ref.contactNr },
      { contactId, attribute: '@operation', after: 'UPDATE' },
    ],
  );
  ws.db
    .prepare("UPDATE contact_matches SET band = 'sure', reference_id = ? WHERE contact_id = ?")
    .run(referenceId, contactId);
  return { opId: op.opId };
}

/** Stored results of the last match run (for the review screen), worst problems first. */
export function listContactMatches(
  db: Database,
  options: { band?: ContactMatch['band']; limit?: number; offset?: number } = {},
): { total: number; matches: ContactMatch[] } {
  const where = options.band ? 'WHERE m.band = ?' : '';
  const params = options.band ? [options.band] : [];
  const total = (
    db.prepare(`SELECT count(*) AS n FROM contact_matches m ${where}`).get(...params) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `SELECT m.contact_id, m.reference_id, m.score, m.band, m.explanation_json, r.contact_nr
       FROM contact_matches m LEFT JOIN reference_contacts r ON r.id = m.reference_id ${where}
       ORDER BY CASE m.band WHEN 'collision' THEN 0 WHEN 'review' THEN 1 ELSE 2 END, m.contact_id LIMIT ? OFFSET ?`,
    )
    .all(...params, options.limit ?? 100, options.offset ?? 0) as Array<{
    contact_id: number;
    reference_id: number;
    score: number;
    band: ContactMatch['band'];
    explanation_json: string;
    contact_nr: string | null;
  }>;
  return {
    total,
    matches: rows.map((r) => {
      const e = JSON.parse(r.explanation_json) as { reason: string; fields: ContactMatch['explanation'] };
      return {
        contactId: r.contact_id,
        referenceId: r.reference_id,
        contactNr: r.contact_nr,
        band: r.band,
        score: r.score,
        reason: e.reason,
        explanation: e.fields,
      };
    }),
  };
}
