/** Splitting a full-name cell into first and last name (pure). */

/** Surname particles: a name part starting with one of these belongs to the last name. */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'dei',
  'di',
  'da',
  'dos',
  'das',
  'du',
  'des',
  'la',
  'le',
  'lo',
  'ten',
  'ter',
  'zu',
  'zum',
  'zur',
  'af',
  'al',
  'el',
  'mac',
  "d'",
  'st',
  'st.',
]);

/** Salutations and academic titles sometimes typed into the name cell; they are not names. */
const PREFIXES = new Set([
  'herr',
  'frau',
  'hr',
  'hr.',
  'fr',
  'fr.',
  'm',
  'm.',
  'mme',
  'mme.',
  'mlle',
  'mlle.',
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'dr',
  'dr.',
  'prof',
  'prof.',
  'sig.',
  'sig.ra',
  'signor',
  'signora',
  'monsieur',
  'madame',
  'mademoiselle',
]);

export interface SplitName {
  first: string;
  last: string;
}

function tokens(s: string): string[] {
  return s.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
}

function dropPrefixes(parts: string[]): string[] {
  let i = 0;
  // Keep at least one token: a person called "Herr" alone stays a last name.
  while (i < parts.length - 1 && PREFIXES.has(parts[i]!.toLowerCase())) i++;
  return parts.slice(i);
}

/** "First Middle Last" with surname particles: `Jean-Pierre De La Fontaine` → Jean-Pierre / De La Fontaine. */
function splitFirstLast(parts: string[]): SplitName {
  if (parts.length === 1) return { first: '', last: parts[0]! };
  const particle = parts.findIndex((p, i) => i > 0 && PARTICLES.has(p.toLowerCase()));
  const cut = particle > 0 ? particle : parts.length - 1;
  return { first: parts.slice(0, cut).join(' '), last: parts.slice(cut).join(' ') };
}

/** "Last First" without comma: the last token is the first name (`van der Berg Anna`). */
function splitLastFirst(parts: string[]): SplitName {
  if (parts.length === 1) return { first: '', last: parts[0]! };
  return { first: parts[parts.length - 1]!, last: parts.slice(0, -1).join(' ') };
}

/**
 * Splits a full name. With `auto`, a comma means "Last, First" (`van der Berg, Anna`), otherwise
 * "First Last". A single word is taken as the last name (SecuTix needs one of the two to create an
 * individual, and a lone word in a name column is usually a surname).
 */
export function splitFullName(value: string, order: 'auto' | 'firstLast' | 'lastFirst' = 'auto'): SplitName {
  const v = value.replace(/\s+/g, ' ').trim();
  if (!v) return { first: '', last: '' };
  const comma = v.indexOf(',');
  if (comma >= 0 && order !== 'firstLast') {
    const last = v.slice(0, comma).trim();
    const first = dropPrefixes(tokens(v.slice(comma + 1))).join(' ');
    return last ? { first, last } : splitFirstLast(dropPrefixes(tokens(first)));
  }
  const parts = dropPrefixes(tokens(v.replace(/,/g, ' ')));
  return order === 'lastFirst' ? splitLastFirst(parts) : splitFirstLast(parts);
}
