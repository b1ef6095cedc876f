/**
 * Street-line helpers (pure). SecuTix has LINE1..LINE3 and no house-number column (spec §3.5), so
 * the number stays in the line: these only fix spacing, casing, number order and PO boxes.
 */
import { foldKey } from './name-words';

/** Words kept lower case inside a street name (FR/IT/DE/ES/PT/NL linking words). */
const SMALL_WORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'à',
  'a',
  'au',
  'aux',
  'en',
  'sur',
  'sous',
  'et',
  'di',
  'del',
  'della',
  'dei',
  'degli',
  'delle',
  'da',
  'im',
  'am',
  'an',
  'der',
  'den',
  'bei',
  'zum',
  'zur',
  'auf',
  'in',
  'von',
  'vom',
  'y',
  'do',
  'dos',
  'das',
  'van',
  'het',
  'bis',
  'ter',
  'of',
  'the',
  'and',
  'und',
  'e',
]);
/** Abbreviations written in capitals. */
const UPPER_WORDS = new Set(['cp', 'bp', 'po', 'c/o', 'ch', 'cs', 'cedex', 'pf', 'apt', 'zi', 'za']);
/** French street types, written lower case after a leading number (`12 rue de la Paix`). */
export const FR_STREET_TYPES = new Set([
  'rue',
  'avenue',
  'av',
  'boulevard',
  'bd',
  'chemin',
  'ch',
  'place',
  'pl',
  'allee',
  'impasse',
  'route',
  'rte',
  'quai',
  'cours',
  'square',
  'passage',
  'voie',
  'sentier',
  'faubourg',
  'esplanade',
  'promenade',
]);
/** Suffixes and words that make a line a street in number-after countries (CH/DE/AT/IT/ES/NL/BE/PT). */
const STREET_WORD =
  /(strasse|straße|str\.?|gasse|weg|platz|allee|ring|rain|steig|graben|matt|halde|hof|markt|damm|ufer|pfad|straat|laan|plein|gracht|kade|dijk|^via|^viale|^piazza|^corso|^calle|^avenida|^plaza|^paseo|^rua|^avenue|^rue|^chemin|^route|^place|^quai|^boulevard|^allée|^impasse)$/;

/** Countries that write the house number before the street (`12 rue…`, `10 Downing Street`). */
export const NUMBER_FIRST_COUNTRIES: ReadonlySet<string> = new Set([
  'FR',
  'LU',
  'MC',
  'GB',
  'IE',
  'US',
  'CA',
  'AU',
  'NZ',
]);

function capitalize(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function caseWord(word: string, index: number, afterNumber: boolean): string {
  const lower = word.toLowerCase();
  if (/\d/.test(word)) return word; // `12B`, `3a`, `1er` stay as written
  if (UPPER_WORDS.has(lower.replace(/\.$/, ''))) return word.toUpperCase();
  if (index > 0 && SMALL_WORDS.has(lower)) return lower;
  if (afterNumber && FR_STREET_TYPES.has(foldKey(lower).replace(/\.$/, ''))) return lower;
  const elided = /^([dl])['’](.+)$/.exec(lower);
  // `chemin de l'Etang`, but `L'Isle-Adam` when the elision starts the line.
  if (elided) return `${index > 0 ? elided[1] : elided[1]!.toUpperCase()}'${capitalize(elided[2]!)}`;
  return lower.split('-').map(capitalize).join('-');
}

/** `BAHNHOFSTRASSE 1` → `Bahnhofstrasse 1`, `12 RUE DE LA PAIX` → `12 rue de la Paix`. */
export function properCaseStreet(line: string): string {
  const words = line.trim().split(/\s+/);
  // French usage: the street type after the number stays lower case (`12 rue…`, `12 bis rue…`).
  let typeAt = -1;
  if (/^\d+[a-z]?,?$/i.test(words[0]!)) typeAt = /^(bis|ter|quater),?$/i.test(words[1] ?? '') ? 2 : 1;
  return words.map((w, i) => caseWord(w, i, i === typeAt)).join(' ');
}

/** `Rue de Lausanne12` → `Rue de Lausanne 12`, `12rue de la Paix` → `12 rue de la Paix`. */
export function fixNumberSpacing(line: string): string {
  // Cheap test first: the replacements only apply where a letter touches a digit.
  if (!/\p{L}\.?\d|^\d+\p{L}/u.test(line)) return line;
  return line
    .replace(/(\p{L}{2,}\.?)(\d+\s?[a-zA-Z]?)$/u, '$1 $2')
    .replace(/^(\d+)(\p{L}{3,})/u, (m, n: string, w: string) =>
      /^(bis|ter|quater)$/i.test(w) ? m : `${n} ${w}`,
    );
}

/**
 * The line with the number moved to the country's side, or undefined when nothing to move:
 * `12 Bahnhofstrasse` → `Bahnhofstrasse 12` (CH/DE…), `Rue de la Paix 12` → `12 rue de la Paix` (FR).
 */
export function reorderNumber(line: string, country: string): string | undefined {
  const s = line.trim();
  if (NUMBER_FIRST_COUNTRIES.has(country)) {
    if (country !== 'FR' && country !== 'LU') return undefined;
    const m = /^(\p{L}[\p{L}'’ .-]+?)\s*,?\s+(\d+\s?(?:[a-zA-Z]|bis|ter)?)$/u.exec(s);
    if (!m || !FR_STREET_TYPES.has(foldKey(m[1]!.split(/\s+/)[0]!).replace(/\.$/, ''))) return undefined;
    const street = m[1]!;
    return `${m[2]} ${street.charAt(0).toLowerCase()}${street.slice(1)}`;
  }
  const m = /^(\d+\s?[a-zA-Z]?),?\s+(\p{L}[\p{L}'’ .-]+)$/u.exec(s);
  if (!m) return undefined;
  const words = foldKey(m[2]!).split(/\s+/);
  if (words.length > 4 || !words.some((w) => STREET_WORD.test(w))) return undefined;
  return `${capitalize(m[2]!)} ${m[1]!.replace(/\s/g, '')}`;
}

/** A post-office box: `Postfach 123`, `Case postale 12`, `CP 45`, `BP 12`, `PO Box 5`, `Casella postale 3`. */
export const PO_BOX =
  /\b(?:postfach|case postale|casella postale|c\.?\s?p\.?|b\.?\s?p\.?|p\.?\s?o\.?\s?box|post office box|boite postale|boîte postale|apartado(?: de correos)?|postbus|caixa postal)(?:\s*(?:n[°o.]?\s*)?\d+)?\b/iu;

/** True when the whole line is a PO box (digits optional: `Postfach`). */
export function isPoBox(line: string): boolean {
  const m = PO_BOX.exec(line.trim());
  return !!m && m.index === 0 && m[0].length >= line.trim().replace(/[,.;]$/, '').length;
}

/** Splits `Bahnhofstrasse 1, Postfach 123` into its street and PO box parts. */
export function splitPoBox(line: string): { street: string; box: string } | undefined {
  // The anchored pattern below backtracks; most lines have no PO box at all.
  if (!PO_BOX.test(line)) return undefined;
  const m =
    /^(.*\p{L}.*?)[,;/]?\s+((?:postfach|case postale|casella postale|c\.?p\.?|b\.?p\.?|p\.?\s?o\.?\s?box|boite postale|boîte postale|postbus)\s*(?:n[°o.]?\s*)?\d*)$/iu.exec(
      line.trim(),
    );
  if (!m || !/\d/.test(m[1]!)) return undefined;
  return { street: m[1]!.replace(/[,;]\s*$/, '').trim(), box: m[2]!.trim() };
}

const JUNK_LINES = new Set([
  '-',
  '--',
  '.',
  '..',
  '...',
  '?',
  'x',
  'xx',
  'xxx',
  'xxxx',
  'n/a',
  'na',
  'n.a.',
  'none',
  'null',
  'unknown',
  'inconnu',
  'inconnue',
  'unbekannt',
  'sconosciuto',
  'keine',
  'keine angabe',
  'test',
  'tbd',
  '0',
  '00',
  '000',
  'nil',
  'vide',
  'leer',
  'empty',
  'no address',
  'sans adresse',
  'ohne adresse',
  'adresse',
  'address',
  'asdf',
  '/',
  'nan',
]);

/** An address line that only says "no data". */
export function isJunkLine(line: string): boolean {
  // Placeholders are short; a long line is junk only when it has no letter or digit at all.
  if (line.length > 24) return !/[\p{L}\d]/u.test(line);
  const key = foldKey(line);
  return JUNK_LINES.has(key) || !/[\p{L}\d]/u.test(key) || /^(\p{L})\1{3,}$/u.test(key);
}
