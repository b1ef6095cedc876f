import { foldAccents } from '../../../shared/text/normalize';

/**
 * Comparison key for town names: accents, case, punctuation and hyphens ignored; `St.`, `Sankt`,
 * `San` → `saint`, `Ste` → `sainte`; `ue`/`oe`/`ae` → `u`/`o`/`a` (umlauts typed as two letters);
 * leading zeros and ordinal endings of numbers dropped so that `Paris 08`, `Paris 8e` and
 * `Paris 8ème` compare equal; `Cedex nn` removed (French business mail).
 */
export function computeTownKey(s: string): string {
  // Most reference names are ASCII: skip the NFD pass then (keeps index builds < 200 ms).
  // eslint-disable-next-line no-control-regex
  const folded = /^[\u0000-\u007f]*$/.test(s) ? s : foldAccents(s);
  return (
    folded
      .toLowerCase()
      .replace(/\bcedex\b(\s*\d+)?/g, ' ')
      .replace(/[^a-z0-9]+/g, ' ')
      .replace(/\b0*(\d+)(?:e|er|eme|ere|th)?\b/g, '$1')
      .replace(/\b(st|sankt|san|sant)\b/g, 'saint')
      .replace(/\bste\b/g, 'sainte')
      // German umlauts typed without the keyboard: `Muenchen`, `Zuerich`, `Koeln` (both sides alike).
      .replace(/([aou])e/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The key without trailing numbers (Swiss post offices: `Lausanne 1`, `Bern 5`). */
export function townKeyWithoutNumber(key: string): string {
  return key.replace(/( \d+)+$/, '');
}

const cache = new Map<string, string>();

/** townKey, cached: the same towns come back on thousands of rows (bounded, per thread). */
export function townKey(s: string): string {
  let key = cache.get(s);
  if (key === undefined) {
    if (cache.size >= 100_000) cache.clear();
    cache.set(s, (key = computeTownKey(s)));
  }
  return key;
}
