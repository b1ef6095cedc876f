import type { Contact } from '../../../shared/domain';
import type { CheckContext, Finding } from './check';

const MAX_ENTRIES = 50_000;

/**
 * Caches a pure check by the fields it reads: contact files repeat the same towns, titles and
 * first names thousands of times. `compute` must depend only on those fields and on `extraKey`
 * (e.g. the resolved country); the cached findings get the current row id on every hit.
 * The cache is per thread and cleared when full (bounded memory).
 */
export function memoByFields(
  fields: readonly string[],
  compute: (contact: Contact, ctx: CheckContext) => Finding[],
  extraKey?: (contact: Contact, ctx: CheckContext) => string,
): (contact: Contact, ctx: CheckContext) => Finding[] {
  // A tree of Maps (extra key, then one level per field) instead of one concatenated string key:
  // no key string is built per row, and each value's hash is computed once per string and then
  // cached by V8 for the other checks that look it up. An absent field is the key `undefined`.
  let root = new Map<unknown, unknown>();
  let size = 0;
  return (contact, ctx) => {
    let node = root;
    let key: unknown = extraKey ? extraKey(contact, ctx) : '';
    for (const f of fields) {
      let next = node.get(key) as Map<unknown, unknown> | undefined;
      if (!next) node.set(key, (next = new Map()));
      node = next;
      key = contact.data[f];
    }
    const last = key;
    let found = node.get(last) as Finding[] | undefined;
    if (!found) {
      found = compute(contact, ctx);
      if (size >= MAX_ENTRIES) {
        root = new Map();
        size = 0;
        return found; // computed for this row: no copy needed, and not cached in the old tree
      }
      node.set(last, found);
      size += 1;
    }
    return found.length === 0
      ? []
      : found.map((f) => ({ ...f, rowId: contact.id, suggestion: f.suggestion && { ...f.suggestion } }));
  };
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
