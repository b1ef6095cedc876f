/**
 * Proper casing of person names (pure). Only values written entirely in upper or lower case are
 * re-cased: a mixed-case value (`McDonald`, `DeVito`, `van der Berg`) is the person's own spelling.
 */

/** Particles kept lower case inside a name: `Jean-Pierre de la Fontaine`, `Ludwig van Beethoven`. */
const PARTICLES = new Set([
  'de',
  'du',
  'des',
  'del',
  'della',
  'delle',
  'dei',
  'di',
  'da',
  'das',
  'do',
  'dos',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'zu',
  'zum',
  'zur',
  'y',
  'la',
  'le',
  'les',
  'af',
  'av',
]);
/** French/Italian articles that start many surnames (`Le Pen`, `La Rosa`): capitalised when first. */
const ARTICLES = new Set(['la', 'le', 'les', 'lo']);
/** `Mac` is too often a plain name start (Mack, Machado); only these get an inner capital. */
const MAC_NAMES = new Set([
  'macdonald',
  'macleod',
  'mackenzie',
  'macintosh',
  'macmillan',
  'macarthur',
  'macgregor',
  'mackay',
  'maclean',
  'macneil',
]);

function capitalize(w: string): string {
  return w ? w.charAt(0).toUpperCase() + w.slice(1) : w;
}

function casePart(part: string): string {
  const w = part.toLowerCase();
  // d'Alembert, l'Hermite (lower-case elision); O'Neill (Irish O' is capitalised).
  let m = /^([dl])['’](\p{L}.*)$/u.exec(w);
  if (m) return `${m[1]}'${capitalize(m[2]!)}`;
  m = /^(o)['’](\p{L}.*)$/u.exec(w);
  if (m) return `O'${capitalize(m[2]!)}`;
  if (/^mc\p{L}{2,}/u.test(w)) return `Mc${capitalize(w.slice(2))}`;
  if (MAC_NAMES.has(w)) return `Mac${capitalize(w.slice(3))}`;
  return capitalize(w);
}

/** True when the value has letters and all of them are upper case, or all lower case. */
export function isSingleCase(value: string): boolean {
  const upper = value.toUpperCase();
  const lower = value.toLowerCase();
  if (value !== upper && value !== lower) return false;
  // At least two cased letters (`J.` or `12` are not a casing problem).
  let letters = 0;
  for (let i = 0; i < value.length && letters < 2; i++) if (upper[i] !== lower[i]) letters++;
  return letters >= 2 && upper.length === value.length;
}

/**
 * `JEAN-PIERRE DE LA FONTAINE` → `Jean-Pierre de la Fontaine`, `o'neill` → `O'Neill`,
 * `VAN DER BERG` → `van der Berg`, `LE PEN` → `Le Pen`. Spaces are collapsed.
 */
export function properCaseName(value: string): string {
  const tokens = value.trim().split(/\s+/);
  return tokens
    .map((token, i) => {
      const lower = token.toLowerCase();
      const hasNext = i < tokens.length - 1;
      // A particle stays lower case when a name follows it; an article only when it follows a
      // particle (`de la Fontaine`) or another name, not when it starts the surname (`Le Pen`).
      if (hasNext && PARTICLES.has(lower) && (!ARTICLES.has(lower) || i > 0)) return lower;
      return token.split('-').map(casePart).join('-');
    })
    .join(' ');
}

/** True when the value starts with a lower-case particle, where the right casing is a convention. */
export function startsWithParticle(value: string): boolean {
  const first = value.trim().split(/\s+/)[0]!.toLowerCase();
  return PARTICLES.has(first) && !ARTICLES.has(first) && /\s/.test(value.trim());
}
