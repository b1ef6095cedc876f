import type { Contact } from '../../../shared/domain';
import type { CheckContext, Finding } from './check';
import { FINDING_WIDTH, pushFindingValues } from './findings-store';

const MAX_ENTRIES = 50_000;

/** A memoised check: `run` as usual, plus the batch engine's allocation-free `pushValues`. */
export interface MemoizedRun {
  (contact: Contact, ctx: CheckContext): Finding[];
  /** Appends the insert values of the contact's findings (as pushFindingValues would). */
  pushValues(contact: Contact, ctx: CheckContext, out: unknown[]): void;
}

/** A cached result: the findings, and their insert values without the row id (serialised once). */
interface Entry {
  findings: readonly Finding[];
  tails: unknown[] | undefined;
}

const NOTHING: Entry = { findings: [], tails: [] };

function entryOf(findings: Finding[]): Entry {
  return findings.length === 0 ? NOTHING : { findings, tails: undefined };
}

/** The insert values of an entry's findings minus the leading row id, FINDING_WIDTH - 1 each. */
function tailsOf(entry: Entry): unknown[] {
  if (entry.tails) return entry.tails;
  const tails: unknown[] = [];
  const one: unknown[] = [];
  for (const f of entry.findings) {
    one.length = 0;
    pushFindingValues(one, f);
    for (let i = 1; i < FINDING_WIDTH; i++) tails.push(one[i]);
  }
  return (entry.tails = tails);
}

/** A hit's own copy of a cached finding with the current row id (callers may edit suggestions). */
function copyFor(f: Finding, rowId: number): Finding {
  const copy: Finding = {
    rowId,
    field: f.field,
    code: f.code,
    severity: f.severity,
    messageKey: f.messageKey,
    params: f.params,
    message: f.message,
    confidence: f.confidence,
  };
  if (f.suggestion) copy.suggestion = { ...f.suggestion };
  return copy;
}

/**
 * Caches a pure check by the fields it reads: contact files repeat the same towns, titles and
 * first names thousands of times. `compute` must depend only on those fields and on `extraKey`
 * (e.g. the resolved country); the cached findings get the current row id on every hit.
 * The cache is per thread and cleared when full (bounded memory). The batch engine calls
 * `pushValues`, which appends the cached insert values directly: no finding objects, no JSON
 * serialisation per hit.
 */
export function memoByFields(
  fields: readonly string[],
  compute: (contact: Contact, ctx: CheckContext) => Finding[],
  extraKey?: (contact: Contact, ctx: CheckContext) => unknown,
): MemoizedRun {
  // A tree of Maps (extra key, then one level per field) instead of one concatenated string key:
  // no key string is built per row, and each value's hash is computed once per string and then
  // cached by V8 for the other checks that look it up. An absent field is the key `undefined`.
  let root = new Map<unknown, unknown>();
  let size = 0;
  const lookup = (contact: Contact, ctx: CheckContext): Entry => {
    let node = root;
    let key: unknown = extraKey ? extraKey(contact, ctx) : '';
    for (const f of fields) {
      let next = node.get(key) as Map<unknown, unknown> | undefined;
      if (!next) node.set(key, (next = new Map()));
      node = next;
      key = contact.data[f];
    }
    let entry = node.get(key) as Entry | undefined;
    if (!entry) {
      entry = entryOf(compute(contact, ctx));
      if (size >= MAX_ENTRIES) {
        root = new Map();
        size = 0;
        return entry; // computed for this row, not cached in the old tree
      }
      node.set(key, entry);
      size += 1;
    }
    return entry;
  };
  const run = ((contact: Contact, ctx: CheckContext): Finding[] => {
    const { findings } = lookup(contact, ctx);
    return findings.length === 0 ? [] : findings.map((f) => copyFor(f, contact.id));
  }) as MemoizedRun;
  run.pushValues = (contact, ctx, out) => {
    const entry = lookup(contact, ctx);
    if (entry.findings.length === 0) return;
    const tails = tailsOf(entry);
    for (let i = 0; i < tails.length; i += FINDING_WIDTH - 1) {
      out.push(contact.id);
      for (let j = 0; j < FINDING_WIDTH - 1; j++) out.push(tails[i + j]);
    }
  };
  return run;
}

/** A bounded cache for a pure one-argument function (country names, title words). */
export function memo1<T>(fn: (value: string) => T): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    if (cache.has(value)) return cache.get(value)!;
    if (cache.size >= MAX_ENTRIES) cache.clear();
    const out = fn(value);
    cache.set(value, out);
    return out;
  };
}
