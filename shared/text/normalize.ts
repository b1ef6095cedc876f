/** Unicode helpers shared by checks, dedupe, mapping and SQL functions (pure, no Node). */

// eslint-disable-next-line no-control-regex -- the ASCII range, not a control character
const NON_ASCII = /[^\x00-\x7f]/;

/** Removes diacritics: `Genève` → `Geneve`, `Müller` → `Muller`, `ß` → `ss`. */
export function foldAccents(s: string): string {
  // Pure ASCII (most values): NFD is the identity and none of the replacements below can match.
  if (!NON_ASCII.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .replace(/[œŒ]/g, (c) => (c === 'œ' ? 'oe' : 'OE'))
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'));
}

/** Case- and accent-insensitive key with collapsed whitespace: `  Genève ` → `geneve`. */
export function normalizeKey(s: string): string {
  return foldAccents(s).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Key for header names: letters and digits only (`E-Mail ` → `email`, `Prénom` → `prenom`). */
export function compactKey(s: string): string {
  return foldAccents(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
