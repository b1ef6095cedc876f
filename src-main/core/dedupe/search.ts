import type { Database } from 'better-sqlite3';
import Fuse from 'fuse.js';
import type { Contact, ContactData } from '../../../shared/domain';
import { foldAccents, normalizeKey } from '../../../shared/text/normalize';
import { countContacts, getContacts } from '../contacts/contact-store';
import type { Workspace } from '../db/workspace';
import type { SearchHit } from '../../../shared/contract/merge';
export type { SearchHit } from '../../../shared/contract/merge';

/**
 * "Find a contact" box: fuse.js ranking over name, email and town (plus exact CONTACT_NR).
 *
 * Fuse scores every item it holds, so it never sees the whole workspace: a cheap trigram
 * pre-filter picks at most `candidateLimit` candidates and Fuse ranks only those.
 * - Up to `inMemoryLimit` active contacts, the pre-filter runs over one compact, folded string
 *   per contact (`name␟email␟town␟nr`), built on first search and patched on edits
 *   ('contacts.changed'), never the full contact objects.
 * - Above it, nothing is cached: SQLite scans with a trigram-hit SQL function over the accent-folded data
 *   and keeps the best rows with ORDER BY … LIMIT (a bounded heap), so memory stays flat.
 * Figures for 1M contacts: see docs/notes/search-memory.md.
 */

export interface SearchOptions {
  limit?: number;
  /** Largest workspace kept as an in-memory compact index (default 1.5M contacts, ~130 MB per 1M). */
  inMemoryLimit?: number;
  /** Candidates handed to Fuse for ranking (default 2000). */
  candidateLimit?: number;
}

const SEP = '\u001f';
const INDEXED = [
  'FIRSTNAME',
  'LASTNAME',
  'OFFICIAL_NAME',
  'EMAIL1',
  'EMAIL2',
  'EMAIL3',
  'TOWN',
  'CONTACT_NR',
];

const FOLDED = new Map<string, string>();

/**
 * Lower-case and accent-folded like normalizeKey, but through a per-character table instead
 * of NFD normalisation: folding every row of a 1M-contact scan is the cost of a search, and
 * this is ~3x faster. Combining marks (`e` + U+0301) fold to nothing, like in foldAccents.
 */
export function quickFold(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.toLowerCase().replace(/[^\x00-\x7f]/g, (c) => {
    let f = FOLDED.get(c);
    if (f === undefined) FOLDED.set(c, (f = foldAccents(c).toLowerCase()));
    return f;
  });
}

function nameOf(d: ContactData): string {
  return [d.FIRSTNAME, d.LASTNAME, d.OFFICIAL_NAME].filter(Boolean).join(' ');
}

function compactKey(d: ContactData): string {
  return [
    quickFold(nameOf(d)),
    quickFold([d.EMAIL1, d.EMAIL2, d.EMAIL3].filter(Boolean).join(' ')),
    quickFold(d.TOWN ?? ''),
    d.CONTACT_NR ?? '',
  ].join(SEP);
}

/** Trigrams of the query's words (short words are kept whole): the pre-filter's probes. */
export function queryProbes(query: string): string[] {
  const probes = new Set<string>();
  for (const w of normalizeKey(query).split(/[\s,;]+/)) {
    if (w.length <= 3) {
      if (w) probes.add(w);
      continue;
    }
    for (let i = 0; i + 3 <= w.length; i++) probes.add(w.slice(i, i + 3));
  }
  return [...probes];
}

/** How many probes a text contains; a typo breaks at most three trigrams of a word. */
function hits(text: string, probes: readonly string[]): number {
  let n = 0;
  for (const p of probes) if (text.includes(p)) n++;
  return n;
}

function minHits(probes: readonly string[]): number {
  return Math.max(1, Math.floor(probes.length * 0.3));
}

interface CompactIndex {
  ids: number[];
  keys: string[];
  position: Map<number, number>;
  detach: () => void;
  /** Row count and highest id when built: bulk inserts/deletes (mapping apply) emit no event. */
  signature: string;
}

function signatureOf(ws: Workspace): string {
  const r = ws.db.prepare('SELECT count(*) AS n, max(id) AS m FROM contacts').get() as {
    n: number;
    m: number | null;
  };
  return `${r.n}:${r.m ?? 0}`;
}

const indexes = new WeakMap<Workspace, CompactIndex>();

function buildIndex(ws: Workspace): CompactIndex {
  const idx: CompactIndex = {
    ids: [],
    keys: [],
    position: new Map(),
    detach: () => {},
    signature: signatureOf(ws),
  };
  // Only the searched fields leave SQLite (json_extract), never whole contacts.
  const page = ws.db.prepare(
    `SELECT id, ${INDEXED.map((f) => `json_extract(data, '$.${f}') AS ${f}`).join(', ')}
     FROM contacts WHERE status = 'active' AND id > ? ORDER BY id LIMIT 10000`,
  );
  for (let after = 0; ;) {
    const rows = page.all(after) as Array<{ id: number } & ContactData>;
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    for (const r of rows) {
      idx.position.set(r.id, idx.ids.length);
      idx.ids.push(r.id);
      idx.keys.push(compactKey(r));
    }
  }
  // Edits, merges and undo patch the index instead of rebuilding it.
  const onChange = (ids: number[]) => {
    const fresh = getContacts(ws.db, ids);
    for (const id of ids) {
      const c = fresh.get(id);
      const key = c && c.status === 'active' ? compactKey(c.data) : '';
      const at = idx.position.get(id);
      if (at !== undefined) idx.keys[at] = key;
      else if (key) {
        idx.position.set(id, idx.ids.length);
        idx.ids.push(id);
        idx.keys.push(key);
      }
    }
  };
  ws.events.on('contacts.changed', onChange);
  idx.detach = () => ws.events.off('contacts.changed', onChange);
  return idx;
}

/** Drops the cached index of a workspace (tests, memory pressure). */
export function dropSearchIndex(ws: Workspace): void {
  indexes.get(ws)?.detach();
  indexes.delete(ws);
}

function candidatesInMemory(
  ws: Workspace,
  probes: readonly string[],
  digits: string | null,
  limit: number,
): number[] {
  let idx = indexes.get(ws);
  if (idx && idx.signature !== signatureOf(ws)) {
    dropSearchIndex(ws);
    idx = undefined;
  }
  if (!idx) indexes.set(ws, (idx = buildIndex(ws)));
  const need = minHits(probes);
  // Hit counts are small integers: bucket by count (O(n)) instead of sorting up to 1M hits.
  const buckets: number[][] = Array.from({ length: probes.length + 2 }, () => []);
  for (let i = 0; i < idx.keys.length; i++) {
    const key = idx.keys[i]!;
    if (!key) continue;
    if (digits && key.endsWith(SEP + digits)) buckets[probes.length + 1]!.push(idx.ids[i]!);
    else {
      const h = hits(key, probes);
      if (h >= need) buckets[h]!.push(idx.ids[i]!);
    }
  }
  const out: number[] = [];
  for (let h = buckets.length - 1; h >= 0 && out.length < limit; h--)
    out.push(...buckets[h]!.slice(0, limit - out.length));
  return out;
}

function candidatesInSql(
  db: Database,
  probes: readonly string[],
  digits: string | null,
  limit: number,
): number[] {
  const need = minHits(probes);
  // Registered per query so the probes are captured once, not parsed per row. Below the
  // threshold it returns 0, so ORDER BY … LIMIT (a bounded heap) computes it once per row.
  db.function('cp_search_hits', { deterministic: true }, (data: unknown) => {
    const h = hits(quickFold(String(data)), probes);
    return h >= need ? h : 0;
  });
  const rows = (
    digits
      ? db
          .prepare(
            `SELECT id, (json_extract(data, '$.CONTACT_NR') = ?) * 1000 + cp_search_hits(data) AS h FROM contacts
             WHERE status = 'active' ORDER BY h DESC LIMIT ?`,
          )
          .all(digits, limit)
      : db
          .prepare(
            `SELECT id, cp_search_hits(data) AS h FROM contacts WHERE status = 'active' ORDER BY h DESC LIMIT ?`,
          )
          .all(limit)
  ) as Array<{ id: number; h: number }>;
  return rows.filter((r) => r.h > 0).map((r) => r.id);
}

function toHit(c: Contact, score: number): SearchHit {
  return {
    contactId: c.id,
    score,
    name: nameOf(c.data),
    email: c.data.EMAIL1 ?? c.data.EMAIL2 ?? c.data.EMAIL3 ?? '',
    town: c.data.TOWN ?? '',
    contactNr: c.data.CONTACT_NR ?? '',
  };
}

/** Finds active contacts by name, email or town (typo- and accent-tolerant) or exact CONTACT_NR. */
export function searchContacts(ws: Workspace, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 20;
  const probes = queryProbes(query);
  if (probes.length === 0) return [];
  const digits = /^\s*\d+\s*$/.test(query) ? query.trim() : null;
  const candidateLimit = options.candidateLimit ?? 2000;
  const ids =
    countContacts(ws.db) <= (options.inMemoryLimit ?? 1_500_000)
      ? candidatesInMemory(ws, probes, digits, candidateLimit)
      : candidatesInSql(ws.db, probes, digits, candidateLimit);
  const contacts = getContacts(ws.db, ids);
  const items = [...contacts.values()].map((c) => ({
    c,
    name: normalizeKey(nameOf(c.data)),
    email: normalizeKey(c.data.EMAIL1 ?? ''),
    town: normalizeKey(c.data.TOWN ?? ''),
    all: normalizeKey(`${nameOf(c.data)} ${c.data.TOWN ?? ''}`),
  }));
  const exact = digits ? items.filter((i) => i.c.data.CONTACT_NR === digits).map((i) => toHit(i.c, 0)) : [];
  const fuse = new Fuse(items, {
    keys: [
      { name: 'name', weight: 0.4 },
      { name: 'email', weight: 0.25 },
      { name: 'town', weight: 0.15 },
      // "dupont lausanne": a query mixing name and town matches the combined text
      { name: 'all', weight: 0.2 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
  const ranked = fuse
    .search(normalizeKey(query), { limit: limit + exact.length })
    .filter((r) => !exact.some((e) => e.contactId === r.item.c.id))
    .map((r) => toHit(r.item.c, r.score ?? 1));
  return [...exact, ...ranked].slice(0, limit);
}
