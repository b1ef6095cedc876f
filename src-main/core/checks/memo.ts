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
  const cache = new Map<string, Finding[]>();
  return (contact, ctx) => {
    let key = extraKey ? extraKey(contact, ctx) : '';
    for (const f of fields) key += `\u0001${contact.data[f] ?? '\u0000'}`;
    let found = cache.get(key);
    if (!found) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      found = compute(contact, ctx);
      cache.set(key, found);
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
