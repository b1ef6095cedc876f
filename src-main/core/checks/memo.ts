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
 * The cache keys of memoised checks that read the same fields (postcode and town both read
 * ZIPCODE, TOWN, COUNTRY and the country settings): one lookup per row serves all of them.
 * A tree of Maps (extra key, then one level per field) instead of one concatenated string key:
 * no key string is built per row, and each value's hash is computed once per string and then
 * cached by V8 for the other checks that look it up. An absent field is the key `undefined`.
 * Bounded: cleared when full (per thread).
 */
export class MemoKeys {
  private root = new Map<unknown, unknown>();
  private size = 0;
  private memos = 0;
  /** The previous row's key values and slots: the next check of the same row skips the tree. */
  private lastKey: unknown[] = [];
  private lastSlots: Array<Entry | undefined> | undefined;

  constructor(
    readonly fields: readonly string[],
    private readonly extraKey?: (contact: Contact, ctx: CheckContext) => unknown,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** A slot number for one more memo sharing these keys. */
  addMemo(): number {
    return this.memos++;
  }

  /** The cache slots (one per memo) of the contact's key values, created when new. */
  slotsOf(contact: Contact, ctx: CheckContext): Array<Entry | undefined> {
    const first: unknown = this.extraKey ? this.extraKey(contact, ctx) : '';
    const { fields, lastKey } = this;
    if (this.lastSlots && lastKey[0] === first) {
      let same = true;
      for (let i = 0; i < fields.length && same; i++) same = contact.data[fields[i]!] === lastKey[i + 1];
      if (same) return this.lastSlots;
    }
    let node = this.root;
    let key = first;
    lastKey[0] = first;
    for (let i = 0; i < fields.length; i++) {
      let next = node.get(key) as Map<unknown, unknown> | undefined;
      if (!next) node.set(key, (next = new Map()));
      node = next;
      key = lastKey[i + 1] = contact.data[fields[i]!];
    }
    let slots = node.get(key) as Array<Entry | undefined> | undefined;
    if (!slots) {
      if (this.size >= this.maxEntries) {
        this.root = new Map();
        this.size = 0;
        // A fresh (uncached) slot array: filled for this row only.
        return (this.lastSlots = []);
      }
      node.set(key, (slots = []));
      this.size += 1;
    }
    return (this.lastSlots = slots);
  }
}

/**
 * Caches a pure check by the fields it reads: contact files repeat the same towns, titles and
 * first names thousands of times. `compute` must depend only on those fields and on the extra key
 * (e.g. the resolved country); the cached findings get the current row id on every hit. Pass a
 * shared MemoKeys when several checks read the same fields. The batch engine calls `pushValues`,
 * which appends the cached insert values directly: no finding objects, no JSON per hit.
 */
export function memoByFields(
  keys: readonly string[] | MemoKeys,
  compute: (contact: Contact, ctx: CheckContext) => Finding[],
  extraKey?: (contact: Contact, ctx: CheckContext) => unknown,
): MemoizedRun {
  const tree = keys instanceof MemoKeys ? keys : new MemoKeys(keys, extraKey);
  const slot = tree.addMemo();
  const lookup = (contact: Contact, ctx: CheckContext): Entry => {
    const slots = tree.slotsOf(contact, ctx);
    return (slots[slot] ??= entryOf(compute(contact, ctx)));
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

/** Stands for a cached `undefined` result, so a hit costs one Map lookup. */
const UNDEFINED = Symbol('undefined');

/** A bounded cache for a pure one-argument function (country names, title words). */
export function memo1<T>(fn: (value: string) => T): (value: string) => T {
  const cache = new Map<string, T | typeof UNDEFINED>();
  return (value) => {
    const hit = cache.get(value);
    if (hit !== undefined) return hit === UNDEFINED ? (undefined as T) : hit;
    if (cache.size >= MAX_ENTRIES) cache.clear();
    const out = fn(value);
    cache.set(value, out === undefined ? UNDEFINED : out);
    return out;
  };
}

/**
 * A bounded cache for a pure function of a context key and a value (country and cell): one Map
 * per context, so no key string is built per call. Cleared when `max` values are held.
 */
export function memo2<K, T>(
  fn: (key: K, value: string) => T,
  max = MAX_ENTRIES,
): (key: K, value: string) => T {
  const byKey = new Map<K, Map<string, T | typeof UNDEFINED>>();
  let size = 0;
  return (key, value) => {
    let cache = byKey.get(key);
    if (!cache) byKey.set(key, (cache = new Map()));
    const hit = cache.get(value);
    if (hit !== undefined) return hit === UNDEFINED ? (undefined as T) : hit;
    const out = fn(key, value);
    if (size >= max) {
      byKey.clear();
      size = 0;
      return out;
    }
    cache.set(value, out === undefined ? UNDEFINED : out);
    size += 1;
    return out;
  };
}
