import { doubleMetaphone as dm } from 'double-metaphone';
import { foldAccents } from '../../../shared/text/normalize';

/** Upper-case A–Z letters only, accents folded (`Müller` → `MULLER`, `O'Neill` → `ONEILL`). */
function letters(s: string): string {
  return foldAccents(s)
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

/**
 * Kölner Phonetik (Cologne phonetics, Postel 1969): German-oriented sound code, digits only.
 * `Müller`, `Mueller` and `Muller` all give `657`; `Meier`/`Mayer`/`Meyer` give `67`.
 */
export function cologne(input: string): string {
  const s = letters(input);
  let out = '';
  let prev = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const before = i > 0 ? s[i - 1]! : '';
    const after = i + 1 < s.length ? s[i + 1]! : '';
    let code: string;
    switch (c) {
      case 'A':
      case 'E':
      case 'I':
      case 'J':
      case 'O':
      case 'U':
      case 'Y':
        code = '0';
        break;
      case 'H':
        code = '-';
        break;
      case 'B':
        code = '1';
        break;
      case 'P':
        code = after === 'H' ? '3' : '1';
        break;
      case 'D':
      case 'T':
        code = 'CSZ'.includes(after) && after !== '' ? '8' : '2';
        break;
      case 'F':
      case 'V':
      case 'W':
        code = '3';
        break;
      case 'G':
      case 'K':
      case 'Q':
        code = '4';
        break;
      case 'C':
        if (i === 0) code = after !== '' && 'AHKLOQRUX'.includes(after) ? '4' : '8';
        else if ('SZ'.includes(before)) code = '8';
        else code = after !== '' && 'AHKOQUX'.includes(after) ? '4' : '8';
        break;
      case 'X':
        code = before !== '' && 'CKQ'.includes(before) ? '8' : '48';
        break;
      case 'L':
        code = '5';
        break;
      case 'M':
      case 'N':
        code = '6';
        break;
      case 'R':
        code = '7';
        break;
      default: // S, Z
        code = '8';
    }
    if (code === '-') continue; // H is transparent: "Mueh" keeps collapsing across it
    for (const d of code) {
      if (d !== prev) out += d;
      prev = d;
    }
  }
  // Vowel code 0 only counts at the very start.
  return out.length > 1 ? out[0] + out.slice(1).replace(/0/g, '') : out;
}

/**
 * French phonetic key (Soundex2 of F. Brouard, simplified): hard C/G/Q → K, vowels folded,
 * silent H and final D/T/S/X dropped, doubled letters collapsed, 4 characters.
 * `Dupont`/`Dupond`, `Lefèvre`/`Lefebvre`, `Gauthier`/`Gautier` share a key.
 */
export function frenchPhonetic(input: string): string {
  let s = letters(input);
  if (!s) return '';
  s = s
    .replace(/GUI/g, 'KI')
    .replace(/GUE/g, 'KE')
    .replace(/GA/g, 'KA')
    .replace(/GO/g, 'KO')
    .replace(/GU/g, 'K')
    .replace(/CA/g, 'KA')
    .replace(/CO/g, 'KO')
    .replace(/CU/g, 'KU')
    .replace(/Q/g, 'K')
    .replace(/CC/g, 'K')
    .replace(/CK/g, 'K')
    .replace(/BV/g, 'V'); // Lefebvre ~ Lefèvre
  const first = s[0]!;
  s = first + s.slice(1).replace(/[EIOUY]/g, 'A');
  s = s
    .replace(/^MAC/, 'MCC')
    .replace(/^ASA/, 'AZA')
    .replace(/^KN/, 'NN')
    .replace(/^PF/, 'FF')
    .replace(/^SCH/, 'SSS')
    .replace(/^PH/, 'FF');
  s = s.replace(/([^CS])H/g, '$1').replace(/^H/, '');
  s = s.replace(/([^A])Y/g, '$1');
  s = s.replace(/[ADTSX]+$/, '');
  if (!s) return first;
  s = s[0] + s.slice(1).replace(/A/g, '');
  s = s.replace(/(.)\1+/g, '$1');
  return s.slice(0, 4);
}

/** Double Metaphone primary and alternate codes (Lawrence Philips), via `double-metaphone`. */
export function doubleMetaphone(input: string): [string, string] {
  const s = foldAccents(input).replace(/[^A-Za-z]/g, '');
  if (!s) return ['', ''];
  return dm(s);
}
